"""The MQM summary: a row per witness with its issues, penalty total, penalty per 1,000 words
and quality score, then counts per severity and per dimension (refreshed when issues change)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTableWidget, QTableWidgetItem

from transcompare.model import SEVERITIES, Project
from transcompare.ui import services

FIGURES = ("Words", "Issues", "Penalty", "Per 1,000 words", "Score")


class SummaryDock(QDockWidget):
    def __init__(self, parent=None) -> None:
        super().__init__("MQM summary", parent)
        self.setObjectName("mqm-summary")
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWidget(self.table)
        self.project: Project | None = None

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        project = self.project
        witnesses = project.witnesses if project else []
        dimensions = list(services.mqm_typology())
        columns = [*FIGURES, *(s.capitalize() for s in SEVERITIES), *(d.label for d in dimensions)]
        self.table.clear()
        self.table.setRowCount(len(witnesses))
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setVerticalHeaderLabels([w.id for w in witnesses])
        for row, witness in enumerate(witnesses):
            assert project is not None
            summary = services.mqm_summary(project, witness.id)
            values = [
                str(summary.words), str(summary.issues), f"{summary.penalty:g}",
                f"{summary.per_thousand:.1f}", f"{summary.score:.1f}",
                *(str(summary.by_severity.get(s, 0)) for s in SEVERITIES),
                *(str(summary.by_dimension.get(d.id, 0)) for d in dimensions),
            ]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def cell(self, figure: str, witness_id: str) -> str:
        """The text shown for one figure of one witness (for tests and copy)."""
        assert self.project is not None
        row = self.project.witness_ids.index(witness_id)
        for column in range(self.table.columnCount()):
            if self.table.horizontalHeaderItem(column).text() == figure:
                return self.table.item(row, column).text()
        raise KeyError(figure)
