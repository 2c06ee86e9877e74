"""Numbers however written: digits, words in English and Russian, Roman numerals, dates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from transcompare.compare.numbers import (
    NumberMention,
    find_numbers,
    format_value,
    is_roman,
    parse_digits,
    unmatched,
)


def values(text: str, language: str) -> list[tuple[str, str, bool]]:
    return [
        (text[m.start : m.end], format_value(m.value), m.firm) for m in find_numbers(text, language)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("150,000 men", "en", [("150,000", "150000", True)]),
        ("150 000 men", "ru", [("150 000", "150000", True)]),
        ("150 thousand men", "en", [("150 thousand", "150000", True)]),
        ("150 thousands of reservists", "en", [("150 thousands", "150000", True)]),
        ("сто пятьдесят тысяч", "ru", [("сто пятьдесят тысяч", "150000", True)]),
        ("ста пятидесяти тысяч", "ru", [("ста пятидесяти тысяч", "150000", True)]),
        ("150 тыс. человек", "ru", [("150 тыс", "150000", True)]),
        ("1,5 млн", "ru", [("1,5 млн", "1500000", True)]),
        ("1.5 million", "en", [("1.5 million", "1500000", True)]),
        ("two hundred and fifty", "en", [("two hundred and fifty", "250", True)]),
        ("twenty-five", "en", [("twenty-five", "25", True)]),
        ("двух стран", "ru", [("двух", "2", True)]),
        ("two and three", "en", [("two", "2", True), ("three", "3", True)]),
        ("XIX век", "ru", [("XIX", "19", True)]),
        ("3,5 and 3.5", "en", [("3,5", "3.5", True), ("3.5", "3.5", True)]),
        ("1961-1963", "en", [("1961", "1961", True), ("1963", "1963", True)]),
    ],
)
def test_numbers(text, language, expected):
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "October 18, 1962",
            "en",
            [("October", "10", True), ("18", "18", True), ("1962", "1962", True)],
        ),
        (
            "18 октября 1962 г.",
            "ru",
            [("18", "18", True), ("октября", "10", True), ("1962", "1962", True)],
        ),
        ("20/10/1962", "en", [("20", "20", True), ("10", "10", True), ("1962", "1962", True)]),
        ("18.10.1962", "ru", [("18", "18", True), ("10", "10", True), ("1962", "1962", True)]),
        (
            "восемнадцатого октября",
            "ru",
            [("восемнадцатого", "18", False), ("октября", "10", False)],
        ),
        ("in October", "en", [("October", "10", False)]),
        ("on May 5", "en", [("May", "5", True), ("5", "5", True)]),
        ("May I ask you", "en", []),
        ("we may march", "en", []),
    ],
)
def test_dates_give_day_month_and_year(text, language, expected):
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("no one came", "en"),
        ("the first time", "en"),
        ("одна из стран", "ru"),
        ("тысячи людей", "ru"),
    ],
)
def test_words_that_are_often_no_numbers_are_soft(text, language):
    assert [m.firm for m in find_numbers(text, language)] == [False]


@pytest.mark.parametrize(
    ("text", "language"),
    [("thousands of people", "en"), ("с семьей", "ru"), ("Kennedy said", "en"), ("", "ru")],
)
def test_no_numbers(text, language):
    assert find_numbers(text, language) == ()


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("150,000", "150000"),
        ("1,5", "1.5"),
        ("0,125", "0.125"),
        ("1,500.50", "1500.50"),
        ("150\u00a0000", "150000"),
    ],
)
def test_parse_digits(written, value):
    assert parse_digits(written) == Decimal(value)


@pytest.mark.parametrize(
    ("word", "roman"),
    [("XIX", True), ("MCMLXII", True), ("IIII", False), ("I", False), ("USA", False)],
)
def test_is_roman(word, roman):
    assert is_roman(word) is roman


def mention(value: int, firm: bool = True) -> NumberMention:
    return NumberMention(Decimal(value), 0, 1, firm)


def test_unmatched_compares_values_as_multisets():
    a = [mention(18), mention(1962), mention(18)]
    b = [mention(1962), mention(19), mention(18)]
    assert unmatched(a, b) == ([2], [1])


def test_soft_mentions_answer_firm_ones_but_are_never_reported():
    assert unmatched([mention(1)], [mention(1, firm=False)]) == ([], [])
    assert unmatched([mention(1, firm=False)], []) == ([], [])


def test_the_same_values_in_any_order_leave_nothing_unmatched():
    a = [mention(18), mention(1962, firm=False), mention(5)]
    assert unmatched(a, [mention(5), mention(18), mention(1962)]) == ([], [])
