"""Comparison results for the view: which witness is compared with which, and the lazy cache
that answers by row content and drops requests for rows that changed."""

from __future__ import annotations

import threading

import pytest

from tests.builders import make_project
from transcompare.edits import SplitSentence
from transcompare.model import Span
from transcompare.ui.highlights import Highlighter, diff_references
from transcompare.ui.services import CompareSettings, RowHighlights


def project():
    return make_project(
        {
            "ru": ["Один.", "Два."],
            "en-a": ["One.", "Two."],
            "en-b": ["One!", "Two words."],
            "en-c": ["One.", "Two."],
        }
    )


@pytest.mark.parametrize(
    "chosen, expected",
    [
        ("", {"en-a": "en-b", "en-b": "en-a", "en-c": "en-a"}),
        ("en-b", {"en-a": "en-b", "en-b": "en-a", "en-c": "en-b"}),
        ("ru", {"en-a": "en-b", "en-b": "en-a", "en-c": "en-a"}),
    ],
)
def test_diff_references(chosen, expected):
    assert diff_references(project(), chosen) == expected


class Recorder:
    """A compute function that records the first English text of each row it compares; it
    waits until released, so tests can queue several rows first."""

    def __init__(self):
        self.calls = []
        self.release = threading.Event()

    def __call__(self, cells, settings):
        self.release.wait(5)
        english = next(c for c in cells if c.witness == "en-a")
        self.calls.append((english.sentences[0].text, settings.unmatched))
        span = Span("en-a", english.sentences[0].id, 0, 1)
        return RowHighlights({"en-a": ((span, "wording"),)}, {}, 0.5)


@pytest.fixture
def compute():
    recorder = Recorder()
    yield recorder
    recorder.release.set()


def highlighter_on(sample, compute, unmatched=True):
    highlighter = Highlighter(compute)
    highlighter.set_project(sample, CompareSettings((), "ru", unmatched))
    return highlighter


def test_a_miss_is_queued_then_computed_and_announced(qtbot, compute):
    highlighter = highlighter_on(project(), compute)
    assert highlighter.get(1) is None
    assert highlighter.pending == 1
    compute.release.set()
    with qtbot.waitSignal(highlighter.ready) as ready:
        pass
    assert ready.args == [[1]]
    assert highlighter.get(1).divergence == 0.5
    assert highlighter.overview_value(1) is None
    assert compute.calls == [("Two.", True)]


def test_results_follow_content_not_row_numbers(compute):
    sample = project()
    highlighter = highlighter_on(sample, compute)
    compute.release.set()
    highlighter.compute_now(1)
    assert highlighter.get(1) is not None
    SplitSentence("en-a", "en-a.s2", 1).apply(sample)
    assert highlighter.get(1) is None


def test_a_result_for_a_row_that_changed_meanwhile_is_not_announced(qtbot, compute):
    sample = project()
    highlighter = highlighter_on(sample, compute)
    highlighter.get(1)
    SplitSentence("en-b", "en-b.s2", 4).apply(sample)
    compute.release.set()
    with qtbot.assertNotEmitted(highlighter.ready, wait=200):
        qtbot.waitUntil(lambda: highlighter.pending == 0)
    assert highlighter.get(1) is None


def test_rows_on_screen_come_before_the_overview(qtbot, compute):
    highlighter = highlighter_on(project(), compute)
    highlighter.get(0)
    highlighter.prefetch([1])
    highlighter.get(1)
    compute.release.set()
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    assert sorted(compute.calls[:2]) == [("One.", True), ("Two.", True)]
    assert compute.calls[2:] == [("Two.", False)]
    qtbot.waitUntil(lambda: highlighter.overview_value(1) == 0.5)


def test_a_failing_comparison_shows_no_highlight(qtbot):
    def broken(cells, settings):
        raise ValueError("cannot compare")

    highlighter = highlighter_on(project(), broken)
    highlighter.get(0)
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    qtbot.waitUntil(lambda: highlighter.get(0) == RowHighlights())


def test_held_background_work_waits_while_rows_on_screen_are_compared(qtbot, compute):
    highlighter = highlighter_on(project(), compute)
    highlighter.hold_background(True)
    highlighter.prefetch([0, 1])
    highlighter.get(1)
    compute.release.set()
    qtbot.waitUntil(lambda: highlighter.get(1) is not None)
    qtbot.wait(100)
    assert compute.calls == [("Two.", True)] and highlighter.pending == 2
    highlighter.hold_background(False)
    qtbot.waitUntil(lambda: highlighter.pending == 0)
    assert sorted(compute.calls[1:]) == [("One.", False), ("Two.", False)]
