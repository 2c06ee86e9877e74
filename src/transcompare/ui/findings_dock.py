"""The QA findings list: results of the automatic checks, each to accept as an issue or dismiss.

The dock only lists findings and asks the window to act: run the checks (in a worker), accept the
selected finding (it becomes an annotation and leaves the list), dismiss it (hidden across save
and load), or restore a dismissed one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transcompare.model import Project
from transcompare.ui.item_lists import replace_items

INDEX_ROLE = Qt.ItemDataRole.UserRole
DISMISSED_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Row", "Check", "Severity", "Message")


def _mark_dismissed(item: QTreeWidgetItem) -> None:
    """Grey and italic, but still selectable: the user selects it to restore it."""
    item.setData(0, DISMISSED_ROLE, True)
    font = item.font(0)
    font.setItalic(True)
    grey = QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for column in range(len(COLUMNS)):
        item.setFont(column, font)
        item.setForeground(column, grey)


class FindingsDock(QDockWidget):
    run_requested = Signal()
    jump_requested = Signal(int, str)
    accept_requested = Signal(object)
    dismiss_requested = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__("QA findings", parent)
        self.setObjectName("qa-findings")
        self.project: Project | None = None
        self.findings: list = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.itemClicked.connect(self._jump)
        self.tree.itemActivated.connect(self._jump)
        self.show_dismissed = QCheckBox("Show dismissed")
        self.show_dismissed.toggled.connect(self.refresh)
        buttons = QHBoxLayout()
        self.run_button = QPushButton("Run checks")
        self.run_button.clicked.connect(self.run_requested)
        buttons.addWidget(self.run_button)
        for text, slot in (
            ("Accept as issue", self._accept),
            ("Dismiss", self._dismiss),
            ("Restore", self._restore),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_dismissed)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.set_findings([])

    def set_findings(self, findings: list) -> None:
        self.findings = list(findings)
        self.refresh()

    def _visible(self) -> list[int]:
        """The indexes of the findings listed: all, or all but the dismissed ones."""
        dismissed = self.project.dismissed if self.project else set()
        show_all = self.show_dismissed.isChecked()
        return [i for i, f in enumerate(self.findings) if show_all or f.key not in dismissed]

    def refresh(self) -> None:
        dismissed = self.project.dismissed if self.project else set()
        items = []
        for index in self._visible():
            finding = self.findings[index]
            row = "" if finding.row is None else str(finding.row + 1)
            item = QTreeWidgetItem([row, finding.check, finding.severity, finding.message])
            item.setData(0, INDEX_ROLE, index)
            item.setToolTip(3, finding.message)
            if finding.key in dismissed:
                _mark_dismissed(item)
            items.append(item)
        replace_items(self.tree, items)
        self.setWindowTitle(f"QA findings ({len(items)})")

    def select(self, number: int) -> None:
        """Make the ``number``-th listed finding the current one."""
        self.tree.setCurrentItem(self.tree.topLevelItem(number))

    def selected(self):
        item = self.tree.currentItem()
        return None if item is None else self.findings[item.data(0, INDEX_ROLE)]

    def _accept(self) -> None:
        finding = self.selected()
        if finding is not None:
            self.accept_requested.emit(finding)

    def _dismiss(self) -> None:
        finding = self.selected()
        if finding is not None:
            self.dismiss_requested.emit(finding.key, True)

    def _restore(self) -> None:
        finding = self.selected()
        if finding is not None:
            self.dismiss_requested.emit(finding.key, False)

    def _jump(self, item: QTreeWidgetItem) -> None:
        finding = self.findings[item.data(0, INDEX_ROLE)]
        if finding.row is not None:
            witness = finding.targets[0].witness if finding.targets else ""
            self.jump_requested.emit(finding.row, witness)
