"""What one cell shows: its sentences as one text, and marks (highlights) in that text's offsets.

The table model builds a :class:`CellContent` from the project and from spans given per
sentence (:class:`~transcompare.model.Span`); the delegate paints it; the editing code maps a
click back to a sentence with :meth:`CellContent.locate`. Plain Python (no Qt), so it is easy to
test; it lives in ``ui`` because only the view needs this shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transcompare.model import GAP, Sentence, Span

SEPARATOR = "\u2028"
"""Between the sentences of one cell: a line separator, so each sentence starts a new line."""

DIFF = "diff"
UNMATCHED = "unmatched"
ANNOTATION = "annotation"
ELISION = "elision"
FOCUS = "focus"


@dataclass(frozen=True)
class Mark:
    """A highlight of ``text[start:end]``; ``detail`` is e.g. the severity of an annotation."""

    kind: str
    start: int
    end: int
    detail: str = ""


@dataclass(frozen=True)
class CellContent:
    text: str
    sentence_ids: tuple[str, ...]
    starts: tuple[int, ...]
    marks: tuple[Mark, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.sentence_ids

    def locate(self, offset: int) -> tuple[int, int]:
        """(index of the sentence, offset inside it) for a character offset of the cell text."""
        index = 0
        for number, start in enumerate(self.starts):
            if start <= offset:
                index = number
        length = self.sentence_end(index) - self.starts[index]
        return index, max(0, min(offset - self.starts[index], length))

    def sentence_end(self, index: int) -> int:
        if index + 1 < len(self.starts):
            return self.starts[index + 1] - len(SEPARATOR)
        return len(self.text)

    def sentence_range(self, sentence_id: str) -> tuple[int, int]:
        index = self.sentence_ids.index(sentence_id)
        return self.starts[index], self.sentence_end(index)

    def spans_between(self, witness: str, start: int, end: int) -> tuple[Span, ...]:
        """The cell characters ``start:end`` as spans, one per sentence they touch."""
        spans = []
        for number, sentence_id in enumerate(self.sentence_ids):
            low = max(start, self.starts[number])
            high = min(end, self.sentence_end(number))
            if low < high:
                base = self.starts[number]
                spans.append(Span(witness, sentence_id, low - base, high - base))
        return tuple(spans)

    def with_marks(self, marks: Iterable[Mark]) -> CellContent:
        return CellContent(self.text, self.sentence_ids, self.starts, self.marks + tuple(marks))

    def marks_for(self, kind: str, spans: Iterable[Span], detail: str = "") -> list[Mark]:
        """Marks of ``kind`` for those ``spans`` that fall in this cell's sentences."""
        marks = []
        for span in spans:
            if span.sentence in self.sentence_ids:
                start, end = self.sentence_range(span.sentence)
                marks.append(Mark(kind, start + span.start, min(start + span.end, end), detail))
        return marks


def cell_content(sentences: Sequence[Sentence]) -> CellContent:
    """The cell text of consecutive sentences; editorial elisions ("/ ... /") are marked."""
    starts, parts, marks, position = [], [], [], 0
    for sentence in sentences:
        starts.append(position)
        parts.append(sentence.text)
        if sentence.kind == GAP:
            marks.append(Mark(ELISION, position, position + len(sentence.text)))
        position += len(sentence.text) + len(SEPARATOR)
    return CellContent(
        SEPARATOR.join(parts), tuple(s.id for s in sentences), tuple(starts), tuple(marks)
    )
