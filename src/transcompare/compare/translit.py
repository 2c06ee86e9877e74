"""Names across scripts: Russian → Latin transliteration, and a spelling key shared by both.

The table follows BGN/PCGN (the system English-language archives and newspapers use: Хрущёв →
Khrushchev, Громыко → Gromyko), simplified to plain ASCII. To compare a transliterated Russian
word with an English spelling, both are reduced to a *key* that forgets the differences
transliteration systems and English habits make (c/k, w/v, y/i, doubled letters); callers
compare keys with rapidfuzz. Names whose English form is not a transliteration (exonyms such as
Москва → Moscow, acronyms such as США → USA) come from a short table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from transcompare.compare.scripts import has_cyrillic

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}  # fmt: skip
_IOTATED = {"е": "ye", "ё": "yo"}
_VOWELS = set("аеёиоуыэюяй") | {"ъ", "ь"}

_KEY_RULES = (
    ("shch", "sch"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("x", "ks"),
    ("c", "k"), ("q", "k"), ("w", "v"), ("j", "dzh"), ("y", "i"), ("ie", "i"), ("ee", "i"),
    ("ou", "u"),
)  # fmt: skip

EXONYMS: dict[str, frozenset[str]] = {
    ru: frozenset(en.split("|"))
    for ru, en in {
        "сша": "us|usa|u.s|u.s.a|united|states|america|american|americans",
        "ссср": "ussr|soviet|union|soviets",
        "оон": "un|u.n|united|nations",
        "нато": "nato",
        "кпсс": "cpsu",
        "цк": "cc|central|committee",
        "цру": "cia",
        "фбр": "fbi",
        "кгб": "kgb",
        "мид": "ministry|foreign|mfa",
        "ээс": "eec",
        "фрг": "frg|federal|republic|germany|west",
        "гдр": "gdr|german|democratic|republic|east",
        "москва": "moscow",
        "вена": "vienna",
        "нью-йорк": "new|york",
        "рим": "rome",
        "варшава": "warsaw",
        "прага": "prague",
        "россия": "russia",
        "германия": "germany",
        "америка": "america",
        "вашингтон": "washington",
        "гавана": "havana",
        "берлин": "berlin",
        "англия": "england|britain",
        "великобритания": "britain|great|united|kingdom|uk",
        "франция": "france",
        "китай": "china",
        "япония": "japan",
        "европа": "europe",
        "турция": "turkey",
        "куба": "cuba",
        "кубинский": "cuban",
        "американский": "american|us",
        "советский": "soviet|ussr|soviets",
        "совет": "soviets|soviet|council",
        "соединенный": "united",
        "штат": "states|state",
        "никита": "nikita",
    }.items()
}
"""English forms of Russian names, acronyms and adjectives of place that transliteration misses."""


def transliterate(word: str) -> str:
    """A Russian word in Latin letters, lower case (Хрущёв → khrushchev, Ельцин → yeltsin)."""
    out = []
    previous = ""
    for char in word.lower():
        if char in _IOTATED and (not previous or previous in _VOWELS):
            out.append(_IOTATED[char])
        elif char in _LETTERS:
            out.append(_LETTERS[char])
        else:
            out.append(char)
        previous = char
    latin = "".join(out)
    return re.sub(r"(?<=[iy])y\b", "", latin) if latin.endswith(("iy", "yy")) else latin


@lru_cache(maxsize=100_000)
def name_key(word: str) -> str:
    """A spelling key that Russian transliterations and English spellings share."""
    latin = transliterate(word) if has_cyrillic(word) else word.lower()
    if not latin.isascii():
        latin = "".join(
            c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c)
        )
    latin = _NOT_LETTER.sub("", _POSSESSIVE.sub("", latin))
    for old, new in _KEY_RULES:
        latin = latin.replace(old, new)
    return _DOUBLED.sub(r"\1", latin)


_POSSESSIVE = re.compile(r"['’]s$")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
