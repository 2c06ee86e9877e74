"""Per-sentence evidence for alignment: lengths, anchors, content words, paragraph starts, vectors.

Everything is computed once per text and kept as numpy arrays, so scoring a candidate bead is
arithmetic on arrays, never string work. Anchors and content words are hashed (crc32, so every
run gives the same result) into fixed-width bit sets; how many two sentences share is a popcount
of their AND. A few hash collisions only add a little noise.

Anchors are what survives translation: numbers, names written in capitals (compared after a
small Cyrillic-to-Latin transliteration and a phonetic squash, so Хрущева and Khrushchev meet),
question and exclamation marks, quotation marks and elision marks such as "/ ... /".
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

WORD_BITS = 512
ANCHOR_BITS = 64
STEM_LENGTH = 5
FREQUENT_SHARE = 0.15
"""A stem found in more than this share of a side's sentences is treated as a function word."""


def _table(pairs: str) -> dict[str, str]:
    """A letter table from "а=a б=b ..." (an empty right side drops the letter)."""
    return dict(pair.split("=") for pair in pairs.split())


_CYRILLIC = _table(
    "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u "
    "ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g ў=u"
)
_SQUASH = (
    ("shch", "sh"),
    ("kh", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("ch", "\x01"),
    ("c", "k"),
    ("\x01", "ch"),
    ("y", "i"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
)
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_VOWELS = re.compile(r"[aeiou]+$")
_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d))*")
_GAP = re.compile(r"^[\W_]*(?:\.\s*\.\s*\.|…)[\W_]*$")
_QUOTES = frozenset('«»“”„"')
_MARKS = (("?", "\x00?"), ("!", "\x00!"))


def transliterate(text: str) -> str:
    """Lower-case Latin letters for any Latin or Cyrillic text (accents dropped)."""
    lowered = unicodedata.normalize("NFKD", text.lower())
    return "".join(_CYRILLIC.get(ch, ch) for ch in lowered if not unicodedata.combining(ch))


def name_key(word: str) -> str:
    """A script-independent key for a proper name: Хрущеву, Khrushchev -> "hrus"."""
    key = transliterate(word)
    for old, new in _SQUASH:
        key = key.replace(old, new)
    key = _FINAL_VOWELS.sub("", _DOUBLE.sub(r"\1", key))
    return key[:4]


def anchors(text: str) -> tuple[set[str], set[str]]:
    """The names and marks, and the numbers, of one sentence."""
    names: set[str] = set()
    if _GAP.match(text):
        names.add("\x00gap")
    for mark, key in _MARKS:
        if mark in text:
            names.add(key)
    if any(ch in _QUOTES for ch in text):
        names.add("\x00quote")
    for word in _TOKEN.findall(text):
        if word[0].isupper() and len(word) > 1:
            key = name_key(word)
            if len(key) > 1:
                names.add(key)
    numbers = {re.sub(r"\D", "", n).lstrip("0") or "0" for n in _NUMBER.findall(text)}
    return names, numbers


def stems(text: str) -> set[str]:
    """Crude stems of the words of a sentence (lower case, first five letters)."""
    return {w[:STEM_LENGTH] for w in _TOKEN.findall(text.lower()) if len(w) > 1}


def frequent_stems(stem_sets: Sequence[set[str]]) -> set[str]:
    """Stems too common in this text to tell sentences apart."""
    counts = Counter(stem for stem_set in stem_sets for stem in stem_set)
    limit = max(3, FREQUENT_SHARE * len(stem_sets))
    return {stem for stem, count in counts.items() if count > limit}


def _bits(keys_per_row: Sequence[set[str]], bits: int) -> np.ndarray:
    """Hash each row's keys into a bit set of ``bits`` bits (rows x bits/64 uint64)."""
    out = np.zeros((len(keys_per_row), bits // 64), dtype=np.uint64)
    rows: list[int] = []
    positions: list[int] = []
    for row, keys in enumerate(keys_per_row):
        for key in keys:
            rows.append(row)
            positions.append(zlib.crc32(key.encode()) % bits)
    if rows:
        position = np.array(positions, dtype=np.uint64)
        np.bitwise_or.at(
            out,
            (np.array(rows), (position // np.uint64(64)).astype(np.intp)),
            np.left_shift(np.uint64(1), position % np.uint64(64)),
        )
    return out


def popcount(masks: np.ndarray) -> np.ndarray:
    """Set bits per row of a bit-set array."""
    return np.bitwise_count(masks).sum(axis=-1, dtype=np.int32)


@dataclass(frozen=True)
class SideFeatures:
    """The evidence of one side (a text, a stretch of it, or coarse units of several sentences)."""

    lengths: np.ndarray
    """Characters per unit (float64)."""
    words: np.ndarray
    """Content-word stems as bit sets (n x WORD_BITS/64 uint64)."""
    names: np.ndarray
    """Names and marks as bit sets (n x 1 uint64)."""
    numbers: np.ndarray
    """Numbers as bit sets (n x 1 uint64)."""
    para_start: np.ndarray
    """True where a unit begins a paragraph (all False when paragraphs are unknown)."""
    vectors: np.ndarray | None = None
    """Unit-length sentence embeddings (n x d float32), when used."""

    def __len__(self) -> int:
        return len(self.lengths)

    @property
    def has_paragraphs(self) -> bool:
        return int(self.para_start[1:].sum()) > 0

    def slice(self, start: int, stop: int) -> SideFeatures:
        """The features of units ``start:stop`` (views, no copy)."""
        return SideFeatures(
            self.lengths[start:stop],
            self.words[start:stop],
            self.names[start:stop],
            self.numbers[start:stop],
            self.para_start[start:stop],
            None if self.vectors is None else self.vectors[start:stop],
        )

    def with_vectors(self, vectors: np.ndarray | None) -> SideFeatures:
        return replace(self, vectors=vectors)

    def coarsen(self, factor: int) -> SideFeatures:
        """Units of ``factor`` consecutive units: lengths add, bit sets unite, vectors add."""
        starts = np.arange(0, len(self), factor)
        vectors = None
        if self.vectors is not None:
            summed = np.add.reduceat(self.vectors, starts, axis=0)
            vectors = normalise(summed)
        return SideFeatures(
            np.add.reduceat(self.lengths, starts),
            np.bitwise_or.reduceat(self.words, starts, axis=0),
            np.bitwise_or.reduceat(self.names, starts, axis=0),
            np.bitwise_or.reduceat(self.numbers, starts, axis=0),
            np.zeros(len(starts), dtype=bool),
            vectors,
        )


CENTRING_PRIOR = 20
"""Sentences' worth of weight that pulls a side's mean vector towards zero, so that a side of
one or two sentences is not centred on itself."""


def common_direction(vectors: np.ndarray) -> np.ndarray:
    """What the sentences of one side share whatever they say: their mean vector (shrunk
    towards zero for short sides)."""
    return vectors.sum(axis=0) / (len(vectors) + CENTRING_PRIOR)


def centred(vectors: np.ndarray, common: np.ndarray) -> np.ndarray:
    """Unit vectors with a side's common direction taken out. Every sentence of a text has
    something of the text's language and genre in its vector, which raises the cosine of
    unrelated pairs; without it, translations stand out more clearly from mere neighbours
    (measured: strict F1 on Text+Berg 0.824 → 0.833, Bible 0.962 → 0.966, synthetic
    Russian–English 0.970 → 0.983)."""
    return normalise(vectors - common)


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def paragraph_starts(paragraphs: Sequence[int] | None, count: int) -> np.ndarray:
    """True where a sentence's paragraph differs from the previous sentence's."""
    starts = np.zeros(count, dtype=bool)
    if paragraphs is not None and count:
        numbers = np.asarray(paragraphs)
        starts[0] = True
        starts[1:] = numbers[1:] != numbers[:-1]
    return starts


def side_features(
    texts: Sequence[str],
    paragraphs: Sequence[int] | None,
    stem_sets: Sequence[set[str]],
    stop: set[str],
) -> SideFeatures:
    """Features of one text; ``stop`` holds stems left out of the word overlap."""
    pairs = [anchors(text) for text in texts]
    return SideFeatures(
        np.array([len(text) for text in texts], dtype=np.float64),
        _bits([stem_set - stop for stem_set in stem_sets], WORD_BITS),
        _bits([names for names, _ in pairs], ANCHOR_BITS),
        _bits([numbers for _, numbers in pairs], ANCHOR_BITS),
        paragraph_starts(paragraphs, len(texts)),
    )


def pair_features(
    src: Sequence[str],
    tgt: Sequence[str],
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
) -> tuple[SideFeatures, SideFeatures]:
    """Features of both sides; stems frequent on either side count on neither."""
    src_stems = [stems(text) for text in src]
    tgt_stems = [stems(text) for text in tgt]
    stop = frequent_stems(src_stems) | frequent_stems(tgt_stems)
    return (
        side_features(src, src_paragraphs, src_stems, stop),
        side_features(tgt, tgt_paragraphs, tgt_stems, stop),
    )
