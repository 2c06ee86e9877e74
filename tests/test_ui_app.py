"""The application object: names for settings, and a worker thread that hands the interpreter
back to the window quickly."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from transcompare.ui import app


def test_the_window_waits_little_for_a_busy_worker_thread(qapp):
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default
    try:
        application = app.application()
        assert application is qapp and application.applicationName() == app.APPLICATION
        assert sys.getswitchinterval() == app.SWITCH_INTERVAL < 0.005
    finally:
        sys.setswitchinterval(before)


class StubWindow:
    """What ``app.run`` touches of the main window."""

    def __init__(self, calls):
        calls.append("window")
        self.autosaver = SimpleNamespace(offer_recovery=lambda: True)  # nothing opened
        self.tasks = SimpleNamespace(busy_changed=SimpleNamespace(connect=lambda slot: None))
        self.files = SimpleNamespace(open_bundled_corpus=lambda: None)

    def show(self):
        pass

    def resize(self, *size):
        pass


@pytest.mark.parametrize(
    "screenshot, expected", [(None, ["ready", "window"]), ("w.png", ["window"])]
)
def test_the_application_gets_its_qa_processes_ready_as_it_starts(
    monkeypatch, screenshot, expected
):
    """A screenshot runs no checks."""
    calls = []
    monkeypatch.setattr(app.services, "prepare_qa_processes", lambda: calls.append("ready"))
    monkeypatch.setattr(app, "MainWindow", lambda: StubWindow(calls))
    monkeypatch.setattr(app, "application", lambda: SimpleNamespace(exec=lambda: 0))
    monkeypatch.setattr(app.messages, "interactive", True)
    assert app.run([], screenshot and Path(screenshot)) == 0
    assert calls == expected


@pytest.mark.parametrize("cores, started", [(1, []), (2, [True])])
def test_qa_processes_are_got_ready_where_there_are_cores_for_them(monkeypatch, cores, started):
    from transcompare.compare.qa import parts
    from transcompare.ui import services

    got_ready = []
    monkeypatch.setattr(parts, "get_ready", lambda: got_ready.append(True))
    monkeypatch.setattr(services, "usable_cores", lambda: cores)
    services.prepare_qa_processes()
    assert got_ready == started
