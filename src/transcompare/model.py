"""The project model: witnesses (versions of a document), sentences, alignment rows, annotations.

Plain Python, no Qt. Rules every editor of this module must keep:

* A sentence id (``en-a.s12``) is an XML NCName and is never reused for another sentence after a
  split or a merge: new ids come from the witness's ``next_number`` counter.
* ``Sentence.text`` always equals ``witness.text[start:end]``.
* For every witness, the sentence ids of all rows, read top to bottom, are exactly that
  witness's sentences in order (``Project.check`` verifies it).
* All changes to rows, annotations and witnesses go through the ``Project`` methods below, which
  announce them through ``project.events`` so views can follow. Edits with an inverse, for undo,
  live in :mod:`transcompare.edits`.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from transcompare.events import Signal

ORIGINAL = "original"
TRANSLATION = "translation"

AUTOMATIC = "automatic"
CONFIRMED = "confirmed"

SEVERITIES = ("neutral", "minor", "major", "critical")
OPEN = "open"
RESOLVED = "resolved"

TEXT = "text"
GAP = "gap"
"""Sentence kind of an editorial elision mark such as "/ ... /": shown, aligned, never compared."""

_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def is_ncname(value: str) -> bool:
    """True if ``value`` can be an ``xml:id`` (an XML NCName, ASCII subset)."""
    return bool(_NCNAME.match(value))


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601 (the form stored in project files)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return "user"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a witness, located by character offsets in the witness text."""

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    kind: str = TEXT


@dataclass
class Witness:
    """One version of the document: the original or a translation, with its sentences."""

    id: str
    language: str
    role: str = TRANSLATION
    title: str = ""
    translator: str = ""
    source: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    next_number: int = 1

    def __post_init__(self) -> None:
        if not is_ncname(self.id):
            raise ValueError(f"witness id {self.id!r} is not an XML name")
        self._index: dict[str, int] | None = None

    def new_sentence_id(self) -> str:
        """A fresh sentence id; the counter only grows, so ids are never reused."""
        sentence_id = f"{self.id}.s{self.next_number}"
        self.next_number += 1
        return sentence_id

    def index_of(self, sentence_id: str) -> int:
        if self._index is None:
            self._index = {s.id: i for i, s in enumerate(self.sentences)}
        try:
            return self._index[sentence_id]
        except KeyError:
            raise KeyError(f"{self.id} has no sentence {sentence_id}") from None

    def sentence(self, sentence_id: str) -> Sentence:
        return self.sentences[self.index_of(sentence_id)]

    def replace_sentences(self, start: int, stop: int, new: Sequence[Sentence]) -> list[Sentence]:
        """Replace ``sentences[start:stop]`` and return what was there (used by edits)."""
        old = self.sentences[start:stop]
        self.sentences[start:stop] = list(new)
        self._index = None
        return old

    @property
    def paragraph_count(self) -> int:
        return 1 + max((s.paragraph for s in self.sentences), default=-1)

    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences if s.kind == TEXT)


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view: for each witness a run of consecutive sentence ids."""

    cells: Mapping[str, tuple[str, ...]]
    status: str = AUTOMATIC
    confidence: float = 0.0
    confirmed_by: str = ""

    def ids(self, witness_id: str) -> tuple[str, ...]:
        return self.cells.get(witness_id, ())

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED

    def shape(self, witness_ids: Sequence[str]) -> tuple[int, ...]:
        """The bead shape, e.g. ``(2, 1)`` for a 2:1 row."""
        return tuple(len(self.ids(w)) for w in witness_ids)

    def with_cells(self, **changes: tuple[str, ...]) -> Row:
        cells = dict(self.cells)
        cells.update(changes)
        return replace(self, cells=cells)


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of one sentence's text (end exclusive)."""

    witness: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Annotation:
    """A translation issue on one or more spans, typed with an MQM category and severity."""

    id: str
    spans: tuple[Span, ...]
    category: str
    severity: str
    note: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""
    state: str = OPEN
    origin: str = ""
    """Where it came from: empty for the user's own, ``qa:CHECK`` for an accepted finding,
    ``import:FORMAT`` for an imported evaluation."""


@dataclass(frozen=True)
class LogEntry:
    when: str
    who: str
    what: str


class ProjectEvents:
    """Signals a project emits around each change (napari-style evented model).

    Row signals carry ``(first, last)`` inclusive indexes, as Qt's models expect.
    """

    def __init__(self) -> None:
        self.rows_about_to_be_removed = Signal()
        self.rows_removed = Signal()
        self.rows_about_to_be_inserted = Signal()
        self.rows_inserted = Signal()
        self.rows_changed = Signal()
        self.about_to_reset = Signal()
        self.reset = Signal()
        self.annotations_changed = Signal()
        self.witness_changed = Signal()  # (witness_id)
        self.metadata_changed = Signal()
        self.dismissed_changed = Signal()


class Project:
    """Witnesses, their alignment rows, annotations, dismissed QA findings and a change log."""

    def __init__(
        self,
        witnesses: Iterable[Witness] = (),
        rows: Iterable[Row] = (),
        annotations: Iterable[Annotation] = (),
        metadata: Mapping[str, str] | None = None,
        pivot: str = "",
        dismissed: Iterable[str] = (),
        log: Iterable[LogEntry] = (),
    ) -> None:
        self.witnesses: list[Witness] = list(witnesses)
        self.rows: list[Row] = list(rows)
        self.annotations: list[Annotation] = list(annotations)
        self.metadata: dict[str, str] = dict(metadata or {})
        self.pivot = pivot or self._default_pivot()
        self.dismissed: set[str] = set(dismissed)
        self.log: list[LogEntry] = list(log)
        self.user = current_user()
        self.events = ProjectEvents()
        self._row_index: dict[tuple[str, str], int] | None = None

    def __getstate__(self) -> dict[str, object]:
        """A copy (pickled, or sent to another process) carries the content, not the listeners
        of this project (the application's views, which cannot travel)."""
        state = self.__dict__.copy()
        del state["events"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.events = ProjectEvents()

    def _default_pivot(self) -> str:
        for witness in self.witnesses:
            if witness.role == ORIGINAL:
                return witness.id
        return self.witnesses[0].id if self.witnesses else ""

    # --- lookups -------------------------------------------------------------------------

    @property
    def witness_ids(self) -> list[str]:
        return [w.id for w in self.witnesses]

    def witness(self, witness_id: str) -> Witness:
        for witness in self.witnesses:
            if witness.id == witness_id:
                return witness
        raise KeyError(f"no witness {witness_id}")

    def sentence(self, witness_id: str, sentence_id: str) -> Sentence:
        return self.witness(witness_id).sentence(sentence_id)

    def row_texts(self, row: Row | int, witness_id: str) -> list[str]:
        """The texts of one cell, sentence by sentence."""
        if isinstance(row, int):
            row = self.rows[row]
        witness = self.witness(witness_id)
        return [witness.sentence(sid).text for sid in row.ids(witness_id)]

    def cell_text(self, row: Row | int, witness_id: str) -> str:
        return " ".join(self.row_texts(row, witness_id))

    def row_of(self, witness_id: str, sentence_id: str) -> int:
        """The index of the row that holds a sentence."""
        if self._row_index is None:
            self._row_index = {
                (w, sid): i
                for i, row in enumerate(self.rows)
                for w, ids in row.cells.items()
                for sid in ids
            }
        return self._row_index[(witness_id, sentence_id)]

    def annotation(self, annotation_id: str) -> Annotation:
        for annotation in self.annotations:
            if annotation.id == annotation_id:
                return annotation
        raise KeyError(f"no annotation {annotation_id}")

    def new_annotation_id(self) -> str:
        taken = {a.id for a in self.annotations}
        number = len(self.annotations) + 1
        while f"ann{number}" in taken:
            number += 1
        return f"ann{number}"

    # --- changes (each announced) ------------------------------------------------------------

    def replace_rows(self, start: int, stop: int, new: Sequence[Row]) -> list[Row]:
        """Replace ``rows[start:stop]`` with ``new``; return the rows that were there."""
        old = self.rows[start:stop]
        events = self.events
        common = min(len(old), len(new))
        if len(old) > common:
            events.rows_about_to_be_removed.emit(start + common, start + len(old) - 1)
            del self.rows[start + common : stop]
            self._row_index = None
            events.rows_removed.emit(start + common, start + len(old) - 1)
        if len(new) > common:
            first = start + common
            events.rows_about_to_be_inserted.emit(first, first + len(new) - common - 1)
            self.rows[first:first] = list(new[common:])
            self._row_index = None
            events.rows_inserted.emit(first, first + len(new) - common - 1)
        if common:
            self.rows[start : start + common] = list(new[:common])
            self._row_index = None
            events.rows_changed.emit(start, start + common - 1)
        return old

    def set_rows(self, rows: Sequence[Row]) -> list[Row]:
        """Replace every row at once (a new alignment); views reset."""
        self.events.about_to_reset.emit()
        old, self.rows = self.rows, list(rows)
        self._row_index = None
        self.events.reset.emit()
        return old

    def replace_sentences(
        self, witness_id: str, start: int, stop: int, new: Sequence[Sentence]
    ) -> list[Sentence]:
        """Replace sentences of one witness (split/merge); rows must be updated alongside."""
        old = self.witness(witness_id).replace_sentences(start, stop, new)
        self.events.witness_changed.emit(witness_id)
        return old

    def insert_annotation(self, index: int, annotation: Annotation) -> None:
        self.annotations.insert(index, annotation)
        self.events.annotations_changed.emit()

    def remove_annotation(self, annotation_id: str) -> tuple[int, Annotation]:
        for index, annotation in enumerate(self.annotations):
            if annotation.id == annotation_id:
                del self.annotations[index]
                self.events.annotations_changed.emit()
                return index, annotation
        raise KeyError(f"no annotation {annotation_id}")

    def replace_annotation(self, annotation: Annotation) -> Annotation:
        for index, old in enumerate(self.annotations):
            if old.id == annotation.id:
                self.annotations[index] = annotation
                self.events.annotations_changed.emit()
                return old
        raise KeyError(f"no annotation {annotation.id}")

    def set_dismissed(self, key: str, dismissed: bool) -> None:
        if dismissed:
            self.dismissed.add(key)
        else:
            self.dismissed.discard(key)
        self.events.dismissed_changed.emit()

    def set_metadata(self, key: str, value: str | None) -> str | None:
        old = self.metadata.get(key)
        if value is None:
            self.metadata.pop(key, None)
        else:
            self.metadata[key] = value
        self.events.metadata_changed.emit()
        return old

    def record(self, what: str, who: str | None = None) -> LogEntry:
        entry = LogEntry(now_iso(), who or self.user, what)
        self.log.append(entry)
        return entry

    def unrecord(self, entry: LogEntry) -> None:
        if entry in self.log:
            self.log.remove(entry)

    # --- integrity -------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Broken invariants, as messages (empty when the project is sound)."""
        problems: list[str] = []
        ids = [w.id for w in self.witnesses]
        if len(set(ids)) != len(ids):
            problems.append("two witnesses share an id")
        for witness in self.witnesses:
            seen: set[str] = set()
            for sentence in witness.sentences:
                if sentence.id in seen:
                    problems.append(f"{witness.id}: sentence id {sentence.id} twice")
                seen.add(sentence.id)
                if witness.text[sentence.start : sentence.end] != sentence.text:
                    problems.append(f"{sentence.id}: text does not match its offsets")
            in_rows = [sid for row in self.rows for sid in row.ids(witness.id)]
            if in_rows != [s.id for s in witness.sentences]:
                problems.append(f"{witness.id}: rows do not hold its sentences once each, in order")
        for index, row in enumerate(self.rows):
            unknown = set(row.cells) - set(ids)
            if unknown:
                problems.append(f"row {index}: unknown witness {sorted(unknown)}")
            if not 0.0 <= row.confidence <= 1.0:
                problems.append(f"row {index}: confidence {row.confidence} outside [0, 1]")
        for annotation in self.annotations:
            for span in annotation.spans:
                try:
                    text = self.sentence(span.witness, span.sentence).text
                except KeyError:
                    problems.append(f"{annotation.id}: no sentence {span.sentence}")
                    continue
                if not 0 <= span.start <= span.end <= len(text):
                    problems.append(f"{annotation.id}: span outside {span.sentence}")
        return problems

    def iter_cells(self) -> Iterator[tuple[int, str, tuple[str, ...]]]:
        for index, row in enumerate(self.rows):
            for witness_id in self.witness_ids:
                yield index, witness_id, row.ids(witness_id)


def one_to_one_rows(project: Project) -> list[Row]:
    """A trivial alignment: the i-th sentences of all witnesses side by side (for new projects
    before alignment, and tests)."""
    longest = max((len(w.sentences) for w in project.witnesses), default=0)
    return [
        Row({w.id: tuple(s.id for s in w.sentences[i : i + 1]) for w in project.witnesses})
        for i in range(longest)
    ]
