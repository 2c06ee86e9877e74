"""Undo/redo: one ``QUndoCommand`` that wraps any :class:`transcompare.edits.Edit`.

Every edit in the core already knows how to apply and revert itself, so a single command class
serves them all (one class per edit would only repeat these lines). The edit is applied *before*
the command is pushed: an :class:`~transcompare.errors.EditError` then reaches the caller as an
exception to show in the status bar, and nothing lands on the stack. Qt calls ``redo`` once on
push; that first call is skipped because the edit is already applied.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from transcompare.edits import Edit
from transcompare.model import Project


class EditCommand(QUndoCommand):
    """Redo applies the edit, undo reverts it; the Edit menu shows the edit's text."""

    def __init__(self, project: Project, edit: Edit) -> None:
        super().__init__(edit.text)
        self.project, self.edit = project, edit
        self._applied = True

    def redo(self) -> None:
        if not self._applied:
            self.edit.apply(self.project)
        self._applied = True

    def undo(self) -> None:
        self.edit.revert(self.project)
        self._applied = False


def push_edit(stack: QUndoStack, project: Project, edit: Edit) -> None:
    """Apply ``edit`` and record it for undo; raises ``EditError`` (with nothing changed) if the
    edit is impossible."""
    edit.apply(project)
    stack.push(EditCommand(project, edit))
