"""Autosave and crash recovery for the main window.

While the undo stack is not clean, a timer writes the project to its autosave file every
:data:`INTERVAL_MS`; a save (or closing without keeping changes) discards that file. At start,
:meth:`Autosaver.offer_recovery` finds autosaves left by a crash and offers to restore them; a
restored project opens as modified, so the user saves it where they want.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from transcompare.errors import TransCompareError
from transcompare.ui import messages, services

if TYPE_CHECKING:
    from transcompare.ui.main_window import MainWindow

INTERVAL_MS = 60_000


class Autosaver(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.written: Path | None = None
        """The autosave file this window wrote (or restored from) and has not discarded."""
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)

    def clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def project_changed(self) -> None:
        self.clean_changed(self.window.stack.isClean())

    def save_now(self) -> None:
        window = self.window
        if window.project is None or window.stack.isClean():
            return
        try:
            written = services.write_autosave(window.project, window.path)
        except TransCompareError as error:
            window.show_message(f"Autosave failed: {error}")
            return
        if self.written not in (None, written):
            services.discard_autosave(self.written)  # the project was saved under a new name
        self.written = written

    def discard(self) -> None:
        """Forget the autosave (after a save, or when closing without keeping changes)."""
        if self.written is not None:
            services.discard_autosave(self.written)
            self.written = None
        self.timer.stop()

    def offer_recovery(self) -> bool:
        """Offer each autosave left behind, newest first; restore the first one accepted (it
        opens as modified). Declined ones are deleted. True if one was restored."""
        for found in services.find_recoverable():
            name = found.project_path.name if found.project_path else "an unsaved project"
            question = (
                f"TransCompare did not close properly. Restore the unsaved work on {name} "
                f"(autosaved {found.saved})?"
            )
            if not messages.ask_yes_no(self.window, "Restore unsaved work", question):
                services.discard_autosave(found.autosave)
                continue
            try:
                project = services.read_recoverable(found)
            except TransCompareError as error:
                messages.show_error(self.window, "Restore failed", str(error))
                continue
            self.window.set_project(project, found.project_path, modified=True)
            self.written = found.autosave
            return True
        return False
