"""The aligned view: the side-by-side table of witnesses, with the overview strip beside it.

The view owns only view state: which sentence is under the mouse or was clicked last, the zoom,
and the theme. It answers "where is the user?" (:meth:`AlignedView.current_sentence`,
:meth:`AlignedView.selected_rows`) for the editing code; it never changes the project.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QWidget

from transcompare.ui.cell_delegate import CellDelegate
from transcompare.ui.highlights import Highlighter
from transcompare.ui.overview import OverviewStrip
from transcompare.ui.row_sizer import RowSizer
from transcompare.ui.table_model import AlignmentModel, Roles
from transcompare.ui.theme import Theme

MIN_POINTS, MAX_POINTS = 6, 48


class AlignedView(QTableView):
    def __init__(self, model: AlignmentModel, parent=None) -> None:
        super().__init__(parent)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.sizer = RowSizer(self, self.delegate)
        self.sizer.watch(model)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clicked_sentence: tuple[int, int, int] | None = None
        """(row, column, sentence index) of the last click inside a cell."""

    def alignment_model(self) -> AlignmentModel:
        model = self.model()
        assert isinstance(model, AlignmentModel)
        return model

    def set_theme(self, theme: Theme) -> None:
        self.delegate.set_theme(theme)
        self.alignment_model().theme = theme
        self.alignment_model().refresh()
        self.viewport().update()

    # --- zoom ----------------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.font().pointSizeF() + steps)

    def set_point_size(self, points: float) -> None:
        font = self.font()
        font.setPointSizeF(max(MIN_POINTS, min(MAX_POINTS, points)))
        self.setFont(font)
        self.sizer.reset_estimate()

    # --- where the user is ---------------------------------------------------------------

    def _sentence_under(self, event: QMouseEvent) -> tuple[int, int, int] | None:
        position = event.position().toPoint()
        index = self.indexAt(position)
        if not index.isValid():
            return None
        sentence = self.delegate.sentence_at(
            index.data(Roles.CELL), self.font(), self.visualRect(index), position.x(), position.y()
        )
        return index.row(), index.column(), sentence

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._sentence_under(event)
        if hover != self.delegate.hover:
            self.delegate.hover = hover
            self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.delegate.hover = None
        self.viewport().update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked_sentence = self._sentence_under(event)
        super().mousePressEvent(event)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self.delegate.current_row = current.row() if current.isValid() else -1
        self.viewport().update()

    def current_cell(self) -> tuple[int, str] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return index.row(), self.alignment_model().witness_id(index.column())

    def current_sentence(self) -> tuple[int, str, str] | None:
        """(row, witness, sentence id): the clicked sentence of the current cell, else its
        first sentence; None when the current cell is empty."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        ids = index.data(Roles.SENTENCE_IDS)
        if not ids:
            return None
        number = 0
        if self.clicked_sentence and self.clicked_sentence[:2] == (index.row(), index.column()):
            number = max(0, min(self.clicked_sentence[2], len(ids) - 1))
        return index.row(), self.alignment_model().witness_id(index.column()), ids[number]

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def go_to(self, row: int, column: int | None = None) -> None:
        model = self.model()
        if not 0 <= row < model.rowCount():
            return
        if column is None:
            column = max(self.currentIndex().column(), 0)
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.sizer.schedule()


class AlignedPane(QWidget):
    """The aligned view with the overview strip to the right of its scroll bar."""

    def __init__(self, model: AlignmentModel, highlighter: Highlighter, parent=None) -> None:
        super().__init__(parent)
        self.view = AlignedView(model, self)
        self.overview = OverviewStrip(model, highlighter, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addWidget(self.overview)
        self.overview.jump_requested.connect(self.view.go_to)
        self.view.verticalScrollBar().valueChanged.connect(self._track)
        self.view.verticalScrollBar().rangeChanged.connect(self._track)

    def set_theme(self, theme: Theme) -> None:
        self.view.set_theme(theme)
        self.overview.set_theme(theme)

    def _track(self, *_args) -> None:
        self.overview.set_visible_rows(self.view.sizer.visible_rows())
