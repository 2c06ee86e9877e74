"""Issue and QA commands of the main window: add, edit, delete, resolve issues; step through
them; run the QA checks in a worker; accept or dismiss findings. Every change is an undoable
edit pushed through the window's :class:`~.editing.EditController`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from transcompare.edits import (
    AddAnnotation,
    Compound,
    RemoveAnnotation,
    SetDismissed,
    UpdateAnnotation,
)
from transcompare.model import OPEN, RESOLVED
from transcompare.ui import messages, services
from transcompare.ui.annotation_dialog import AnnotationDialog

if TYPE_CHECKING:
    from transcompare.ui.main_window import MainWindow


class IssueActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        dock = window.issues_dock
        dock.jump_requested.connect(self._jump)
        dock.edit_requested.connect(self.edit_issue)
        dock.delete_requested.connect(self.delete_issue)
        dock.toggle_state_requested.connect(self.toggle_issue_state)
        findings = window.findings_dock
        findings.run_requested.connect(self.run_checks)
        findings.jump_requested.connect(self._jump)
        findings.accept_requested.connect(self.accept_finding)
        findings.dismiss_requested.connect(self.dismiss_finding)

    def _jump(self, row: int, witness: str) -> None:
        window = self.window
        column = window.model.column_of(witness) if witness else None
        window.view.go_to(row, column)

    # --- issues --------------------------------------------------------------------------

    def annotate(self, row: int, witness: str, whole_row: bool = False) -> None:
        """Ask for a new issue on a cell (or the whole row) and add it."""
        window = self.window
        if window.project is None:
            return
        dialog = AnnotationDialog(window.project, row, witness, parent=window)
        dialog.whole_row.setChecked(whole_row)
        if messages.run_dialog(dialog):
            annotation = dialog.annotation()
            window.editing.apply(lambda: AddAnnotation(annotation))

    def _current_cell(self) -> tuple[int, str] | None:
        cell = self.window.view.current_cell()
        if cell is None:
            self.window.show_message("Select a cell first")
        return cell

    def annotate_cell(self) -> None:
        cell = self._current_cell()
        if cell is not None:
            self.annotate(*cell)

    def annotate_row(self) -> None:
        cell = self._current_cell()
        if cell is not None:
            self.annotate(*cell, whole_row=True)

    def edit_issue(self, annotation_id: str) -> None:
        window = self.window
        if window.project is None:
            return
        existing = window.project.annotation(annotation_id)
        row, witness = self._place(annotation_id)
        dialog = AnnotationDialog(window.project, row, witness, existing, parent=window)
        if messages.run_dialog(dialog):
            edited = dialog.annotation()
            changes = {
                name: getattr(edited, name)
                for name in ("spans", "category", "severity", "note", "state")
                if getattr(edited, name) != getattr(existing, name)
            }
            if changes:
                window.editing.apply(lambda: UpdateAnnotation(annotation_id, **changes))

    def _place(self, annotation_id: str) -> tuple[int, str]:
        project = self.window.project
        assert project is not None
        span = project.annotation(annotation_id).spans[0]
        return project.row_of(span.witness, span.sentence), span.witness

    def delete_issue(self, annotation_id: str) -> None:
        self.window.editing.apply(lambda: RemoveAnnotation(annotation_id))

    def toggle_issue_state(self, annotation_id: str) -> None:
        project = self.window.project
        if project is None:
            return
        state = OPEN if project.annotation(annotation_id).state == RESOLVED else RESOLVED
        self.window.editing.apply(lambda: UpdateAnnotation(annotation_id, state=state))

    def _step_issue(self, step: int) -> None:
        """Go to the next (or previous) listed issue in document order, wrapping around."""
        window = self.window
        ordered = window.issues_dock.ordered()
        if not ordered:
            window.show_message("No issues")
            return
        current = window.view.currentIndex().row()
        ids = [annotation.id for _, annotation in ordered]
        selected = window.issues_dock.selected_id()
        if selected in ids and ordered[ids.index(selected)][0] == current:
            found = ordered[(ids.index(selected) + step) % len(ordered)]
        elif step > 0:
            found = next((pair for pair in ordered if pair[0] > current), ordered[0])
        else:
            found = next((pair for pair in reversed(ordered) if pair[0] < current), ordered[-1])
        window.issues_dock.select(found[1].id)

    def next_issue(self) -> None:
        self._step_issue(+1)

    def previous_issue(self) -> None:
        self._step_issue(-1)

    # --- QA findings ---------------------------------------------------------------------

    def run_checks(self) -> None:
        window = self.window
        project = window.project
        if project is None:
            return
        window.findings_dock.show()
        window.findings_dock.raise_()
        window.tasks.run(
            "Running QA checks",
            lambda: services.qa_task(project),
            window.findings_dock.set_findings,
        )

    def accept_finding(self, finding) -> None:
        """The finding becomes an issue and is dismissed from the list, as one undo step."""
        project = self.window.project
        if project is None:
            return

        def edit() -> Compound:
            annotation = services.finding_to_annotation(finding, project)
            return Compound(
                [AddAnnotation(annotation), SetDismissed(finding.key)],
                f"Accept finding ({finding.check})",
            )

        self.window.editing.apply(edit)

    def dismiss_finding(self, key: str, dismissed: bool) -> None:
        self.window.editing.apply(lambda: SetDismissed(key, dismissed))
