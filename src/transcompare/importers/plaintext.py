"""Plain text files: decoded, cut into paragraphs at blank lines and form feeds.

A single line break inside a paragraph stays in the text (the segmenter reads it as a space),
so a file with one sentence per line keeps its lines visible.
"""

from __future__ import annotations

import re
from pathlib import Path

from transcompare.importers.document import Document, from_flat_paragraphs
from transcompare.importers.encoding import decode

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\f")
"""A blank line, or a form feed (a page break in text exported from page layouts)."""


def read_plaintext(path: Path, data: bytes, encoding: str | None = None) -> Document:
    text, codec = decode(data, path, encoding)
    return from_flat_paragraphs(path, _PARAGRAPH_BREAK.split(text), encoding=codec)
