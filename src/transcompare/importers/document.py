"""An imported file before segmentation, and the steps every reader shares to build one.

Readers produce a list of paragraph strings (and, for pre-segmented files, sentence spans per
paragraph); :func:`assemble` joins them into one text with paragraphs separated by a blank
line and finds the editorial elision marks in it. Offsets everywhere are into that text.
Paragraphs from a flat file (plain text, .docx) first pass :func:`from_flat_paragraphs`:
archive header off, page-break artefacts re-joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transcompare.errors import InputError
from transcompare.importers.archive import split_archive_header

PARAGRAPH_SEPARATOR = "\n\n"

GAP_MARK = "[...]"
"""How a reader writes an elision it found as markup (TEI ``<gap/>``)."""

_SPACE = r"[ \t\u00a0]*"
_ELLIPSIS = rf"(?:\.(?:{_SPACE}\.){{2,}}|…)"
_BRACKETS = ("//", "[]", "<>")
_GAP = re.compile(
    "|".join(rf"{re.escape(o)}{_SPACE}{_ELLIPSIS}{_SPACE}{re.escape(c)}" for o, c in _BRACKETS)
)
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*(?:\n[ \t\f\v]*)+")

_FINAL_PUNCTUATION = tuple('.!?…"»:;”')
_DASHES = tuple("-‐‑–—")
_OPENING_PUNCTUATION = "\"'«“„‘([ "


@dataclass
class Document:
    """The text of an imported file with its paragraphs, elision marks and metadata."""

    path: Path
    text: str
    paragraphs: list[tuple[int, int]]
    gaps: list[tuple[int, int]]
    metadata: dict[str, str] = field(default_factory=dict)
    language: str = ""
    encoding: str = ""
    sentences: list[tuple[int, int, int]] | None = None
    """``(start, end, paragraph)`` of the sentences the file marked (TEI ``<s>``), else None.
    Paragraphs without any are segmented when the witness is built."""


def clean_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs without surrounding whitespace or inner blank lines; empty ones dropped."""
    cleaned = (_BLANK_LINES.sub("\n", paragraph.strip()) for paragraph in paragraphs)
    return [paragraph for paragraph in cleaned if paragraph]


def join_page_breaks(paragraphs: Sequence[str]) -> list[str]:
    """Re-join paragraphs that a page break split in the middle of a sentence.

    A paragraph continues into the next when it ends with a dash or hyphen, or when it ends
    without final punctuation (. ! ? … : ; or a closing quote) and the next one starts with a
    lower-case letter: "though those" + "statements are supported" is one paragraph.
    """
    groups: list[list[str]] = []
    for paragraph in paragraphs:
        if groups and _continues(groups[-1][-1], paragraph):
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return [" ".join(group) for group in groups]


def _continues(previous: str, following: str) -> bool:
    if previous.endswith(_DASHES):
        return True
    start = following.lstrip(_OPENING_PUNCTUATION)[:1]
    return not previous.endswith(_FINAL_PUNCTUATION) and start.islower()


def find_gaps(text: str) -> list[tuple[int, int]]:
    """Spans of elision marks such as "/ ... /", "[...]", "<…>"."""
    return [match.span() for match in _GAP.finditer(text)]


def assemble(
    path: Path,
    paragraphs: Sequence[str],
    *,
    metadata: dict[str, str] | None = None,
    language: str = "",
    encoding: str = "",
    sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> Document:
    """A document from its paragraphs (already cleaned), with sentence spans per paragraph."""
    if not paragraphs:
        raise InputError(path, "contains no text")
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    located = None
    if sentences is not None:
        located = [
            (spans[number][0] + start, spans[number][0] + end, number)
            for number, paragraph_sentences in enumerate(sentences)
            for start, end in paragraph_sentences
        ]
    return Document(
        path=path,
        text=text,
        paragraphs=spans,
        gaps=find_gaps(text),
        metadata=dict(metadata or {}),
        language=language,
        encoding=encoding,
        sentences=located,
    )


def from_flat_paragraphs(
    path: Path, paragraphs: Sequence[str], *, encoding: str, metadata: dict[str, str] | None = None
) -> Document:
    """A document from the paragraphs of a file without markup for headers or page breaks."""
    header, body = split_archive_header(clean_paragraphs(paragraphs))
    return assemble(
        path, join_page_breaks(body), metadata={**(metadata or {}), **header}, encoding=encoding
    )
