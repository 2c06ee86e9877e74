"""An original and two translations: their word diff and which one is closer."""

from __future__ import annotations

import zlib

import numpy as np

from tests.builders import make_project
from transcompare.compare.crosslingual import Matcher, MatchSettings
from transcompare.compare.divergence import WORDING
from transcompare.compare.embeddings import Embeddings
from transcompare.compare.threeway import Closeness, closer, row_three_way


def no_meaning(texts):
    """A fake encoder under which two different texts are (almost surely) unrelated."""
    vectors = np.zeros((len(texts), 1024), dtype=np.float32)
    for row, text in enumerate(texts):
        vectors[row, zlib.crc32(text.encode()) % 1024] = 1
    return vectors


def test_three_way_diff_and_the_closer_translation():
    project = make_project(
        {
            "ru": ["Куба принадлежит кубинскому народу."],
            "en-a": ["Cuba belongs to the Cuban people."],
            "en-b": ["Cuba belongs to the Americans."],
        }
    )
    matcher = Matcher(MatchSettings(use_embeddings=False, use_dictionary=False))
    result = row_three_way(project, 0, "ru", "en-a", "en-b", matcher)
    assert [(c.tag, c.a_text, c.b_text) for c in result.diff.changes] == [
        (WORDING, "Cuban people", "Americans")
    ]
    assert result.a.witness == "en-a" and result.b.witness == "en-b"
    assert result.a.unmatched < result.b.unmatched
    assert result.closer == "en-a"


def test_closer_prefers_embedding_similarity_beyond_the_margin():
    a, b = Closeness("a", 0.9, 3, 0), Closeness("b", 0.5, 0, 0)
    assert closer(a, b, 0.02) == "a"
    assert closer(Closeness("a", 0.50, 3, 0), Closeness("b", 0.51, 0, 0), 0.02) == "b"
    assert closer(Closeness("a", 0.5, 1, 1), Closeness("b", 0.5, 2, 0), 0.02) is None


def test_similarity_comes_from_the_embeddings():
    project = make_project({"ru": ["Да."], "en-a": ["Yes."], "en-b": ["Yes."]})
    matcher = Matcher(
        MatchSettings(use_dictionary=False), embeddings=Embeddings(no_meaning), bilingual={}
    )
    result = row_three_way(project, 0, "ru", "en-a", "en-b", matcher)
    assert result.a.similarity == 0.0 and result.closer is None
