"""Row heights for wrapped text, computed only for the rows on screen.

Qt's ``ResizeToContents`` measures every row of the table whenever anything changes, which is
far too slow for ten thousand rows. Here every row starts at an estimated height; after each
scroll, resize, zoom or model change, a zero-delay timer measures the rows that are visible (the
delegate caches layouts, so this is cheap) and resizes just those sections. Measured heights are
cached by (cell texts, column widths, font), so scrolling back costs nothing and a row that only
moved (after an insertion above it) keeps its height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTableView

from transcompare.memo import Memo
from transcompare.ui.cell_delegate import PADDING, CellDelegate
from transcompare.ui.table_model import Roles

CACHE_SIZE = 50_000
MAX_PASSES = 4


class RowSizer(QObject):
    def __init__(self, view: QTableView, delegate: CellDelegate) -> None:
        super().__init__(view)
        self.view, self.delegate = view, delegate
        self._heights: Memo[tuple, int] = Memo(CACHE_SIZE)
        self.minimum = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit_visible_rows)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        view.horizontalHeader().sectionResized.connect(self.schedule)
        view.viewport().installEventFilter(self)

    def watch(self, model) -> None:
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self.schedule)
        self.reset_estimate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def schedule(self, *_args) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def reset_estimate(self) -> None:
        """Rows not yet measured get two lines of the current font (also the least height: the
        row header shows two lines, the row number and the confidence)."""
        line = QFontMetricsF(self.view.font()).lineSpacing()
        self.minimum = round(2 * line) + PADDING
        self.view.verticalHeader().setMinimumSectionSize(self.minimum)
        self.view.verticalHeader().setDefaultSectionSize(self.minimum + PADDING)
        self.schedule()

    def visible_rows(self) -> range:
        view = self.view
        rows = view.model().rowCount() if view.model() else 0
        if not rows:
            return range(0)
        first = max(view.rowAt(0), 0)
        last = view.rowAt(view.viewport().height() - 1)
        return range(first, (rows - 1 if last < 0 else last) + 1)

    def fit_visible_rows(self) -> None:
        """Measure the rows on screen; repeat while shrinking rows brings more into view."""
        header = self.view.verticalHeader()
        for _ in range(MAX_PASSES):
            changed = False
            for row in self.visible_rows():
                height = self.row_height(row)
                if header.sectionSize(row) != height:
                    header.resizeSection(row, height)
                    changed = True
            if not changed:
                return

    def row_height(self, row: int) -> int:
        view, model = self.view, self.view.model()
        font = view.font()
        contents = [
            model.index(row, column).data(Roles.CELL) for column in range(model.columnCount())
        ]
        widths = tuple(view.columnWidth(column) for column in range(model.columnCount()))
        key = (tuple(c.text for c in contents), widths, font.key())
        return self._heights.computed(
            key,
            lambda: max(
                [self.minimum]
                + [
                    self.delegate.cell_height(content, font, width)
                    for content, width in zip(contents, widths, strict=True)
                ]
            ),
        )
