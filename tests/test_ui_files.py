"""File commands of the window: save and open (through the TEI project file), the saved state
of the undo stack, recent files, new projects from texts, corpus folders, drag and drop, and
errors that reach the user as messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.builders import make_project, project_state
from transcompare.edits import MergeRows
from transcompare.ui import services
from transcompare.ui.commands import push_edit
from transcompare.ui.new_project_dialog import LANGUAGE, ROLE, NewProjectDialog
from transcompare.ui.settings import recent_files


def wait_loaded(qtbot, window):
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)


def test_save_marks_clean_and_open_restores_the_project(qtbot, window, tmp_path):
    push_edit(window.stack, window.project, MergeRows(0, 1))
    assert window.isWindowModified()
    path = tmp_path / "cable.xml"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle() == "cable.xml[*] — TransCompare"
    assert recent_files()[0] == str(path.resolve())
    saved = project_state(window.project)
    window.set_project(make_project({"en": ["Other."]}))
    window.files.open_paths([path])
    wait_loaded(qtbot, window)
    assert window.path == path
    assert project_state(window.project)[:-1] == saved[:-1]
    assert window.stack.count() == 0 and not window.isWindowModified()


def test_undo_back_to_the_save_point_is_clean_again(window, tmp_path):
    window.files.save_to(tmp_path / "a.xml")
    push_edit(window.stack, window.project, MergeRows(0, 1))
    window.stack.undo()
    assert not window.isWindowModified()


def test_save_failure_is_reported(window, ui_messages, tmp_path):
    push_edit(window.stack, window.project, MergeRows(0, 1))
    assert not window.files.save_to(tmp_path / "missing" / "folder" / "a.xml")
    assert len(ui_messages.errors) == 1 and ui_messages.errors[0].startswith("Save failed:")
    assert window.isWindowModified()


def test_opening_a_broken_project_is_reported(qtbot, window, ui_messages, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><unclosed>", encoding="utf-8")
    before = window.project
    window.files.open_paths([broken])
    wait_loaded(qtbot, window)
    assert len(ui_messages.errors) == 1 and "broken.xml" in ui_messages.errors[0]
    assert window.project is before


def test_unsaved_changes_are_offered_for_saving_before_opening(
    qtbot, window, ui_messages, monkeypatch, tmp_path
):
    from transcompare.ui import messages

    push_edit(window.stack, window.project, MergeRows(0, 1))
    ui_messages.answers.append(messages.CANCEL)
    window.files.open_paths([tmp_path])
    assert not window.tasks.busy and window.stack.count() == 1
    saved_to = tmp_path / "kept.xml"
    monkeypatch.setattr(window.files, "save_as", lambda: window.files.save_to(saved_to))
    ui_messages.answers.append(messages.SAVE)
    assert window.files.maybe_save()
    assert saved_to.exists() and not window.isWindowModified()


def write_texts(folder: Path) -> list[Path]:
    ru = folder / "ru.txt"
    ru.write_text("Громыко встретился с Кеннеди. Беседа длилась два часа.\n", encoding="utf-8")
    en = folder / "en.txt"
    en.write_text("Gromyko met Kennedy. The talk lasted two hours.\n", encoding="utf-8")
    return [ru, en]


@pytest.mark.slow  # aligns with the sentence-embedding model
def test_new_project_from_dropped_texts(qtbot, window, ui_messages, tmp_path):
    paths = write_texts(tmp_path)

    def fill(dialog: NewProjectDialog):
        assert dialog.table.rowCount() == 2
        dialog.set_field(0, LANGUAGE, "ru")
        dialog.set_field(1, LANGUAGE, "en")

    ui_messages.fill(fill)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(ui_messages.dialogs), timeout=5000)
    wait_loaded(qtbot, window)
    project = window.project
    assert [(w.language, w.role) for w in project.witnesses] == [
        ("ru", "original"),
        ("en", "translation"),
    ]
    assert [len(w.sentences) for w in project.witnesses] == [2, 2]
    assert window.path is None and ui_messages.errors == []


def test_new_project_dialog_checks_its_input(qtbot, tmp_path):
    paths = write_texts(tmp_path)
    dialog = NewProjectDialog(paths[:1])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.problem.text().startswith("Add at least two files")
    dialog.add_file(paths[1])
    dialog.set_field(1, ROLE, "original")
    dialog.accept()
    assert dialog.problem.text() == "Only one file can be the original."
    dialog.set_field(1, ROLE, "translation")
    dialog.title.setText("Talk")
    assert [s.role for s in dialog.sources()] == ["original", "translation"]
    assert (dialog.pivot_id(), dialog.metadata()) == (None, {"title": "Talk"})


@pytest.mark.slow  # aligns with the sentence-embedding model
def test_bundled_corpus_opens_with_three_witnesses(qtbot, window):
    window.files.open_bundled_corpus()
    wait_loaded(qtbot, window)
    assert window.project.witness_ids == ["ru", "en-wilson", "en-revised"]
    assert window.model.rowCount() == len(window.project.rows) > 100
    assert window.windowTitle().startswith("Gromyko–Kennedy conversation")


@pytest.mark.slow  # aligns with the sentence-embedding model
def test_a_task_refuses_to_start_while_another_runs(qtbot, window):
    window.files.open_corpus(services.bundled_corpus())
    window.files.open_corpus(services.bundled_corpus())
    assert window.statusBar().currentMessage().startswith("Wait until the current task")
    wait_loaded(qtbot, window)
