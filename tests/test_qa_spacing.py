"""Spacing: double spaces, unusual spaces, line breaks and edges."""

from __future__ import annotations

from tests.test_qa_base import findings, outline


def test_spacing_problems():
    found = findings({"en": ["A  word\u200bhere", "Broken\nline", " Edge"]}, "spacing")
    assert outline(found) == [
        (0, "minor", "double space", [("en.s1", 1, 3)]),
        (0, "minor", "unusual character: zero width space", [("en.s1", 7, 8)]),
        (1, "neutral", "line break inside a sentence", [("en.s2", 6, 7)]),
        (2, "minor", "space at the edge of a sentence", [("en.s3", 0, 1)]),
    ]


def test_typographic_no_break_spaces_are_fine():
    assert findings({"ru": ["1962\u00a0г.", "150\u202f000 человек"]}, "spacing") == []
