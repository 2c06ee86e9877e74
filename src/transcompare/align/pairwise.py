"""Solving an alignment problem: band finding, scoring, search, confidence, fixed beads.

Large problems are first solved at coarse resolution (units of several sentences); the path
found there and the cells of nearly-as-good paths, widened by ``config.band``, are the band
searched at the next finer resolution, so work grows about linearly with the text. Fixed beads
(confirmed rows) cut the problem into stretches that are aligned independently, and are
returned as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from typing import Any

import numpy as np

from transcompare.align.confidence import bead_confidence
from transcompare.align.problem import IndexBead, Problem
from transcompare.align.scoring import Scorer
from transcompare.align.search import Band, Bead, forward, reversed_costs, traceback
from transcompare.progress import Progress, Task


def _costs(problem: Problem, band: Band) -> Task[np.ndarray]:
    """The cost of every shape at every band cell, scored a block of rows at a time."""
    scorer = Scorer(
        problem.src,
        problem.tgt,
        problem.config,
        problem.shapes,
        problem.ratio,
        problem.lexical,
        problem.span_vectors,
    )
    out = np.empty((len(problem.shapes), band.size), dtype=np.float32)
    rows = problem.config.block_rows
    for r0 in range(0, band.n + 1, rows):
        if r0 % (64 * rows) == 0:
            yield Progress(r0, band.n + 1, "Scoring candidate beads")
        r1 = min(r0 + rows, band.n + 1)
        with one_blas_thread():
            out[:, band.offsets[r0] : band.offsets[r1]] = scorer.costs(band, r0, r1)
    return out


def one_blas_thread() -> AbstractContextManager[object]:
    """Scoring multiplies many small matrices: extra BLAS threads only wait on each other, and
    far worse when other processes share the cores."""
    controller = _threadpools()
    return nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


@cache
def _threadpools() -> Any:
    """threadpoolctl's controller (found once: finding the libraries takes a millisecond)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # an optional speed-up
        return None
    return ThreadpoolController()


def _band(problem: Problem) -> Task[Band]:
    """Search everything if small; else follow the coarse path."""
    n, m = len(problem.src), len(problem.tgt)
    config = problem.config
    if (n + 1) * (m + 1) <= config.full_search_cells or min(n, m) < 2 * config.coarse_factor:
        return Band.full(n, m)
    coarse, src_factor, tgt_factor = problem.coarse()
    band = yield from _band(coarse)
    costs = yield from _costs(coarse, band)
    shapes = coarse.shapes
    skip = np.full(len(coarse.tgt), config.delete_cost)
    best, came = yield from forward(band, costs, shapes, skip)
    path = np.array(traceback(band, came, shapes), dtype=np.int64)
    # cells of paths nearly as good as the best one: where the coarse path may be wrong
    reverse = band.reversed()
    mirrored = reversed_costs(band, reverse, costs, shapes)
    back, _ = yield from forward(reverse, mirrored, shapes, skip[::-1].copy())
    mirror, _ = reverse.index(band.n - band.rows, band.m - band.cols)
    near = best + back[mirror] <= best[-1] + config.band_slack
    rows, cols = band.rows[near].astype(np.int64), band.cols[near].astype(np.int64)
    rectangles = np.concatenate(
        [
            np.stack([path[:, 0], path[:, 1], path[:, 2], path[:, 3]], axis=1),
            np.stack([rows, rows, cols, cols], axis=1),
        ]
    )
    scale = np.array([src_factor, src_factor, tgt_factor, tgt_factor])
    limit = np.array([n, n, m, m])
    return Band.around(np.minimum(rectangles * scale, limit), n, m, config.band)


def solve(problem: Problem) -> Task[tuple[list[Bead], np.ndarray]]:
    """Beads (grid coordinates) and confidences for one problem without fixed beads."""
    n, m = len(problem.src), len(problem.tgt)
    if n == 0 or m == 0:
        beads = [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
        return beads, np.ones(len(beads))
    band = yield from _band(problem)
    costs = yield from _costs(problem, band)
    shapes = problem.shapes
    skip = np.full(m, problem.config.delete_cost)
    _, came = yield from forward(band, costs, shapes, skip)
    beads = traceback(band, came, shapes)
    own = _bead_costs(band, costs, shapes, skip, beads)
    temperature = problem.config.confidence_temperature
    confidence = yield from bead_confidence(band, costs, shapes, skip, beads, own, temperature)
    return beads, confidence


def _bead_costs(
    band: Band,
    costs: np.ndarray,
    shapes: Sequence[tuple[int, int]],
    skip: np.ndarray,
    beads: Sequence[Bead],
) -> np.ndarray:
    """The cost the search paid for each bead."""
    index = {shape: number for number, shape in enumerate(shapes)}
    out = np.empty(len(beads))
    for k, (i0, i1, j0, j1) in enumerate(beads):
        shape = (i1 - i0, j1 - j0)
        if shape == (0, 1):
            out[k] = skip[j0]
        else:
            out[k] = costs[index[shape], band.offsets[i1] + j1 - band.lo[i1]]
    return out


def align_problem(
    problem: Problem, fixed: Sequence[Bead] = ()
) -> Task[tuple[list[Bead], list[float]]]:
    """Align the stretches between fixed beads (grid coordinates, in order); fixed beads are
    returned as they are, with confidence 1."""
    n, m = len(problem.src), len(problem.tgt)
    beads: list[Bead] = []
    confidence: list[float] = []
    i_at, j_at = 0, 0
    for i0, i1, j0, j1 in [*fixed, (n, n, m, m)]:
        if i0 < i_at or j0 < j_at:
            raise ValueError("fixed beads overlap or are out of order")
        found, scores = yield from solve(problem.stretch(slice(i_at, i0), slice(j_at, j0)))
        beads.extend((a0 + i_at, a1 + i_at, b0 + j_at, b1 + j_at) for a0, a1, b0, b1 in found)
        confidence.extend(float(score) for score in scores)
        if i1 > i0 or j1 > j0:
            beads.append((i0, i1, j0, j1))
            confidence.append(1.0)
        i_at, j_at = i1, j1
    return beads, confidence


def index_beads(beads: Sequence[Bead]) -> list[IndexBead]:
    """Grid beads as tuples of sentence indexes."""
    return [(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, i1, j0, j1 in beads]
