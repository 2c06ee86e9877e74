"""Alignment shape: rows joining more sentences than usual (beyond 2:2), long runs of rows
where one witness has nothing, and unconfirmed rows the aligner was unsure of.

Confidence is only judged when the aligner gave some (a trivially aligned project has
confidence 0 everywhere and would otherwise be all findings).
"""

from __future__ import annotations

from collections.abc import Iterator

from transcompare.compare.qa.base import MINOR, NEUTRAL, Context, Finding
from transcompare.model import Span

CHECKS = {"alignment": "design/layout"}
WHOLE_DOCUMENT = True
"""Runs of empty rows may cross any boundary between parts of the rows."""


def run(context: Context) -> Iterator[Finding]:
    project, config = context.project, context.config
    witnesses = project.witness_ids
    judged = any(row.confidence > 0 for row in project.rows)
    for index, row in enumerate(project.rows):
        crowded = [w for w in witnesses if len(row.ids(w)) > config.max_cell_sentences]
        if crowded and sum(bool(row.ids(w)) for w in witnesses) > 1:
            shape = ":".join(str(n) for n in row.shape(witnesses))
            message = f"a {shape} row: check the alignment"
            yield Finding("alignment", MINOR, message, index, _whole(context, index))
        if judged and not row.confirmed and row.confidence < config.low_confidence:
            message = "the aligner is unsure of this row"
            yield Finding("alignment", NEUTRAL, message, index, _whole(context, index))
    for witness in witnesses:
        yield from _empty_runs(context, witness)


def _whole(context: Context, row: int) -> tuple[Span, ...]:
    """Every sentence of a row (made only for the rows reported)."""
    return tuple(s for w in context.project.witness_ids for s in context.cell(row, w).whole())


def _empty_runs(context: Context, witness: str) -> Iterator[Finding]:
    """Runs of at least ``empty_run`` rows in which ``witness`` alone has nothing."""
    rows = context.project.rows
    start = None
    for index in range(len(rows) + 1):
        empty = (
            index < len(rows) and not rows[index].ids(witness) and any(rows[index].cells.values())
        )
        if empty and start is None:
            start = index
        elif not empty and start is not None:
            if index - start >= context.config.empty_run:
                others = [w for w in context.project.witness_ids if w != witness]
                spans = tuple(
                    s
                    for r in range(start, index)
                    for w in others
                    for s in context.cell(r, w).whole()
                )
                message = f"{index - start} rows in a row with nothing from {witness}"
                yield Finding("alignment", MINOR, message, start, spans)
            start = None
