"""Issues from the window: the annotation dialog, adding, editing, resolving and deleting issues
(each undoable), the issue list with its filters and F8 navigation, and the MQM summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.builders import project_state
from transcompare.model import RESOLVED, Annotation, Span
from transcompare.ui.annotation_dialog import AnnotationDialog


def choose(category="accuracy/mistranslation", severity="major", note="", selections=()):
    """A dialog filler: select spans (witness, start, end), pick category, severity, note."""

    def fill(dialog):
        for witness, start, end in selections:
            dialog.set_selection(witness, start, end)
        dialog.set_category(category)
        dialog.set_severity(severity)
        dialog.note.setPlainText(note)

    return fill


def test_dialog_spans_follow_the_selection(qtbot, window):
    dialog = AnnotationDialog(window.project, 2, "en")
    qtbot.addWidget(dialog)
    assert dialog.spans() == (Span("en", "en.s3", 0, 12),)
    dialog.set_selection("en", 0, 6)
    dialog.set_selection("ru", 0, 3)
    assert dialog.spans() == (Span("ru", "ru.s3", 0, 3), Span("en", "en.s3", 0, 6))
    dialog.whole_row.setChecked(True)
    assert dialog.spans() == (Span("ru", "ru.s3", 0, 4), Span("en", "en.s3", 0, 12))


@pytest.mark.parametrize(
    "key, severity",
    [
        ("0", "neutral"),
        ("1", "minor"),
        ("2", "major"),
        ("3", "critical"),
        ("n", "neutral"),
        ("m", "minor"),
        ("M", "major"),
        ("c", "critical"),
    ],
)
def test_severity_single_keys(qtbot, window, key, severity):
    dialog = AnnotationDialog(window.project, 0, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.categories.setFocus()
    qtbot.waitUntil(dialog.categories.hasFocus)
    modifier = (
        Qt.KeyboardModifier.ShiftModifier if key.isupper() else Qt.KeyboardModifier.NoModifier
    )
    QTest.keyClick(dialog.categories, key.lower(), modifier)
    assert dialog.severity() == severity


def test_typing_a_note_does_not_change_the_severity(qtbot, window):
    dialog = AnnotationDialog(window.project, 0, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.set_severity("minor")
    dialog.note.setFocus()
    QTest.keyClicks(dialog.note, "c0 3")
    assert (dialog.severity(), dialog.note.toPlainText()) == ("minor", "c0 3")


def test_an_empty_cell_without_selection_cannot_be_annotated(qtbot, window):
    window.view.go_to(0, 0)
    window.actions["insert_row"].trigger()
    dialog = AnnotationDialog(window.project, 0, "en")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.problem.text() == "Select some words: this cell is empty."


def add_issue(window, ui_messages, row=1, column=1, **choice):
    window.view.go_to(row, column)
    ui_messages.fill(choose(**choice))
    window.actions["annotate"].trigger()


def test_add_issue_then_undo_and_redo(window, ui_messages):
    before = project_state(window.project)
    add_issue(window, ui_messages, note="wrong number", selections=[("en", 0, 3)])
    [issue] = window.project.annotations
    assert (issue.spans, issue.category, issue.severity, issue.note, issue.author) == (
        (Span("en", "en.s2", 0, 3),),
        "accuracy/mistranslation",
        "major",
        "wrong number",
        window.project.user,
    )
    assert window.issues_dock.tree.topLevelItemCount() == 1
    assert window.issues_dock.tree.topLevelItem(0).text(4) == "Two"
    after = project_state(window.project)
    window.stack.undo()
    assert project_state(window.project) == before
    assert window.issues_dock.tree.topLevelItemCount() == 0
    window.stack.redo()
    assert project_state(window.project) == after


def test_double_click_opens_the_dialog_on_that_cell(qtbot, window, ui_messages):
    ui_messages.fill(choose(severity="critical"))
    view = window.view
    rect = view.visualRect(window.model.index(2, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [issue] = window.project.annotations
    assert (issue.spans, issue.severity) == ((Span("ru", "ru.s3", 0, 4),), "critical")


def test_whole_row_issue(window, ui_messages):
    window.view.go_to(0, 0)
    ui_messages.fill(choose(category="style/awkward", severity="minor"))
    window.actions["annotate_row"].trigger()
    assert window.project.annotations[0].spans == (
        Span("ru", "ru.s1", 0, 5),
        Span("en", "en.s1", 0, 4),
    )


def test_edit_resolve_and_delete_from_the_issue_list(window, ui_messages):
    add_issue(window, ui_messages)
    issue_id = window.project.annotations[0].id
    dock = window.issues_dock
    dock.select(issue_id)
    ui_messages.fill(choose(category="style/awkward", severity="minor", note="reworded"))
    dock.edit_requested.emit(issue_id)
    edited = window.project.annotation(issue_id)
    assert (edited.category, edited.severity, edited.note) == ("style/awkward", "minor", "reworded")
    dock.toggle_state_requested.emit(issue_id)
    assert window.project.annotation(issue_id).state == RESOLVED
    dock.delete_requested.emit(issue_id)
    assert window.project.annotations == []
    for _ in range(3):
        window.stack.undo()
    assert window.project.annotation(issue_id).category == "accuracy/mistranslation"


def put_issues(window):
    project = window.project
    for number, (row, witness, severity) in enumerate(
        [(2, "en", "minor"), (0, "ru", "major"), (1, "en", "critical")], 1
    ):
        sentence = project.rows[row].ids(witness)[0]
        project.insert_annotation(
            number - 1,
            Annotation(
                f"ann{number}", (Span(witness, sentence, 0, 2),), "accuracy/omission", severity
            ),
        )


def test_issue_list_filters(window):
    put_issues(window)
    dock = window.issues_dock
    assert [dock.tree.topLevelItem(i).text(0) for i in range(3)] == ["1", "2", "3"]
    dock.filters["severity"].setCurrentIndex(dock.filters["severity"].findData("critical"))
    assert dock.tree.topLevelItemCount() == 1
    dock.filters["severity"].setCurrentIndex(0)
    dock.filters["witness"].setCurrentIndex(dock.filters["witness"].findData("en"))
    assert dock.tree.topLevelItemCount() == 2
    dock.filters["category"].setCurrentIndex(dock.filters["category"].findData("style"))
    assert dock.tree.topLevelItemCount() == 0


def test_f8_steps_through_issues_in_document_order(window):
    put_issues(window)
    window.view.go_to(0, 0)
    visited = []
    for _ in range(4):
        window.actions["next_issue"].trigger()
        visited.append(window.view.currentIndex().row())
    window.actions["previous_issue"].trigger()
    assert visited == [1, 2, 0, 1]
    assert window.view.currentIndex().row() == 0
    assert window.actions["next_issue"].shortcut().toString() == "F8"


def test_mqm_summary_follows_issues(window, ui_messages):
    add_issue(window, ui_messages, severity="major")
    assert window.summary_dock.cell("Issues", "en") == "1"
    assert window.summary_dock.cell("Penalty", "en") == "5"
    assert window.summary_dock.cell("Accuracy", "en") == "1"
    window.stack.undo()
    assert window.summary_dock.cell("Issues", "en") == "0"
