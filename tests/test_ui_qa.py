"""QA findings in the window: checks run in a worker; accepting a finding makes it an issue and
dismissing hides it, each as one undoable step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QPushButton

from tests.builders import project_state
from transcompare.compare import qa
from transcompare.model import Span
from transcompare.ui.findings_dock import DISMISSED_ROLE


@pytest.fixture
def checked(qtbot, window, monkeypatch):
    """The window after Tools → Run QA checks (without the sentence-encoder model)."""
    monkeypatch.setattr(qa, "DEFAULTS", replace(qa.DEFAULTS, use_embeddings=False))
    window.actions["run_checks"].trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)
    return window


def button(dock, text):
    return next(b for b in dock.findChildren(QPushButton) if b.text() == text)


def listed(dock):
    return [dock.tree.topLevelItem(i).text(3) for i in range(dock.tree.topLevelItemCount())]


def test_checks_fill_the_findings_list(checked):
    dock = checked.findings_dock
    assert listed(dock) == ["4 in en is not in ru"]
    assert dock.tree.topLevelItem(0).text(0) == "3"
    assert dock.windowTitle() == "QA findings (1)"


def test_accept_turns_the_finding_into_an_issue(checked):
    dock, project = checked.findings_dock, checked.project
    before = project_state(project)
    dock.select(0)
    finding = dock.selected()
    dock.accept_requested.emit(finding)
    [issue] = project.annotations
    assert (issue.spans, issue.category, issue.origin) == (
        (Span("en", "en.s3", 7, 11),),
        qa.CATEGORIES["numbers"],
        "qa:numbers",
    )
    assert finding.key in project.dismissed
    assert listed(dock) == [] and checked.issues_dock.tree.topLevelItemCount() == 1
    assert checked.stack.undoText() == "Accept finding (numbers)"
    checked.stack.undo()
    assert project_state(project) == before
    assert listed(dock) == ["4 in en is not in ru"]


def test_dismiss_hides_and_restore_brings_back(checked):
    dock, project = checked.findings_dock, checked.project
    dock.select(0)
    key = dock.selected().key
    dock.dismiss_requested.emit(key, True)
    assert listed(dock) == [] and key in project.dismissed
    dock.show_dismissed.setChecked(True)
    assert listed(dock) == ["4 in en is not in ru"]
    assert dock.tree.topLevelItem(0).data(0, DISMISSED_ROLE)
    dock.select(0)
    assert dock.selected().key == key  # a dismissed finding can be selected to restore it
    button(dock, "Restore").click()
    assert key not in project.dismissed
    checked.stack.undo()
    checked.stack.undo()
    assert project.dismissed == set()


def test_clicking_a_finding_jumps_to_its_row(checked):
    dock = checked.findings_dock
    dock.tree.itemClicked.emit(dock.tree.topLevelItem(0), 0)
    assert (checked.view.currentIndex().row(), checked.view.currentIndex().column()) == (2, 1)


def test_each_listed_finding_is_the_one_selected_when_some_are_dismissed(window):
    findings = [
        qa.Finding("numbers", "major", f"{n} in ru is missing from en", 0, ()) for n in range(4)
    ]
    dock = window.findings_dock
    window.project.dismissed = {findings[0].key, findings[2].key}
    dock.set_findings(findings)
    assert listed(dock) == ["1 in ru is missing from en", "3 in ru is missing from en"]
    dock.select(1)
    assert dock.selected() is findings[3]
    dock.show_dismissed.setChecked(True)
    dock.select(2)
    assert dock.selected() is findings[2] and dock.tree.topLevelItem(2).data(0, DISMISSED_ROLE)
    assert dock.windowTitle() == "QA findings (4)"


def test_a_long_document_is_checked_in_parts_in_fresh_processes(
    qtbot, window, gathered_here, monkeypatch
):
    """The window has threads of its own, so its checks run in fresh processes, never forked."""
    from tests.builders import make_project
    from transcompare.compare.qa import parts
    from transcompare.ui import services

    rows = 2 * parts.MIN_PART_ROWS[parts.FRESH]
    russian = [f"Строка {i}." for i in range(rows)]
    english = [f"Line {i + i % 2}." for i in range(rows)]  # odd rows: another number
    project = make_project({"ru": russian, "en": english})
    monkeypatch.setattr(qa, "DEFAULTS", replace(qa.DEFAULTS, use_embeddings=False))
    monkeypatch.setattr(services, "usable_cores", lambda: 2)
    window.set_project(project)
    window.actions["run_checks"].trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=60000)
    dock = window.findings_dock
    here = parts.split(range(rows), 2, parts.FRESH)[0]
    assert gathered_here == [here] and len(here) < rows  # the rest in another process
    assert dock.windowTitle() == f"QA findings ({rows // 2})"  # every odd row's number
    assert listed(dock)[-1] == f"{rows - 1} in ru is {rows} in en"


def test_opening_a_document_gets_its_checks_ready(window, monkeypatch):
    """A long document's checks will need fresh processes: the window has them set up while
    the user reads (see ``parts.prepare``)."""
    from tests.builders import make_project
    from transcompare.compare.qa import parts
    from transcompare.ui import services

    prepared = []
    monkeypatch.setattr(parts, "prepare", lambda rows, processes: prepared.append(rows))
    monkeypatch.setattr(services, "usable_cores", lambda: 2)
    window.set_project(make_project({"ru": ["Один.", "Два."], "en": ["One.", "Two."]}))
    assert prepared == [range(2)]


def test_the_overview_waits_while_the_checks_run(qtbot, window, monkeypatch):
    """The overview's comparisons would take turns with the run's own part of the checks."""
    from transcompare.ui import services

    held_while_running = []

    def noting(project):
        held_while_running.append(window.highlighter.background_held)
        return []
        yield  # a task is a generator: this body runs in the worker

    monkeypatch.setattr(services, "qa_task", noting)
    window.actions["run_checks"].trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)
    assert held_while_running == [True] and not window.highlighter.background_held
