"""Importing documents: plain text (any common encoding, with or without an archive header),
TEI P5 and .docx, each into a :class:`Document`, then into a segmented :class:`Witness`.

The format is chosen by the file's extension and, failing that, by its first bytes. Every
problem with a file is an :class:`~transcompare.errors.InputError` naming it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from pathlib import Path

from transcompare.errors import InputError
from transcompare.importers.document import Document
from transcompare.importers.docx import read_docx
from transcompare.importers.language import UNDETERMINED, check_language_tag, detect_language
from transcompare.importers.plaintext import read_plaintext
from transcompare.importers.tei_input import read_tei
from transcompare.importers.witness import default_witness_id, witness_from_document
from transcompare.model import Witness
from transcompare.pipeline import WitnessSource
from transcompare.userfiles import MAX_INPUT_BYTES, read_bytes

__all__ = [
    "MAX_INPUT_BYTES",
    "UNDETERMINED",
    "Document",
    "default_witness_id",
    "detect_language",
    "load_witness",
    "read_document",
    "witness_from_document",
]

_XML_SUFFIXES = (".xml", ".tei")
_ZIP_MAGIC = b"PK\x03\x04"
_XML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml|<TEI[\s>]|<!--)")
_UNSUPPORTED = {
    b"%PDF-": "a PDF file",
    b"{\\rtf": "an RTF file",
    b"\xd0\xcf\x11\xe0": "an old-style Word (.doc) or other OLE file",
}


def read_document(
    path: str | os.PathLike[str], encoding: str | None = None, language: str | None = None
) -> Document:
    """Read a text, TEI or .docx file. ``encoding`` applies to plain text (XML declares its own);
    ``language`` overrides the one the file declares or the text suggests."""
    path = Path(path)
    if language:
        check_language_tag(language, path)
    data = read_bytes(path)
    for signature, kind in _UNSUPPORTED.items():
        if data.startswith(signature):
            raise InputError(
                path, f"is {kind}, which cannot be imported; save it as text, .docx or TEI XML"
            )
    suffix = path.suffix.lower()
    if suffix == ".docx" or (data.startswith(_ZIP_MAGIC) and suffix != ".txt"):
        document = read_docx(path, data)
    elif suffix in _XML_SUFFIXES or (suffix != ".txt" and _XML_START.match(data[:512])):
        document = read_tei(path, data)
    else:
        document = read_plaintext(path, data, encoding)
    document.language = language or document.language or detect_language(document.text)
    return document


def load_witness(source: WitnessSource, taken_ids: Collection[str] = ()) -> Witness:
    """Import and segment one file as the witness ``source`` describes.

    Without an id, the witness is named from its language and file name (see
    :func:`default_witness_id`), with a number added when that name is among ``taken_ids``
    (the project's other witnesses); an id the user chose that is already taken is an error.
    """
    document = read_document(source.path, encoding=source.encoding, language=source.language)
    if source.id and source.id in taken_ids:
        raise InputError(source.path, f"the witness id {source.id!r} is used twice")
    witness_id = source.id or default_witness_id(document.language, document.path)
    number = 2
    while witness_id in taken_ids:
        witness_id = f"{default_witness_id(document.language, document.path)}-{number}"
        number += 1
    return witness_from_document(
        document,
        witness_id,
        role=source.role,
        title=source.title,
        translator=source.translator,
        source=source.source,
    )
