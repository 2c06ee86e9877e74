"""The issue list: every annotation of the project, filtered by category, severity, state and
witness, in document order. A click jumps to the issue's row; the buttons ask the window to edit,
delete, or resolve/reopen the selected issue (the window pushes the edits)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transcompare.model import OPEN, RESOLVED, SEVERITIES, Annotation, Project
from transcompare.ui import services
from transcompare.ui.item_lists import replace_items

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ANY = ""
COLUMNS = ("Row", "Version", "Severity", "Category", "Text", "Note", "State")
TEXT = COLUMNS.index("Text")
TEXT_WIDTH = 320


def issue_row(project: Project, annotation: Annotation) -> int:
    """The row of an issue's first span (issues sort and jump by it); -1 if it has none."""
    for span in annotation.spans:
        try:
            return project.row_of(span.witness, span.sentence)
        except KeyError:
            continue
    return -1


def issue_text(project: Project, annotation: Annotation) -> str:
    parts = []
    for span in annotation.spans:
        try:
            parts.append(project.sentence(span.witness, span.sentence).text[span.start : span.end])
        except KeyError:
            continue
    return " … ".join(parts)


class IssuesDock(QDockWidget):
    jump_requested = Signal(int, str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    toggle_state_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__("Issues", parent)
        self.setObjectName("issues")
        self.project: Project | None = None
        self.filters = {name: QComboBox() for name in ("category", "severity", "state", "witness")}
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self.refresh)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(False)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._jump)
        self.tree.itemActivated.connect(self._jump)
        self.tree.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(self._id(item)))
        buttons = QHBoxLayout()
        for text, signal in (
            ("Edit…", self.edit_requested),
            ("Delete", self.delete_requested),
            ("Resolve / reopen", self.toggle_state_requested),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=signal: self._emit_selected(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        filters = QHBoxLayout()
        for combo in self.filters.values():
            filters.addWidget(combo)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        witnesses = (
            [(w.title or w.id, w.id) for w in self.project.witnesses] if self.project else []
        )
        choices = {
            "category": [(d.label, d.id) for d in services.mqm_typology()],
            "severity": [(s.capitalize(), s) for s in SEVERITIES],
            "state": [("Open", OPEN), ("Resolved", RESOLVED)],
            "witness": witnesses,
        }
        for name, combo in self.filters.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"Any {name}", ANY)
            for label, value in choices[name]:
                combo.addItem(label, value)
            combo.blockSignals(False)

    def matches(self, annotation: Annotation) -> bool:
        wanted = {name: combo.currentData() for name, combo in self.filters.items()}
        return (
            wanted["category"] in (ANY, annotation.category.split("/", 1)[0])
            and wanted["severity"] in (ANY, annotation.severity)
            and wanted["state"] in (ANY, annotation.state)
            and (
                wanted["witness"] == ANY
                or any(span.witness == wanted["witness"] for span in annotation.spans)
            )
        )

    def ordered(self) -> list[tuple[int, Annotation]]:
        """The issues that pass the filters, with their rows, in document order."""
        if self.project is None:
            return []
        found = [
            (issue_row(self.project, a), a) for a in self.project.annotations if self.matches(a)
        ]
        return sorted(found, key=lambda pair: pair[0])

    def refresh(self) -> None:
        selected = self.selected_id()
        items = []
        for row, annotation in self.ordered():
            assert self.project is not None
            witnesses = ", ".join(dict.fromkeys(span.witness for span in annotation.spans))
            item = QTreeWidgetItem(
                [
                    str(row + 1),
                    witnesses,
                    annotation.severity,
                    services.category_label(annotation.category),
                    issue_text(self.project, annotation),
                    annotation.note,
                    annotation.state,
                ]
            )
            item.setData(0, ID_ROLE, annotation.id)
            item.setData(0, ROW_ROLE, row)
            item.setToolTip(5, annotation.note)
            items.append(item)
        replace_items(self.tree, items)
        for item in items:
            if self._id(item) == selected:
                self.tree.setCurrentItem(item)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(TEXT, min(self.tree.columnWidth(TEXT), TEXT_WIDTH))
        self.setWindowTitle(f"Issues ({len(items)})")

    def selected_id(self) -> str:
        item = self.tree.currentItem()
        return self._id(item) if item else ""

    def select(self, annotation_id: str) -> None:
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            if self._id(item) == annotation_id:
                self.tree.setCurrentItem(item)
                self._jump(item)
                return

    @staticmethod
    def _id(item: QTreeWidgetItem) -> str:
        return item.data(0, ID_ROLE)

    def _emit_selected(self, signal) -> None:
        if self.selected_id():
            signal.emit(self.selected_id())

    def _jump(self, item: QTreeWidgetItem) -> None:
        annotation_id = self._id(item)
        if self.project is None or item.data(0, ROW_ROLE) < 0:
            return
        witness = self.project.annotation(annotation_id).spans[0].witness
        self.jump_requested.emit(item.data(0, ROW_ROLE), witness)
