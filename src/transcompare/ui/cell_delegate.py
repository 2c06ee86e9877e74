"""Paints one cell of the aligned view: wrapped sentences with highlighted spans.

**paint** takes the cell's :class:`~.cell_content.CellContent` from the model (``Roles.CELL``),
turns each mark into a ``QTextLayout.FormatRange`` (a background for word differences, a wavy
underline for unmatched words, a coloured underline and tint for annotations, grey italics for
editorial elisions, a tint for the sentence under the mouse) and draws the text with a
``QTextLayout`` wrapped to the column width, inside a small padding. An empty cell gets a hatched
background and a grey "∅". The row under the mouse (or holding the current cell) is tinted in
every column, so a sentence's counterparts stand out.

**sizeHint** lays the same text out at the cell's width (``option.rect``; :mod:`.row_sizer`
passes the column width to :meth:`CellDelegate.cell_height` directly) and returns the height of
the laid-out lines plus padding. Layouts are cached by (text, marks, font, width), so painting
and sizing the rows on screen is cheap; rows off screen are never laid out.

The delegate never computes anything about the texts: what to highlight comes from the model.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from transcompare.memo import Memo
from transcompare.ui.cell_content import (
    ANNOTATION,
    DIFF,
    ELISION,
    FOCUS,
    UNMATCHED,
    CellContent,
    Mark,
)
from transcompare.ui.table_model import Roles
from transcompare.ui.theme import LIGHT, Theme

PADDING = 6
MINOR_DIFFERENCES = ("punctuation", "spacing", "case")
"""Kinds of word difference drawn paler than changes of wording."""
EMPTY_MARK = "∅"
CACHE_SIZE = 2000


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.hover: tuple[int, int, int] | None = None
        """(row, column, sentence index) under the mouse, set by the view."""
        self.current_row = -1
        self._layouts: Memo[tuple, tuple[QTextLayout, float]] = Memo(CACHE_SIZE)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._layouts.clear()

    # --- layout --------------------------------------------------------------------------

    def layout(self, content: CellContent, font: QFont, width: int) -> tuple[QTextLayout, float]:
        """The wrapped layout of a cell's text and its height (cached)."""
        key = (content.text, content.marks, font.key(), width)
        return self._layouts.computed(key, lambda: self._laid_out(content, font, width))

    def _laid_out(self, content: CellContent, font: QFont, width: int) -> tuple[QTextLayout, float]:
        layout = QTextLayout(content.text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setFormats([self._format_range(mark) for mark in content.marks])
        leading = QFontMetricsF(font).leading()
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1, width))
            height += leading
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout, height

    def _format_range(self, mark: Mark) -> QTextLayout.FormatRange:
        style = QTextCharFormat()
        theme = self.theme
        if mark.kind == DIFF:
            color = theme.color("diff")
            if mark.detail in MINOR_DIFFERENCES:
                color.setAlpha(90)
            style.setBackground(color)
        elif mark.kind == UNMATCHED:
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            style.setUnderlineColor(theme.color("unmatched"))
        elif mark.kind == ANNOTATION:
            color = theme.severity_color(mark.detail)
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            style.setUnderlineColor(color)
            tint = theme.severity_color(mark.detail)
            tint.setAlpha(60)
            style.setBackground(tint)
        elif mark.kind == ELISION:
            style.setForeground(theme.color("muted"))
            style.setFontItalic(True)
        elif mark.kind == FOCUS:
            style.setBackground(theme.color("focus"))
        result = QTextLayout.FormatRange()
        result.start, result.length, result.format = mark.start, mark.end - mark.start, style
        return result

    @staticmethod
    def text_width(cell_width: int) -> int:
        return max(1, cell_width - 2 * PADDING)

    def cell_height(self, content: CellContent, font: QFont, cell_width: int) -> int:
        if content.empty:
            return round(QFontMetricsF(font).height()) + 2 * PADDING
        plain = CellContent(content.text, content.sentence_ids, content.starts)
        _, height = self.layout(plain, font, self.text_width(cell_width))
        return int(height + 0.999) + 2 * PADDING

    def sentence_at(self, content: CellContent, font: QFont, cell: QRect, x: int, y: int) -> int:
        """Index of the sentence under a point of the cell, or -1 (for hover and clicks)."""
        if content.empty:
            return -1
        layout, _ = self.layout(content, font, self.text_width(cell.width()))
        point = QPointF(x - cell.left() - PADDING, y - cell.top() - PADDING)
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if line.y() <= point.y() < line.y() + line.height():
                return content.locate(line.xToCursor(point.x()))[0]
        return -1

    # --- QStyledItemDelegate -------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        content: CellContent = index.data(Roles.CELL)
        width = option.rect.width() if option.rect.width() > 0 else 320
        return QSize(width, self.cell_height(content, option.font, width))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        content: CellContent = index.data(Roles.CELL)
        rect = option.rect
        painter.save()
        painter.fillRect(rect, self._background(option, index))
        if content.empty:
            painter.fillRect(
                rect, QBrush(self.theme.color("empty_hatch"), Qt.BrushStyle.BDiagPattern)
            )
            painter.setPen(self.theme.color("muted"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, EMPTY_MARK)
        else:
            content = content.with_marks(self._focus_marks(content, index))
            layout, _ = self.layout(content, option.font, self.text_width(rect.width()))
            painter.setClipRect(rect)
            painter.setPen(self.theme.color("text"))
            layout.draw(painter, QPointF(rect.left() + PADDING, rect.top() + PADDING))
        painter.restore()

    def _background(self, option: QStyleOptionViewItem, index: QModelIndex):
        if option.state & QStyle.StateFlag.State_Selected:
            return self.theme.color("focus")
        if (
            self.hover is not None
            and self.hover[0] == index.row()
            or index.row() == self.current_row
        ):
            return self.theme.color("hover")
        return self.theme.color("base")

    def _focus_marks(self, content: CellContent, index: QModelIndex) -> list[Mark]:
        if self.hover is None or self.hover[:2] != (index.row(), index.column()):
            return []
        sentence = self.hover[2]
        if not 0 <= sentence < len(content.starts):
            return []
        return [Mark(FOCUS, content.starts[sentence], content.sentence_end(sentence))]
