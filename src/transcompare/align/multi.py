"""Aligning the witnesses of a project: each to the pivot, merged into N-column rows.

Confirmed rows are sync points: every pairwise alignment keeps them as fixed beads, so the
stretches between them are solved on their own and the rows come back unchanged.

Merging: each pairwise alignment cuts the pivot into groups; a merged row holds a group of pivot
sentences that no pairwise alignment splits further (the coarsest common grouping) and, for
every other witness, the sentences its beads pair with that group. Sentences a witness adds with
no pivot counterpart get a row with an empty pivot cell where all alignments agree on a cut, and
join the surrounding row otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from transcompare.align.config import DEFAULT_CONFIG, AlignConfig
from transcompare.align.search import Bead
from transcompare.align.texts import align_grid, prepare
from transcompare.model import AUTOMATIC, Project, Row, Witness
from transcompare.progress import Task

Ranges = dict[str, tuple[int, int]]
"""For each witness, a run ``start:stop`` of its sentence indexes."""


def align_project(project: Project, config: AlignConfig = DEFAULT_CONFIG) -> Task[list[Row]]:
    """New rows for the whole project: every witness aligned through ``project.pivot``;
    confirmed rows are kept as they are."""
    if not project.witnesses:
        return []
    if not project.rows:
        whole = {w.id: (0, len(w.sentences)) for w in project.witnesses}
        return (yield from _align_segments(project, [whole], config))
    return (yield from realign_stretch(project, 0, len(project.rows) - 1, config))


def realign_stretch(
    project: Project, first_row: int, last_row: int, config: AlignConfig = DEFAULT_CONFIG
) -> Task[list[Row]]:
    """New rows to replace ``project.rows[first_row : last_row + 1]``; confirmed rows among them
    are kept, and the others are re-aligned between them."""
    if not 0 <= first_row <= last_row < len(project.rows):
        raise IndexError(f"rows {first_row}..{last_row} are not rows of the project")
    position = {
        w.id: sum(len(row.ids(w.id)) for row in project.rows[:first_row]) for w in project.witnesses
    }
    segments: list[Ranges | Row] = []
    start = dict(position)
    for row in project.rows[first_row : last_row + 1]:
        if row.confirmed:
            segments.append({w: (start[w], position[w]) for w in position})
            segments.append(row)
        for w in position:
            position[w] += len(row.ids(w))
        if row.confirmed:
            start = dict(position)
    segments.append({w: (start[w], position[w]) for w in position})
    return (yield from _align_segments(project, segments, config))


def _align_segments(
    project: Project, segments: Sequence[Ranges | Row], config: AlignConfig
) -> Task[list[Row]]:
    """Rows for the free segments (ranges) and the kept rows, in order."""
    pivot = project.witness(project.pivot)
    others = [w for w in project.witnesses if w.id != pivot.id]
    free = [s for s in segments if isinstance(s, dict)]
    pairwise: dict[str, list[tuple[Bead, float]]] = {}
    for witness in others:
        fixed = _fixed_beads(free, pivot, witness)
        prepared = prepare(
            [s.text for s in pivot.sentences],
            [s.text for s in witness.sentences],
            pivot.language,
            witness.language,
            config,
            [s.paragraph for s in pivot.sentences],
            [s.paragraph for s in witness.sentences],
        )
        beads, confidence = yield from align_grid(prepared, fixed)
        kept = set(fixed)
        pairwise[witness.id] = [
            (bead, score) for bead, score in zip(beads, confidence, strict=True) if bead not in kept
        ]
    rows: list[Row] = []
    for segment in segments:
        if isinstance(segment, Row):
            rows.append(segment)
            continue
        inside = {
            w.id: [
                (bead, score)
                for bead, score in pairwise[w.id]
                if _within(bead, segment[pivot.id], segment[w.id])
            ]
            for w in others
        }
        rows.extend(merge(project, segment, inside))
    return rows


def _fixed_beads(free: Sequence[Ranges], pivot: Witness, witness: Witness) -> list[Bead]:
    """Everything outside the free segments, as fixed grid beads of the pivot-witness pair. An
    empty one (a kept row with nothing of either witness) still cuts the alignment there."""
    fixed: list[Bead] = []
    at = (0, 0)
    for segment in free:
        (p0, p1), (q0, q1) = segment[pivot.id], segment[witness.id]
        fixed.append((at[0], p0, at[1], q0))
        at = (p1, q1)
    fixed.append((at[0], len(pivot.sentences), at[1], len(witness.sentences)))
    return fixed


def _within(bead: Bead, pivot_range: tuple[int, int], other_range: tuple[int, int]) -> bool:
    i0, i1, j0, j1 = bead
    return (
        pivot_range[0] <= i0 <= i1 <= pivot_range[1]
        and other_range[0] <= j0 <= j1 <= other_range[1]
    )


def merge(
    project: Project, segment: Ranges, pairwise: dict[str, list[tuple[Bead, float]]]
) -> list[Row]:
    """N-column rows for one segment from each witness's beads against the pivot."""
    pivot = project.pivot
    p0, p1 = segment[pivot]
    split = set(range(p0 + 1, p1))
    for beads in pairwise.values():
        split -= {x for (i0, i1, _, _), _ in beads for x in range(i0 + 1, i1)}
    cuts = sorted({p0, p1} | split)
    group_of = {}
    for number, (start, stop) in enumerate(zip(cuts, cuts[1:], strict=False)):
        for x in range(start, stop):
            group_of[x] = number
    # slot 2k: sentences added at cut k (empty pivot); slot 2k+1: group k.
    slots: list[dict[str, list[int]]] = [{} for _ in range(2 * len(cuts) - 1)]
    scores: list[list[float]] = [[] for _ in slots]
    for number in range(len(cuts) - 1):
        slots[2 * number + 1][pivot] = list(range(cuts[number], cuts[number + 1]))
    cut_index = {x: k for k, x in enumerate(cuts)}
    for witness_id, beads in pairwise.items():
        for (i0, i1, j0, j1), score in beads:
            if i1 > i0:
                slot = 2 * group_of[i0] + 1
            elif i0 in cut_index:
                slot = 2 * cut_index[i0]
            else:
                slot = 2 * group_of[i0] + 1
            slots[slot].setdefault(witness_id, []).extend(range(j0, j1))
            scores[slot].append(score)
    rows = []
    for slot, score in zip(slots, scores, strict=True):
        if not any(slot.values()):
            continue
        cells = {
            w.id: tuple(w.sentences[k].id for k in slot.get(w.id, ())) for w in project.witnesses
        }
        rows.append(Row(cells, AUTOMATIC, min(score, default=1.0)))
    return rows
