"""Python's cyclic garbage collection, kept in the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that
is a worker thread and the garbage holds Qt objects (a closed dialog or window kept in a cycle by
its signal connections), Qt objects are destroyed outside the GUI thread and the process crashes.
So before the first worker thread starts, automatic collection is switched off and a timer in
the GUI thread collects instead, as often and as deep as the collector's own thresholds say
(the approach pyqtgraph takes). It waits while a whole-document computation has paused
collection (see :mod:`transcompare.compare.bulk`).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

from transcompare.compare.bulk import paused

INTERVAL_MS = 500
_timers: list[QTimer] = []


def collect_in_gui_thread() -> None:
    """Move garbage collection to a GUI-thread timer (once; call from the GUI thread)."""
    app = QCoreApplication.instance()
    if _timers or app is None:
        return
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(collect_due_generations)
    timer.start(INTERVAL_MS)
    _timers.append(timer)


def collect_due_generations() -> None:
    """Collect the oldest generation whose count has passed its threshold, if any, unless a
    whole-document computation (a QA run in a worker) has paused collection."""
    if paused():
        return
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
    if due:
        gc.collect(max(due))
