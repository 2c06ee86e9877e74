"""Paragraph clean-up, page-break joining, elision marks, and assembling a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import ARCHIVE_HEADER, ARCHIVE_METADATA
from transcompare.errors import InputError
from transcompare.importers.document import (
    assemble,
    clean_paragraphs,
    find_gaps,
    from_flat_paragraphs,
    join_page_breaks,
)

PATH = Path("doc.txt")


def test_clean_paragraphs_strips_drops_empty_and_closes_inner_blank_lines() -> None:
    assert clean_paragraphs(["  one\n", "", " \n\t", "two\n \nlines", "a\nb"]) == [
        "one",
        "two\nlines",
        "a\nb",
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["to have those statements of the Cuban government, though those", "statements are"],
            ["to have those statements of the Cuban government, though those statements are"],
        ),
        (["training can", "represent a threat"], ["training can represent a threat"]),
        (["I don't know what", "can be the outcome."], ["I don't know what can be the outcome."]),
        (["the people -", "that is the field"], ["the people - that is the field"]),
        (["in the", "second half"], ["in the second half"]),
        (["the word —", "The end"], ["the word — The end"]),
        (["he said", "«и всё»"], ["he said «и всё»"]),
        (["One.", "two"], ["One.", "two"]),
        (["Who?", "nobody"], ["Who?", "nobody"]),
        (["the following:", "first"], ["the following:", "first"]),
        (['"quoted"', "then"], ['"quoted"', "then"]),
        (["A HEADING", "October 18, 1962"], ["A HEADING", "October 18, 1962"]),
        (["no stop", "Capital"], ["no stop", "Capital"]),
        (["a", "b", "c."], ["a b c."]),
    ],
)
def test_join_page_breaks(paragraphs: list[str], expected: list[str]) -> None:
    assert join_page_breaks(paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("important issues. / ... / Now", ["/ ... /"]),
        ("a /.../ b [...] c [ … ] d <. . .> e", ["/.../", "[...]", "[ … ]", "<. . .>"]),
        ("and/or ... so on / .. /", []),
        ("(...) is not one", []),
    ],
)
def test_find_gaps(text: str, marks: list[str]) -> None:
    assert [text[start:end] for start, end in find_gaps(text)] == marks


def test_assemble_joins_paragraphs_with_a_blank_line() -> None:
    document = assemble(PATH, ["One. / ... /", "Two."], metadata={"title": "T"}, encoding="utf-8")
    assert document.text == "One. / ... /\n\nTwo."
    assert document.paragraphs == [(0, 12), (14, 18)]
    assert document.gaps == [(5, 12)]
    assert (document.metadata, document.encoding, document.sentences) == (
        {"title": "T"},
        "utf-8",
        None,
    )


def test_assemble_places_sentences_in_the_whole_text() -> None:
    document = assemble(PATH, ["A. B.", "C."], sentences=[[(0, 2), (3, 5)], [(0, 2)]])
    assert document.sentences == [(0, 2, 0), (3, 5, 0), (7, 9, 1)]


def test_assemble_refuses_a_document_without_text() -> None:
    with pytest.raises(InputError, match="doc.txt: contains no text"):
        assemble(PATH, [])


def test_flat_paragraphs_lose_the_archive_header_and_page_breaks() -> None:
    document = from_flat_paragraphs(
        PATH,
        ["May 1, 1960", "A title", *ARCHIVE_HEADER, "Body without", "end."],
        encoding="cp1251",
        metadata={"author": "X"},
    )
    assert document.text == "Body without end."
    assert document.metadata == {
        "author": "X",
        "date": "May 1, 1960",
        "title": "A title",
        **ARCHIVE_METADATA,
    }
