"""Turns the user's position in the aligned view into alignment edits on the undo stack.

Each public method reads where the user is (current cell, clicked sentence, selected rows),
builds one :mod:`transcompare.edits` object and pushes it; an impossible edit is reported through
``message`` (the status bar) and changes nothing. Re-alignment runs in a worker through the
window's task bar. The logic of each edit lives in the core.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from transcompare.edits import (
    DOWN,
    UP,
    Edit,
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
from transcompare.model import Project, Row
from transcompare.ui import messages, services
from transcompare.ui.aligned_view import AlignedView
from transcompare.ui.commands import push_edit
from transcompare.ui.split_dialog import SplitSentenceDialog
from transcompare.ui.task_bar import TaskBar


class EditController(QObject):
    message = Signal(str)

    def __init__(
        self,
        view: AlignedView,
        stack: QUndoStack,
        tasks: TaskBar,
        project: Callable[[], Project | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.view, self.stack, self.tasks, self._project = view, stack, tasks, project

    @property
    def project(self) -> Project:
        project = self._project()
        if project is None:
            raise EditError("open a project first")
        return project

    def apply(self, make_edit: Callable[[], Edit | None]) -> bool:
        """Build an edit and push it; report why if it cannot be done."""
        if self.tasks.busy:
            self.message.emit("Wait until the current task finishes, or cancel it")
            return False
        try:
            edit = make_edit()
            if edit is None:
                return False
            push_edit(self.stack, self.project, edit)
        except EditError as error:
            self.message.emit(f"Cannot do that: {error}")
            return False
        self.message.emit(edit.text)
        return True

    def _cell(self) -> tuple[int, str]:
        cell = self.view.current_cell()
        if cell is None:
            raise EditError("select a cell first")
        return cell

    def _sentence(self) -> tuple[int, str, str]:
        found = self.view.current_sentence()
        if found is None:
            raise EditError("select a cell with a sentence first")
        return found

    def _rows(self) -> list[int]:
        rows = self.view.selected_rows()
        if not rows:
            raise EditError("select rows first")
        return rows

    def _follow(self) -> None:
        """Keep the cursor where it was (clamped) after an edit changed the rows."""
        index = self.view.currentIndex()
        row = min(max(index.row(), 0), self.view.model().rowCount() - 1)
        self.view.go_to(row, max(index.column(), 0))

    # --- alignment edits -----------------------------------------------------------------

    def shift(self, direction: str) -> None:
        def edit() -> Edit:
            row, witness = self._cell()
            return ShiftSentence(row, witness, direction)

        if self.apply(edit):
            self._follow()

    def shift_up(self) -> None:
        self.shift(UP)

    def shift_down(self) -> None:
        self.shift(DOWN)

    def merge_rows(self) -> None:
        """Merge the selected rows, or the current row with the next."""

        def edit() -> Edit:
            rows = self._rows()
            return MergeRows(rows[0], rows[-1] if len(rows) > 1 else rows[0] + 1)

        if self.apply(edit):
            self._follow()

    def split_row(self) -> None:
        """Split the current row in two: the clicked sentence of the current cell starts the
        lower row (unless it is the cell's first); every other cell keeps one sentence above."""

        def edit() -> Edit:
            row, witness = self._cell()
            project = self.project
            keep = {w: 1 for w in project.witness_ids if project.rows[row].ids(w)}
            clicked = self.view.current_sentence()
            if clicked is not None:
                keep[witness] = project.rows[row].ids(witness).index(clicked[2]) or 1
            return SplitRow(row, keep)

        self.apply(edit)

    def insert_row(self) -> None:
        """Insert an empty row above the current one (at the top when nothing is selected)."""
        cell = self.view.current_cell()
        if self.apply(lambda: InsertEmptyRow(cell[0] if cell else 0)):
            self._follow()

    def toggle_confirmed(self) -> None:
        """Confirm the selected rows, or unconfirm them if all are confirmed already."""

        def edit() -> Edit:
            rows = self._rows()
            confirmed = all(self.project.rows[r].confirmed for r in rows)
            return SetConfirmed(rows, not confirmed)

        self.apply(edit)

    def merge_sentences(self) -> None:
        """Merge the clicked (or first) sentence of the current cell with the next one."""

        def edit() -> Edit:
            _, witness, sentence = self._sentence()
            return MergeSentences(witness, sentence)

        self.apply(edit)

    def split_sentence(self) -> None:
        """Ask where to split the clicked (or first) sentence of the current cell."""

        def edit() -> Edit | None:
            _, witness, sentence_id = self._sentence()
            text = self.project.sentence(witness, sentence_id).text
            dialog = SplitSentenceDialog(text, self.view.window())
            if not messages.run_dialog(dialog):
                return None
            return SplitSentence(witness, sentence_id, dialog.offset())

        self.apply(edit)

    # --- re-alignment ----------------------------------------------------------------------

    def realign(self) -> None:
        """Re-align from the current row to the end (or the selected rows) in a worker."""
        try:
            project, rows = self.project, self._rows()
        except EditError as error:
            self.message.emit(f"Cannot do that: {error}")
            return
        first = rows[0]
        last = rows[-1] if len(rows) > 1 else len(project.rows) - 1
        self.tasks.run(
            "Re-aligning",
            lambda: services.realign_task(project, first, last),
            lambda rows: self._realigned(project, first, last, rows),
        )

    def _realigned(self, project: Project, first: int, last: int, rows: list[Row]) -> None:
        if project is not self._project():
            return  # another project was opened meanwhile
        text = f"Re-align rows {first + 1}–{last + 1}"
        if self.apply(lambda: ReplaceRows(first, last + 1, rows, text)):
            self._follow()
