"""Where two versions in one language differ, word by word, and how much (a score in [0, 1]).

:func:`compare_cells` diffs two cells over word tokens (see :mod:`.worddiff`), classifies each
difference and expresses it as spans of the sentences involved; :func:`row_diff` does the same
for a row of a project and keeps the result by the cells' content, so a view can ask for the
visible rows only and ask again for free. Differences are named from the first cell's point of
view: words only in the first are an omission, words only in the second an addition.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from transcompare.compare import worddiff
from transcompare.compare.bulk import collection_paused
from transcompare.compare.cells import Cell, SentenceText, cell
from transcompare.compare.lexicon import is_function_word, lemma
from transcompare.compare.tokens import (
    NUMBER,
    PUNCT,
    SPACE,
    WORD,
    Normalisation,
    Plain,
    Token,
    compared_plain,
)
from transcompare.memo import Memo
from transcompare.model import Project, Row, Span

PUNCTUATION = "punctuation"
SPACING = "spacing"
CASE = "case"
SPELLING = "spelling"
WORDING = "wording"
OMISSION = "omission"
ADDITION = "addition"

WEIGHTS = {
    WORDING: 1.0, OMISSION: 1.0, ADDITION: 1.0,
    SPELLING: 0.5, CASE: 0.25, PUNCTUATION: 0.1, SPACING: 0.05,
}  # fmt: skip
"""How much each kind of difference counts towards the divergence score."""

CACHE_SIZE = 32_768
"""Row diffs kept (by content): all the rows of a long document, for a few witness pairs."""

EXACT = Normalisation()
"""The default comparison: case and punctuation count, spacing does not."""


@dataclass(frozen=True)
class Change:
    """One difference: its kind, where it lies in each cell, and the text on each side.

    A side with nothing (an omission or addition) gets a zero-width span where the missing
    words would go, unless its cell is empty.
    """

    tag: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]
    a_text: str
    b_text: str


@dataclass(frozen=True)
class RowDiff:
    """The differences between two cells and their divergence score.

    ``too_long`` rows were not compared (a cell exceeds :data:`worddiff.MAX_TOKENS` tokens);
    their ``score`` is ``None``. ``weight``/``size`` are the score's numerator and denominator,
    kept so document scores weigh rows by length.
    """

    witness_a: str
    witness_b: str
    changes: tuple[Change, ...] = ()
    too_long: bool = False
    weight: float = 0.0
    size: int = 0
    score: float | None = field(init=False)

    def __post_init__(self) -> None:
        score = None if self.too_long else min(1.0, self.weight / self.size) if self.size else 0.0
        object.__setattr__(self, "score", score)

    def spans(self, witness: str) -> tuple[tuple[Span, str], ...]:
        """The highlighted spans of one side, each with its change's tag."""
        side = "a" if witness == self.witness_a else "b"
        return tuple(
            (span, c.tag)
            for c in self.changes
            for span in getattr(c, side)
            if span.end > span.start
        )


class _Side:
    """The tokens of one cell that take part in a comparison (as plain tuples, see
    :func:`tokens.scan`), with their keys and sentences."""

    def __init__(self, cell: Cell, options: Normalisation) -> None:
        self.cell = cell
        self.tokens: list[Plain] = []
        self.sentences: list[SentenceText] = []
        self.keys: list[str] = []
        for sentence in cell.sentences:
            tokens, keys = compared_plain(sentence.text, options)
            self.tokens.extend(tokens)
            self.keys.extend(keys)
            self.sentences.extend([sentence] * len(tokens))

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """Spans covering tokens ``start:end``, one per sentence; zero-width if empty."""
        if start == end:
            return self._anchor(start)
        spans: list[Span] = []
        for index in range(start, end):
            sentence, (_, _, _, first, last) = self.sentences[index], self.tokens[index]
            if spans and spans[-1].sentence == sentence.id:
                spans[-1] = Span(sentence.witness, sentence.id, spans[-1].start, last)
            else:
                spans.append(Span(sentence.witness, sentence.id, first, last))
        return tuple(spans)

    def _anchor(self, index: int) -> tuple[Span, ...]:
        if index < len(self.tokens):
            sentence, (_, _, _, offset, _) = self.sentences[index], self.tokens[index]
        elif self.tokens:
            sentence, (_, _, _, _, offset) = self.sentences[-1], self.tokens[-1]
        else:
            return ()
        return (Span(sentence.witness, sentence.id, offset, offset),)

    def text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` as written (sentence by sentence)."""
        texts = {s.id: s.text for s in self.cell.sentences}
        return " ".join(
            texts[span.sentence][span.start : span.end] for span in self.spans(start, end)
        )


_DIFFS: Memo[tuple[Cell, Cell, Normalisation], RowDiff] = Memo(CACHE_SIZE)


def compare_cells(a: Cell, b: Cell, options: Normalisation = EXACT) -> RowDiff:
    """The word diff of two cells of the same language, classified and scored (kept by the
    cells' content)."""
    return _DIFFS.computed((a, b, options), lambda: _compare(a, b, options))


def known_diff(a: Cell, b: Cell, options: Normalisation = EXACT) -> RowDiff | None:
    """The diff of two cells if it has been made (or given, see :func:`remember_diff`)."""
    return _DIFFS.get((a, b, options))


def remember_diff(a: Cell, b: Cell, diff: RowDiff, options: Normalisation = EXACT) -> None:
    """Keep a diff made elsewhere, by another process, as if it had been made here."""
    _DIFFS.put((a, b, options), diff)


def _compare(a: Cell, b: Cell, options: Normalisation) -> RowDiff:
    side_a, side_b = _Side(a, options), _Side(b, options)
    size = max(len(side_a.keys), len(side_b.keys))
    if size > worddiff.MAX_TOKENS:
        return RowDiff(a.witness, b.witness, too_long=True, size=size)
    if side_a.keys == side_b.keys:
        return RowDiff(a.witness, b.witness, size=size)
    changes = []
    weight = 0.0

    def weak(start: int, end: int) -> bool:
        return all(_is_weak(token, a.language) for token in side_a.tokens[start:end])

    for op in worddiff.fold(worddiff.diff(side_a.keys, side_b.keys), weak):
        if op.tag == worddiff.EQUAL:
            continue
        tokens_a = side_a.tokens[op.a_start : op.a_end]
        tokens_b = side_b.tokens[op.b_start : op.b_end]
        tag = classify(tokens_a, tokens_b, a.language)
        weight += WEIGHTS[tag] * max(len(tokens_a), len(tokens_b))
        changes.append(
            Change(
                tag,
                side_a.spans(op.a_start, op.a_end),
                side_b.spans(op.b_start, op.b_end),
                side_a.text(op.a_start, op.a_end),
                side_b.text(op.b_start, op.b_end),
            )
        )
    return RowDiff(a.witness, b.witness, tuple(changes), weight=weight, size=size)


def classify(a: Sequence[Token | Plain], b: Sequence[Token | Plain], language: str = "") -> str:
    """The kind of one difference between runs of tokens ``a`` and ``b``."""
    words_a = [norm for _, norm, kind, _, _ in a if kind in (WORD, NUMBER)]
    words_b = [norm for _, norm, kind, _, _ in b if kind in (WORD, NUMBER)]
    if words_a == words_b:
        return PUNCTUATION if any(kind == PUNCT for _, _, kind, _, _ in (*a, *b)) else SPACING
    if not words_b:
        return OMISSION
    if not words_a:
        return ADDITION
    if [w.casefold() for w in words_a] == [w.casefold() for w in words_b]:
        return CASE
    if len(words_a) == len(words_b) and all(
        similar_spelling(x, y, language) for x, y in zip(words_a, words_b, strict=True)
    ):
        return SPELLING
    return WORDING


def _is_weak(token: Plain, language: str) -> bool:
    """A token that alone does not anchor two changes apart: punctuation or a function word."""
    text, _, kind, _, _ = token
    return kind in (PUNCT, SPACE) or is_function_word(text, language)


def similar_spelling(x: str, y: str, language: str = "") -> bool:
    """Two forms of one word: a small edit (Khrushchev/Khrushchov) or the same lemma."""
    x, y = x.casefold().replace("ё", "е"), y.casefold().replace("ё", "е")
    distance = Levenshtein.distance(x, y)
    if distance <= 2 and distance <= 0.25 * max(len(x), len(y)):
        return True
    return bool(language) and lemma(x, language) == lemma(y, language)


def row_diff(
    project: Project,
    row: Row | int,
    witness_a: str,
    witness_b: str,
    options: Normalisation = EXACT,
) -> RowDiff:
    """The word diff of one row between two witnesses (kept by the cells' content)."""
    return compare_cells(cell(project, row, witness_a), cell(project, row, witness_b), options)


def row_divergence(
    project: Project,
    row: Row | int,
    witness_a: str,
    witness_b: str,
    options: Normalisation = EXACT,
) -> float | None:
    """How much one row differs between two witnesses: 0 identical … 1 nothing in common;
    ``None`` for a row too long to compare."""
    return row_diff(project, row, witness_a, witness_b, options).score


def row_diffs(
    project: Project, witness_a: str, witness_b: str, options: Normalisation = EXACT
) -> list[RowDiff]:
    """The word diff of every row, with the garbage collector paused as for every
    whole-document computation (see :mod:`.bulk`): collections during the loop would rescan
    the diffs and their tokens, a third of the time."""
    with collection_paused():
        return [row_diff(project, r, witness_a, witness_b, options) for r in project.rows]


def document_divergence(
    project: Project, witness_a: str, witness_b: str, options: Normalisation = EXACT
) -> float:
    """The divergence of two whole witnesses: row scores weighted by row length."""
    return pooled_score(row_diffs(project, witness_a, witness_b, options))


def pooled_score(diffs: Iterable[RowDiff]) -> float:
    """Several row diffs as one score (rows too long to compare are left out)."""
    weight = size = 0.0
    for diff in diffs:
        if not diff.too_long:
            weight += diff.weight
            size += diff.size
    return min(1.0, weight / size) if size else 0.0
