"""Importing other people's MQM evaluations as projects, so they can be reviewed in the app.

Two layouts are read:

* **WMT / Anthea MQM TSV** (``import:wmt-mqm``): one line per marked error, tab-separated
  ``system, doc, doc_id, seg_id, rater, source, target, category, severity`` (the MQM Viewer's
  ten columns ``system, doc, doc_seg_id, global_seg_id, rater, source, target, category,
  severity, metadata`` work too; a header line naming the columns is used when present). The
  error span is marked ``<v>…</v>`` in the source (omissions) or the target; a line without a
  mark applies to the whole target segment; ``no-error`` lines only contribute text.
* **Bio-MQM JSON** (``import:biomqm``): a JSON array (or JSON Lines) of records with the source
  (``source``/``src``) and target (``target``/``tgt``) text, the system (``MT_Engine``/
  ``system``), the annotator (``Annotator_ID``/``annotator``/``rater``), a segment id
  (``SEG_ID``/``seg_id``), an optional document (``doc``/``doc_id``) and error lists
  (``target_errors``/``errors_tgt``/``errors`` and ``source_errors``/``errors_src``; a list of
  lists, one per annotator, is flattened). Each error has character offsets (``startIndex``/
  ``endIndex`` in the Bio-MQM release, where the end is inclusive, or ``start``/``end``), the
  marked text (``term``), ``error_category`` (or ``category``) and ``severity``.

Every span is checked against the segment text: a span off by surrounding whitespace or by an
inclusive end is snapped to the marked words; one whose text cannot be found keeps its
offsets and says so in the issue's note. The project has a source witness (the original) and
one translation witness per system, one row per segment (1:1, confirmed), each segment one
sentence, one paragraph per document.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcompare import mqm
from transcompare.errors import InputError
from transcompare.model import (
    CONFIRMED,
    OPEN,
    ORIGINAL,
    SEVERITIES,
    Annotation,
    Project,
    Row,
    Sentence,
    Span,
    Witness,
    now_iso,
)
from transcompare.userfiles import read_bytes, utf8_text

WMT_MQM = "wmt-mqm"
BIOMQM = "biomqm"
SOURCE = "source"
TARGET = "target"
MAX_EVALUATION_BYTES = 512 * 1024 * 1024

_NO_ERROR = {"no-error", "no error", "noerror", "none", ""}
_MARK = re.compile(r"</?v>")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.\-]+")


def snap_span(
    text: str, start: int, end: int, expected: str | None = None
) -> tuple[int, int, bool]:
    """Fit a span to ``text``: returns ``(start, end, verified)``.

    With the marked text ``expected``, the span is accepted with an exclusive or an inclusive
    end, else moved to the nearest occurrence of the marked words; surrounding whitespace is
    dropped. ``verified`` is False when the marked words are nowhere in the text (the clamped
    offsets are kept).
    """
    size = len(text)
    start, end = min(max(start, 0), size), min(max(end, start, 0), size)
    want = (expected or "").strip()
    if want:
        for stop in (end, min(end + 1, size)):
            if text[start:stop].strip() == want:
                return (*_trim(text, start, stop), True)
        found = [m.start() for m in re.finditer(re.escape(want), text)]
        if not found:
            return start, end, False
        nearest = min(found, key=lambda position: abs(position - start))
        return nearest, nearest + len(want), True
    return (*_trim(text, start, end), True)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    if not piece.strip():
        return start, end
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


@dataclass
class _Segment:
    doc: str
    source: str
    targets: dict[str, str] = field(default_factory=dict)


@dataclass
class _Error:
    segment: int
    system: str
    spans: list[tuple[str, int, int]]
    """(side, start, end) with side SOURCE or TARGET."""
    category: str
    severity: str
    rater: str
    remarks: list[str]


class _Evaluation:
    """Segments and errors gathered from a file, then turned into a project."""

    def __init__(self, path: str | os.PathLike[str], origin: str) -> None:
        self.path, self.origin = path, origin
        self.segments: list[_Segment] = []
        self.keys: dict[tuple[Any, ...], int] = {}
        self.errors: list[_Error] = []
        self.systems: list[str] = []

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(self.path, f"{where}: {problem}")

    def segment(self, key: tuple[Any, ...], doc: str, source: str) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.segments)
            self.segments.append(_Segment(doc, source))
        return self.keys[key]

    def target(self, index: int, system: str, text: str) -> None:
        if system not in self.systems:
            self.systems.append(system)
        self.segments[index].targets.setdefault(system, text)

    def severity(self, label: str, where: str) -> str | None:
        severity = label.strip().lower()
        if severity in _NO_ERROR:
            return None
        if severity not in SEVERITIES:
            raise self.fail(where, f"unknown severity {label!r}")
        return severity

    def text(self, index: int, system: str, side: str) -> str:
        segment = self.segments[index]
        return segment.source if side == SOURCE else segment.targets[system]

    def project(self, source_language: str, target_language: str) -> Project:
        witness_ids = _witness_ids(self.systems)
        docs = list(dict.fromkeys(s.doc for s in self.segments))
        paragraph = {doc: number for number, doc in enumerate(docs)}
        source, source_ids = _witness(
            SOURCE,
            source_language,
            ORIGINAL,
            "Source",
            [(paragraph[s.doc], s.source) for s in self.segments],
        )
        witnesses, cells = [source], {SOURCE: source_ids}
        for system, witness_id in witness_ids.items():
            present = [i for i, s in enumerate(self.segments) if system in s.targets]
            witness, ids = _witness(
                witness_id,
                target_language,
                "translation",
                system,
                [
                    (paragraph[self.segments[i].doc], self.segments[i].targets[system])
                    for i in present
                ],
            )
            witnesses.append(witness)
            cells[witness_id] = [None] * len(self.segments)
            for index, sentence_id in zip(present, ids, strict=True):
                cells[witness_id][index] = sentence_id
        rows = [
            Row({w: () if cells[w][i] is None else (cells[w][i],) for w in cells}, CONFIRMED, 1.0)
            for i in range(len(self.segments))
        ]
        created = now_iso()
        annotations = []
        for number, error in enumerate(self.errors, start=1):
            spans = []
            for side, start, end in error.spans:
                witness_id = SOURCE if side == SOURCE else witness_ids[error.system]
                spans.append(Span(witness_id, cells[witness_id][error.segment], start, end))
            annotations.append(
                Annotation(
                    f"ann{number}",
                    tuple(spans),
                    mqm.category_from_label(error.category),
                    error.severity,
                    "; ".join(error.remarks),
                    error.rater,
                    created,
                    "",
                    OPEN,
                    f"import:{self.origin}",
                )
            )
        name = Path(self.path).name
        project = Project(
            witnesses, rows, annotations, {"title": f"MQM evaluation {name}"}, pivot=SOURCE
        )
        project.record(f"Imported {len(annotations)} issues from {name} ({self.origin})")
        return project


def _witness_ids(systems: Iterable[str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    taken = {SOURCE}
    for system in systems:
        base = _NOT_NAME.sub("-", system).strip("-") or TARGET
        if not (base[0].isalpha() or base[0] == "_"):
            base = f"sys-{base}"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        ids[system] = candidate
    return ids


def _witness(
    witness_id: str, language: str, role: str, title: str, pieces: list[tuple[int, str]]
) -> tuple[Witness, list[str]]:
    """A witness whose sentences are the given segments; a document's segments are one
    paragraph, separated by line breaks (paragraphs by blank lines)."""
    witness = Witness(witness_id, language or "und", role=role, title=title)
    parts: list[str] = []
    position = 0
    for index, (paragraph, text) in enumerate(pieces):
        if index:
            separator = "\n" if pieces[index - 1][0] == paragraph else "\n\n"
            parts.append(separator)
            position += len(separator)
        witness.sentences.append(
            Sentence(witness.new_sentence_id(), text, position, position + len(text), paragraph)
        )
        parts.append(text)
        position += len(text)
    witness.text = "".join(parts)
    return witness, [s.id for s in witness.sentences]


def _read_text(path: str | os.PathLike[str]) -> str:
    return utf8_text(path, read_bytes(path, MAX_EVALUATION_BYTES))


# --- WMT / Anthea TSV -------------------------------------------------------------------------

_WMT_COLUMNS = (
    "system",
    "doc",
    "doc_id",
    "seg_id",
    "rater",
    "source",
    "target",
    "category",
    "severity",
)
_VIEWER_COLUMNS = (
    "system",
    "doc",
    "doc_seg_id",
    "global_seg_id",
    "rater",
    "source",
    "target",
    "category",
    "severity",
    "metadata",
)
_KEY_COLUMNS = ("doc_id", "seg_id", "doc_seg_id", "global_seg_id")


def _unmark(text: str, where: str, evaluation: _Evaluation) -> tuple[str, list[tuple[int, int]]]:
    """Text without its ``<v>…</v>`` marks, and the marked spans in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    position, length, opened = 0, 0, None
    for mark in _MARK.finditer(text):
        piece = text[position : mark.start()]
        plain.append(piece)
        length += len(piece)
        position = mark.end()
        if (mark.group() == "<v>") == (opened is not None):
            raise evaluation.fail(where, "unbalanced <v>…</v> marks")
        if opened is None:
            opened = length
        else:
            spans.append((opened, length))
            opened = None
    if opened is not None:
        raise evaluation.fail(where, "a <v> mark is never closed")
    plain.append(text[position:])
    return "".join(plain), spans


def read_wmt_mqm(
    path: str | os.PathLike[str], source_language: str = "und", target_language: str = "und"
) -> Project:
    """A project from a WMT/Anthea MQM TSV file (see the module docstring for the layout)."""
    evaluation = _Evaluation(path, WMT_MQM)
    lines = _read_text(path).splitlines()
    first = [f.strip().lower() for f in lines[0].split("\t")]
    if {"source", "target", "category", "severity"} <= set(first):
        columns, lines = tuple(first), lines[1:]
        offset = 2
    else:
        count = len(lines[0].split("\t"))
        columns = _VIEWER_COLUMNS if count == len(_VIEWER_COLUMNS) else _WMT_COLUMNS
        offset = 1
    for number, line in enumerate(lines, start=offset):
        if not line.strip():
            continue
        fields = line.split("\t")
        where = f"line {number}"
        if len(fields) != len(columns):
            raise evaluation.fail(
                where, f"expected {len(columns)} tab-separated fields, found {len(fields)}"
            )
        row = dict(zip(columns, fields, strict=True))
        source, source_marks = _unmark(row["source"], where, evaluation)
        target, target_marks = _unmark(row["target"], where, evaluation)
        key = (row.get("doc", ""), *(row[c] for c in _KEY_COLUMNS if c in row), source)
        index = evaluation.segment(key, row.get("doc", ""), source)
        system = row.get("system", "") or TARGET
        evaluation.target(index, system, target)
        severity = evaluation.severity(row["severity"], where)
        if severity is None:
            continue
        marks = [(SOURCE, s, e) for s, e in source_marks] + [
            (TARGET, s, e) for s, e in target_marks
        ]
        plain = {SOURCE: source, TARGET: target}
        if not marks:
            marks = [(TARGET, 0, len(target))]
        spans, remarks = [], [f"Imported category: {row['category']}"]
        for side, start, end in marks:
            text = evaluation.text(index, system, side)
            start, end, verified = snap_span(text, start, end, plain[side][start:end])
            if not verified:
                remarks.append(f"span not found in the {side} text")
            spans.append((side, start, end))
        evaluation.errors.append(
            _Error(index, system, spans, row["category"], severity, row.get("rater", ""), remarks)
        )
    return evaluation.project(source_language, target_language)


# --- Bio-MQM JSON -----------------------------------------------------------------------------


def _first(record: Mapping[str, Any], *names: str, default: Any = None) -> Any:
    for name in names:
        if record.get(name) is not None:
            return record[name]
    return default


def _records(text: str, evaluation: _Evaluation) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    data.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise evaluation.fail(f"line {number}", f"not JSON ({error.msg})") from None
    if isinstance(data, dict):
        data = _first(data, "data", "records", "segments", default=[data])
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise evaluation.fail("top level", "expected a list of records")
    return data


def _errors(record: Mapping[str, Any], *names: str) -> list[dict[str, Any]]:
    errors = _first(record, *names, default=[])
    flat: list[Any] = []
    for error in errors if isinstance(errors, list) else []:
        flat.extend(error if isinstance(error, list) else [error])
    return [e for e in flat if isinstance(e, dict)]


def _offset(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def read_biomqm(
    path: str | os.PathLike[str], source_language: str = "und", target_language: str = "und"
) -> Project:
    """A project from Bio-MQM JSON or JSON Lines (see the module docstring for the layout)."""
    evaluation = _Evaluation(path, BIOMQM)
    for number, record in enumerate(_records(_read_text(path), evaluation), start=1):
        where = f"record {number}"
        source = _first(record, "source", "src")
        target = _first(record, "target", "tgt", "mt", "hypothesis")
        if not isinstance(source, str) or not isinstance(target, str):
            raise evaluation.fail(where, "needs source and target text")
        doc = str(_first(record, "doc", "doc_id", "document", default=""))
        segment_id = str(_first(record, "SEG_ID", "seg_id", "segment_id", default=number))
        index = evaluation.segment((doc, segment_id, source), doc, source)
        system = str(_first(record, "MT_Engine", "system", "sys", default=TARGET))
        evaluation.target(index, system, target)
        rater = str(
            _first(record, "Annotator_ID", "annotator_id", "annotator", "rater", default="")
        )
        for side, names in (
            (TARGET, ("target_errors", "errors_tgt", "tgt_errors", "errors")),
            (SOURCE, ("source_errors", "errors_src", "src_errors")),
        ):
            for error in _errors(record, *names):
                evaluation.errors.extend(
                    _bio_error(evaluation, error, index, system, side, rater, where)
                )
    return evaluation.project(source_language, target_language)


def _bio_error(
    evaluation: _Evaluation,
    error: Mapping[str, Any],
    index: int,
    system: str,
    side: str,
    rater: str,
    where: str,
) -> list[_Error]:
    severity = evaluation.severity(
        str(_first(error, "severity", "error_severity", default="")), where
    )
    if severity is None:
        return []
    category = str(_first(error, "error_category", "category", "type", default=""))
    subcategory = _first(error, "error_subcategory", "subcategory")
    if subcategory:
        category = f"{category}/{subcategory}"
    text = evaluation.text(index, system, side)
    term = _first(error, "term", "text", "span")
    start = _offset(_first(error, "startIndex", "start", "start_index", "begin"))
    end = _offset(_first(error, "endIndex", "end", "end_index"))
    if start is None or end is None or start < 0:
        start, end = 0, len(text)
    elif "endIndex" in error:
        end += 1  # the Bio-MQM release counts its end offset inclusively
    start, end, verified = snap_span(text, start, end, term if isinstance(term, str) else None)
    remarks = [f"Imported category: {category}"]
    if not verified:
        remarks.append(f"span not found in the {side} text: {term!r}")
    return [_Error(index, system, [(side, start, end)], category, severity, rater, remarks)]
