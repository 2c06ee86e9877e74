"""TEI export for publication, for renderers that do not read stand-off links.

Every ``<s>`` carries a generated ``@corresp`` listing the sentences aligned with it in the other
witnesses. Witnesses in the same language are also collated into a parallel-segmentation
document (``app``/``rdg`` inline, one ``ab`` per row, declared by ``variantEncoding
method="parallel-segmentation"`` and the corpus ``listWit``): words shared by every version of a
row stay plain text, the stretches between them become an ``app`` whose readings group the
witnesses that agree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from lxml import etree

from transcompare.formats import xmlwrite
from transcompare.formats.storage import atomic_write
from transcompare.formats.tei_profile import TEI_NS, add, t
from transcompare.formats.tei_writer import (
    SentenceAttributes,
    add_witness_list,
    serialize_tei,
    witness_document,
)
from transcompare.formats.xmlwrite import XML_ID, XML_LANG
from transcompare.model import Project, Sentence

_TOKEN = re.compile(r"\S+\s*|\s+")

Segment = str | list[str]
"""Collated text: a string all readings share, or one string per reading."""


def collate(readings: Sequence[str]) -> list[Segment]:
    """Split readings of one row into shared text and variant stretches, by word tokens.

    A token of the first reading is shared when every other reading matches it (difflib's
    matching blocks, which keep order), so the stretches between shared tokens line up.
    """
    tokens = [_TOKEN.findall(text) for text in readings]
    maps: list[dict[int, int]] = []
    for other in tokens[1:]:
        matcher = SequenceMatcher(None, tokens[0], other, autojunk=False)
        maps.append(
            {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
        )
    shared = [i for i in range(len(tokens[0])) if all(i in m for m in maps)]
    segments: list[Segment] = []
    previous = [0] * len(readings)

    def emit(stops: list[int]) -> None:
        stretch = ["".join(t[p:s]) for t, p, s in zip(tokens, previous, stops, strict=True)]
        if any(stretch):
            if len(set(stretch)) == 1:
                segments.append(stretch[0])
            else:
                segments.append(stretch)

    for index in shared:
        positions = [index] + [m[index] for m in maps]
        emit(positions)
        segments.append(tokens[0][index])
        previous = [p + 1 for p in positions]
    emit([len(t) for t in tokens])
    merged: list[Segment] = []
    for segment in segments:
        if isinstance(segment, str) and merged and isinstance(merged[-1], str):
            merged[-1] += segment
        else:
            merged.append(segment)
    return merged


def _language_groups(project: Project) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for witness in project.witnesses:
        language = witness.language.split("-")[0].lower()
        if language:
            groups.setdefault(language, []).append(witness.id)
    return {language: ids for language, ids in groups.items() if len(ids) > 1}


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _parallel_document(
    project: Project, language: str, witness_ids: list[str], document_id: str
) -> etree._Element:
    tei = etree.Element(t("TEI"))
    tei.set(XML_ID, document_id)
    if xmlwrite.is_language_tag(language):
        tei.set(XML_LANG, language)
    file_desc = add(add(tei, "teiHeader"), "fileDesc")
    add(
        add(file_desc, "titleStmt"),
        "title",
        f"Versions {', '.join(witness_ids)} collated by parallel segmentation",
    )
    add(add(file_desc, "publicationStmt"), "p", "Exported from TransCompare.")
    add(add(file_desc, "sourceDesc"), "p", "The witnesses listed in the corpus header.")
    body = add(add(tei, "text"), "body")
    for number, row in enumerate(project.rows, start=1):
        readings = [project.cell_text(row, w) for w in witness_ids]
        if not any(readings):
            continue
        block = add(body, "ab", n=str(number))
        for segment in collate(readings):
            if isinstance(segment, str):
                _append_text(block, segment)
                continue
            app = add(block, "app")
            by_text: dict[str, list[str]] = {}
            for witness_id, text in zip(witness_ids, segment, strict=True):
                by_text.setdefault(text, []).append(witness_id)
            for text, ids in by_text.items():
                add(app, "rdg", text, wit=" ".join(f"#{i}" for i in ids))
    if not len(body):
        add(body, "p")
    return tei


def _corresp(project: Project, witness_id: str) -> SentenceAttributes:
    """``@corresp`` for a witness's sentences: the other witnesses' sentences of its row."""
    rows_of = {
        sid: number
        for number, row in enumerate(project.rows)
        for ids in row.cells.values()
        for sid in ids
    }

    def attributes(sentence: Sentence) -> dict[str, str]:
        row = project.rows[rows_of[sentence.id]]
        others = [i for w in project.witness_ids if w != witness_id for i in row.ids(w)]
        return {"corresp": " ".join(f"#{i}" for i in others)} if others else {}

    return attributes


def publication_to_xml(project: Project) -> bytes:
    """The publication TEI's bytes."""
    taken = [w.id for w in project.witnesses]
    taken += [s.id for w in project.witnesses for s in w.sentences]
    ids = xmlwrite.IdAllocator(taken)
    groups = _language_groups(project)
    root = etree.Element(t("teiCorpus"), nsmap={None: TEI_NS})
    header = add(root, "teiHeader")
    file_desc = add(header, "fileDesc")
    add(add(file_desc, "titleStmt"), "title", project.metadata.get("title") or "Aligned versions")
    add(add(file_desc, "publicationStmt"), "p", "Exported from TransCompare.")
    documents = {w.id: ids.fresh(f"doc-{w.id}") for w in project.witnesses}
    add_witness_list(file_desc, project.witnesses, documents, with_roles=False)
    encoding = add(header, "encodingDesc")
    note = (
        "Each sentence s points with @corresp to the sentences aligned with it in the "
        "other versions."
    )
    if groups:
        note += (
            " Versions in one language are also collated in parallel-segmentation "
            "documents, one ab per aligned row."
        )
    add(add(encoding, "editorialDecl"), "p", note)
    if groups:
        add(encoding, "variantEncoding", method="parallel-segmentation", location="internal")
    for witness in project.witnesses:
        root.append(witness_document(witness, documents[witness.id], _corresp(project, witness.id)))
    for language, witness_ids in groups.items():
        root.append(
            _parallel_document(project, language, witness_ids, ids.fresh(f"parallel-{language}"))
        )
    return serialize_tei(root)


def write_tei_publication(project: Project, out: str | os.PathLike[str]) -> None:
    atomic_write(out, publication_to_xml(project))
