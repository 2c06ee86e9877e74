"""Bead costs: spans built from box sums match spans computed directly, and better matches
cost less."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.align.config import AlignConfig
from transcompare.align.features import normalise, pair_features
from transcompare.align.scoring import Scorer
from transcompare.align.search import Band

SHAPES = [(1, 0), (1, 1), (1, 2), (2, 1), (2, 2)]


def test_span_similarity_from_box_sums_equals_the_direct_cosine():
    rng = np.random.default_rng(3)
    src_vectors = normalise(rng.standard_normal((6, 8)).astype(np.float32))
    tgt_vectors = normalise(rng.standard_normal((5, 8)).astype(np.float32))
    src, tgt = pair_features(["x"] * 6, ["y"] * 5)
    scorer = Scorer(
        src.with_vectors(src_vectors),
        tgt.with_vectors(tgt_vectors),
        AlignConfig(),
        SHAPES,
        1.0,
        False,
    )
    similarity = scorer._similarity(2, 7, 0, 5)
    for index, (a, b) in enumerate(SHAPES):
        if not (a and b):
            continue
        for i in range(2, 7):
            for j in range(b, 6):
                left = src_vectors[i - a : i].sum(0)
                right = tgt_vectors[j - b : j].sum(0)
                expected = left @ right / np.linalg.norm(left) / np.linalg.norm(right)
                assert abs(similarity[index, i - 2, j] - expected) < 1e-5


def test_costs_of_a_block_match_costs_of_single_rows():
    rng = np.random.default_rng(5)
    texts = [f"Sentence {k} about {w} and Paris." for k, w in enumerate("abcdefgh")]
    src, tgt = pair_features(texts, texts[::-1], [0, 0, 1, 1, 2, 2, 3, 3], [0, 0, 1, 1, 2, 2, 3, 3])
    vectors = normalise(rng.standard_normal((8, 8)).astype(np.float32))
    scorer = Scorer(
        src.with_vectors(vectors),
        tgt.with_vectors(vectors[::-1]),
        AlignConfig(),
        SHAPES,
        1.1,
        True,
    )
    band = Band.full(8, 8)
    whole = scorer.costs(band, 0, 9)
    for row in range(9):
        cells = slice(band.offsets[row], band.offsets[row + 1])
        assert np.allclose(whole[:, cells], scorer.costs(band, row, row + 1), atol=1e-5)


def test_a_matching_pair_costs_less_than_a_mismatched_one():
    texts = ["Kennedy met Gromyko on 18 October 1962.", "The weather was fine that day."]
    src, tgt = pair_features(texts, texts)
    scorer = Scorer(src, tgt, AlignConfig(), SHAPES, 1.0, True)
    band = Band.full(2, 2)
    costs = scorer.costs(band, 0, 3)
    one_to_one = SHAPES.index((1, 1))

    def cost(i, j):
        return costs[one_to_one, band.offsets[i] + j - band.lo[i]]

    assert cost(1, 1) < cost(1, 2)
    assert cost(2, 2) < cost(2, 1)
    assert np.isinf(costs[one_to_one, 0])  # no bead ends at (0, 0)


def _diagonal_costs(src_texts: list[str], tgt_texts: list[str], cosine: float) -> list[float]:
    """The cost of each 1:1 bead (i, i) when sentence i of each side has vectors at ``cosine``
    and all other pairs are unrelated."""
    n = len(src_texts)
    src, tgt = pair_features(src_texts, tgt_texts)
    vectors_src = np.eye(n, 2 * n, dtype=np.float32)
    vectors_tgt = np.hstack([cosine * np.eye(n), np.sqrt(1 - cosine**2) * np.eye(n)])
    scorer = Scorer(
        src.with_vectors(vectors_src),
        tgt.with_vectors(vectors_tgt.astype(np.float32)),
        AlignConfig(),
        SHAPES,
        1.0,
        False,
    )
    costs = scorer.costs(Band.full(n, n), 0, n + 1)[SHAPES.index((1, 1))]
    cells = Band.full(n, n)
    return [float(costs[cells.offsets[i + 1] + i + 1]) for i in range(n)]


def test_embedding_evidence_counts_per_sentence_not_per_character():
    short, long = _diagonal_costs(
        ["Glück ?", "wir erreichten den gipfel vor mittag und das wetter hielt den ganzen tag"],
        ["Chance", "nous avons atteint le sommet avant midi et le temps a tenu toute la journée"],
        0.7,
    )
    assert short < AlignConfig().delete_cost * 2  # a short translation is kept, not dropped
    assert short == pytest.approx(long, abs=0.05)


def test_a_closer_pair_costs_less():
    texts = (["Guten Tag."], ["Bonjour."])
    assert _diagonal_costs(*texts, 0.8)[0] < _diagonal_costs(*texts, 0.3)[0]
