"""One entry point per direction: read a project from any supported input, write any export.

The CLI's ``export`` command and the UI's export dialog both call these, so every format is
offered the same way everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from transcompare import mqm
from transcompare.errors import InputError
from transcompare.formats.evaluations import BIOMQM, WMT_MQM, read_biomqm, read_wmt_mqm
from transcompare.formats.report import Highlighter, write_report
from transcompare.formats.storage import atomic_write
from transcompare.formats.tei import project_to_xml, read_project
from transcompare.formats.tei_publication import write_tei_publication
from transcompare.formats.tmx import write_tmx
from transcompare.formats.tsv import write_tsv
from transcompare.formats.xliff import write_xliff
from transcompare.model import Project

PROJECT = "project"
INPUT_FORMATS = (PROJECT, WMT_MQM, BIOMQM)
EXPORT_FORMATS = ("tei", "tei-publication", "tmx", "xliff", "tsv", "html")


def read_input(
    path: str | os.PathLike[str],
    fmt: str = PROJECT,
    source_language: str = "und",
    target_language: str = "und",
) -> Project:
    """A project from a project file or an imported MQM evaluation (languages apply to the
    evaluations, whose files do not name them)."""
    if fmt == PROJECT:
        return read_project(path)
    if fmt == WMT_MQM:
        return read_wmt_mqm(path, source_language, target_language)
    if fmt == BIOMQM:
        return read_biomqm(path, source_language, target_language)
    raise InputError(path, f"unknown input format {fmt!r} (known: {', '.join(INPUT_FORMATS)})")


def export(
    project: Project,
    fmt: str,
    out: str | os.PathLike[str],
    pairs: Sequence[tuple[str, str]] | None = None,
    languages: Mapping[str, str] | None = None,
    weights: Mapping[str, float] = mqm.SEVERITY_WEIGHTS,
    highlights: Highlighter | None = None,
) -> list[Path]:
    """Write ``project`` as ``fmt`` to ``out``; returns the files written (XLIFF may write one
    per target language). ``pairs`` and ``languages`` apply to TMX (``languages`` also to
    XLIFF); ``weights`` and ``highlights`` to the HTML report."""
    out = Path(out)
    if fmt == "tei":
        atomic_write(out, project_to_xml(project))
    elif fmt == "tei-publication":
        write_tei_publication(project, out)
    elif fmt == "tmx":
        write_tmx(project, out, pairs, languages)
    elif fmt == "xliff":
        return write_xliff(project, out, languages)
    elif fmt == "tsv":
        write_tsv(project, out)
    elif fmt == "html":
        write_report(project, out, highlights, weights)
    else:
        raise InputError(
            None, f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})"
        )
    return [out]
