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
from itertools import chain

from rapidfuzz import fuzz, process

from transcompare.compare.cells import Cell
from transcompare.compare.lexicon import RUSSIAN, is_proper_name, is_tagged_name, lemma
from transcompare.compare.tokens import NUMBER, WORD, scan
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


MIN_WORD_IN_CAPITALS = 5
"""Shorter words in capitals are taken for acronyms even when the dictionary knows them ("AIM",
"WHO", «МИД»)."""


@lru_cache(maxsize=100_000)
def in_capitals(word: str, language: str) -> bool:
    """A common word written in capitals, as labels are ("OBJECTIVE", «МЕТОДЫ»), rather than an
    acronym ("UNESCO"): long enough, and known to the dictionary in lower case."""
    return (
        len(word) >= MIN_WORD_IN_CAPITALS
        and word.isupper()
        and not is_proper_name(word.lower(), language)
    )


@lru_cache(maxsize=100_000)
def shouting(text: str) -> bool:
    """Whether most words of a sentence are in capitals (a heading). All words are counted
    only when some are (in half the sentences of the bundled document, none is)."""
    upper = len(_UPPER_WORD.findall(text))
    return upper > 0 and 2 * upper > len(_ANY_WORD.findall(text))


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
    return tuple(
        Name(Span(s.witness, s.id, start, end), text)
        for s in side.sentences
        for start, end, text in _sentence_names(s.text, side.language)
    )


@lru_cache(maxsize=100_000)
def _sentence_names(text: str, language: str) -> tuple[tuple[int, int, str], ...]:
    """The proper names of one sentence as (start, end, text), cached by its text."""
    candidates = list(_CAPITALISED.finditer(text))
    if not candidates or shouting(text):
        return ()
    first = _FIRST_WORD.search(text)
    found = []
    for match in candidates:
        position = 0 if first is not None and match.start() == first.start() else 1
        if is_name(match.group(), position, language):
            found.append((match.start(), match.end(), match.group()))
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
    parts = [_sentence_vocabulary(s.text, side.language) for s in side.sentences]
    if len(parts) == 1:
        return Vocabulary(side.language, *parts[0])
    folded, keys, exonyms = zip(*parts, strict=True)
    return Vocabulary(
        side.language,
        frozenset().union(*folded),
        tuple(dict.fromkeys(key for found in keys for key in found)),
        frozenset().union(*exonyms),
    )


@lru_cache(maxsize=100_000)
def _sentence_vocabulary(
    text: str, language: str
) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """The :class:`Vocabulary` fields of one sentence, cached by its text. The per-word steps
    are cached functions mapped over the words, the cheapest loop Python has: a QA run makes
    the vocabulary of nearly every sentence of a translation."""
    words = [word for word, _, kind, _, _ in scan(text) if kind in (WORD, NUMBER)]
    if any("-" in word for word in words):
        words = [part for word in words for part in _parts(word)]
    words += DOTTED.findall(text)
    exonyms = chain.from_iterable(map(_exonyms, words)) if language == RUSSIAN else ()
    return (
        frozenset(map(_folded, words)),
        tuple(dict.fromkeys(map(name_key, words))),
        frozenset(exonyms),
    )


@lru_cache(maxsize=200_000)
def _folded(word: str) -> str:
    """A word as vocabularies hold it: case-folded, without a last dot ("u.s")."""
    return word.casefold().rstrip(".")


@lru_cache(maxsize=200_000)
def _exonyms(word: str) -> frozenset[str]:
    """The English forms the exonym table gives for a Russian word's lemma. Only a word that
    begins like a listed lemma can have one (Russian inflection changes the end of a word, not
    its beginning), and only such words are lemmatised: lemmatising every word of a document
    would cost more than the rest of the names and acronyms checks together."""
    start = word[:3].lower().replace("ё", "е")
    if start not in _EXONYM_STARTS and start[:2] not in _EXONYM_STARTS:
        return frozenset()
    return EXONYMS.get(lemma(word, RUSSIAN), frozenset())


_EXONYM_STARTS = frozenset(ru[:3] for ru in EXONYMS)


def _parts(word: str) -> list[str]:
    """A word, and the parts of a hyphenated one ("anti-Cuban" also gives "Cuban")."""
    return [word, *word.split("-")] if "-" in word else [word]


def missing_names(side: Cell, other: Cell) -> list[Name]:
    """The names of ``side`` with no counterpart in ``other`` (whose vocabulary is worked out
    only when ``side`` has names)."""
    names = cell_names(side)
    if not names:
        return []
    words = vocabulary(other)
    return [name for name in names if not has_counterpart(name.text, side.language, words)]


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


_VOWELS = str.maketrans("", "", "aeiou")


@lru_cache(maxsize=100_000)
def _consonants(key: str) -> str:
    """A key without its vowels (cached: every key of a cell is asked for)."""
    return key.translate(_VOWELS)
