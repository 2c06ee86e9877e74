"""Where to split a sentence: the sentence in a read-only text box; the cursor (placed by a click,
by the arrow keys, or by double-clicking a word) marks where the second sentence will start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class SplitSentenceDialog(QDialog):
    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Split sentence")
        self.editor = QPlainTextEdit(text)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(SELECTABLE)
        self.editor.selectionChanged.connect(self._describe)
        self.editor.cursorPositionChanged.connect(self._describe)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Click where the second sentence should start (or select its first word):")
        )
        layout.addWidget(self.editor)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.set_offset(_middle_word(text))

    def set_offset(self, offset: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(max(0, min(offset, len(self.editor.toPlainText()))))
        self.editor.setTextCursor(cursor)

    def offset(self) -> int:
        """The split point: the start of the selection, or the cursor."""
        cursor: QTextCursor = self.editor.textCursor()
        return cursor.selectionStart() if cursor.hasSelection() else cursor.position()

    def _describe(self) -> None:
        text, offset = self.editor.toPlainText(), self.offset()
        self.preview.setText(f"“{text[:offset].rstrip()}”  |  “{text[offset:].lstrip()}”")


def _middle_word(text: str) -> int:
    """The start of the word nearest the middle: a reasonable first guess."""
    middle = len(text) // 2
    starts = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "]
    return min(starts, key=lambda i: abs(i - middle), default=middle)
