"""Unaligned sentences joining a neighbouring bead. The embedding is replaced by a bag of words,
so that a text's vector is the sum of its words' and joining the right fragment makes the two
sides of a bead identical."""

from __future__ import annotations

import zlib
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import make_project
from transcompare.align import AlignConfig, align_project, align_texts, texts
from transcompare.align.beads import covers
from transcompare.align.embed import Embedder
from transcompare.align.strays import attach_strays
from transcompare.model import CONFIRMED, Row
from transcompare.progress import run


def bag_of_words(batch: list[str]) -> np.ndarray:
    vectors = np.zeros((len(batch), 512), dtype=np.float32)
    for row, text in enumerate(batch):
        for word in text.lower().split():
            vectors[row, zlib.crc32(word.encode()) % 512] += 1.0
    return vectors


@pytest.fixture
def model(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(Embedder, "_encode", lambda self, batch: bag_of_words(batch))
    return Embedder(threads=1)


SRC = ["the cat sat", "on the mat", "birds fly south"]
TGT = ["the cat sat on the mat", "birds fly south"]
STRAY_IN_SOURCE = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]


def attached(model, beads, src=SRC, tgt=TGT, confidence=None, fixed=(), largest=5):
    confidence = confidence or [0.9] * len(beads)
    return run(attach_strays(beads, confidence, src, tgt, model, fixed, largest))


def test_a_fragment_joins_the_sentence_that_translates_it(model):
    beads, confidence = attached(model, STRAY_IN_SOURCE, confidence=[0.9, 0.4, 0.8])
    assert beads == [(0, 2, 0, 1), (2, 3, 1, 2)]
    assert confidence == [0.4, 0.8]  # the lower of the two: the search did not choose the join


def test_a_target_fragment_joins_the_bead_after_it(model):
    src = ["birds fly south", "the cat sat on the mat"]
    tgt = ["birds fly south", "the cat", "sat on the mat"]
    beads = [(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3)]
    assert attached(model, beads, src, tgt)[0] == [(0, 1, 0, 1), (1, 2, 1, 3)]


def test_an_unrelated_sentence_stays_unaligned(model):
    src = ["the cat sat", "a note by the editor", "birds fly south"]
    tgt = ["the cat sat", "birds fly south"]
    beads = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    assert attached(model, beads, src, tgt)[0] == beads


@pytest.mark.parametrize("fixed", [[(0, 1, 0, 1)], [(1, 2, 1, 1)]])
def test_fixed_beads_neither_take_nor_give(model, fixed):
    assert attached(model, STRAY_IN_SOURCE, fixed=fixed)[0] == STRAY_IN_SOURCE


def test_no_join_crosses_an_empty_fixed_bead(model):
    src = ["birds fly south", "on the mat", "the cat sat"]
    tgt = ["birds fly south", "the cat sat on the mat"]
    beads = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    assert attached(model, beads, src, tgt)[0] == [(0, 1, 0, 1), (1, 3, 1, 2)]
    # a kept row with nothing of either side cuts the alignment where the two beads meet
    assert attached(model, beads, src, tgt, fixed=[(2, 2, 1, 1)])[0] == beads


def test_a_kept_row_of_a_third_witness_keeps_every_sentence_in_its_stretch(model):
    # en-b says in one sentence what en-a says in two, across a confirmed row that holds only
    # a sentence of en-c: "on the mat" would join its neighbour across that row
    project = make_project(
        {
            "en-a": ["the cat sat", "on the mat", "birds fly south"],
            "en-b": ["the cat sat on the mat", "birds fly south"],
            "en-c": ["the cat sat", "a note", "on the mat", "birds fly south"],
        }
    )
    a, b, c = (project.witness(w) for w in ("en-a", "en-b", "en-c"))
    kept = Row({"en-a": (), "en-b": (), "en-c": (c.sentences[1].id,)}, status=CONFIRMED)
    first = Row(
        {"en-a": (a.sentences[0].id,), "en-b": (b.sentences[0].id,), "en-c": (c.sentences[0].id,)}
    )
    rest = Row(
        {
            "en-a": (a.sentences[1].id, a.sentences[2].id),
            "en-b": (b.sentences[1].id,),
            "en-c": (c.sentences[2].id, c.sentences[3].id),
        }
    )
    project.set_rows([first, kept, rest])
    rows = run(align_project(project, AlignConfig(use_embeddings=True)))
    assert rows[1] == kept
    project.set_rows(rows)
    assert project.check() == []


def test_no_bead_grows_beyond_the_largest_shape(model):
    assert attached(model, STRAY_IN_SOURCE, largest=2)[0] == STRAY_IN_SOURCE


def test_fragments_in_a_row_join_one_after_another(model):
    src, tgt = ["the cat", "sat on", "the mat"], ["the cat sat on the mat"]
    beads = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 1)]
    assert attached(model, beads, src, tgt)[0] == [(0, 3, 0, 1)]


def test_fragments_on_both_sides_of_a_bead_both_join(model):
    src, tgt = ["on the", "the cat sat", "mat"], ["the cat sat on the mat"]
    beads = [(0, 1, 0, 0), (1, 2, 0, 1), (2, 3, 1, 1)]
    assert attached(model, beads, src, tgt)[0] == [(0, 3, 0, 1)]


def test_a_fragment_that_does_not_belong_stays_when_another_joins(model):
    src, tgt = ["the cat sat", "on the mat", "the dog ran"], ["the cat sat on the mat"]
    beads = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 1)]
    assert attached(model, beads, src, tgt)[0] == [(0, 2, 0, 1), (2, 3, 1, 1)]


@pytest.mark.parametrize(
    ("config", "called"),
    [
        (AlignConfig(use_embeddings=True), True),
        (AlignConfig(use_embeddings=True, attach_strays=False), False),
        (AlignConfig(use_embeddings=False), False),
    ],
)
def test_alignment_attaches_strays_only_with_the_embedding(model, monkeypatch, config, called):
    calls = []

    def recording(beads, confidence, *args, **kwargs):
        calls.append(args)
        return (yield from attach_strays(beads, confidence, *args, **kwargs))

    monkeypatch.setattr(texts, "attach_strays", recording)
    run(align_texts(SRC, TGT, "de", "fr", config))
    assert bool(calls) is called


words = st.sampled_from(["the", "cat", "sat", "on", "mat", "birds", "fly", "south", "a", "note"])
sentences = st.lists(st.lists(words, min_size=1, max_size=5).map(" ".join), max_size=10)
SHAPES = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)]


@st.composite
def texts_and_fixed(draw):
    """Two texts and some beads of one way to align them, to be kept as they are."""
    src, tgt = draw(sentences), draw(sentences)
    beads, i, j = [], 0, 0
    while i < len(src) or j < len(tgt):
        a, b = draw(
            st.sampled_from([s for s in SHAPES if i + s[0] <= len(src) and j + s[1] <= len(tgt)])
        )
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    fixed = [bead for bead in beads if draw(st.booleans()) and draw(st.booleans())]
    return src, tgt, fixed


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=texts_and_fixed())
def test_beads_still_cover_every_sentence_once_and_keep_the_fixed_ones(model, case):
    src, tgt, fixed = case
    result = run(align_texts(src, tgt, "de", "fr", AlignConfig(use_embeddings=True), fixed=fixed))
    assert covers(result.beads, len(src), len(tgt))
    assert all(bead in result.beads for bead in fixed)
    assert all(len(s) + len(t) <= 5 for s, t in result.beads)
    assert len(result.confidence) == len(result.beads)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    versions=st.lists(sentences.filter(bool), min_size=3, max_size=3),
    confirmed=st.sets(st.integers(0, 9)),
)
def test_confirmed_rows_of_some_witnesses_only_stay_and_no_sentence_is_lost(
    model, versions, confirmed
):
    project = make_project(dict(zip(("en-a", "en-b", "en-c"), versions, strict=True)))
    kept = [
        replace(r, status=CONFIRMED) if k in confirmed else r for k, r in enumerate(project.rows)
    ]
    project.set_rows(kept)
    rows = run(align_project(project, AlignConfig(use_embeddings=True)))
    assert [r for r in rows if r.confirmed] == [r for r in kept if r.confirmed]
    project.set_rows(rows)
    assert project.check() == []
