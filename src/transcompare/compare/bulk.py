"""What whole-document computations share: pausing the cyclic garbage collector while they run.

A QA run over a long document builds hundreds of thousands of long-lived objects (the analyses
of its sentences and cells, cached row results, findings) and no reference cycles. Python's
cyclic collector scans the whole heap each time the number of long-lived objects grows by a
quarter, so it would rescan an ever larger heap a dozen times during the run — a third of the
run's time — and free nothing. Reference counting frees memory as usual while it is paused.
When the last pause ends, what the run made joins the oldest generation rather than waiting
for one long young collection.

The application collects from a timer of its own (see ``ui.collector``); it asks
:func:`paused` first, so a run in a worker thread is not interrupted by it either.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses = 0
_enabled_before = False
"""Whether the collector was on when the first of the pauses now running began."""
_lock = threading.Lock()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block, and resume it when the last
    pause running ends (whatever happens, unless it was off before the first began: nested
    pauses, and pauses of several threads that end in any order, end with it on)."""
    global _pauses, _enabled_before
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:  # a pause beginning meanwhile must find the collector as this one leaves it
            _pauses -= 1
            if _pauses == 0:
                _age_all()
                if _enabled_before:
                    gc.enable()


def _age_all() -> None:
    """Move every object the collector tracks to its oldest generation. Those made during the
    pause are mostly what the computation keeps (analyses, results): the next young collection
    would otherwise scan them all at once (a third of a second after a QA run of 10,000 rows)
    and keep them. Garbage among them waits for the next full collection."""
    gc.freeze()
    gc.unfreeze()


def paused() -> bool:
    """Whether a whole-document computation has paused collection (in any thread)."""
    return _pauses > 0
