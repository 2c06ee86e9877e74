"""Numbers missing, added or changed, however they are written."""

from __future__ import annotations

import pytest

from tests.test_qa_base import findings, outline


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Встреча 18 октября 1962 г.", "The meeting on October 18, 1962."),
        ("Призыв ста пятидесяти тысяч резервистов.", "The draft of 150 thousand reservists."),
        ("Призыв 150 000 резервистов.", "The draft of 150,000 reservists."),
        ("Это XIX век.", "This is the nineteenth century."),
        ("Две страны.", "Two countries."),
        ("Одна из стран.", "The first of them."),
    ],
)
def test_same_numbers_written_differently(ru, en):
    assert findings({"ru": [ru], "en": [en]}, "numbers") == []


def test_a_changed_number_is_one_finding_with_both_spans():
    found = findings(
        {"ru": ["Встреча 18 октября."], "en": ["The meeting on October 19."]}, "numbers"
    )
    assert outline(found) == [
        (0, "major", "18 in ru is 19 in en", [("ru.s1", 8, 10), ("en.s1", 23, 25)])
    ]


def test_missing_and_extra_numbers():
    found = findings({"ru": ["В 1961 и 1962 годах."], "en": ["In 1962, 1963 and 1964."]}, "numbers")
    assert outline(found) == [
        (0, "major", "1961 in ru is missing from en", [("ru.s1", 2, 6)]),
        (0, "major", "1963 in en is not in ru", [("en.s1", 9, 13)]),
        (0, "major", "1964 in en is not in ru", [("en.s1", 18, 22)]),
    ]
