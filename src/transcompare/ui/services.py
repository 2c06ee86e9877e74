"""Every call the UI makes into the rest of the core (import, alignment, comparison, QA, MQM,
files, autosave), in one thin module.

Views and commands import only this module for such work, so each core entry point is named once
in the UI, long work is always handed out as a task (a generator the worker can run and cancel),
and tests can replace one function here to stand in for a slow part of the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from transcompare import mqm
from transcompare.align import realign_stretch
from transcompare.align.embed import usable_cores
from transcompare.compare import qa
from transcompare.compare.cells import Cell, cell
from transcompare.compare.crosslingual import default_matcher
from transcompare.compare.divergence import compare_cells
from transcompare.compare.threeway import closeness, closer
from transcompare.corpus import bundled_corpus
from transcompare.formats import autosave, convert, tei
from transcompare.formats.report import divergence_highlights
from transcompare.model import Annotation, Project, Row, Span
from transcompare.pipeline import WitnessSource, build_project, open_corpus
from transcompare.progress import Progress, Task

# --- projects: import, open, save ---------------------------------------------------------------


def bundled_corpus_folder() -> Path:
    """The corpus that ships with TransCompare (opened when no file is given)."""
    return bundled_corpus()


def corpus_task(folder: Path) -> Task[Project]:
    """Import, segment and align the witnesses a corpus folder's manifest lists."""
    return open_corpus(folder)


def new_project_task(
    sources: list[WitnessSource], pivot: str | None, metadata: dict[str, str]
) -> Task[Project]:
    return build_project(sources, pivot, metadata)


def open_project_task(path: Path) -> Task[Project]:
    yield Progress(0, 1, f"Reading {path.name}")
    return tei.read_project(path)


def save_project(project: Project, path: Path) -> None:
    tei.write_project(project, path)


def realign_task(project: Project, first: int, last: int) -> Task[list[Row]]:
    """New rows for ``first..last`` (confirmed rows among them stay as they are)."""
    return realign_stretch(project, first, last)


# --- comparison ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowHighlights:
    """What the comparison found in one row, per witness, in sentence offsets."""

    diffs: Mapping[str, tuple[tuple[Span, str], ...]] = field(default_factory=dict)
    """Words that differ from the witness's same-language reference, each with the kind of
    difference (``wording``, ``punctuation``, … see :mod:`transcompare.compare.divergence`)."""
    unmatched: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    """Words with no counterpart in the other languages."""
    divergence: float = 0.0
    """0 when the versions say the same, up to 1 when nothing corresponds."""
    closer: tuple[tuple[str, str, str], ...] = ()
    """For two translations of the pivot in one language, ``(a, b, verdict)``: the witness
    closer to the pivot, or ``""`` when neither is (computed with the unmatched words)."""


@dataclass(frozen=True)
class CompareSettings:
    """What to compare in each row: same-language pairs for word differences, and the pivot
    whose words are matched across languages (when ``unmatched`` is on)."""

    references: tuple[tuple[str, str], ...] = ()
    pivot: str = ""
    unmatched: bool = False


def row_cells(project: Project, index: int) -> tuple[Cell, ...]:
    """The row's cell in every witness, as plain hashable data (safe to hand to a thread)."""
    return tuple(cell(project, index, witness.id) for witness in project.witnesses)


def compare_row(cells: tuple[Cell, ...], settings: CompareSettings) -> RowHighlights:
    """Word differences of each same-language pair, and (if asked) the words of the pivot and
    of each other-language witness that have no counterpart on the other side. The divergence is
    the largest of the pairs' scores (cross-lingual: the share of unmatched words)."""
    by_id = {c.witness: c for c in cells}
    diffs: dict[str, list[tuple[Span, str]]] = {}
    unmatched: dict[str, list[Span]] = {}
    scores: list[float] = []
    for pair in _pairs(settings):
        diff = compare_cells(by_id[pair[0]], by_id[pair[1]])
        for witness in pair:
            diffs.setdefault(witness, []).extend(diff.spans(witness))
        if diff.score is not None:
            scores.append(diff.score)
    pivot = by_id.get(settings.pivot)
    matcher = default_matcher() if settings.unmatched and pivot else None
    cross = {
        other.witness: matcher.compare(pivot, other)
        for other in cells
        if matcher and other and other.language != pivot.language
    }
    for witness, found in cross.items():
        for side, items in ((pivot.witness, found.a), (witness, found.b)):
            unmatched.setdefault(side, []).extend(item.span for item in items)
        if not found.too_long and found.a_count + found.b_count:
            scores.append((len(found.a) + len(found.b)) / (found.a_count + found.b_count))
    verdicts = [
        (a, b, closer(*(closeness(pivot, by_id[w], cross[w], matcher) for w in (a, b))) or "")
        for a, b in _pairs(settings)
        if a in cross and b in cross
    ]
    return RowHighlights(
        diffs={witness: tuple(dict.fromkeys(spans)) for witness, spans in diffs.items()},
        unmatched={witness: tuple(dict.fromkeys(spans)) for witness, spans in unmatched.items()},
        divergence=min(1.0, max(scores, default=0.0)),
        closer=tuple(verdicts),
    )


def _pairs(settings: CompareSettings) -> list[tuple[str, str]]:
    """The same-language pairs to diff, each once, in a stable order."""
    return sorted({(min(a, b), max(a, b)) for a, b in settings.references})


# --- QA and MQM ---------------------------------------------------------------------------------

Finding = qa.Finding


def qa_task(project: Project) -> Task[list[Finding]]:
    """Every finding of the QA checks, dismissed ones included (the list can show them). A long
    document is checked in parts, one per core, in fresh processes: the window's threads make
    forking this process unsafe."""
    config = replace(qa.DEFAULTS, include_dismissed=True)
    return qa.checks_task(project, config, usable_cores(), qa.parts.FRESH)


def prepare_qa_processes() -> None:
    """Get the processes that check long documents ready as the application starts, at the
    cost of a fork server's 90 MB: a run asked for as soon as a long document is shown would
    otherwise wait for it to start. From asking to the findings, the window took 4.8–5.2 s
    (median 5.1) before, 4.4–5.1 s (median 4.9) with the server ready and the overview strip
    waiting for the run (``benchmarks/ui_open.py --project varied --checks-as-it-opens``, six
    runs each, in turn)."""
    if usable_cores() > 1:
        qa.parts.get_ready()


def prepare_qa(project: Project) -> None:
    """Get ready to check a long document in fresh processes (see :func:`qa_task`) while the
    user reads it, so that the run does not wait for them to be set up."""
    qa.parts.prepare(range(len(project.rows)), usable_cores())


def finding_to_annotation(finding: Finding, project: Project) -> Annotation:
    return qa.finding_to_annotation(finding, project)


def mqm_typology() -> tuple[mqm.Dimension, ...]:
    return mqm.TYPOLOGY


def category_label(category_id: str) -> str:
    return mqm.category_label(category_id)


def mqm_summary(project: Project, witness_id: str) -> mqm.MqmSummary:
    return mqm.mqm_summary(project, witness_id)


# --- export -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exporter:
    format: str
    label: str
    suffix: str


EXPORT_LABELS = {
    "tei": ("TEI project copy", ".xml"),
    "tei-publication": ("TEI for publication", ".xml"),
    "tmx": ("TMX translation memory", ".tmx"),
    "xliff": ("XLIFF 2.0", ".xlf"),
    "tsv": ("Tab-separated table", ".tsv"),
    "html": ("HTML report", ".html"),
}


def exporters() -> list[Exporter]:
    """Every export format of the core, with a menu label and a file suffix."""
    return [
        Exporter(name, *EXPORT_LABELS.get(name, (name.upper(), f".{name}")))
        for name in convert.EXPORT_FORMATS
    ]


def export_task(exporter: Exporter, project: Project, path: Path) -> Task[list[Path]]:
    """Write the export; the HTML report shades the words that differ between versions."""
    yield Progress(0, 1, f"Writing {path.name}")
    highlights = divergence_highlights(project) if exporter.format == "html" else None
    return convert.export(project, exporter.format, path, highlights=highlights)


# --- autosave -----------------------------------------------------------------------------------

Recoverable = autosave.Recoverable


def write_autosave(project: Project, path: Path | None) -> Path:
    return autosave.write_autosave(project, path)


def discard_autosave(written: Path) -> None:
    autosave.discard_autosave(written)


def find_recoverable() -> list[Recoverable]:
    return autosave.find_recoverable()


def read_recoverable(recoverable: Recoverable) -> Project:
    return tei.read_project(recoverable.autosave)
