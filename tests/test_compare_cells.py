"""Cells: a witness's sentences in one row, as hashable data."""

from __future__ import annotations

import dataclasses

from tests.builders import make_project
from transcompare.compare.cells import Cell, SentenceText, cell, language_of
from transcompare.model import GAP, Sentence, Span


def test_cell_reads_the_row_and_leaves_out_gap_marks():
    project = make_project({"en-a": ["One.", "/ ... /"], "ru": ["Один."]})
    witness = project.witness("en-a")
    gap = witness.sentences[1]
    witness.sentences[1] = Sentence(gap.id, gap.text, gap.start, gap.end, gap.paragraph, GAP)
    assert cell(project, 0, "en-a") == Cell(
        "en-a", "en", (SentenceText("en-a", "en-a.s1", "One."),)
    )
    assert not cell(project, 1, "en-a")
    assert not cell(project, 1, "ru")


def test_cell_text_words_and_whole_spans():
    side = Cell(
        "w", "en", (SentenceText("w", "w.s1", "A cat, 2 dogs."), SentenceText("w", "w.s2", "Fine."))
    )
    assert side.text == "A cat, 2 dogs. Fine."
    assert side.words == ("A", "cat", "2", "dogs", "Fine")
    assert side.whole() == (Span("w", "w.s1", 0, 14), Span("w", "w.s2", 0, 5))
    assert side and not Cell("w", "en", (SentenceText("w", "w.s3", "  "),))


def test_cells_with_equal_content_are_equal_and_hash_alike():
    a = Cell("w", "en", (SentenceText("w", "w.s1", "x"),))
    b = Cell("w", "en", (SentenceText("w", "w.s1", "x"),))
    assert a == b and hash(a) == hash(b)


def test_language_of():
    assert language_of("ru-RU") == "ru" and language_of("EN_gb") == "en"


def test_a_cell_changed_by_replace_has_its_own_text_and_hash():
    a = Cell("w", "en", (SentenceText("w", "w.s1", "x"),))
    b = dataclasses.replace(
        a, sentences=(SentenceText("w", "w.s1", "y"), SentenceText("w", "w.s2", "z"))
    )
    assert (a.text, b.text) == ("x", "y z")
    assert a != b and hash(b) == hash(Cell("w", "en", b.sentences))
