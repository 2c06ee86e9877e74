"""An optional English–Russian dictionary read from the user's dictd files (Müller, 7th ed.).

Debian's ``mueller7-dict`` package installs ``mueller7.index`` and ``mueller7.dict.dz`` under
``/usr/share/dictd``. When they are there, the English→Russian articles are turned into a
Russian-word → English-headwords index, one more piece of evidence that two words correspond.
The dictionary is GPL-licensed and never shipped with this program; without it, nothing
changes except that this evidence is missing.

Only the first renderings of each sense are read: in an article line such as
``1) политика; peace policy политика мира``, "политика" is a translation of the headword,
while everything after the first English example translates the example instead.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from pathlib import Path

DICTD_FOLDER = Path("/usr/share/dictd")
NAME = "mueller7"

_SENSE_MARK = re.compile(r"^\s*(?:_[IVX]+\s+)?(?:\[[^\]]*\]\s*)?(?:\d+[.)]\s*|[а-я]\)\s*)*")
_LABEL = re.compile(r"_\S+\.?|\([^)]*\)|\[[^\]]*\]")
_RUSSIAN_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)?$")
_LATIN = re.compile(r"[A-Za-z]")
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _number(digits: str) -> int:
    value = 0
    for char in digits:
        value = value * 64 + _BASE64.index(char)
    return value


def read_index(folder: Path = DICTD_FOLDER, name: str = NAME) -> Mapping[str, frozenset[str]]:
    """Russian word → English headwords, or an empty mapping when the files are absent or
    unreadable."""
    index_path, data_path = folder / f"{name}.index", folder / f"{name}.dict.dz"
    try:
        data = gzip.decompress(data_path.read_bytes())
        lines = index_path.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError):
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0][:1].isalpha() or " " in fields[0]:
            continue
        try:
            start, length = _number(fields[1]), _number(fields[2])
        except ValueError:
            continue
        article = data[start : start + length].decode("utf-8", errors="replace")
        headword = fields[0].casefold()
        for word in renderings(article):
            found[word].add(headword)
    return {word: frozenset(heads) for word, heads in found.items()}


def renderings(article: str) -> list[str]:
    """The one-word Russian translations of an article's headword (lower case, ё as е)."""
    words = []
    for line in article.splitlines()[1:]:
        line = _LABEL.sub(" ", _SENSE_MARK.sub("", line))
        for fragment in line.split(";"):
            if _LATIN.search(fragment):
                break
            for candidate in fragment.split(","):
                candidate = candidate.strip().lower().replace("ё", "е")
                if _RUSSIAN_WORD.match(candidate):
                    words.append(candidate)
    return words


@cache
def installed() -> Mapping[str, frozenset[str]]:
    """The index of the installed dictionary (read once per process), empty if not installed."""
    return read_index()
