"""XLIFF 2.0 export: the pivot as source, every other witness as a translation of it.

XLIFF 2.0 allows one target language per document, so one document is written per target
language; witnesses sharing a language become separate ``<file>`` elements of that document.
Each row whose pivot cell holds text becomes a ``unit`` with one ``segment`` (rows that add
text absent from the pivot cannot be expressed and are left out; an empty target cell gives a
segment without ``<target>``). Confirmed rows are ``state="reviewed"``, others
``state="translated"``; the row's status and confidence also go in a unit note.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from transcompare.errors import InputError
from transcompare.formats.storage import atomic_write
from transcompare.formats.tmx import language_codes
from transcompare.formats.xmlwrite import indent, serialize, sub
from transcompare.model import Project, Row

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"


def _x(tag: str) -> str:
    return f"{{{XLIFF_NS}}}{tag}"


def _unit(project: Project, row: Row, number: int, source: str, target: str) -> etree._Element:
    unit = etree.Element(_x("unit"), id=f"r{number}")
    note = f"alignment {row.status}, confidence {float(row.confidence)!r}"
    sub(sub(unit, _x("notes")), _x("note"), note, category="alignment")
    segment = sub(unit, _x("segment"), state="reviewed" if row.confirmed else "translated")
    sub(segment, _x("source"), project.cell_text(row, source), xml_space="preserve")
    if row.ids(target):
        sub(segment, _x("target"), project.cell_text(row, target), xml_space="preserve")
    return unit


def xliff_documents(
    project: Project, languages: Mapping[str, str] | None = None
) -> dict[str, bytes]:
    """One XLIFF document per target language, keyed by that language code."""
    codes = language_codes(project, languages)
    source = project.pivot
    by_language: dict[str, list[str]] = {}
    for witness_id in project.witness_ids:
        if witness_id != source:
            by_language.setdefault(codes[witness_id], []).append(witness_id)
    if not source or not by_language:
        raise InputError(None, "XLIFF needs a pivot witness and at least one other witness")
    documents = {}
    for language, witness_ids in by_language.items():
        root = etree.Element(
            _x("xliff"),
            version="2.0",
            srcLang=codes[source],
            trgLang=language,
            nsmap={None: XLIFF_NS},
        )
        for witness_id in witness_ids:
            file = etree.Element(_x("file"), id=witness_id, original=witness_id)
            for number, row in enumerate(project.rows, start=1):
                if row.ids(source):
                    file.append(_unit(project, row, number, source, witness_id))
            if len(file):
                root.append(file)
        if len(root):
            indent(root)
            documents[language] = serialize(root)
    if not documents:
        raise InputError(None, "no row of the pivot holds text: nothing to export to XLIFF")
    return documents


def write_xliff(
    project: Project, out: str | os.PathLike[str], languages: Mapping[str, str] | None = None
) -> list[Path]:
    """Write the XLIFF documents: to ``out`` when there is one target language, else to
    ``OUT-LANG.xlf`` beside it (``out`` with the language before the suffix). Returns the
    paths written."""
    out = Path(out)
    documents = xliff_documents(project, languages)
    written = []
    for language, data in documents.items():
        path = out if len(documents) == 1 else out.with_name(f"{out.stem}-{language}{out.suffix}")
        atomic_write(path, data)
        written.append(path)
    return written
