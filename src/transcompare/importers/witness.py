"""From an imported document to a segmented witness.

Each paragraph is cut at its elision marks; every mark becomes a sentence of kind ``GAP`` on
its own, and the text between marks goes to the sentence splitter, except in paragraphs whose
sentences the file marked (TEI ``<s>``): those keep them, cut at elision marks the same way.
Sentence ids are ``{witness}.s1``, ``.s2`` … in text order.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from transcompare.errors import InputError
from transcompare.importers.document import Document
from transcompare.model import GAP, TEXT, TRANSLATION, Sentence, Witness, is_ncname
from transcompare.segment import split_sentences

_NOT_NAME = re.compile(r"[^a-z0-9_.-]+")
_LONGEST_NAME = 32


def witness_from_document(
    document: Document,
    witness_id: str,
    role: str = TRANSLATION,
    title: str = "",
    translator: str = "",
    source: str = "",
) -> Witness:
    """A witness holding the document's text, segmented into sentences.

    Title, translator and source default to the document's metadata (its title, translator,
    and source or archive citation).
    """
    if not is_ncname(witness_id):
        raise InputError(
            document.path,
            f"witness id {witness_id!r} must start with a letter and hold only letters, digits, "
            "'-', '_' and '.'",
        )
    metadata = document.metadata
    witness = Witness(
        witness_id,
        document.language,
        role=role,
        title=title or metadata.get("title", ""),
        translator=translator or metadata.get("translator", ""),
        source=source or metadata.get("source", "") or metadata.get("citation", ""),
        metadata={**metadata, "file": document.path.name, "encoding": document.encoding},
        text=document.text,
    )
    witness.sentences = [
        Sentence(witness.new_sentence_id(), document.text[start:end], start, end, paragraph, kind)
        for start, end, paragraph, kind in _sentence_spans(document)
    ]
    return witness


def _sentence_spans(document: Document) -> Iterator[tuple[int, int, int, str]]:
    """``(start, end, paragraph, kind)`` of every sentence, in text order.

    Paragraphs for which the file gave sentences keep them; the others are segmented here.
    """
    given: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end, paragraph in document.sentences or ():
        given[paragraph].append((start, end))
    for paragraph, (start, end) in enumerate(document.paragraphs):
        for piece_start, piece_end, is_gap in _pieces(document, start, end):
            if is_gap:
                yield piece_start, piece_end, paragraph, GAP
            elif paragraph in given:
                for sentence_start, sentence_end in given[paragraph]:
                    start_in_piece = max(sentence_start, piece_start)
                    end_in_piece = min(sentence_end, piece_end)
                    for trimmed_start, trimmed_end, _ in _trimmed(
                        document.text, start_in_piece, end_in_piece
                    ):
                        yield trimmed_start, trimmed_end, paragraph, TEXT
            else:
                piece = document.text[piece_start:piece_end]
                for sentence_start, sentence_end in split_sentences(piece, document.language):
                    yield piece_start + sentence_start, piece_start + sentence_end, paragraph, TEXT


def _pieces(document: Document, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """``start:end`` cut at the elision marks inside it: ``(start, end, is_gap)``, trimmed."""
    position = start
    first = bisect_left(document.gaps, (start, start))
    for gap_start, gap_end in document.gaps[first:]:
        if gap_end > end:
            break
        yield from _trimmed(document.text, position, gap_start)
        yield gap_start, gap_end, True
        position = gap_end
    yield from _trimmed(document.text, position, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end, False


def default_witness_id(language: str, path: Path) -> str:
    """An XML name from the language and the file name: "en-wilson" for en-wilson.txt (en),
    "ru-cable" for cable.txt (ru), just "ru" when the name has no usable ASCII letters."""
    ascii_name = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    name = _NOT_NAME.sub("-", ascii_name.lower()).strip("-.")[:_LONGEST_NAME].strip("-.")
    prefix = _NOT_NAME.sub("-", language.lower()).strip("-.") or "und"
    if not name or name == prefix or name.startswith(f"{prefix}-"):
        return name or prefix
    return f"{prefix}-{name}"
