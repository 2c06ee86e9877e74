"""Autosave while there are unsaved changes, discarding it after a save, and offering to restore
work left behind by a crash."""

from __future__ import annotations

import pytest

from tests.builders import project_state
from transcompare.edits import MergeRows
from transcompare.formats import autosave
from transcompare.ui.commands import push_edit
from transcompare.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCOMPARE_DATA_DIR", str(tmp_path / "data"))


def test_timer_runs_only_while_there_are_unsaved_changes(window):
    assert not window.autosaver.timer.isActive()
    push_edit(window.stack, window.project, MergeRows(0, 1))
    assert window.autosaver.timer.isActive()
    window.stack.undo()
    assert not window.autosaver.timer.isActive()


def test_autosave_is_written_then_discarded_by_a_save(window, tmp_path):
    push_edit(window.stack, window.project, MergeRows(0, 1))
    window.autosaver.save_now()
    [found] = autosave.find_recoverable()
    assert found.project_path is None
    assert window.files.save_to(tmp_path / "saved.xml")
    assert autosave.find_recoverable() == []


def test_crashed_work_is_offered_and_restored(qtbot, window, ui_messages, tmp_path):
    path = tmp_path / "cable.xml"
    window.files.save_to(path)
    push_edit(window.stack, window.project, MergeRows(0, 1))
    expected = project_state(window.project)
    window.autosaver.save_now()
    window.autosaver.written = None  # as after a crash: nobody discards it
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    ui_messages.answers.append(True)
    assert restarted.autosaver.offer_recovery()
    assert restarted.path == path.resolve()
    assert project_state(restarted.project)[:-1] == expected[:-1]
    assert restarted.isWindowModified()
    restarted.files.save_to(path)
    assert autosave.find_recoverable() == []


def test_declined_recovery_deletes_the_autosave(qtbot, window, ui_messages):
    push_edit(window.stack, window.project, MergeRows(0, 1))
    window.autosaver.save_now()
    window.autosaver.written = None
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    ui_messages.answers.append(False)
    assert not restarted.autosaver.offer_recovery()
    assert restarted.project is None
    assert autosave.find_recoverable() == []
