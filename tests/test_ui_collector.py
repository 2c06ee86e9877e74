"""Garbage collection stays in the GUI thread once worker threads may run."""

from __future__ import annotations

import gc
import weakref

from transcompare.compare.bulk import collection_paused
from transcompare.ui.collector import collect_due_generations, collect_in_gui_thread


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_collection_moves_to_a_gui_timer(qapp):
    collect_in_gui_thread()
    assert not gc.isenabled()
    node = Node()
    gone = weakref.ref(node)
    del node
    kept = [[] for _ in range(gc.get_threshold()[0] + 1)]  # tracked allocations
    assert gone() is not None and gc.get_count()[0] > gc.get_threshold()[0]
    collect_due_generations()
    assert gone() is None
    assert gc.get_count()[0] < gc.get_threshold()[0] < len(kept)


def test_nothing_is_collected_before_a_threshold_is_passed(qapp):
    collect_in_gui_thread()
    gc.collect()
    node = Node()
    gone = weakref.ref(node)
    del node
    collect_due_generations()
    assert gone() is not None
    gc.collect()
    assert gone() is None


def test_the_timer_waits_while_a_worker_has_paused_collection(qapp):
    collect_in_gui_thread()
    node = Node()
    gone = weakref.ref(node)
    del node
    kept = [[] for _ in range(gc.get_threshold()[0] + 1)]
    with collection_paused():  # as a QA run in a worker thread does
        collect_due_generations()
        assert gone() is not None
    # The pause moved the garbage to the oldest generation: the timer frees it at its next full
    # collection, as the application goes on allocating.
    for _ in range(10 * gc.get_threshold()[1] * gc.get_threshold()[2]):
        kept.append([[] for _ in range(gc.get_threshold()[0] + 1)])
        collect_due_generations()
        if gone() is None:
            break
    assert gone() is None
