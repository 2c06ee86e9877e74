"""What whole-document computations share: pausing the cyclic garbage collector while they run.

A QA run over a long document builds hundreds of thousands of long-lived objects (the analyses
of its sentences and cells, cached row results, findings) and no reference cycles. Python's
cyclic collector scans the whole heap each time the number of long-lived objects grows by a
quarter, so it would rescan an ever larger heap a dozen times during the run — a third of the
run's time — and free nothing. Reference counting frees memory as usual while it is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block, and resume it afterwards
    (whatever happens, unless it was off before: nested and concurrent pauses end with it on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
