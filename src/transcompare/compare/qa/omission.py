"""Omission and addition: a row where one side is empty, or where the target is far shorter or
longer than the text's usual length ratio would have it.

The usual ratio is calibrated on the document itself (the median of the rows' target/source
length ratios), since Russian → English shrinks text by roughly a tenth and a revision may
not change length at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median

from transcompare.compare.qa.base import MAJOR, MINOR, Context, Finding

CHECKS = {"omission": "accuracy/omission", "addition": "accuracy/addition"}
WHOLE_DOCUMENT = True
"""Lengths are judged against the usual ratio of the whole document."""


def usual_ratio(context: Context, source: str, target: str) -> float:
    """The median target/source length ratio over rows long enough on both sides."""
    ratios = []
    for row in context.rows:
        a, b = len(context.cell(row, source).text), len(context.cell(row, target).text)
        if min(a, b) >= context.config.min_length:
            ratios.append(b / a)
    return median(ratios) if ratios else 1.0


def run(context: Context) -> Iterator[Finding]:
    factor, shortest = context.config.length_factor, context.config.min_length
    for source, target in context.pairs():
        ratio = usual_ratio(context, source, target)
        for row in context.rows:
            a, b = context.cell(row, source), context.cell(row, target)
            if a and not b:
                yield Finding(
                    "omission",
                    MAJOR,
                    f"{target} has nothing for this {source} text",
                    row,
                    a.whole(),
                )
            elif b and not a:
                yield Finding(
                    "addition", MAJOR, f"{target} has text with nothing in {source}", row, b.whole()
                )
            elif a and b and max(len(a.text), len(b.text)) >= shortest:
                relative = len(b.text) / len(a.text) / ratio
                if relative < 1 / factor:
                    message = f"{target} is much shorter than {source} here"
                    yield Finding("omission", MINOR, message, row, a.whole() + b.whole())
                elif relative > factor:
                    message = f"{target} is much longer than {source} here"
                    yield Finding("addition", MINOR, message, row, a.whole() + b.whole())
