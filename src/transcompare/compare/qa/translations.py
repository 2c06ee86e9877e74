"""Two translations into one language (or a text and its revision) diverging on one row: the
wording differs widely, a number or a name is in one only, or one is much shorter.

Rows where either side is empty are left to the omission check. When one of the two is the
pivot, the numbers, names and length of the other are already checked against it, and only
the wording is compared here. A process that checks part of the rows afresh takes over the word
diffs the caller has already made for them (:func:`at_hand`, :func:`take`), and hands back the
ones it makes (:func:`made`): the window shows every row's in its overview.
"""

from __future__ import annotations

from collections.abc import Iterator

from transcompare.compare.cells import Cell
from transcompare.compare.divergence import (
    ADDITION,
    OMISSION,
    WORDING,
    RowDiff,
    compare_cells,
    known_diff,
    remember_diff,
)
from transcompare.compare.names import missing_names
from transcompare.compare.qa.base import MAJOR, MINOR, Context, Finding
from transcompare.compare.qa.numbers import number_findings

CHECKS = {"two-translations": "accuracy/mistranslation"}

SHORTER = 0.5
"""A side at most this fraction of the other's length is "much shorter"."""


def run(context: Context) -> Iterator[Finding]:
    for first, second in context.same_language_pairs():
        for row, a, b in context.filled_rows(first, second):
            yield from _wording(context, row, a, b)
            if context.pivot not in (first, second):
                yield from _content(context, row, a, b)


Diffs = list[tuple[int, str, str, RowDiff]]
"""Word diffs by row and pair of witnesses."""


def at_hand(context: Context) -> Diffs:
    """The word diffs of the context's rows that this process has already made."""
    return [
        (row, first, second, diff)
        for first, second in context.same_language_pairs()
        for row, a, b in context.filled_rows(first, second)
        if (diff := known_diff(a, b)) is not None
    ]


def made(context: Context, handed: Diffs) -> Diffs:
    """The word diffs of the context's rows made in this process, not handed to it."""
    given = {(row, first, second) for row, first, second, _ in handed}
    return [diff for diff in at_hand(context) if diff[:3] not in given]


def take(context: Context, diffs: Diffs) -> None:
    """Keep word diffs made by another process for the context's rows."""
    for row, first, second, diff in diffs:
        remember_diff(context.cell(row, first), context.cell(row, second), diff)


def _wording(context: Context, row: int, a: Cell, b: Cell) -> Iterator[Finding]:
    diff = compare_cells(a, b)
    if diff.score is not None and diff.score >= context.config.divergence:
        spans = tuple(
            s
            for c in diff.changes
            if c.tag in (WORDING, OMISSION, ADDITION)
            for s in (*c.a, *c.b)
            if s.end > s.start
        )
        message = f"{a.witness} and {b.witness} word this very differently"
        yield Finding("two-translations", MINOR, message, row, spans)


def _content(context: Context, row: int, a: Cell, b: Cell) -> Iterator[Finding]:
    for finding in number_findings(row, a, b):
        yield Finding("two-translations", MAJOR, finding.message, row, finding.targets)
    for first, second in ((a, b), (b, a)):
        for name in missing_names(first, second):
            message = f"name «{name.text}» is in {first.witness} but not {second.witness}"
            yield Finding("two-translations", MINOR, message, row, (name.span,))
    short, long = sorted((a, b), key=lambda c: len(c.text))
    if len(long.text) >= context.config.min_length and len(short.text) <= SHORTER * len(long.text):
        message = f"{short.witness} is much shorter than {long.witness} here"
        yield Finding("two-translations", MAJOR, message, row, short.whole() + long.whole())
