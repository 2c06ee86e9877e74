"""The new-project dialog: which files are the original and the translations, their languages
and names, and which witness the others are aligned through (the pivot).

Empty fields are left to the importer (it detects languages and makes ids from file names).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from transcompare.model import ORIGINAL, TRANSLATION
from transcompare.pipeline import WitnessSource

COLUMNS = ("File", "Id", "Language", "Role", "Title", "Translator")
FILE, ID, LANGUAGE, ROLE, TITLE, TRANSLATOR = range(len(COLUMNS))
AUTO_PIVOT = "(the original)"
FILE_WIDTH = 240
FILE_FILTER = "Texts (*.txt *.xml *.tei *.docx);;All files (*)"


class NewProjectDialog(QDialog):
    def __init__(self, paths: list[Path] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New project")
        self.title = QLineEdit()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(FILE, FILE_WIDTH)
        self.table.itemChanged.connect(self._fill_pivots)
        self.pivot = QComboBox()
        add, remove = QPushButton("Add files…"), QPushButton("Remove")
        add.clicked.connect(self._choose_files)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.problem = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Project title:", self.title)
        form.addRow("Align through:", self.pivot)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("The original and its translations (leave a field empty to detect it):")
        )
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for path in paths or []:
            self.add_file(path)
        self.resize(900, 420)

    def add_file(self, path: Path, role: str | None = None) -> int:
        """Add a file as a new witness row (the first file is the original by default)."""
        number = self.table.rowCount()
        self.table.insertRow(number)
        item = QTableWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(number, FILE, item)
        for column in (ID, LANGUAGE, TITLE, TRANSLATOR):
            self.table.setItem(number, column, QTableWidgetItem(""))
        combo = QComboBox()
        combo.addItems([ORIGINAL, TRANSLATION])
        combo.setCurrentText(role or (ORIGINAL if number == 0 else TRANSLATION))
        self.table.setCellWidget(number, ROLE, combo)
        self._fill_pivots()
        return number

    def set_field(self, row: int, column: int, value: str) -> None:
        if column == ROLE:
            self.table.cellWidget(row, ROLE).setCurrentText(value)
        else:
            self.table.item(row, column).setText(value)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Add witnesses", "", FILE_FILTER)
        for name in names:
            self.add_file(Path(name))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _fill_pivots(self, *_args) -> None:
        current = self.pivot.currentText()
        ids = [self._text(row, ID) for row in range(self.table.rowCount())]
        self.pivot.clear()
        self.pivot.addItems([AUTO_PIVOT, *(i for i in ids if i)])
        self.pivot.setCurrentText(current)

    def sources(self) -> list[WitnessSource]:
        return [
            WitnessSource(
                path=Path(self.table.item(row, FILE).data(Qt.ItemDataRole.UserRole)),
                id=self._text(row, ID) or None,
                language=self._text(row, LANGUAGE) or None,
                role=self.table.cellWidget(row, ROLE).currentText(),
                title=self._text(row, TITLE),
                translator=self._text(row, TRANSLATOR),
            )
            for row in range(self.table.rowCount())
        ]

    def pivot_id(self) -> str | None:
        text = self.pivot.currentText()
        return None if text in ("", AUTO_PIVOT) else text

    def metadata(self) -> dict[str, str]:
        title = self.title.text().strip()
        return {"title": title} if title else {}

    def accept(self) -> None:
        if self.table.rowCount() < 2:
            self.problem.setText("Add at least two files: an original and a translation.")
            return
        if sum(source.role == ORIGINAL for source in self.sources()) > 1:
            self.problem.setText("Only one file can be the original.")
            return
        super().accept()
