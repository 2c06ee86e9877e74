"""Cosine similarity of texts through a cached encoder."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.compare import embeddings
from transcompare.compare.embeddings import Embeddings


class Counting:
    """A fake encoder: text "a" → (1, 0), anything else → (0, 1); counts what it encodes."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts):
        self.seen.extend(texts)
        return np.array([[1.0, 0.0] if t == "a" else [0.0, 1.0] for t in texts])


def test_similarity_matrix():
    embeddings = Embeddings(Counting())
    assert embeddings.similarity(["a", "b"], ["a"]).tolist() == [[1.0], [0.0]]
    assert embeddings.similarity([], ["a"]).shape == (0, 1)


def test_each_text_is_encoded_once():
    encoder = Counting()
    embeddings = Embeddings(encoder)
    embeddings.vectors(["a", "b", "a"])
    embeddings.vectors(["b", "c"])
    assert encoder.seen == ["a", "b", "c"]


@pytest.mark.slow
def test_the_real_model_relates_translations():
    similarity = Embeddings().similarity(["пиратство", "правительство"], ["piracy", "government"])
    assert similarity[0, 0] > 0.6 and similarity[1, 1] > 0.6
    assert similarity[0, 1] < 0.6 and similarity[1, 0] < 0.6


def test_vectors_stay_right_when_the_memory_is_full(monkeypatch):
    monkeypatch.setattr(embeddings, "MEMORY", 3)
    encoder = Counting()
    at_hand = Embeddings(encoder)
    assert at_hand.vectors(["a", "b"]).tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert at_hand.vectors(["c", "a", "d"]).tolist() == [[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]
    assert at_hand.vectors(["b", "a"]).tolist() == [[0.0, 1.0], [1.0, 0.0]]
    assert encoder.seen == ["a", "b", "c", "d", "b"]  # "a" was kept: the request needed it
