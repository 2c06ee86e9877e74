"""Word diffs of two same-language cells: classified changes, spans per sentence, scores."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from transcompare.compare import divergence
from transcompare.compare.bulk import paused
from transcompare.compare.cells import Cell, SentenceText
from transcompare.compare.divergence import (
    ADDITION,
    CASE,
    OMISSION,
    PUNCTUATION,
    SPACING,
    SPELLING,
    WORDING,
    RowDiff,
    compare_cells,
    document_divergence,
    row_diff,
    row_diffs,
    row_divergence,
)
from transcompare.compare.tokens import Normalisation
from transcompare.compare.worddiff import MAX_TOKENS
from transcompare.model import Span


def cell(witness: str, *texts: str, language: str = "en") -> Cell:
    return Cell(
        witness,
        language,
        tuple(SentenceText(witness, f"{witness}.s{i + 1}", t) for i, t in enumerate(texts)),
    )


def changes(a: str, b: str, **options: bool) -> list[tuple[str, str, str]]:
    diff = compare_cells(cell("a", a), cell("b", b), Normalisation(**options))
    return [(c.tag, c.a_text, c.b_text) for c in diff.changes]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The US are here.", "The US are here!", [(PUNCTUATION, ".", "!")]),
        ("They said it.", "they said it.", [(CASE, "They", "they")]),
        ("Khrushchev said so.", "Khrushchov said so.", [(SPELLING, "Khrushchev", "Khrushchov")]),
        ("the states agreed", "the state agreed", [(SPELLING, "states", "state")]),
        ("is worth to whip", "is worth whipping", [(WORDING, "to whip", "whipping")]),
        ("one two three", "one three", [(OMISSION, "two", "")]),
        ("one three", "one two three", [(ADDITION, "", "two")]),
        ("organized policy here", "organized piracy here", [(WORDING, "policy", "piracy")]),
        ("same words", "same words", []),
    ],
)
def test_classified_changes(a, b, expected):
    assert changes(a, b) == expected


def test_changes_separated_by_a_content_word_stay_apart():
    """Shared content words ("talk", "organized") keep changes apart; "of" alone would not."""
    found = changes(
        "There is a talk about actions of organized policy in this region.",
        "People talk about organized piracy in this region.",
    )
    assert found == [
        (WORDING, "There is a", "People"),
        (OMISSION, "actions of", ""),
        (WORDING, "policy", "piracy"),
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, [(CASE, "The", "the"), (PUNCTUATION, ".", "!")]),
        ({"ignore_case": True}, [(PUNCTUATION, ".", "!")]),
        ({"ignore_case": True, "ignore_punctuation": True}, []),
    ],
)
def test_normalisation_options(options, expected):
    assert changes("The end.", "the end!", **options) == expected


def test_spacing_counts_only_when_asked():
    assert changes("a  b", "a b") == []
    assert changes("a  b", "a b", ignore_spacing=False) == [(SPACING, "  ", " ")]


def test_spans_point_into_each_sentence_and_anchor_omissions():
    diff = compare_cells(
        cell("a", "One two.", "Three four."), cell("b", "One.", "Three four five.")
    )
    assert [(c.tag, c.a, c.b) for c in diff.changes] == [
        (OMISSION, (Span("a", "a.s1", 4, 7),), (Span("b", "b.s1", 3, 3),)),
        (ADDITION, (Span("a", "a.s2", 10, 10),), (Span("b", "b.s2", 11, 15),)),
    ]
    assert diff.spans("b") == ((Span("b", "b.s2", 11, 15), ADDITION),)


def test_a_change_across_two_sentences_gives_one_span_per_sentence():
    diff = compare_cells(cell("a", "Alpha beta.", "Gamma delta."), cell("b", "Alpha zeta"))
    (change,) = diff.changes
    assert change.a == (Span("a", "a.s1", 6, 11), Span("a", "a.s2", 0, 12))
    assert change.b == (Span("b", "b.s1", 6, 10),)


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("a b c d", "a b c d", 0.0),
        ("a b c d", "a b c", 0.25),
        ("a b c d", "w x y z", 1.0),
        ("a b c d", "A b c d", 0.25 * 0.25),
        ("", "", 0.0),
    ],
)
def test_scores(a, b, score):
    assert compare_cells(cell("a", a), cell("b", b)).score == pytest.approx(score)


def test_one_empty_side_scores_one():
    assert compare_cells(cell("a", "a b"), Cell("b", "en", ())).score == 1.0


def test_too_long_rows_are_not_compared():
    long = " ".join(f"w{i}" for i in range(MAX_TOKENS + 1))
    diff = compare_cells(cell("a", long), cell("b", "short"))
    assert diff.too_long and diff.score is None and diff.changes == ()


def test_row_functions_on_a_project():
    project = make_project(
        {"en-a": ["A cat sat.", "Dogs bark."], "en-b": ["A cat sat!", "Dogs bark."]}
    )
    diff = row_diff(project, 0, "en-a", "en-b")
    assert isinstance(diff, RowDiff) and [c.tag for c in diff.changes] == [PUNCTUATION]
    assert row_divergence(project, 1, "en-a", "en-b") == 0.0
    assert document_divergence(project, "en-a", "en-b") == pytest.approx(
        0.1 / 7
    )  # one mark of 4 + 3 tokens


def test_every_row_is_diffed_with_collection_paused(monkeypatch):
    project = make_project({"en-a": ["A cat sat.", "Dogs bark."], "en-b": ["A cat sat!", "Dogs."]})
    asked = []

    def recording(*args, **kwargs):
        asked.append(paused())
        return row_diff(*args, **kwargs)

    monkeypatch.setattr(divergence, "row_diff", recording)
    diffs = row_diffs(project, "en-a", "en-b")
    assert [[c.tag for c in d.changes] for d in diffs] == [[PUNCTUATION], [OMISSION]]
    assert asked == [True, True] and not paused()


def test_results_are_cached_by_content():
    project = make_project({"en-a": ["A cat sat."], "en-b": ["A dog sat."]})
    assert row_diff(project, 0, "en-a", "en-b") is row_diff(project, 0, "en-a", "en-b")


def test_a_diff_made_elsewhere_is_kept_as_if_made_here(monkeypatch):
    a, b = cell("en-a", "A cat sat here."), cell("en-b", "A dog sat here.")
    assert divergence.known_diff(a, b) is None
    made = compare_cells(a, b)
    assert divergence.known_diff(a, b) is made
    c, d = cell("en-a", "Cats sat there."), cell("en-b", "Dogs sat there.")
    divergence.remember_diff(c, d, made)

    def failing(*args):
        raise AssertionError("diffed again")

    monkeypatch.setattr(divergence, "_compare", failing)
    assert compare_cells(c, d) is made
