"""Numbers in a sentence, whatever way they are written, as values with their offsets.

Understood: digits with thousands separators ("150,000", "150 000") and decimal commas or points;
number words in English and Russian, Russian in any case form through pymorphy3 ("ста
пятидесяти тысяч"), ordinals ("eighteenth", "восемнадцатого"), mixed forms ("150 thousand",
"1,5 млн"); Roman numerals ("XIX"); dates, taken apart into day, month and year so that
"October 18, 1962", "18 октября 1962 г." and "18.10.1962" all give 18, 10 and 1962.

A mention is *firm* when it surely is a number (digits, Roman numerals, several number words,
a cardinal of two or more) and *soft* otherwise ("one", "first", a lone "thousand", a month
without a day or year): soft mentions can answer a number on the other side, but a soft mention
without an answer is not reported, because "one" and "first" are as often not numbers at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from transcompare.compare.lexicon import ENGLISH, RUSSIAN, lemma
from transcompare.compare.tokens import WORD, Plain, scan

_EN_CARDINALS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}
_EN_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "mln": 10**6,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "billions": 10**9,
}
"""Plurals count only after a number ("150 thousands", a learner's "150 thousand")."""
_EN_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_EN_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sept", "aug"})

_RU_CARDINALS = {
    "ноль": 0,
    "один": 1,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
    "шестьсот": 600,
    "семьсот": 700,
    "восемьсот": 800,
    "девятьсот": 900,
    "полтора": Decimal("1.5"),
    "двое": 2,
    "трое": 3,
    "четверо": 4,
}
_RU_ORDINALS = {
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвертый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
    "одиннадцатый": 11,
    "двенадцатый": 12,
    "тринадцатый": 13,
    "четырнадцатый": 14,
    "пятнадцатый": 15,
    "шестнадцатый": 16,
    "семнадцатый": 17,
    "восемнадцатый": 18,
    "девятнадцатый": 19,
    "двадцатый": 20,
    "тридцатый": 30,
    "сороковой": 40,
    "пятидесятый": 50,
    "шестидесятый": 60,
    "семидесятый": 70,
    "восьмидесятый": 80,
    "девяностый": 90,
    "сотый": 100,
    "тысячный": 1000,
    "миллионный": 10**6,
}
_RU_SCALES = {
    "тысяча": 1000,
    "миллион": 10**6,
    "миллиард": 10**9,
    "тыс": 1000,
    "млн": 10**6,
    "млрд": 10**9,
}
_RU_MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9,
    "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip

_RU_NUMBER_LEMMAS = {**_RU_CARDINALS, **_RU_ORDINALS, **_RU_SCALES, **_RU_MONTHS}
_RU_PREFIXES = frozenset(word[:3] for word in _RU_NUMBER_LEMMAS) | {
    "одн",
    "дву",
    "тре",
    "трё",
    "чет",
    "сем",
    "вос",
    "ста",
    "сот",
    "тыс",
    "дес",
    "пят",
    "шес",
    "пол",
    "мая",
    "мае",
    "маю",
}
"""First letters of every form of a Russian number word: only such words go to pymorphy3."""

_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.,]\d)")
_ISO_DATE = re.compile(r"(?<![\d.,/-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DIGITS = re.compile(
    r"\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*(?!\d)(?:\.\d+)?(?!\d)"
    r"|\d+(?:[.,]\d+)?(?!\d)"
)  # patterns start with \d, so the regex engine skips other characters quickly
_GROUP_SPACES = re.compile(r"[\u00a0\u202f\u2009 ]")
_DECIMAL_MARKS = re.compile(r"[.,]")
_DATE_HINT = re.compile(r"\d[./-]\d")
_ROMAN_HINT = re.compile(r"[MDCLXVI]{2}")
_ROMAN = re.compile(
    r"(?<![\w.])(?=[MDCLXVI]{2,}\b)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_JOINERS = frozenset({"", "-", "and"})
"""What may stand between two parts of one number ("twenty-five", "two hundred and fifty")."""
_EN_WORDS = frozenset([*_EN_CARDINALS, *_EN_ORDINALS, *_EN_SCALES, *_EN_MONTHS])
_ANYTHING = re.compile(r"\d|[MDCLXVI]{2}")
"""Digits or the start of a Roman numeral: without them only number words need looking for."""


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: its value and where it is written (``text[start:end]``)."""

    value: Decimal
    start: int
    end: int
    firm: bool


@dataclass(frozen=True)
class _Piece:
    """A word or digit group that can be part of a number phrase."""

    start: int
    end: int
    value: Decimal
    role: str  # "digits", "unit" (0–999), "scale", "ordinal", "month"
    word: str = ""


def find_numbers(text: str, language: str) -> tuple[NumberMention, ...]:
    """Every number mentioned in ``text``, in order."""
    return _find(text, language)


@lru_cache(maxsize=65536)
def _find(text: str, language: str) -> tuple[NumberMention, ...]:
    words = _number_words(scan(text), language)
    if not words and not _ANYTHING.search(text):
        return ()
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    if _DATE_HINT.search(text):
        for pattern, groups in ((_DATE, (1, 3, 4)), (_ISO_DATE, (1, 2, 3))):
            for match in pattern.finditer(text):
                for group in groups:
                    value = Decimal(match.group(group))
                    mentions.append(
                        NumberMention(value, match.start(group), match.end(group), True)
                    )
                taken.append(match.span())
    if _ROMAN_HINT.search(text):
        for match in _ROMAN.finditer(text):
            if match.group():
                mentions.append(
                    NumberMention(_roman(match.group()), match.start(), match.end(), True)
                )
                taken.append(match.span())
    pieces = []
    for match in _DIGITS.finditer(text):
        value = parse_digits(match.group())
        if (
            value is not None
            and not _inside(match.span(), taken)
            and not _continued(text, match.start())
        ):
            pieces.append(_Piece(match.start(), match.end(), value, "digits"))
    for word, start, end in words:
        if not _inside((start, end), taken):
            pieces.extend(_word_pieces(word, start, language))
    mentions.extend(_phrases(text, sorted(pieces, key=lambda p: p.start)))
    return tuple(sorted(mentions, key=lambda m: m.start))


def _number_words(tokens: Sequence[Plain], language: str) -> list[tuple[str, int, int]]:
    """A cheap first pass: the words that begin like a number word, with their offsets."""
    if language == ENGLISH:
        return [
            (word, start, end)
            for word, _, kind, start, end in tokens
            if kind == WORD and word.partition("-")[0].lower() in _EN_WORDS
        ]
    if language == RUSSIAN:
        return [
            (word, start, end)
            for word, _, kind, start, end in tokens
            if kind == WORD and word[:3].lower() in _RU_PREFIXES
        ]
    return []


def _continued(text: str, start: int) -> bool:
    """Digits right after "3." or "3," continue a number the previous match has taken."""
    return start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit()


def _inside(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


def _roman(numeral: str) -> Decimal:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return Decimal(total)


def is_roman(word: str) -> bool:
    """Whether a word is a Roman numeral of at least two letters ("XIX")."""
    return _ROMAN.fullmatch(word) is not None


def parse_digits(written: str) -> Decimal | None:
    """The value of a group of digits: a comma or space before exactly three digits groups
    thousands, otherwise a comma or point is the decimal mark."""
    if written.isascii() and written.isdigit():
        return Decimal(written)  # most numbers: plain digits
    compact = _GROUP_SPACES.sub("", written)
    parts = _DECIMAL_MARKS.split(compact)
    if (
        len(parts) > 1
        and all(len(p) == 3 for p in parts[1:])
        and parts[0] != "0"
        and ("," in compact and "." not in compact)
    ):
        compact = "".join(parts)
    elif "," in compact and "." in compact:
        compact = compact.replace(",", "")
    else:
        compact = compact.replace(",", ".")
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _word_pieces(word: str, start: int, language: str) -> list[_Piece]:
    """A word as number pieces; hyphenated "twenty-five" gives two pieces."""
    pieces = []
    offset = start
    for part in word.split("-"):
        found = _word_value(part, language)
        if found is None:
            return []
        value, role = found
        pieces.append(_Piece(offset, offset + len(part), Decimal(value), role, part))
        offset += len(part) + 1
    return pieces


def _word_value(word: str, language: str) -> tuple[Decimal | int, str] | None:
    folded = word.casefold()
    if language == RUSSIAN:
        folded = lemma(folded, language)
        tables = ((_RU_CARDINALS, "unit"), (_RU_ORDINALS, "ordinal"), (_RU_SCALES, "scale"),
                  (_RU_MONTHS, "month"))  # fmt: skip
    elif language == ENGLISH:
        tables = ((_EN_CARDINALS, "unit"), (_EN_ORDINALS, "ordinal"), (_EN_SCALES, "scale"),
                  (_EN_MONTHS, "month"))  # fmt: skip
    else:
        return None
    for table, role in tables:
        if folded in table:
            return table[folded], role
    return None


def _phrases(text: str, pieces: Sequence[_Piece]) -> list[NumberMention]:
    """Group adjacent pieces into numbers ("two hundred and fifty thousand" → 250 000)."""
    mentions: list[NumberMention] = []
    group: list[_Piece] = []
    for piece in pieces:
        if group and not _continues(text, group, piece):
            mentions.extend(_close(text, group))
            group = []
        group.append(piece)
    mentions.extend(_close(text, group))
    return mentions


def _continues(text: str, group: Sequence[_Piece], piece: _Piece) -> bool:
    last = group[-1]
    between = text[last.end : piece.start].strip().casefold()
    if between not in _JOINERS or last.role in ("ordinal", "month") or piece.role == "month":
        return False
    if between == "and" and last.role != "scale":
        return False  # "two hundred and fifty", but "two and three" are two numbers
    if piece.role == "scale":
        if last.role == "scale":
            return piece.value > last.value  # "hundred thousand", not "thousand hundred"
        if last.role == "digits":
            return piece.value >= 1000  # "150 thousand"
        return last.role == "unit"
    if last.role == "digits" or piece.role == "digits":
        return False
    return _fits(_small_part(group), piece.value)


def _small_part(group: Sequence[_Piece]) -> Decimal:
    """The part of the number built so far below the last scale word."""
    small = Decimal(0)
    for piece in group:
        if piece.role == "scale":
            small = Decimal(0) if piece.value >= 1000 else small * piece.value
        elif piece.role in ("unit", "ordinal"):
            small += piece.value
    return small


def _fits(small: Decimal, value: Decimal) -> bool:
    """Whether ``value`` can follow ``small`` in one number (twenty + five, not five + twenty)."""
    if small == 0:
        return True
    lowest = small % 100 if value < 100 else small
    if value < 10:
        return small % 10 == 0 and not 10 <= small % 100 <= 19
    if value < 100:
        return lowest == 0
    return False


def _close(text: str, group: list[_Piece]) -> list[NumberMention]:
    if not group:
        return []
    if len(group) == 1 and group[0].role == "month":
        return _month(text, group[0])
    if len(group) == 1 and group[0].word.endswith("s"):
        return []  # "thousands of people" is no number
    total = Decimal(0)
    small = Decimal(0)
    for piece in group:
        if piece.role == "scale":
            if piece.value >= 1000:
                total += (small or 1) * piece.value
                small = Decimal(0)
            else:
                small = (small or 1) * piece.value
        else:
            small += piece.value
    value = total + small
    single = group[0]
    firm = len(group) > 1 or single.role == "digits" or (single.role == "unit" and value >= 2)
    return [NumberMention(value, group[0].start, group[-1].end, firm)]


def _month(text: str, piece: _Piece) -> list[NumberMention]:
    """A month name counts as its number; "may" and "march" only as "May 5", "March 1962"."""
    near = _near_digits(text, piece)
    if piece.word.casefold() in _EN_AMBIGUOUS_MONTHS and not (near and piece.word[0].isupper()):
        return []
    return [NumberMention(piece.value, piece.start, piece.end, near)]


def _near_digits(text: str, piece: _Piece) -> bool:
    """A month name next to a day or a year ("October 18", "18 октября", "May 1962")."""
    before = text[max(0, piece.start - 6) : piece.start]
    after = text[piece.end : piece.end + 6]
    return bool(re.search(r"\d[\s.,]*$", before) or re.match(r"[\s.,]*\d", after))


def unmatched(
    a: Sequence[NumberMention], b: Sequence[NumberMention]
) -> tuple[list[int], list[int]]:
    """Indexes of the firm mentions of ``a`` with no equal value left in ``b``, and the same
    for ``b``; soft mentions answer firm ones but are never reported themselves."""
    if len(a) == len(b) and sorted(m.value for m in a) == sorted(m.value for m in b):
        return [], []  # the same values on both sides, the common case: nothing to pair up
    return _unanswered(a, b), _unanswered(b, a)


def _unanswered(side: Sequence[NumberMention], other: Sequence[NumberMention]) -> list[int]:
    available = Counter(m.value for m in other)
    result = []
    for index in sorted(range(len(side)), key=lambda i: not side[i].firm):
        if available[side[index].value] > 0:
            available[side[index].value] -= 1
        elif side[index].firm:
            result.append(index)
    return sorted(result)


def format_value(value: Decimal) -> str:
    """A value as people write it: ``150000``, ``1.5``."""
    return format(value.normalize(), "f")
