"""Per-row comparison results for the view, computed in a background thread and cached by
content.

Comparing a row can be slow (cross-lingual matching embeds words with the sentence encoder), so
the model never waits for it: :meth:`Highlighter.get` answers from the cache, or queues the row
and answers ``None`` (the cell shows no highlight yet). One background thread works through the
queue, newest requests first (the rows on screen), then the rows queued by :meth:`prefetch` (the
overview's cheap comparison, word differences only, of every row). The thread is given plain
data, the row's :class:`~transcompare.compare.cells.Cell` of each witness built in the GUI
thread, never the project: the project is only ever read in the GUI thread. Results are keyed by
that content: a result is announced (``ready``) only for rows that still hold the texts it was
computed from, and a row changed by an edit simply has a new key.
"""

from __future__ import annotations

import atexit
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from transcompare.memo import Memo
from transcompare.model import Project, Row
from transcompare.ui.collector import collect_in_gui_thread
from transcompare.ui.services import CompareSettings, RowHighlights, row_cells

Compute = Callable[[tuple, CompareSettings], RowHighlights]
RowKey = Hashable

CACHE_SIZE = 30_000
ANNOUNCE_MS = 40
"""Results are announced in batches, at most this often."""
RUNNING: set[_Comparer] = set()


@atexit.register
def _stop_all() -> None:
    """Threads still waiting for rows at exit are ended first (Qt aborts on running ones)."""
    for comparer in list(RUNNING):
        comparer.shutdown()


def diff_references(project: Project, chosen: str = "") -> dict[str, str]:
    """For each witness, the same-language witness its words are compared with: ``chosen`` if it
    has the same language, else the first witness of that language (the first one itself is
    compared with the second). Witnesses alone in their language get none."""
    by_language: dict[str, list[str]] = {}
    for witness in project.witnesses:
        by_language.setdefault(witness.language, []).append(witness.id)
    chosen_language = next((w.language for w in project.witnesses if w.id == chosen), None)
    references = {}
    for language, ids in by_language.items():
        if len(ids) < 2:
            continue
        first = chosen if chosen_language == language else ids[0]
        for witness_id in ids:
            if witness_id != first:
                references[witness_id] = first
            else:
                references[witness_id] = next(i for i in ids if i != first)
    return references


class _Queue:
    """Rows waiting to be compared, most urgent last; shared by the GUI and worker threads.

    While background work is held (see :meth:`Highlighter.hold_background`), ``take`` waits
    for an urgent row. After ``stop`` (when the highlighter is destroyed), ``take`` returns
    None: the worker ends.
    """

    def __init__(self) -> None:
        self.jobs: OrderedDict[RowKey, tuple] = OrderedDict()
        self.urgent: set[RowKey] = set()
        self.condition = threading.Condition()
        self.stopped = False
        self.held = False

    def stop(self) -> None:
        with self.condition:
            self.stopped = True
            self.condition.notify_all()

    def hold(self, held: bool) -> None:
        with self.condition:
            self.held = held
            self.condition.notify_all()

    def put(self, key: RowKey, job: tuple, urgent: bool) -> None:
        with self.condition:
            self.jobs[key] = job
            self.jobs.move_to_end(key, last=urgent)
            if urgent:
                self.urgent.add(key)
            self.condition.notify()

    def take(self) -> tuple[RowKey, tuple] | None:
        with self.condition:
            while not self._ready() and not self.stopped:
                self.condition.wait()
            if self.stopped:
                return None
            key, job = self.jobs.popitem(last=True)
            self.urgent.discard(key)
            return key, job

    def _ready(self) -> bool:
        """Whether a row may be taken: any, or while background work is held, an urgent one
        (the urgent rows are last)."""
        return bool(self.jobs) and (not self.held or next(reversed(self.jobs)) in self.urgent)

    def clear(self) -> None:
        with self.condition:
            self.jobs.clear()
            self.urgent.clear()

    def __contains__(self, key: RowKey) -> bool:
        with self.condition:
            return key in self.jobs


class _Comparer(QThread):
    """The background thread: compares queued rows and emits each result (Qt delivers it in the
    GUI thread). It knows only the queue and the compare function, never the highlighter, and
    stays in :data:`RUNNING` while it runs, because a QThread must not be freed before it ends."""

    computed = Signal(object, int, object)

    def __init__(self, queue: _Queue, compute: Compute) -> None:
        super().__init__()
        collect_in_gui_thread()
        self.queue, self.compute = queue, compute
        self.finished.connect(self._forget)

    def begin(self) -> None:
        if not self.isRunning():
            RUNNING.add(self)
            self.start()

    def _forget(self) -> None:
        RUNNING.discard(self)

    def run(self) -> None:
        while (job := self.queue.take()) is not None:
            key, (index, cells, settings) = job
            try:
                result = self.compute(cells, settings)
            except Exception:  # a row that cannot be compared shows no highlight
                result = RowHighlights()
            self.computed.emit(key, index, result)

    def shutdown(self) -> None:
        """Stop after the current row and wait for it (a thread must end before it is freed)."""
        self.queue.stop()
        self.wait()


class Highlighter(QObject):
    ready = Signal(list)
    """Indexes of rows whose results just arrived."""
    hold_changed = Signal(bool)
    """Whether background work is now held (see :meth:`hold_background`)."""

    def __init__(self, compute: Compute, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._compute = compute
        self._cache: Memo[RowKey, RowHighlights] = Memo(CACHE_SIZE)
        self._queue = _Queue()
        self._project: Project | None = None
        self.settings = self.overview_settings = CompareSettings()
        self._cells: dict[int, tuple[Row, tuple]] = {}
        self._arrived: set[int] = set()
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(ANNOUNCE_MS)
        self._announce.timeout.connect(self._emit_ready)
        self._comparer = _Comparer(self._queue, compute)
        self._comparer.computed.connect(self._store_result)
        self.destroyed.connect(self._queue.stop)
        self._waiting: set[RowKey] = set()
        """Keys queued or being compared whose results have not been stored yet."""

    def set_project(self, project: Project | None, settings: CompareSettings) -> None:
        self._project, self.settings = project, settings
        self.overview_settings = replace(settings, unmatched=False)
        """The cheap comparison the overview shows for every row: word differences only."""
        self._cells.clear()
        self._queue.clear()
        self._waiting.clear()

    def _row_cells(self, index: int) -> tuple:
        """The row's cells, remembered while the row is the same object: rows are immutable and
        every edit that changes a sentence's text also replaces the rows that hold it."""
        assert self._project is not None
        row = self._project.rows[index]
        remembered = self._cells.get(index)
        if remembered is None or remembered[0] is not row:
            remembered = self._cells[index] = (row, row_cells(self._project, index))
        return remembered[1]

    def _key(self, index: int, settings: CompareSettings) -> tuple[tuple, RowKey]:
        cells = self._row_cells(index)
        return cells, (cells, settings)

    def get(self, index: int) -> RowHighlights | None:
        """The row's results if known; otherwise queue the row first and return None."""
        cells, key = self._key(index, self.settings)
        found = self._cache.get(key)
        if found is None:
            self._submit(key, index, cells, self.settings, urgent=True)
        return found

    def overview_value(self, index: int) -> float | None:
        """The row's divergence from word differences, if known (nothing is queued)."""
        found = self._cache.get(self._key(index, self.overview_settings)[1])
        return None if found is None else found.divergence

    def prefetch(self, indexes: Sequence[int]) -> None:
        """Queue the overview's comparison of rows behind every other request."""
        settings = self.overview_settings
        for index in reversed(indexes):
            cells, key = self._key(index, settings)
            if key not in self._cache:
                self._submit(key, index, cells, settings, urgent=False)

    def compute_now(self, index: int) -> RowHighlights:
        """The row's results, computed at once in this thread if needed."""
        cells, key = self._key(index, self.settings)
        return self._cache.computed(key, lambda: self._compute(cells, self.settings))

    def hold_background(self, held: bool) -> None:
        """Hold the overview's comparisons (rows on screen are still compared) while a long
        task runs, a QA run above all: they would take turns with the task's own work in this
        process's interpreter and slow it down more than they advance, and the QA run makes
        the diffs they would make itself. A run asked for as a 10,000-row document opens took
        5.1–5.4 s with the overview's diffs made alongside, 4.3–4.8 s with them held
        (``benchmarks/compare_speed.py``, varied vocabulary)."""
        self._queue.hold(held)
        self.hold_changed.emit(held)

    @property
    def background_held(self) -> bool:
        return self._queue.held

    def shutdown(self) -> None:
        """Stop comparing (after the row in progress); used when the window closes."""
        self._comparer.shutdown()

    @property
    def pending(self) -> int:
        """Rows queued or being compared, whose results have not arrived yet."""
        return len(self._waiting)

    def _submit(
        self, key: RowKey, index: int, cells: tuple, settings: CompareSettings, urgent: bool
    ) -> None:
        if not urgent and key in self._queue:
            return
        self._queue.put(key, (index, cells, settings), urgent)
        self._waiting.add(key)
        self._comparer.begin()

    def _store_result(self, key: RowKey, index: int, result: RowHighlights) -> None:
        self._cache.put(key, result)
        self._waiting.discard(key)
        project = self._project
        cells, settings = key
        current = settings in (self.settings, self.overview_settings)
        if (
            current
            and project is not None
            and index < len(project.rows)
            and (row_cells(project, index) == cells)
        ):
            self._arrived.add(index)
            if not self._announce.isActive():
                self._announce.start()

    def _emit_ready(self) -> None:
        rows, self._arrived = sorted(self._arrived), set()
        if rows:
            self.ready.emit(rows)
