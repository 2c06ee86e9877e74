"""Pausing the cyclic garbage collector for a whole-document computation."""

from __future__ import annotations

import gc

import pytest

from transcompare.compare.bulk import collection_paused, paused


@pytest.fixture
def collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_paused_inside_and_resumed_after(collector_on):
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_after_an_error(collector_on):
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("stop")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()
    gc.enable()


def test_paused_is_known_until_the_outermost_pause_ends_even_after_an_error():
    assert not paused()
    with collection_paused():
        with pytest.raises(ValueError), collection_paused():
            assert paused()
            raise ValueError("stop")
        assert paused()
    assert not paused()


def test_what_was_made_during_the_pause_goes_to_the_oldest_generation(collector_on):
    gc.collect()  # no older collection due that would move them there anyway
    with collection_paused():
        kept = [[k] for k in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept[0]) in oldest and id(kept[-1]) in oldest  # not left for a young collection
    assert gc.get_freeze_count() == 0  # aged, not frozen


def test_pauses_of_two_threads_keep_it_off_until_the_last_ends(collector_on):
    """A pause begun first may end first (a task in one thread, a computation in another)."""
    first, second = collection_paused(), collection_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled() and paused()
    second.__exit__(None, None, None)
    assert gc.isenabled() and not paused()
