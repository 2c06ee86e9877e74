"""Runs a core task (a generator yielding :class:`~transcompare.progress.Progress`) off the GUI
thread, so the window never freezes.

The worker checks a cancel flag at every yield and reports through signals, which Qt delivers in
the GUI thread: ``progressed``, then exactly one of ``succeeded`` (the task's return value),
``failed`` (a message for the user) or ``cancelled``. An error is never only printed: whoever
starts a worker connects ``failed`` to a dialog (see :class:`.task_bar.TaskBar`).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from transcompare.errors import TransCompareError
from transcompare.progress import Task
from transcompare.ui.collector import collect_in_gui_thread

TaskFactory = Callable[[], Task[object]]


class TaskWorker(QThread):
    """One run of one task. ``factory`` builds the generator inside the worker thread, so even
    the set-up work of the task (which runs at its first ``next``) stays off the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, title: str, factory: TaskFactory, parent=None) -> None:
        super().__init__(parent)
        collect_in_gui_thread()
        self.title = title
        self._factory = factory
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            task = self._factory()
            while True:
                if self._cancel.is_set():
                    task.close()
                    self.cancelled.emit()
                    return
                try:
                    step = next(task)
                except StopIteration as finished:
                    self.succeeded.emit(finished.value)
                    return
                self.progressed.emit(step.done, step.total, step.message)
        except TransCompareError as error:
            self.failed.emit(str(error))
        except Exception as error:  # any bug must reach the user as a message, not kill the app
            details = "".join(traceback.format_exception_only(type(error), error)).strip()
            self.failed.emit(f"{self.title} failed unexpectedly: {details}")
