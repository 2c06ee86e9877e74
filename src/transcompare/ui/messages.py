"""The few modal questions and error boxes the application asks, in one place.

Tests replace these functions (monkeypatch) instead of clicking through modal boxes and
dialogs.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

interactive = True
"""False in batch runs (the screenshot mode): nothing is asked, errors go to stderr."""

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    if not interactive:
        print(f"transcompare: {title}: {message}", file=sys.stderr)
        return
    QMessageBox.critical(parent, title, message)


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    if not interactive:
        return False
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Ask what to do with unsaved changes: ``SAVE``, ``DISCARD`` or ``CANCEL``."""
    if not interactive:
        return DISCARD
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    answer = QMessageBox.warning(parent, "Unsaved changes", f"Save the changes to {name}?", buttons)
    return {
        QMessageBox.StandardButton.Save: SAVE,
        QMessageBox.StandardButton.Discard: DISCARD,
    }.get(answer, CANCEL)


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; True if the user accepted it."""
    if not interactive:
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted
