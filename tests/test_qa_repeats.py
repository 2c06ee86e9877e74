"""Repeated words in both languages."""

from __future__ import annotations

from tests.test_qa_base import findings, outline


def test_repeated_words():
    found = findings(
        {"ru": ["Он был в в Москве."], "en": ["The the meeting. It had had no end."]},
        "repeated-words",
    )
    assert outline(found) == [
        (0, "minor", "«в» repeated", [("ru.s1", 7, 10)]),
        (0, "minor", "«The» repeated", [("en.s1", 0, 7)]),
    ]


def test_words_repeated_across_punctuation_are_fine():
    assert findings({"en": ["Well, well."]}, "repeated-words") == []
