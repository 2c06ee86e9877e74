"""The status-bar strip that runs one long task at a time: message, progress bar, Cancel.

Starting a task while another runs is refused (the caller gets ``False``), so two tasks never
touch the project at once; ``busy_changed`` lets the window lock editing meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from transcompare.ui import messages
from transcompare.ui.workers import TaskFactory, TaskWorker


class TaskBar(QWidget):
    busy_changed = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.worker: TaskWorker | None = None
        self.setVisible(False)

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def run(
        self,
        title: str,
        factory: TaskFactory,
        on_success: Callable[[object], None],
        on_end: Callable[[], None] | None = None,
    ) -> bool:
        """Start ``factory()`` in a worker. When it ends (the bar is idle again), in the GUI
        thread: ``on_success(result)`` if it succeeded, then ``on_end()`` in every case."""
        if self.worker is not None:
            return False
        worker = TaskWorker(title, factory, self)
        self.worker = worker
        worker.progressed.connect(self._show_progress)
        results: list[object] = []
        worker.succeeded.connect(results.append)
        worker.failed.connect(lambda message: messages.show_error(self.window(), title, message))
        worker.finished.connect(lambda: self._finish(worker, results, on_success, on_end))
        self.label.setText(f"{title}…")
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)
        self.busy_changed.emit(True)
        worker.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(f"Cancelling {self.worker.title.lower()}…")

    def _show_progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(done)
        if message:
            self.label.setText(message)

    def _finish(
        self,
        worker: TaskWorker,
        results: list[object],
        on_success: Callable[[object], None],
        on_end: Callable[[], None] | None,
    ) -> None:
        worker.deleteLater()
        self.worker = None
        self.setVisible(False)
        self.busy_changed.emit(False)
        if results:
            on_success(results[0])
        if on_end is not None:
            on_end()
