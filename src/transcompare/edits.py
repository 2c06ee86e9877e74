"""Every change a user can make to a project, as an object that can apply and revert itself.

The UI wraps each in a ``QUndoCommand``; the CLI and the tests call ``apply`` directly. ``apply``
captures what it replaces, so ``revert`` restores the project exactly (change log included).
Row edits are built on ``Project.replace_rows`` so that views receive the right signals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from transcompare.errors import EditError
from transcompare.model import (
    AUTOMATIC,
    CONFIRMED,
    Annotation,
    LogEntry,
    Project,
    Row,
    Sentence,
    now_iso,
)

UP = "up"
DOWN = "down"


class Edit:
    """Base class: subclasses implement ``_apply`` and ``_revert`` and set ``text``."""

    text = "Edit"

    def __init__(self) -> None:
        self._entry: LogEntry | None = None

    def apply(self, project: Project) -> None:
        self._apply(project)
        self._entry = project.record(self.text)

    def revert(self, project: Project) -> None:
        self._revert(project)
        if self._entry is not None:
            project.unrecord(self._entry)
            self._entry = None

    def _apply(self, project: Project) -> None:
        raise NotImplementedError

    def _revert(self, project: Project) -> None:
        raise NotImplementedError


class _RowsEdit(Edit):
    """An edit that replaces a contiguous run of rows; ``_new_rows`` says with what."""

    def __init__(self) -> None:
        super().__init__()
        self._start = 0
        self._count = 0
        self._old: list[Row] = []

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        raise NotImplementedError

    def _apply(self, project: Project) -> None:
        start, stop, new = self._new_rows(project)
        self._start, self._count = start, len(new)
        self._old = project.replace_rows(start, stop, new)

    def _revert(self, project: Project) -> None:
        project.replace_rows(self._start, self._start + self._count, self._old)


def _check_row(project: Project, row: int) -> None:
    if not 0 <= row < len(project.rows):
        raise EditError(f"there is no row {row + 1}")


def _drop_empty(rows: Sequence[Row]) -> list[Row]:
    return [row for row in rows if any(row.cells.values())]


class ShiftSentence(_RowsEdit):
    """Move the first sentence of a cell to the end of the row above (``up``), or the last
    sentence of a cell to the start of the row below (``down``). A row left empty disappears."""

    def __init__(self, row: int, witness: str, direction: str) -> None:
        super().__init__()
        self.row, self.witness, self.direction = row, witness, direction
        self.text = f"Shift sentence {direction}"

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        _check_row(project, self.row)
        neighbour = self.row - 1 if self.direction == UP else self.row + 1
        if not 0 <= neighbour < len(project.rows):
            raise EditError(f"no row {self.direction} of row {self.row + 1}")
        ids = project.rows[self.row].ids(self.witness)
        if not ids:
            raise EditError(f"row {self.row + 1} has no {self.witness} sentence to shift")
        first, last = sorted((self.row, neighbour))
        above, below = project.rows[first], project.rows[last]
        w = self.witness
        if self.direction == UP:
            moved = {w: above.ids(w) + ids[:1]}, {w: ids[1:]}
        else:
            moved = {w: ids[:-1]}, {w: ids[-1:] + below.ids(w)}
        new = [_unconfirm(above.with_cells(**moved[0])), _unconfirm(below.with_cells(**moved[1]))]
        return first, last + 1, _drop_empty(new)


def _unconfirm(row: Row) -> Row:
    return replace(row, status=AUTOMATIC, confirmed_by="")


class MergeRows(_RowsEdit):
    """Merge rows ``first..last`` (inclusive) into one."""

    def __init__(self, first: int, last: int) -> None:
        super().__init__()
        self.first, self.last = first, last
        self.text = f"Merge rows {first + 1}–{last + 1}"

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        _check_row(project, self.first)
        _check_row(project, self.last)
        if self.last <= self.first:
            raise EditError("select at least two rows to merge")
        rows = project.rows[self.first : self.last + 1]
        cells = {w: tuple(sid for row in rows for sid in row.ids(w)) for w in project.witness_ids}
        confidence = min(row.confidence for row in rows)
        return self.first, self.last + 1, [Row(cells, AUTOMATIC, confidence)]


class SplitRow(_RowsEdit):
    """Split a row in two: for each witness, ``keep[w]`` sentences stay in the upper row and
    the rest go to a new row below (a witness not named keeps all its sentences above)."""

    def __init__(self, row: int, keep: Mapping[str, int]) -> None:
        super().__init__()
        self.row, self.keep = row, dict(keep)
        self.text = f"Split row {row + 1}"

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        _check_row(project, self.row)
        row = project.rows[self.row]
        upper, lower = {}, {}
        for w in project.witness_ids:
            ids = row.ids(w)
            cut = self.keep.get(w, len(ids))
            if not 0 <= cut <= len(ids):
                raise EditError(f"row {self.row + 1} has only {len(ids)} {w} sentences")
            upper[w], lower[w] = ids[:cut], ids[cut:]
        if not any(upper.values()) or not any(lower.values()):
            raise EditError("a split must leave sentences in both rows")
        confidence = row.confidence
        return (
            self.row,
            self.row + 1,
            [Row(upper, AUTOMATIC, confidence), Row(lower, AUTOMATIC, confidence)],
        )


class InsertEmptyRow(_RowsEdit):
    """Insert a row with no sentences at ``index`` (a place to shift sentences into)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.text = f"Insert empty row at {index + 1}"

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        if not 0 <= self.index <= len(project.rows):
            raise EditError(f"cannot insert a row at {self.index + 1}")
        empty = Row({w: () for w in project.witness_ids}, AUTOMATIC, 0.0)
        return self.index, self.index, [empty]


class ReplaceRows(_RowsEdit):
    """Replace ``rows[start:stop]`` with given rows (re-alignment of a stretch)."""

    def __init__(self, start: int, stop: int, rows: Sequence[Row], text: str = "Re-align") -> None:
        super().__init__()
        self.start, self.stop, self.rows = start, stop, list(rows)
        self.text = text

    def _new_rows(self, project: Project) -> tuple[int, int, list[Row]]:
        return self.start, self.stop, self.rows


class SetConfirmed(Edit):
    """Confirm (or unconfirm) rows; confirmed rows are kept when the document is re-aligned."""

    def __init__(self, rows: Sequence[int], confirmed: bool = True, who: str = "") -> None:
        super().__init__()
        self.indexes, self.confirmed, self.who = sorted(set(rows)), confirmed, who
        self.text = f"{'Confirm' if confirmed else 'Unconfirm'} {len(self.indexes)} row(s)"
        self._old: list[Row] = []

    def _apply(self, project: Project) -> None:
        status = CONFIRMED if self.confirmed else AUTOMATIC
        who = (self.who or project.user) if self.confirmed else ""
        self._old = []
        for index in self.indexes:
            _check_row(project, index)
            row = project.rows[index]
            self._old += project.replace_rows(
                index, index + 1, [replace(row, status=status, confirmed_by=who)]
            )

    def _revert(self, project: Project) -> None:
        for index, row in zip(self.indexes, self._old, strict=True):
            project.replace_rows(index, index + 1, [row])


class _SentenceEdit(Edit):
    """Shared revert for sentence split/merge: restore sentences, rows and the id counter."""

    def __init__(self, witness: str) -> None:
        super().__init__()
        self.witness = witness
        self._saved: tuple[int, int, list[Sentence], int, int, list[Row], int] | None = None

    def _commit(
        self,
        project: Project,
        at: int,
        old_count: int,
        sentences: list[Sentence],
        row_start: int,
        row_stop: int,
        rows: list[Row],
        counter: int,
    ) -> None:
        old_sentences = project.replace_sentences(self.witness, at, at + old_count, sentences)
        old_rows = project.replace_rows(row_start, row_stop, rows)
        self._saved = (at, len(sentences), old_sentences, row_start, len(rows), old_rows, counter)

    def _revert(self, project: Project) -> None:
        assert self._saved is not None
        at, count, old_sentences, row_start, row_count, old_rows, counter = self._saved
        project.replace_sentences(self.witness, at, at + count, old_sentences)
        project.replace_rows(row_start, row_start + row_count, old_rows)
        project.witness(self.witness).next_number = counter


class SplitSentence(_SentenceEdit):
    """Split a sentence at a character offset of its text; the second part gets a new id."""

    def __init__(self, witness: str, sentence: str, offset: int) -> None:
        super().__init__(witness)
        self.sentence, self.offset = sentence, offset
        self.text = f"Split sentence {sentence}"

    def _apply(self, project: Project) -> None:
        witness = project.witness(self.witness)
        at = witness.index_of(self.sentence)
        old = witness.sentences[at]
        head = old.text[: self.offset].rstrip()
        tail = old.text[self.offset :]
        tail_start = old.start + self.offset + (len(tail) - len(tail.lstrip()))
        if not head.strip() or not tail.strip():
            raise EditError("a split must leave text on both sides")
        counter = witness.next_number
        first = replace(old, text=head, end=old.start + len(head))
        second = Sentence(
            witness.new_sentence_id(),
            witness.text[tail_start : old.end],
            tail_start,
            old.end,
            old.paragraph,
            old.kind,
        )
        row_index = project.row_of(self.witness, old.id)
        row = project.rows[row_index]
        ids = list(row.ids(self.witness))
        ids.insert(ids.index(old.id) + 1, second.id)
        new_row = _unconfirm(row.with_cells(**{self.witness: tuple(ids)}))
        self._commit(project, at, 1, [first, second], row_index, row_index + 1, [new_row], counter)


class MergeSentences(_SentenceEdit):
    """Merge a sentence with the next one of the same paragraph; the merged one keeps the
    first id and the second id is retired. If the next sentence sat in a later row, it leaves
    that row (which disappears if nothing is left in it)."""

    def __init__(self, witness: str, sentence: str) -> None:
        super().__init__(witness)
        self.sentence = sentence
        self.text = f"Merge sentence {sentence} with the next"

    def _apply(self, project: Project) -> None:
        witness = project.witness(self.witness)
        at = witness.index_of(self.sentence)
        if at + 1 >= len(witness.sentences):
            raise EditError(f"{self.sentence} is the last sentence")
        first, second = witness.sentences[at], witness.sentences[at + 1]
        if first.paragraph != second.paragraph:
            raise EditError("sentences of different paragraphs cannot be merged")
        merged = replace(first, text=witness.text[first.start : second.end], end=second.end)
        row_first = project.row_of(self.witness, first.id)
        row_last = project.row_of(self.witness, second.id)
        rows = [
            row.with_cells(
                **{self.witness: tuple(i for i in row.ids(self.witness) if i != second.id)}
            )
            for row in project.rows[row_first : row_last + 1]
        ]
        rows[0] = _unconfirm(rows[0])
        new_rows = rows[:1] + _drop_empty(rows[1:])
        self._commit(
            project, at, 2, [merged], row_first, row_last + 1, new_rows, witness.next_number
        )


class AddAnnotation(Edit):
    def __init__(self, annotation: Annotation, index: int | None = None) -> None:
        super().__init__()
        self.annotation, self.index = annotation, index
        self.text = f"Add issue ({annotation.category})"

    def _apply(self, project: Project) -> None:
        index = len(project.annotations) if self.index is None else self.index
        project.insert_annotation(index, self.annotation)

    def _revert(self, project: Project) -> None:
        project.remove_annotation(self.annotation.id)


class RemoveAnnotation(Edit):
    def __init__(self, annotation_id: str) -> None:
        super().__init__()
        self.annotation_id = annotation_id
        self.text = "Delete issue"
        self._removed: tuple[int, Annotation] | None = None

    def _apply(self, project: Project) -> None:
        self._removed = project.remove_annotation(self.annotation_id)

    def _revert(self, project: Project) -> None:
        assert self._removed is not None
        project.insert_annotation(*self._removed)


class UpdateAnnotation(Edit):
    """Replace an annotation's fields (category, severity, note, state, spans)."""

    def __init__(self, annotation_id: str, **changes: object) -> None:
        super().__init__()
        self.annotation_id, self.changes = annotation_id, changes
        self.text = "Edit issue"
        self._old: Annotation | None = None

    def _apply(self, project: Project) -> None:
        current = project.annotation(self.annotation_id)
        self._old = project.replace_annotation(replace(current, **self.changes, modified=now_iso()))

    def _revert(self, project: Project) -> None:
        assert self._old is not None
        project.replace_annotation(self._old)


class SetDismissed(Edit):
    """Dismiss a QA finding (by its key) so it stays hidden across save and load, or restore it."""

    def __init__(self, key: str, dismissed: bool = True) -> None:
        super().__init__()
        self.key, self.dismissed = key, dismissed
        self.text = "Dismiss finding" if dismissed else "Restore finding"
        self._was = False

    def _apply(self, project: Project) -> None:
        self._was = self.key in project.dismissed
        project.set_dismissed(self.key, self.dismissed)

    def _revert(self, project: Project) -> None:
        project.set_dismissed(self.key, self._was)


class SetMetadata(Edit):
    """Set a project metadata field, or a witness field (title, translator, language, …)."""

    WITNESS_FIELDS = ("title", "translator", "source", "language", "role")

    def __init__(self, key: str, value: str | None, witness: str | None = None) -> None:
        super().__init__()
        self.key, self.value, self.witness = key, value, witness
        self.text = f"Edit {key}"
        self._old: str | None = None

    def _apply(self, project: Project) -> None:
        self._old = self._set(project, self.value)

    def _revert(self, project: Project) -> None:
        self._set(project, self._old)

    def _set(self, project: Project, value: str | None) -> str | None:
        if self.witness is None:
            return project.set_metadata(self.key, value)
        witness = project.witness(self.witness)
        if self.key in self.WITNESS_FIELDS:
            old = getattr(witness, self.key)
            setattr(witness, self.key, value or "")
        else:
            old = witness.metadata.get(self.key)
            if value is None:
                witness.metadata.pop(self.key, None)
            else:
                witness.metadata[self.key] = value
        project.events.witness_changed.emit(witness.id)
        return old


class Compound(Edit):
    """Several edits applied as one (undone in reverse order)."""

    def __init__(self, edits: Sequence[Edit], text: str) -> None:
        super().__init__()
        self.edits, self.text = list(edits), text

    def _apply(self, project: Project) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit._apply(project)
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit._revert(project)
            raise

    def _revert(self, project: Project) -> None:
        for edit in reversed(self.edits):
            edit._revert(project)
