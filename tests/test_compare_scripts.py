"""Cyrillic, Latin and words that mix them."""

from __future__ import annotations

import pytest

from transcompare.compare.scripts import (
    CYRILLIC_WORD,
    MIXED_WORD,
    has_cyrillic,
    has_latin,
    looks_latin,
    writes_cyrillic,
)


@pytest.mark.parametrize(
    ("text", "mixed"),
    [("Mосква", ["Mосква"]), ("cоmputer", ["cоmputer"]), ("Москва and London", []), ("", [])],
)
def test_mixed_words(text, mixed):
    assert [m.group() for m in MIXED_WORD.finditer(text)] == mixed


def test_cyrillic_words_and_lookalikes():
    assert [m.group() for m in CYRILLIC_WORD.finditer("the ТОР word and мир")] == ["ТОР", "мир"]
    assert looks_latin("ТОР") and not looks_latin("мир")
    assert has_cyrillic("a б") and not has_cyrillic("ab")


def test_languages_written_in_cyrillic():
    assert writes_cyrillic("ru") and writes_cyrillic("uk") and not writes_cyrillic("en")


@pytest.mark.parametrize(
    ("text", "expected"), [("Москва", False), ("Мoсква", True), ("Café", True), ("123 ...", False)]
)
def test_has_latin(text, expected):
    assert has_latin(text) is expected
