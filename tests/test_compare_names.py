"""Proper names in cells and their counterparts across scripts."""

from __future__ import annotations

import pytest

from transcompare.compare.cells import Cell, SentenceText
from transcompare.compare.names import (
    cell_names,
    has_counterpart,
    is_name,
    missing_names,
    shouting,
    vocabulary,
)


def cell(language: str, *texts: str) -> Cell:
    return Cell("w", language, tuple(SentenceText("w", f"w.s{i}", t) for i, t in enumerate(texts)))


def test_names_of_a_cell():
    side = cell(
        "en",
        "Kennedy met Gromyko at the White House with Nina Petrovna.",
        "N. S. Khrushchev spoke.",
    )
    assert [(n.text, n.span.sentence, n.span.start, n.span.end) for n in cell_names(side)] == [
        ("Gromyko", "w.s0", 12, 19),
        ("Nina", "w.s0", 44, 48),
        ("Petrovna", "w.s0", 49, 57),
        ("Khrushchev", "w.s1", 6, 16),
    ]


def test_russian_names_are_found_by_their_tags_even_first():
    side = cell("ru", "Громыко встретился с Кеннеди в Белом доме.")
    assert [n.text for n in cell_names(side)] == ["Громыко", "Кеннеди"]


def test_headings_have_no_names():
    assert shouting("FROM THE CABLE ABOUT GROMYKO")
    assert cell_names(cell("en", "FROM THE CABLE ABOUT A.A. GROMYKO AND PRESIDENT KENNEDY")) == ()


@pytest.mark.parametrize(
    ("word", "position", "expected"),
    [
        ("Kennedy", 1, True),
        ("Kennedy", 0, False),
        ("N", 1, False),
        ("USA", 1, False),
        ("White", 1, False),
    ],
)
def test_is_name(word, position, expected):
    assert is_name(word, position, "en") is expected


@pytest.mark.parametrize(
    ("name", "language", "other", "expected"),
    [
        ("Хрущева", "ru", ("en", "Khrushchev said"), True),
        ("Хрущев", "ru", ("en", "Khrushchov said"), True),
        ("Москве", "ru", ("en", "in Moscow"), True),
        ("США", "ru", ("en", "the U.S. said"), True),
        ("USA", "en", ("ru", "в США"), True),
        ("Раск", "ru", ("en", "Secretary Rusk"), True),
        ("Латинской", "ru", ("en", "Latin America"), True),
        ("Хрущева", "ru", ("en", "the premier said"), False),
        ("Kennedy", "en", ("en", "Kennedy"), True),
    ],
)
def test_has_counterpart(name, language, other, expected):
    assert has_counterpart(name, language, vocabulary(cell(*other))) is expected


def test_the_vocabulary_of_a_cell_is_that_of_its_sentences():
    words = vocabulary(cell("ru", "В Москве.", "Хрущев-старший и США."))
    assert words.folded == {"в", "москве", "хрущев-старший", "хрущев", "старший", "и", "сша"}
    assert words.keys == ("v", "moskve", "hruskhevstarshi", "hruskhev", "starshi", "i", "sha")
    assert words.exonyms == {
        "moscow",
        *["us", "usa", "u.s", "u.s.a", "united", "states", "america", "american"],
        "americans",
    }


def test_missing_names():
    found = missing_names(cell("ru", "Громыко и Дортикос."), cell("en", "Gromyko came."))
    assert [(n.text, n.span.start) for n in found] == [("Дортикос", 10)]
    assert missing_names(cell("en", "no names here"), cell("ru", "")) == []
