"""Proper names in a cell, and whether a name has a counterpart among other words.

A name is a capitalised word the dictionaries tag as a name or do not know (see
:func:`lexicon.is_proper_name`): "Kennedy", «Громыко», but not "White" in "White House" nor
«Советского», which are translated rather than transliterated. A name opening a sentence
counts only when the dictionary tags it as one. Words in capitals are acronyms, and a sentence
mostly in capitals (a heading) has no names by this rule. Counterparts are found through
transliteration keys (see :mod:`.translit`), allowing a Russian ending («Хрущева»,
«Латинской» → Latin), or through the exonym table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from transcompare.compare.cells import Cell
from transcompare.compare.lexicon import RUSSIAN, is_proper_name, is_tagged_name, lemma
from transcompare.compare.translit import EXONYMS, name_key
from transcompare.model import Span

_CAPITAL = "A-ZÀ-ÖØ-ÞЀ-Я"
_CAPITALISED = re.compile(rf"[{_CAPITAL}](?<![^\W_][{_CAPITAL}])[^\W\d_]*(?:['’\-‐][^\W\d_]+)*")
"""A word starting with a capital (a candidate name). Patterns here begin with a character
class and check what precedes afterwards, which lets the regex engine skip ahead quickly."""
_FIRST_WORD = re.compile(r"[^\W\d_]")
_UPPER_WORD = re.compile(rf"[{_CAPITAL}](?<![^\W_][{_CAPITAL}])[{_CAPITAL}]*(?![^\W_])")
_ANY_WORD = re.compile(r"[^\W\d_]+")
DOTTED = re.compile(r"[^\W\d_](?<![^\W_][^\W\d_])\.(?:[^\W\d_]\.)+")
"""An abbreviation written with dots ("U.S.", "U.N."), which tokens split into letters."""

SIMILAR = 80
"""Least rapidfuzz ratio (0–100) of two name keys that makes them one name."""
MIN_STEM = 4


@dataclass(frozen=True)
class Name:
    span: Span
    text: str


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@lru_cache(maxsize=100_000)
def shouting(text: str) -> bool:
    """Whether most words of a sentence are in capitals (a heading)."""
    return 2 * len(_UPPER_WORD.findall(text)) > len(_ANY_WORD.findall(text))


@lru_cache(maxsize=200_000)
def is_name(word: str, position: int, language: str) -> bool:
    """Whether a word (the ``position``-th word of its sentence) is a proper name; initials
    ("N." in "N. S. Khrushchev") are not."""
    if len(word) < 2 or not word[:1].isupper() or is_acronym(word):
        return False
    return is_proper_name(word, language) and (position > 0 or is_tagged_name(word, language))


@lru_cache(maxsize=100_000)
def cell_names(side: Cell) -> tuple[Name, ...]:
    """The proper names of a cell, in order (cached by content)."""
    found = []
    for sentence in side.sentences:
        text = sentence.text
        candidates = list(_CAPITALISED.finditer(text))
        if not candidates or shouting(text):
            continue
        first = _FIRST_WORD.search(text)
        for match in candidates:
            position = 0 if first is not None and match.start() == first.start() else 1
            if is_name(match.group(), position, side.language):
                span = Span(sentence.witness, sentence.id, match.start(), match.end())
                found.append(Name(span, match.group()))
    return tuple(found)


@dataclass(frozen=True)
class Vocabulary:
    """A cell's words prepared for finding names among them."""

    language: str
    folded: frozenset[str]
    """Every word, case-folded; dotted abbreviations ("u.s.") without their last dot."""
    keys: tuple[str, ...]
    """The transliteration key of every word."""
    exonyms: frozenset[str]
    """The English forms the exonym table gives for the cell's Russian words."""


@lru_cache(maxsize=100_000)
def vocabulary(side: Cell) -> Vocabulary:
    words = [part for word in side.words for part in _parts(word)]
    words += [m.group() for s in side.sentences for m in DOTTED.finditer(s.text)]
    folded = frozenset(w.casefold().rstrip(".") for w in words)
    exonyms: frozenset[str] = frozenset()
    if side.language == RUSSIAN:
        exonyms = frozenset(e for w in words for e in EXONYMS.get(lemma(w, RUSSIAN), ()))
    return Vocabulary(
        side.language, folded, tuple(dict.fromkeys(name_key(w) for w in words)), exonyms
    )


def _parts(word: str) -> list[str]:
    """A word, and the parts of a hyphenated one ("anti-Cuban" also gives "Cuban")."""
    return [word, *word.split("-")] if "-" in word else [word]


def has_counterpart(name: str, language: str, other: Vocabulary) -> bool:
    """Whether the other side renders ``name`` (same word, exonym, or transliteration)."""
    folded = name.casefold().rstrip(".")
    if folded in other.folded:
        return True
    if language == RUSSIAN and EXONYMS.get(lemma(name, language), frozenset()) & other.folded:
        return True
    if folded in other.exonyms:
        return True
    forms = {name_key(name), name_key(lemma(name, language))}
    return any(_key_found(key, other.keys) for key in forms)


def _key_found(key: str, keys: Sequence[str]) -> bool:
    """A key alike enough to one of ``keys``, the start of one (Latin → «латинской»), or with
    the same consonants (Rusk → «Раск»)."""
    if len(key) < MIN_STEM:
        return False
    if process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR) is not None:
        return True
    if any(len(k) >= MIN_STEM and (k.startswith(key) or key.startswith(k)) for k in keys):
        return True
    skeleton = _consonants(key)
    return len(skeleton) >= 3 and any(_consonants(k) == skeleton for k in keys)


def _consonants(key: str) -> str:
    return re.sub(r"[aeiou]", "", key)
