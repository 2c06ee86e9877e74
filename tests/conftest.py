"""Shared test set-up: Qt runs offscreen, and settings, caches and autosaves live in a temporary
folder per session so that tests never read or write the user's files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="transcompare-tests-"))
for _variable, _folder in (
    ("TRANSCOMPARE_CACHE_DIR", "cache"),
    ("TRANSCOMPARE_DATA_DIR", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "xdg-cache"),
    ("XDG_DATA_HOME", "xdg-data"),
):
    os.environ[_variable] = str(_SANDBOX / _folder)


def pytest_configure(config) -> None:
    """Keep QSettings and QStandardPaths inside the sandbox when Qt is available."""
    try:
        from PySide6.QtCore import QSettings, QStandardPaths
    except ImportError:
        return
    QStandardPaths.setTestModeEnabled(True)
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(_SANDBOX / "settings"))


@pytest.fixture
def gathered_here(monkeypatch):
    """The parts of a QA run's rows gathered in this process (not in a process of their own)."""
    from transcompare.compare.qa import parts

    here = []
    gathered = parts._gathered

    def noting(context, modules, total):
        here.append(context.rows)
        return (yield from gathered(context, modules, total))

    monkeypatch.setattr(parts, "_gathered", noting)
    return here


@pytest.fixture
def ui_messages(monkeypatch):
    """Modal boxes and dialogs replaced for tests: errors are collected in ``errors``; each
    dialog is handed to the next function queued with ``fill`` and then accepted; questions
    get the answers queued in ``answers`` (unsaved changes are discarded by default)."""
    from PySide6.QtWidgets import QDialog

    from transcompare.ui import messages

    class Recorder:
        def __init__(self):
            self.errors: list[str] = []
            self.fillers: list = []
            self.answers: list = []
            self.dialogs: list[QDialog] = []

        def fill(self, function) -> None:
            self.fillers.append(function)

        def run_dialog(self, dialog: QDialog) -> bool:
            assert self.fillers, f"unexpected dialog: {dialog.windowTitle()}"
            self.dialogs.append(dialog)
            self.fillers.pop(0)(dialog)
            dialog.accept()
            return dialog.result() == QDialog.DialogCode.Accepted

        def answer(self, default):
            return self.answers.pop(0) if self.answers else default

    recorder = Recorder()
    monkeypatch.setattr(
        messages, "show_error", lambda _p, title, text: recorder.errors.append(f"{title}: {text}")
    )
    monkeypatch.setattr(messages, "run_dialog", recorder.run_dialog)
    monkeypatch.setattr(messages, "ask_yes_no", lambda *_: recorder.answer(False))
    monkeypatch.setattr(messages, "ask_save_changes", lambda *_: recorder.answer(messages.DISCARD))
    return recorder


@pytest.fixture
def window(qtbot, ui_messages, monkeypatch):
    """A main window showing a small three-row project (Russian and English)."""
    from tests.builders import make_project
    from transcompare.compare.crosslingual import Matcher, MatchSettings
    from transcompare.ui import services
    from transcompare.ui.main_window import MainWindow

    matcher = Matcher(MatchSettings(use_embeddings=False))  # no sentence-encoder model in tests
    monkeypatch.setattr(services, "default_matcher", lambda: matcher)
    main = MainWindow()
    qtbot.addWidget(main)
    main.set_project(
        make_project({"ru": ["Один.", "Два.", "Три."], "en": ["One.", "Two.", "Three, four."]})
    )
    main.resize(900, 600)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.highlighter.shutdown()  # before the real matcher comes back
    assert not main.tasks.busy or main.tasks.worker.wait(5000)
