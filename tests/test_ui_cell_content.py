"""What a cell shows: sentence offsets in the joined text, marks from spans, spans from a
selection."""

from __future__ import annotations

import pytest

from transcompare.model import GAP, Sentence, Span
from transcompare.ui.cell_content import ELISION, SEPARATOR, Mark, cell_content

ONE = Sentence("en.s1", "One two.", 0, 8, 0)
TWO = Sentence("en.s2", "Three.", 9, 15, 0)
GAP_MARK = Sentence("en.s3", "/ ... /", 16, 23, 0, kind=GAP)


def test_sentences_are_joined_by_a_line_separator():
    content = cell_content([ONE, TWO])
    assert content.text == f"One two.{SEPARATOR}Three."
    assert content.starts == (0, 9)
    assert content.sentence_range("en.s2") == (9, 15)
    assert not content.empty


def test_an_empty_cell_has_no_text():
    content = cell_content([])
    assert (content.text, content.empty) == ("", True)


def test_elisions_are_marked():
    assert cell_content([ONE, GAP_MARK]).marks == (Mark(ELISION, 9, 16),)


@pytest.mark.parametrize(
    "offset, expected",
    [(0, (0, 0)), (4, (0, 4)), (8, (0, 8)), (9, (1, 0)), (12, (1, 3)), (15, (1, 6))],
)
def test_locate_maps_cell_offsets_to_sentences(offset, expected):
    assert cell_content([ONE, TWO]).locate(offset) == expected


def test_marks_for_keeps_spans_of_this_cell_only():
    content = cell_content([ONE, TWO])
    spans = [Span("en", "en.s2", 0, 5), Span("en", "en.s9", 0, 2)]
    assert content.marks_for("diff", spans, "wording") == [Mark("diff", 9, 14, "wording")]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (4, 7, (Span("en", "en.s1", 4, 7),)),
        (4, 12, (Span("en", "en.s1", 4, 8), Span("en", "en.s2", 0, 3))),
        (8, 9, ()),
        (0, 15, (Span("en", "en.s1", 0, 8), Span("en", "en.s2", 0, 6))),
    ],
)
def test_spans_between_splits_a_selection_by_sentence(start, end, expected):
    assert cell_content([ONE, TWO]).spans_between("en", start, end) == expected
