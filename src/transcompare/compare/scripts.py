"""Cyrillic and Latin letters: finding words of one script, or of both, in a text.

Shared by lemmatisation (which analyser a word goes to), transliteration and the QA checks for
untranslated text and mixed-script words (an OCR or keyboard slip such as Cyrillic «о» inside
an English word looks right on screen but breaks search and spell-checking). Regular
expressions do the scanning, since the checks run over every sentence of a document.
"""

from __future__ import annotations

import re

_CYR = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff"
_LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})

MIXED_WORD = re.compile(rf"[{_CYR}{_LAT}]*(?:[{_CYR}][{_LAT}]|[{_LAT}][{_CYR}])[{_CYR}{_LAT}]*")
"""A word with Cyrillic and Latin letters side by side."""

CYRILLIC_WORD = re.compile(rf"[{_CYR}](?<![{_CYR}{_LAT}][{_CYR}])[{_CYR}]*(?![{_CYR}{_LAT}])")
"""A word written only in Cyrillic letters."""

_ANY_CYRILLIC = re.compile(f"[{_CYR}]")
_ANY_LATIN = re.compile(f"[{_LAT}]")

LOOKALIKES = {
    "а": "a", "в": "B", "е": "e", "к": "K", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c",
    "т": "T", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
}  # fmt: skip
"""Cyrillic letters and the Latin letters they are mistaken for."""


def has_cyrillic(text: str) -> bool:
    return _ANY_CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether a text has a Latin letter (a mixed-script word needs both: most sentences of a
    Russian text have none, and the mixed-word pattern is slow to run over them)."""
    return _ANY_LATIN.search(text) is not None


def looks_latin(word: str) -> bool:
    """Every letter of a Cyrillic word has a Latin look-alike («ТОР», «сор»)."""
    return all(c in LOOKALIKES for c in word)


def writes_cyrillic(language: str) -> bool:
    """Whether a language (primary subtag) is normally written in Cyrillic."""
    return language in CYRILLIC_LANGUAGES
