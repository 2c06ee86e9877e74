"""The overview strip beside the aligned view's scroll bar: the whole document at a glance.

Two lanes, top to bottom over all rows: on the left the alignment confidence (green when
confirmed, red when doubtful), on the right the divergence of the versions in one language
(darker where their wording differs; blank until compared, and for projects without two versions
in one language). Both come from cheap per-row values kept in :attr:`OverviewStrip.values`;
changes mark rows dirty and a short timer re-reads them, a chunk at a time, then repaints.
Several rows that share a pixel show the worst of them. The rows on screen are outlined; a click
or drag jumps there.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from transcompare.ui.highlights import Highlighter
from transcompare.ui.table_model import AlignmentModel
from transcompare.ui.theme import LIGHT, Theme

RowValue = tuple[float, bool, float]
"""(confidence, confirmed, divergence; -1 when not yet compared)."""

WIDTH = 18
DELAY_MS = 120
"""Changes are gathered this long before the strip is refreshed."""
CHUNK = 500
"""Rows re-read per turn of the event loop."""


class OverviewStrip(QWidget):
    jump_requested = Signal(int)

    def __init__(self, model: AlignmentModel, highlighter: Highlighter, parent=None) -> None:
        super().__init__(parent)
        self.model, self.highlighter = model, highlighter
        self.theme: Theme = LIGHT
        self.values: list[RowValue] = []
        self.visible = range(0)
        self._dirty: set[int] = set()
        self._image: QImage | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh)
        self.setFixedWidth(WIDTH)
        self.setToolTip("Overview: confidence (left) and divergence (right). Click to jump.")
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)
        model.dataChanged.connect(self._changed)
        highlighter.ready.connect(self._mark)
        highlighter.hold_changed.connect(self._hold_changed)
        self._reset()

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._image = None
        self.update()

    def set_visible_rows(self, rows: range) -> None:
        if rows != self.visible:
            self.visible = rows
            self.update()

    # --- keeping values in step with the model -------------------------------------------

    def _reset(self) -> None:
        count = self.model.rowCount()
        self.values = [(1.0, False, -1.0)] * count
        self._mark(range(count))

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.values[first:first] = [(1.0, False, -1.0)] * (last - first + 1)
        self._dirty = {i + (last - first + 1) if i >= first else i for i in self._dirty}
        self._mark(range(first, last + 1))

    def _removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self.values[first : last + 1]
        count = last - first + 1
        self._dirty = {i - count if i > last else i for i in self._dirty if not first <= i <= last}
        self._image = None
        self._mark(())

    def _changed(self, top: QModelIndex, bottom: QModelIndex, *_roles) -> None:
        self._mark(range(top.row(), bottom.row() + 1))

    def _hold_changed(self, held: bool) -> None:
        if not held:  # re-read the rows that changed meanwhile (see _refresh)
            self._mark(())

    def _mark(self, rows) -> None:
        self._dirty.update(rows)
        if not self._timer.isActive():
            self._timer.start(DELAY_MS)

    def _refresh(self) -> None:
        """Re-read up to CHUNK dirty rows (the rest on the next turn of the event loop, so a
        long document never blocks the window); rows not yet compared are queued for the
        highlighter. The strip is drawn again once every dirty row is re-read: drawing it
        costs as much as re-reading a chunk, and a 10,000-row document opens with twenty. While
        the highlighter holds its background work for a long task, the rows wait too (reading
        them would take turns with the task, and the rows not compared would wait anyway)."""
        project = self.model.project
        if project is None:
            self._dirty.clear()
            return
        if self.highlighter.background_held:
            return  # re-read when it is released
        unknown = []
        for _ in range(min(CHUNK, len(self._dirty))):
            index = self._dirty.pop()
            if index < len(self.values):
                row = project.rows[index]
                divergence = self.highlighter.overview_value(index)
                if divergence is None:
                    unknown.append(index)
                known = -1.0 if divergence is None else divergence
                self.values[index] = (row.confidence, row.confirmed, known)
        self.highlighter.prefetch(sorted(unknown))
        if self._dirty:
            self._timer.start(0)
        else:
            self._image = None
            self.update()

    # --- painting and clicks ---------------------------------------------------------------

    def _row_span(self, y: int, height: int) -> range:
        count = len(self.values)
        first = y * count // height
        return range(first, max(first + 1, (y + 1) * count // height))

    def _render(self) -> QImage:
        width, height = self.width(), max(1, self.height())
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(self.theme.color("alternate"))
        if self.values:
            painter = QPainter(image)
            half = width // 2
            for y in range(height):
                rows = [self.values[i] for i in self._row_span(y, height) if i < len(self.values)]
                if not rows:
                    continue
                worst = min(rows, key=lambda value: (value[1], value[0]))
                painter.fillRect(0, y, half, 1, self.theme.confidence_color(worst[0], worst[1]))
                divergence = max(value[2] for value in rows)
                if divergence >= 0:
                    painter.fillRect(half, y, width - half, 1, self.theme.heat_color(divergence))
            painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.size() != self.size():
            self._image = self._render()
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        count = len(self.values)
        if count and self.visible:
            top = self.visible.start * self.height() // count
            bottom = max(top + 3, self.visible.stop * self.height() // count)
            outline = QColor(self.theme.text)
            painter.setPen(outline)
            painter.drawRect(QRect(0, top, self.width() - 1, bottom - top - 1))
        painter.end()

    def row_at(self, y: int) -> int:
        count = len(self.values)
        return max(0, min(count - 1, y * count // max(1, self.height())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.values and event.button() == Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.row_at(round(event.position().y())))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.values and event.buttons() & Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.row_at(round(event.position().y())))
