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
from functools import lru_cache
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


@lru_cache(maxsize=100_000)
def tokenize(text: str) -> tuple[Token, ...]:
    """The words, numbers and punctuation marks of one sentence (space between them is left
    out; :func:`tokenize_with_space` keeps it)."""
    return _scan(text, with_space=False)


@lru_cache(maxsize=20_000)
def tokenize_with_space(text: str) -> tuple[Token, ...]:
    """Every token of one sentence, runs of space included."""
    return _scan(text, with_space=True)


_new_token = tuple.__new__  # builds a Token without a Python-level call: this runs per token


def _scan(text: str, with_space: bool) -> tuple[Token, ...]:
    tokens = []
    start = 0
    for space, piece in _PIECES.findall(text):
        if space:
            if with_space:
                tokens.append(_new_token(Token, (space, space, SPACE, start, start + len(space))))
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
        tokens.append(_new_token(Token, (piece, norm, kind, start, end)))
        start = end
    if with_space and start < len(text):
        tokens.append(_new_token(Token, (text[start:], text[start:], SPACE, start, len(text))))
    return tuple(tokens)


@dataclass(frozen=True)
class Normalisation:
    """What a same-language comparison ignores."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_spacing: bool = True


def key(token: Token, options: Normalisation) -> str:
    """The form a token is compared by; an empty string means the token is ignored."""
    if token.kind == SPACE:
        return "" if options.ignore_spacing else token.text
    if token.kind == PUNCT and options.ignore_punctuation:
        return ""
    return token.norm.casefold() if options.ignore_case else token.norm


def keys(tokens: Sequence[Token], options: Normalisation) -> tuple[str, ...]:
    """One key per token (normalising never merges or splits tokens)."""
    result = tuple(key(token, options) for token in tokens)
    assert len(result) == len(tokens)
    return result


@lru_cache(maxsize=100_000)
def compared(text: str, options: Normalisation) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """The tokens of a sentence that a comparison with ``options`` looks at, and their keys."""
    tokens = tokenize(text) if options.ignore_spacing else tokenize_with_space(text)
    pairs = [(t, k) for t, k in zip(tokens, keys(tokens, options), strict=True) if k]
    return tuple(t for t, _ in pairs), tuple(k for _, k in pairs)
