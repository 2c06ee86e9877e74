"""Word tokens of a sentence, each with its offsets and two forms: as written and normalised.

Every comparison in this package works on these tokens. A token keeps its original text and
its offsets into the sentence, so results always map back to characters the user sees. The
normalised form (``norm``) only unifies typography that carries no meaning (compatibility
characters, curly quotes, dash variants); case, punctuation and spacing are ignored or not
per comparison through :func:`keys`, which returns exactly one key per token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

WORD = "word"
NUMBER = "number"
PUNCT = "punct"
SPACE = "space"

_PIECES = re.compile(
    r"(\s*)"  # the space before a token, so that offsets follow from the lengths
    r"(\d+(?:[.,]\d+)+(?![^\W_])"  # a number with separators: 150,000 or 18.10.1962
    r"|[^\W_]+(?:['’\-‐][^\W_]+)*"  # a word (letters and digits, inner apostrophes and hyphens)
    r"|\S)"  # a punctuation mark or symbol
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

_TYPOGRAPHY = str.maketrans(
    {
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    }
)  # fmt: skip


class Token(NamedTuple):
    """One token of a sentence: ``text`` is ``sentence[start:end]``."""

    text: str
    norm: str
    kind: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """Words and numbers: what a reader counts as content."""
        return self.kind in (WORD, NUMBER)


def normalise(text: str) -> str:
    """Typography-neutral form: NFKC, one kind of quote, one kind of dash."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)


Plain = tuple[str, str, str, int, int]
"""A token as a plain tuple, in :class:`Token`'s field order: text, norm, kind, start, end."""


@lru_cache(maxsize=100_000)
def scan(text: str) -> tuple[Plain, ...]:
    """The words, numbers and punctuation marks of one sentence as plain tuples, cached by
    text. The comparisons and checks read every sentence of a document through this: tuples of
    strings and numbers take less memory than :class:`Token` records, and the garbage collector
    stops tracking them, where a cache of records would be rescanned by every collection."""
    return _scan(text, with_space=False)


@lru_cache(maxsize=20_000)
def scan_with_space(text: str) -> tuple[Plain, ...]:
    """:func:`scan`, runs of space included."""
    return _scan(text, with_space=True)


def tokenize(text: str) -> tuple[Token, ...]:
    """The words, numbers and punctuation marks of one sentence (space between them is left
    out; :func:`tokenize_with_space` keeps it)."""
    return _records(scan(text))


def tokenize_with_space(text: str) -> tuple[Token, ...]:
    """Every token of one sentence, runs of space included."""
    return _records(scan_with_space(text))


_as_token = partial(tuple.__new__, Token)  # a Token without a Python-level call per token


def _records(tokens: Sequence[Plain]) -> tuple[Token, ...]:
    return tuple(map(_as_token, tokens))


def _scan(text: str, with_space: bool) -> tuple[Plain, ...]:
    tokens: list[Plain] = []
    start = 0
    for space, piece in _PIECES.findall(text):
        if space:
            if with_space:
                tokens.append((space, space, SPACE, start, start + len(space)))
            start += len(space)
        end = start + len(piece)
        first = piece[0]
        if first.isdigit() and _NUMBER.fullmatch(piece):
            kind = NUMBER
        elif first.isalnum():
            kind = WORD
        else:
            kind = PUNCT
        plain = piece.isascii() or piece.isalpha() and unicodedata.is_normalized("NFKC", piece)
        norm = piece if plain else normalise(piece)
        tokens.append((piece, norm, kind, start, end))
        start = end
    if with_space and start < len(text):
        tokens.append((text[start:], text[start:], SPACE, start, len(text)))
    return tuple(tokens)


@dataclass(frozen=True)
class Normalisation:
    """What a same-language comparison ignores."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_spacing: bool = True


def keys(tokens: Sequence[Token | Plain], options: Normalisation) -> tuple[str, ...]:
    """The form each token is compared by, one per token; an empty string means the token is
    ignored. Space is compared as written, other tokens by their normalised form. (One
    expression for all tokens, not a call per token: every row's word diff asks for the keys
    of every token.)"""
    ignored = {SPACE} if options.ignore_spacing else set()
    if options.ignore_punctuation:
        ignored.add(PUNCT)
    fold = options.ignore_case
    return tuple(
        "" if kind in ignored else text if kind == SPACE else norm.casefold() if fold else norm
        for text, norm, kind, _, _ in tokens
    )


@lru_cache(maxsize=100_000)
def compared_plain(text: str, options: Normalisation) -> tuple[tuple[Plain, ...], tuple[str, ...]]:
    """The tokens of a sentence that a comparison with ``options`` looks at, as plain tuples
    (see :func:`scan`), and their keys."""
    tokens = scan(text) if options.ignore_spacing else scan_with_space(text)
    found = keys(tokens, options)
    if all(found):  # nothing ignored, as by default
        return tokens, found
    kept = [index for index, k in enumerate(found) if k]
    return tuple(tokens[i] for i in kept), tuple(found[i] for i in kept)


def compared(text: str, options: Normalisation) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """The tokens of a sentence that a comparison with ``options`` looks at, and their keys."""
    tokens, found = compared_plain(text, options)
    return _records(tokens), found
