"""Turning a file's bytes into text: find the encoding, decode, normalise.

Order of evidence: a byte-order mark; NUL bytes laid out like UTF-16 (without a mark); strict
UTF-8; then the two Russian 8-bit code pages, cp1251 and koi8-r, scored by how Russian the
decoded letters look; then charset-normalizer for anything else. cp1251 and koi8-r decode any
byte string, and general detectors often confuse them on short texts; the score here uses what
a wrong choice always breaks: letter frequencies and the case of letters inside words (each
code page puts the other's lower-case letters where its capitals are).

Decoded text gets Unix line endings and Unicode NFC, and is otherwise kept as it is.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from transcompare.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_RUSSIAN_CODE_PAGES = ("cp1251", "koi8-r")

# Relative frequency (per cent) of each letter in Russian prose, then a plausible weight for the
# letters of the other Cyrillic alphabets that cp1251 also holds (Ukrainian, Belarusian).
_LETTER_FREQUENCIES = """
о 10.97  е 8.45  а 8.01  и 7.35  н 6.70  т 6.26  с 5.47  р 4.73  в 4.54  л 4.40  к 3.49
м 3.21  д 2.98  п 2.81  у 2.62  я 2.01  ы 1.90  ь 1.74  г 1.70  з 1.65  б 1.59  ч 1.44
й 1.21  х 0.97  ж 0.94  ш 0.73  ю 0.64  ц 0.48  щ 0.36  э 0.32  ф 0.26  ъ 0.04  ё 0.04
і 5.0  ў 1.5  є 0.8  ї 0.6  ґ 0.1
"""
_LETTER_SCORES = {
    letter: math.log(float(frequency))
    for letter, frequency in re.findall(r"(\S) ([\d.]+)", _LETTER_FREQUENCIES)
}
_RARE_LETTER_SCORE = math.log(0.01)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_MIXED_WORD = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_USUAL_SYMBOLS = set("©®°±×÷№§¶·µ¤¦¬€™")
_PENALTY = 4.0
"""Cost of one wrongly cased or mixed-script letter, or one odd symbol such as "╗"."""
_LEAST_PLAUSIBLE = -1.0
"""Mean score per letter below which decoded text is not taken for Russian."""

_SAMPLE = 65536
"""How much of a file the statistics look at: plenty to decide, and fast on large files."""
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
_MOST_CONTROLS = 0.01
"""Share of control characters above which decoded text is taken for binary data."""


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding (``encoding`` forces one)."""
    if encoding:
        text, name = _decode_forced(data, path, encoding), encoding
    else:
        text, name = _decode_detected(data, path)
    _refuse_binary(text, path)
    return normalise(text), name


def normalise(text: str) -> str:
    """Unix line endings, NFC, no byte-order mark."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode_forced(data: bytes, path: Path, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"cannot be decoded as {encoding} (invalid byte at position {error.start})"
        ) from None


def _decode_detected(data: bytes, path: Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, path, codec), codec
    if b"\0" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(path, "contains NUL bytes: it looks like a binary file, not text")
        return _strict(data, path, codec), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    russian = _best_russian(data)
    if russian is not None:
        return russian
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise InputError(
            path, "cannot tell its encoding (a binary file?); give the encoding explicitly"
        )
    return str(guess), guess.encoding


def _strict(data: bytes, path: Path, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"looks like {codec} but has an invalid byte at position {error.start}"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when NUL bytes sit only at odd or only at even positions."""
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _best_russian(data: bytes) -> tuple[str, str] | None:
    """The Russian code page under which ``data`` reads most like Russian, if any does."""
    scored = []
    for codec in _RUSSIAN_CODE_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = russian_score(text[:_SAMPLE])
        if score is not None and score > _LEAST_PLAUSIBLE:
            scored.append((score, codec, text))
    if not scored:
        return None
    _, codec, text = max(scored)
    return text, codec


def russian_score(text: str) -> float | None:
    """Mean plausibility per Cyrillic letter (higher is more Russian); None without any.

    Letters score their log frequency; a word whose case is neither "word", "Word" nor "WORD"
    costs a penalty per letter, and so does a word mixing Cyrillic and Latin letters ("cafй")
    and each box-drawing or mathematical symbol (koi8-r's upper half is full of them).
    """
    total = 0.0
    letters = 0
    for word in _CYRILLIC_WORD.findall(text):
        letters += len(word)
        total += sum(_LETTER_SCORES.get(c, _RARE_LETTER_SCORE) for c in word.lower())
        if not (word.islower() or word.isupper() or word.istitle()):
            total -= _PENALTY * len(word)
    if not letters:
        return None
    for word in _MIXED_WORD.findall(text):
        if not _CYRILLIC_WORD.fullmatch(word):
            total -= _PENALTY * len(word)
    odd_symbols = sum(
        1
        for c in text
        if unicodedata.category(c) in ("So", "Sm") and c not in _USUAL_SYMBOLS and c > "\x7f"
    )
    return (total - _PENALTY * odd_symbols) / letters


def _refuse_binary(text: str, path: Path) -> None:
    sample = text[:_SAMPLE]
    controls = sum(
        1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS
    )
    if "\0" in sample or controls > _MOST_CONTROLS * len(sample):
        raise InputError(path, "contains control characters: it looks like a binary file")
