"""The dialog that creates or edits an issue (an MQM annotation) on one alignment row.

It shows the row's text in every witness, read-only; the user selects the words at fault in one
or more of them (so one issue can tie a Russian span to its English counterpart), or ticks
"Whole row". Without a selection the issue covers the cell the dialog was opened on. Category
comes from the MQM tree, severity from single keys (0/1/2/3 or n/m/M/c) or the radio buttons.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from transcompare.model import OPEN, RESOLVED, SEVERITIES, Annotation, Project, Span, now_iso
from transcompare.ui import services
from transcompare.ui.cell_content import CellContent, cell_content

SEVERITY_KEYS = {
    "neutral": ("0", "N"),
    "minor": ("1", "M"),
    "major": ("2", "Shift+M"),
    "critical": ("3", "C"),
}
CATEGORY_ROLE = Qt.ItemDataRole.UserRole


class AnnotationDialog(QDialog):
    def __init__(
        self,
        project: Project,
        row: int,
        witness: str,
        existing: Annotation | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.project, self.row, self.witness, self.existing = project, row, witness, existing
        self.setWindowTitle(f"{'Edit' if existing else 'New'} issue — row {row + 1}")
        self.cells: dict[str, CellContent] = {}
        self.editors: dict[str, QPlainTextEdit] = {}
        layout = QHBoxLayout(self)
        layout.addWidget(self._texts_box(), 3)
        side = QVBoxLayout()
        side.addWidget(self._category_tree(), 1)
        side.addWidget(self._severity_box())
        side.addWidget(QLabel("Note:"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        side.addWidget(self.note)
        self.resolved = QCheckBox("Resolved")
        side.addWidget(self.resolved)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c8242c")
        side.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side.addWidget(buttons)
        layout.addLayout(side, 2)
        self._load(existing)
        self.resize(960, 560)

    # --- building ------------------------------------------------------------------------

    def _texts_box(self) -> QGroupBox:
        box = QGroupBox("Select the words at fault (in any version)")
        grid = QGridLayout(box)
        row = self.project.rows[self.row]
        for number, witness in enumerate(self.project.witnesses):
            content = cell_content([witness.sentence(sid) for sid in row.ids(witness.id)])
            editor = QPlainTextEdit(content.text or "∅")
            editor.setReadOnly(True)
            editor.setEnabled(not content.empty)
            self.cells[witness.id], self.editors[witness.id] = content, editor
            title = f" — {witness.title}" if witness.title else ""
            label = QLabel(f"{witness.id} [{witness.language}]{title}")
            grid.addWidget(label, 2 * number, 0)
            grid.addWidget(editor, 2 * number + 1, 0)
        self.whole_row = QCheckBox("Whole row")
        grid.addWidget(self.whole_row, 2 * len(self.project.witnesses), 0)
        return box

    def _category_tree(self) -> QTreeWidget:
        self.categories = QTreeWidget()
        self.categories.setHeaderLabel("MQM category")
        for dimension in services.mqm_typology():
            parent = QTreeWidgetItem([dimension.label])
            parent.setData(0, CATEGORY_ROLE, dimension.id)
            for category in dimension.subtypes:
                child = QTreeWidgetItem([category.label])
                child.setData(0, CATEGORY_ROLE, category.id)
                parent.addChild(child)
            self.categories.addTopLevelItem(parent)
        return self.categories

    def _severity_box(self) -> QGroupBox:
        box = QGroupBox("Severity (keys 0–3 or n, m, M, c)")
        row = QHBoxLayout(box)
        self.severities = QButtonGroup(self)
        for number, severity in enumerate(SEVERITIES):
            button = QRadioButton(f"&{number} {severity.capitalize()}")
            self.severities.addButton(button, number)
            row.addWidget(button)
            for key in SEVERITY_KEYS[severity]:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda s=severity: self.set_severity(s))
        return box

    def _load(self, existing: Annotation | None) -> None:
        self.set_category(existing.category if existing else "accuracy/mistranslation")
        self.set_severity(existing.severity if existing else "minor")
        self.note.setPlainText(existing.note if existing else "")
        self.resolved.setChecked(bool(existing and existing.state == RESOLVED))
        self.resolved.setVisible(existing is not None)
        for span in existing.spans if existing else ():
            self._extend_selection(span)
        self.editors[self.witness].setFocus()

    def _extend_selection(self, span: Span) -> None:
        content = self.cells.get(span.witness)
        if content is None or span.sentence not in content.sentence_ids:
            return
        base = content.sentence_range(span.sentence)[0]
        cursor = self.editors[span.witness].textCursor()
        start, end = base + span.start, base + span.end
        if cursor.hasSelection():
            start, end = min(start, cursor.selectionStart()), max(end, cursor.selectionEnd())
        self.set_selection(span.witness, start, end)

    # --- reading and setting the choice ----------------------------------------------------

    def set_selection(self, witness: str, start: int, end: int) -> None:
        """Select characters ``start:end`` of a witness's text (cell offsets)."""
        cursor = self.editors[witness].textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.editors[witness].setTextCursor(cursor)

    def set_category(self, category_id: str) -> None:
        for item in self._items():
            if item.data(0, CATEGORY_ROLE) == category_id:
                self.categories.setCurrentItem(item)
                return

    def category(self) -> str:
        item = self.categories.currentItem()
        return item.data(0, CATEGORY_ROLE) if item else ""

    def set_severity(self, severity: str) -> None:
        self.severities.button(SEVERITIES.index(severity)).setChecked(True)

    def severity(self) -> str:
        return SEVERITIES[max(self.severities.checkedId(), 0)]

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for number in range(self.categories.topLevelItemCount()):
            parent = self.categories.topLevelItem(number)
            items += [parent] + [parent.child(i) for i in range(parent.childCount())]
        return items

    def spans(self) -> tuple[Span, ...]:
        """The selected words; the whole row if ticked; else the cell it was opened on."""
        if self.whole_row.isChecked():
            return tuple(
                span
                for w, content in self.cells.items()
                for span in content.spans_between(w, 0, len(content.text))
            )
        selected = tuple(
            span
            for w, editor in self.editors.items()
            if editor.textCursor().hasSelection()
            for span in self.cells[w].spans_between(
                w, editor.textCursor().selectionStart(), editor.textCursor().selectionEnd()
            )
        )
        if selected:
            return selected
        content = self.cells[self.witness]
        return content.spans_between(self.witness, 0, len(content.text))

    def annotation(self) -> Annotation:
        """The issue as the dialog describes it (a new one, or the edited one)."""
        state = RESOLVED if self.resolved.isChecked() else OPEN
        note = self.note.toPlainText().strip()
        if self.existing is not None:
            return replace(
                self.existing,
                spans=self.spans(),
                category=self.category(),
                severity=self.severity(),
                note=note,
                state=state,
            )
        when = now_iso()
        return Annotation(
            self.project.new_annotation_id(),
            self.spans(),
            self.category(),
            self.severity(),
            note,
            self.project.user,
            when,
            when,
            state,
        )

    def accept(self) -> None:
        if not self.spans():
            self.problem.setText("Select some words: this cell is empty.")
        elif not self.category():
            self.problem.setText("Choose a category.")
        else:
            super().accept()
