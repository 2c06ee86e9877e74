"""Every editing action of the window: it makes exactly the core edit it names, undo restores
the project as it was, redo makes the edit again; impossible edits only explain themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoStack

from tests.builders import make_project, project_state
from transcompare.edits import (
    DOWN,
    UP,
    InsertEmptyRow,
    MergeRows,
    MergeSentences,
    ReplaceRows,
    SetConfirmed,
    ShiftSentence,
    SplitRow,
    SplitSentence,
)
from transcompare.errors import EditError
from transcompare.model import Row
from transcompare.progress import Progress
from transcompare.ui import services
from transcompare.ui.commands import EditCommand, push_edit


def sample():
    return make_project({"ru": ["Один.", "Два.", "Три."], "en": ["One.", "Two.", "Three, four."]})


def test_push_edit_applies_once_and_undo_redo_follow():
    project, stack = sample(), QUndoStack()
    before = project_state(project)
    push_edit(stack, project, MergeRows(0, 1))
    after = project_state(project)
    assert (stack.count(), stack.undoText()) == (1, "Merge rows 1–2")
    stack.undo()
    assert project_state(project) == before
    stack.redo()
    assert project_state(project) == after


def test_an_impossible_edit_raises_and_is_not_recorded():
    project, stack = sample(), QUndoStack()
    with pytest.raises(EditError):
        push_edit(stack, project, MergeRows(2, 3))
    assert stack.count() == 0


def test_edit_command_text_is_the_edits():
    project = sample()
    edit = ShiftSentence(1, "en", UP)
    edit.apply(project)
    assert EditCommand(project, edit).text() == "Shift sentence up"


def select(window, row, column, last_row=None):
    view = window.view
    view.go_to(row, column)
    if last_row is not None:
        model = window.model
        for extra in range(row + 1, last_row + 1):
            view.selectionModel().select(
                model.index(extra, column), QItemSelectionModel.SelectionFlag.Select
            )


def split_at_six(dialog):
    dialog.set_offset(6)


ACTIONS = {
    "shift up": ("shift_up", (1, 1), None, lambda: ShiftSentence(1, "en", UP)),
    "shift down": ("shift_down", (0, 1), None, lambda: ShiftSentence(0, "en", DOWN)),
    "merge with next": ("merge_rows", (1, 0), None, lambda: MergeRows(1, 2)),
    "merge selection": ("merge_rows", (0, 0, 2), None, lambda: MergeRows(0, 2)),
    "insert row": ("insert_row", (1, 0), None, lambda: InsertEmptyRow(1)),
    "split sentence": (
        "split_sentence",
        (2, 1),
        split_at_six,
        lambda: SplitSentence("en", "en.s3", 6),
    ),
    "join sentences": ("merge_sentences", (0, 1), None, lambda: MergeSentences("en", "en.s1")),
    "confirm": ("confirm", (0, 0, 1), None, lambda: SetConfirmed([0, 1])),
}


@pytest.mark.parametrize("name", ACTIONS)
def test_action_makes_its_edit_and_undoes_exactly(window, ui_messages, name):
    action, place, filler, expected_edit = ACTIONS[name]
    project = window.project
    before = project_state(project)
    expected = sample()
    expected_edit().apply(expected)
    select(window, *place)
    if filler:
        ui_messages.fill(filler)
    window.actions[action].trigger()
    assert project.check() == []
    assert project_state(project) == project_state(expected)
    assert window.isWindowModified()
    window.actions["undo"].trigger()
    assert project_state(project) == before
    assert not window.isWindowModified()
    window.actions["redo"].trigger()
    assert project_state(project) == project_state(expected)
    assert ui_messages.errors == []


def test_split_row_keeps_one_sentence_of_each_cell_above(window):
    MergeRows(0, 1).apply(window.project)
    expected = sample()
    MergeRows(0, 1).apply(expected)
    SplitRow(0, {"ru": 1, "en": 1}).apply(expected)
    select(window, 0, 0)
    window.actions["split_row"].trigger()
    assert project_state(window.project) == project_state(expected)


def test_confirm_twice_unconfirms(window):
    select(window, 0, 0)
    window.actions["confirm"].trigger()
    window.actions["confirm"].trigger()
    assert [row.confirmed for row in window.project.rows] == [False] * 3
    assert window.stack.count() == 2


def test_impossible_edit_goes_to_the_status_bar(window):
    before = project_state(window.project)
    select(window, 0, 1)
    window.actions["shift_up"].trigger()
    assert window.statusBar().currentMessage() == "Cannot do that: no row up of row 1"
    assert project_state(window.project) == before
    assert window.stack.count() == 0


def test_realign_runs_in_a_worker_and_undoes(qtbot, window, monkeypatch):
    new_rows = [Row({"ru": ("ru.s2", "ru.s3"), "en": ("en.s2", "en.s3")}, confidence=0.9)]
    asked = []

    def realign(project, first, last):
        asked.append((first, last))
        yield Progress(0, 1, "Aligning")
        return new_rows

    monkeypatch.setattr(services, "realign_task", realign)
    before = project_state(window.project)
    expected = sample()
    ReplaceRows(1, 3, new_rows, "Re-align rows 2–3").apply(expected)
    select(window, 1, 0)
    window.actions["realign"].trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy and window.stack.count() == 1)
    assert asked == [(1, 2)]
    assert project_state(window.project) == project_state(expected)
    window.stack.undo()
    assert project_state(window.project) == before


def test_edits_wait_while_a_task_runs(qtbot, window, monkeypatch):
    release = []

    def slow(project, first, last):
        while not release:
            yield Progress(0, 0, "Aligning")
        return list(project.rows[first : last + 1])

    monkeypatch.setattr(services, "realign_task", slow)
    select(window, 0, 0)
    window.actions["realign"].trigger()
    assert not window.actions["merge_rows"].isEnabled()
    window.editing.merge_rows()
    assert window.statusBar().currentMessage().startswith("Wait until the current task")
    release.append(True)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.actions["merge_rows"].isEnabled()
