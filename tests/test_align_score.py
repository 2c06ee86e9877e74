"""The alignment scorer on tiny literal cases: strict and lax hits, precision over all system
beads, recall over two-sided gold beads, sums over documents."""

from __future__ import annotations

import pytest

from transcompare.align.score import Counts, count, score_documents, scores


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # identical: every bead is a strict hit
        ([((0,), (0,)), ((1,), (1,))], [((0,), (0,)), ((1,), (1,))], Counts(2, 2, 2, 2, 2, 2)),
        # a 2:1 gold bead found as 1:1 + 1:0: the 1:1 is a lax hit, the 1:0 is no hit
        ([((0, 1), (0,))], [((0,), (0,)), ((1,), ())], Counts(0, 1, 2, 0, 1, 1)),
        # a gold deletion found exactly counts for precision, not for recall
        ([((0,), (0,)), ((1,), ())], [((0,), (0,)), ((1,), ())], Counts(2, 2, 2, 1, 1, 1)),
        # a wrong pairing shares nothing with the gold bead
        ([((0,), (0,)), ((1,), (1,))], [((0,), (1,)), ((1,), (0,))], Counts(0, 0, 2, 0, 0, 2)),
        # 0:1 system beads are never lax hits
        ([((0,), (0, 1))], [((0,), (0,)), ((), (1,))], Counts(0, 1, 2, 0, 1, 1)),
        # empty beads are ignored
        ([((0,), (0,)), ((), ())], [((0,), (0,)), ((), ())], Counts(1, 1, 1, 1, 1, 1)),
    ],
)
def test_count(gold, system, expected):
    assert count(gold, system) == expected


def test_scores_from_counts():
    result = scores(Counts(1, 2, 2, 0, 1, 1))
    assert (result.precision_strict, result.precision_lax) == (0.5, 1.0)
    assert (result.recall_strict, result.recall_lax) == (0.0, 1.0)
    assert result.f1_strict == 0.0
    assert result.f1_lax == 1.0


def test_hits_are_summed_over_documents_before_dividing():
    documents = [
        ([((0,), (0,))], [((0,), (0,))]),
        ([((0,), (0,)), ((1,), (1,)), ((2,), (2,))], [((0, 1, 2), (0, 1, 2))]),
    ]
    result = score_documents(documents)
    assert result.precision_strict == pytest.approx(1 / 2)
    assert result.recall_strict == pytest.approx(1 / 4)
    assert result.recall_lax == pytest.approx(1.0)


def test_nothing_to_score_gives_zero():
    assert scores(Counts()).f1_strict == 0.0
