"""The application object: names for settings, and a worker thread that hands the interpreter
back to the window quickly."""

from __future__ import annotations

import sys

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
