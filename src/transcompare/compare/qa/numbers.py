"""Numbers: a number of the source missing from the target, one the target adds, or one changed.

Values are compared however they are written (see :mod:`transcompare.compare.numbers`): "150
thousand", "150 000" and «сто пятьдесят тысяч» are one number; "October 18, 1962" and «18
октября 1962 г.» are the same three.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from transcompare.compare.cells import Cell
from transcompare.compare.numbers import NumberMention, find_numbers, format_value, unmatched
from transcompare.compare.qa.base import MAJOR, Context, Finding
from transcompare.model import Span

CHECKS = {"numbers": "accuracy/mistranslation"}


@lru_cache(maxsize=100_000)
def mentions(side: Cell) -> tuple[tuple[Span, NumberMention], ...]:
    """Every number of a cell with its span (cached by content)."""
    return tuple(
        (Span(s.witness, s.id, m.start, m.end), m)
        for s in side.sentences
        for m in find_numbers(s.text, side.language)
    )


def number_findings(row: int, a: Cell, b: Cell) -> Iterator[Finding]:
    """Findings for the numbers of ``a`` and ``b`` that do not correspond."""
    found_a, found_b = mentions(a), mentions(b)
    if not found_a and not found_b:
        return
    lost_a, lost_b = unmatched([m for _, m in found_a], [m for _, m in found_b])
    if len(lost_a) == 1 and len(lost_b) == 1:
        (span_a, old), (span_b, new) = found_a[lost_a[0]], found_b[lost_b[0]]
        message = (
            f"{format_value(old.value)} in {a.witness} is {format_value(new.value)} in {b.witness}"
        )
        yield Finding("numbers", MAJOR, message, row, (span_a, span_b))
        return
    for index in lost_a:
        where, mention = found_a[index]
        message = f"{format_value(mention.value)} in {a.witness} is missing from {b.witness}"
        yield Finding("numbers", MAJOR, message, row, (where,))
    for index in lost_b:
        where, mention = found_b[index]
        message = f"{format_value(mention.value)} in {b.witness} is not in {a.witness}"
        yield Finding("numbers", MAJOR, message, row, (where,))


def run(context: Context) -> Iterator[Finding]:
    for source, target in context.pairs():
        for row, a, b in context.filled_rows(source, target):
            yield from number_findings(row, a, b)
