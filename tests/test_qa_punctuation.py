"""Punctuation: different sentence ends, doubled marks, space before a mark."""

from __future__ import annotations

import pytest

from tests.test_qa_base import findings, outline


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Кто?", "Who?"),
        ("«Да».", '"Yes."'),
        ("Итак...", "So…"),
        ("18 октября 1962 г.", "October 18, 1962"),
        ("И т. д.", "Etc"),
    ],
)
def test_same_endings(ru, en):
    assert findings({"ru": [ru], "en": [en]}, "punctuation") == []


def test_different_ending():
    found = findings({"ru": ["Кто это сделал?"], "en": ["Who did it."]}, "punctuation")
    assert outline(found) == [
        (
            0,
            "minor",
            "ru ends with a question mark, en with a full stop",
            [("ru.s1", 14, 15), ("en.s1", 10, 11)],
        )
    ]


def test_doubled_marks_and_space_before_a_mark():
    """ " .." is reported once, as doubled; "..." and "?!" are no doubled marks."""
    found = findings({"en": ["Yes,, he said .. Really !", "Wait... what?!"]}, "punctuation")
    assert outline(found) == [
        (0, "minor", "doubled punctuation «,,»", [("en.s1", 3, 5)]),
        (0, "minor", "doubled punctuation «..»", [("en.s1", 14, 16)]),
        (0, "minor", "space before «!»", [("en.s1", 23, 25)]),
    ]


def test_french_spaces_before_high_marks_are_fine():
    assert findings({"fr": ["Vraiment ?"]}, "punctuation") == []
