"""The one Qt model of the aligned view: a column per witness, a row per alignment row.

It follows the project's own events (``project.events``) and translates each into the matching
Qt notification (``beginInsertRows``/``endInsertRows``, ``dataChanged``, ``beginResetModel``…),
so every change made through the core, by any edit or by undo, reaches every view. It exposes
what a cell shows through the named roles of :class:`Roles`; comparison results come from the
:class:`~.highlights.Highlighter`, which computes them lazily for the rows that are painted.
"""

from __future__ import annotations

from collections import defaultdict
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from transcompare.model import Annotation, Project, Span
from transcompare.ui.cell_content import (
    ANNOTATION,
    DIFF,
    UNMATCHED,
    CellContent,
    cell_content,
)
from transcompare.ui.highlights import Highlighter, diff_references
from transcompare.ui.services import CompareSettings
from transcompare.ui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    CELL = Qt.ItemDataRole.UserRole + 1
    """The :class:`CellContent` to paint, with every enabled highlight as a mark."""
    DIFF_SPANS = Qt.ItemDataRole.UserRole + 2
    """``(span, kind)`` pairs: words that differ from the same-language reference."""
    UNMATCHED_SPANS = Qt.ItemDataRole.UserRole + 3
    ANNOTATION_SPANS = Qt.ItemDataRole.UserRole + 4
    """``(span, annotation)`` pairs that fall in the cell."""
    ROW_STATUS = Qt.ItemDataRole.UserRole + 5
    CONFIDENCE = Qt.ItemDataRole.UserRole + 6
    EMPTY = Qt.ItemDataRole.UserRole + 7
    SENTENCE_IDS = Qt.ItemDataRole.UserRole + 8
    WITNESS = Qt.ItemDataRole.UserRole + 9


class AlignmentModel(QAbstractTableModel):
    def __init__(self, highlighter: Highlighter, parent=None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.highlighter = highlighter
        self.theme: Theme = LIGHT
        self.show_diffs = True
        self.show_unmatched = True
        self.reference = ""
        """The witness same-language versions are compared with; empty: the first of each
        language."""
        self._annotations: dict[tuple[str, str], list[tuple[Span, Annotation]]] = {}
        highlighter.ready.connect(self._rows_refreshed)

    # --- the project and its events ------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        self.beginResetModel()
        if self.project is not None:
            self._connect(self.project, connect=False)
        self.project = project
        if project is not None:
            self._connect(project, connect=True)
            self._index_annotations()
        self.highlighter.set_project(project, self.compare_settings())
        self.endResetModel()

    def _connect(self, project: Project, connect: bool) -> None:
        events = project.events
        for signal, slot in (
            (events.rows_about_to_be_inserted, self._about_to_insert),
            (events.rows_inserted, self._inserted),
            (events.rows_about_to_be_removed, self._about_to_remove),
            (events.rows_removed, self._removed),
            (events.rows_changed, self._changed),
            (events.about_to_reset, self.beginResetModel),
            (events.reset, self.endResetModel),
            (events.annotations_changed, self._annotations_changed),
            (events.witness_changed, self._witness_changed),
        ):
            (signal.connect if connect else signal.disconnect)(slot)

    def _about_to_insert(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def _inserted(self, first: int, last: int) -> None:
        self.endInsertRows()

    def _about_to_remove(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)

    def _removed(self, first: int, last: int) -> None:
        self.endRemoveRows()

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def _rows_refreshed(self, rows: list[int]) -> None:
        if rows and self.rowCount():
            last = min(max(rows), self.rowCount() - 1)
            first = min(min(rows), last)
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _annotations_changed(self) -> None:
        self._index_annotations()
        self.refresh()

    def _witness_changed(self, witness_id: str) -> None:
        column = self.column_of(witness_id)
        self.highlighter.set_project(self.project, self.compare_settings())
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        self.refresh()

    def refresh(self) -> None:
        """Every cell may look different (a highlight switched, a theme changed)."""
        if self.rowCount() and self.columnCount():
            self._changed(0, self.rowCount() - 1)

    def set_highlighting(self, diffs: bool, unmatched: bool, reference: str) -> None:
        self.show_diffs, self.show_unmatched, self.reference = diffs, unmatched, reference
        self.highlighter.set_project(self.project, self.compare_settings())
        self.refresh()

    def compare_settings(self) -> CompareSettings:
        """Word differences are always computed (they are cheap and feed the overview);
        cross-lingual matching only while it is shown."""
        if self.project is None:
            return CompareSettings()
        references = tuple(sorted(diff_references(self.project, self.reference).items()))
        return CompareSettings(references, self.project.pivot, self.show_unmatched)

    def _index_annotations(self) -> None:
        index: dict[tuple[str, str], list[tuple[Span, Annotation]]] = defaultdict(list)
        for annotation in self.project.annotations if self.project else ():
            for span in annotation.spans:
                index[(span.witness, span.sentence)].append((span, annotation))
        self._annotations = dict(index)

    # --- lookups for views ---------------------------------------------------------------

    def witness_id(self, column: int) -> str:
        assert self.project is not None
        return self.project.witnesses[column].id

    def column_of(self, witness_id: str) -> int:
        assert self.project is not None
        return self.project.witness_ids.index(witness_id)

    def annotations_in(self, witness_id: str, sentence_ids: tuple[str, ...]):
        return [
            pair for sid in sentence_ids for pair in self._annotations.get((witness_id, sid), ())
        ]

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.project is None else len(self.project.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.project is None else len(self.project.witnesses)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.project is None:
            return None
        row = self.project.rows[index.row()]
        witness = self.project.witnesses[index.column()]
        ids = row.ids(witness.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.project.cell_text(row, witness.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [
                f"{a.severity} {a.category}: {a.note}".strip(": ")
                for _, a in self.annotations_in(witness.id, ids)
            ]
            return "\n".join([" ".join(ids) or "no sentence", *notes])
        if role == Roles.CELL:
            return self._cell(index.row(), witness.id, ids)
        if role == Roles.DIFF_SPANS:
            found = self.highlighter.get(index.row())
            return found.diffs.get(witness.id, ()) if found else ()
        if role == Roles.UNMATCHED_SPANS:
            found = self.highlighter.get(index.row())
            return found.unmatched.get(witness.id, ()) if found else ()
        if role == Roles.ANNOTATION_SPANS:
            return tuple(self.annotations_in(witness.id, ids))
        if role == Roles.ROW_STATUS:
            return row.status
        if role == Roles.CONFIDENCE:
            return row.confidence
        if role == Roles.EMPTY:
            return not ids
        if role == Roles.SENTENCE_IDS:
            return ids
        if role == Roles.WITNESS:
            return witness.id
        return None

    def _cell(self, row: int, witness_id: str, ids: tuple[str, ...]) -> CellContent:
        assert self.project is not None
        witness = self.project.witness(witness_id)
        content = cell_content([witness.sentence(sid) for sid in ids])
        if content.empty:
            return content
        marks = []
        if self.show_diffs or self.show_unmatched:
            found = self.highlighter.get(row)
            if found is not None and self.show_diffs:
                for span, tag in found.diffs.get(witness_id, ()):
                    marks += content.marks_for(DIFF, [span], tag)
            if found is not None and self.show_unmatched:
                marks += content.marks_for(UNMATCHED, found.unmatched.get(witness_id, ()))
        for span, annotation in self.annotations_in(witness_id, ids):
            marks += content.marks_for(ANNOTATION, [span], annotation.severity)
        return content.with_marks(marks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if self.project is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            return self._witness_header(section, role)
        if not 0 <= section < self.rowCount():
            return None
        return self._row_header(section, role)

    def _witness_header(self, column: int, role: int):
        assert self.project is not None
        witness = self.project.witnesses[column]
        if role == Qt.ItemDataRole.DisplayRole:
            pivot = " ★" if witness.id == self.project.pivot else ""
            title = f" — {witness.title}" if witness.title else ""
            return f"{witness.id} [{witness.language}]{pivot}{title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                f"{witness.id} — {witness.role}, {witness.language}",
                witness.title,
                witness.translator and f"translated by {witness.translator}",
                witness.source,
            ]
            return "\n".join(part for part in parts if part)
        return None

    def _row_header(self, section: int, role: int):
        assert self.project is not None
        row = self.project.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if row.confirmed else f"{row.confidence:.2f}"
            return f"{section + 1}\n{mark}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.theme.confidence_color(row.confidence, row.confirmed)
        if role == Qt.ItemDataRole.ToolTipRole:
            shape = ":".join(str(n) for n in row.shape(self.project.witness_ids))
            status = (
                f"confirmed by {row.confirmed_by}"
                if row.confirmed and row.confirmed_by
                else row.status
            )
            found = self.highlighter.get(section)
            verdicts = [
                f"{verdict} is closer to {self.project.pivot} than {a if verdict == b else b}"
                if verdict
                else f"{a} and {b} are equally close to {self.project.pivot}"
                for a, b, verdict in (found.closer if found else ())
            ]
            summary = f"Row {section + 1} — {shape}, {status}, confidence {row.confidence:.2f}"
            return "\n".join([summary, *verdicts])
        return None
