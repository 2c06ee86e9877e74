"""Starting the desktop application: the QApplication, the main window, what to open first,
and the one-shot screenshot mode used for documentation and checks."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from transcompare.ui import messages, services
from transcompare.ui.main_window import MainWindow
from transcompare.ui.settings import APPLICATION, ORGANIZATION

SCREENSHOT_SIZE = (1400, 900)
SETTLE_MS = 50
SETTLE_LIMIT = 200
"""Polls (of SETTLE_MS) to wait for highlights before a screenshot is taken anyway."""


SWITCH_INTERVAL = 0.001
"""Seconds a thread at work may keep the interpreter when another thread asks for it (Python's
default is 0.005). The window's thread gives the interpreter up at every call into Qt, and
while a task computes in a worker thread it waited that long to get it back each time: a
window laying itself out afresh (a dock or the task bar appearing) stalled for 300-400 ms when
Tools → Run QA checks started on 10,000 rows (``benchmarks/ui_open.py --project varied``);
with 0.001 s, 110-170 ms."""


def application() -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("TransCompare")
    return app


def run(paths: list[Path], screenshot: Path | None = None) -> int:
    """Open ``paths`` (or the bundled corpus) in the main window and run until it closes.

    With ``screenshot``, nothing is asked: errors go to stderr, the window is rendered to that
    PNG file once loading has finished, and the application exits (0 on success)."""
    app = application()
    if screenshot is None:
        services.prepare_qa_processes()
    else:  # a screenshot runs no checks
        messages.interactive = False
    window = MainWindow()
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
        window.tasks.busy_changed.connect(
            lambda busy: busy or QTimer.singleShot(SETTLE_MS, lambda: _capture(window, screenshot))
        )
    window.show()
    if screenshot is not None or not window.autosaver.offer_recovery():
        if paths:
            window.files.open_paths(paths)
        else:
            window.files.open_bundled_corpus()
    return app.exec()


def _capture(window: MainWindow, path: Path, polls: int = 0, quiet: int = 0) -> None:
    """Save the window once its visible highlights are computed (the highlighter was idle at
    two polls in a row), then quit (1 on failure)."""
    quiet = 0 if window.highlighter.pending else quiet + 1
    if quiet < 2 and polls < SETTLE_LIMIT:
        QTimer.singleShot(SETTLE_MS, lambda: _capture(window, path, polls + 1, quiet))
        return
    saved = False
    try:
        window.view.sizer.fit_visible_rows()
        saved = window.project is not None and window.grab().save(str(path), "PNG")
    finally:
        if not saved:
            print(f"transcompare: no screenshot written to {path}", file=sys.stderr)
        window.close()
        QApplication.instance().exit(0 if saved else 1)
