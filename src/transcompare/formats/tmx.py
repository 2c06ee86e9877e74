"""TMX 1.4b export: one translation unit per aligned row.

``pairs=None`` writes every witness of a row into one ``tu``; a list of (source, target)
witness pairs writes one ``tu`` per row and pair instead. Rows with fewer than two non-empty
cells are left out (they translate nothing). Each ``tuv`` names its witness in a
``x-witness`` prop, so two versions in one language stay apart; each ``tu`` carries the row's
alignment status and confidence as ``x-status`` and ``x-confidence`` props. ``languages``
overrides the language code written for a witness (default: the witness's language, ``und``
when unknown); the header's ``srclang`` is the pivot's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from lxml import etree

from transcompare import __version__
from transcompare.errors import InputError
from transcompare.formats.storage import atomic_write
from transcompare.formats.xmlwrite import indent, serialize, sub
from transcompare.model import Project

TMX_VERSION = "1.4"


def language_codes(project: Project, languages: Mapping[str, str] | None = None) -> dict[str, str]:
    """The code written for each witness: an override, else its language, else ``und``."""
    languages = languages or {}
    return {w.id: languages.get(w.id) or w.language or "und" for w in project.witnesses}


def tmx_to_xml(
    project: Project,
    pairs: Sequence[tuple[str, str]] | None = None,
    languages: Mapping[str, str] | None = None,
) -> bytes:
    codes = language_codes(project, languages)
    unknown = {w for pair in pairs or () for w in pair} - set(codes)
    if unknown:
        raise InputError(None, f"no witness {', '.join(sorted(unknown))} in the project")
    root = etree.Element("tmx", version=TMX_VERSION)
    header = {
        "creationtool": "TransCompare",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "TransCompare",
        "adminlang": "en",
        "srclang": codes.get(project.pivot, "*all*"),
        "datatype": "plaintext",
    }
    sub(root, "header", **header)
    body = sub(root, "body")
    groups = [list(pair) for pair in pairs] if pairs else [project.witness_ids]
    for number, row in enumerate(project.rows, start=1):
        for witness_ids in groups:
            texts = {w: project.cell_text(row, w) for w in witness_ids if row.ids(w)}
            if len(texts) < 2:
                continue
            tuid = str(number) if len(groups) == 1 else f"{number}-{'-'.join(witness_ids)}"
            tu = sub(body, "tu", tuid=tuid)
            sub(tu, "prop", row.status, type="x-status")
            sub(tu, "prop", repr(float(row.confidence)), type="x-confidence")
            for witness_id, text in texts.items():
                tuv = sub(tu, "tuv", xml_lang=codes[witness_id])
                sub(tuv, "prop", witness_id, type="x-witness")
                sub(tuv, "seg", text)
    indent(root, keep={"seg"})
    return serialize(root)


def write_tmx(
    project: Project,
    out: str | os.PathLike[str],
    pairs: Sequence[tuple[str, str]] | None = None,
    languages: Mapping[str, str] | None = None,
) -> None:
    atomic_write(out, tmx_to_xml(project, pairs, languages))
