"""Names missing in a translation, and one name spelled two ways."""

from __future__ import annotations

from tests.test_qa_base import findings, outline
from transcompare.compare.qa.names import _variant_pairs


def test_transliterated_names_are_found():
    project = {
        "ru": ["Громыко встретился с Кеннеди и Хрущевым."],
        "en": ["Gromyko met Kennedy and Khrushchov."],
    }
    assert findings(project, "names") == []


def test_a_missing_name():
    project = {"ru": ["Громыко встретился с Раском и Дортикосом."], "en": ["Gromyko met Rusk."]}
    assert outline(findings(project, "names")) == [
        (0, "minor", "name «Дортикосом» not found in en", [("ru.s1", 30, 40)])
    ]


def test_a_name_spelled_two_ways():
    project = {
        "ru": ["Хрущев.", "Хрущев.", "Хрущев."],
        "en": ["Premier Khrushchev.", "Premier Khrushchev.", "Premier Khrushchov."],
    }
    assert outline(findings(project, "name-spelling")) == [
        (2, "minor", "«Khrushchov» is elsewhere spelled «Khrushchev»", [("en.s3", 8, 18)])
    ]


def test_words_that_start_alike_are_no_spelling_variants():
    project = {"ru": ["Куба.", "Кубинцы."], "en": ["About Cuba.", "About Cubans."]}
    assert findings(project, "name-spelling") == []


def test_variant_pairs_take_the_first_more_frequent_spelling():
    forms = ["khrushchev", "cuba", "khrushchov", "cuban", "hruschev", "kruschev"]
    assert list(_variant_pairs(forms)) == [
        ("khrushchov", "khrushchev"),
        ("kruschev", "khrushchev"),
    ]
    assert list(_variant_pairs(["kennedy", "kenedy", "kennedi"])) == [
        ("kenedy", "kennedy"),
        ("kennedi", "kennedy"),
    ]
