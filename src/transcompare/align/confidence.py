"""Per-bead confidence in [0, 1]: the probability that the best path's bead is right.

The costs of the search define a distribution over all paths through the band, each path
weighted by ``exp(-cost / temperature)``. A soft forward pass and a soft backward pass (the same
vectorised search with a soft minimum) give, for each bead of the best path, the share of that
weight carried by paths through exactly this bead. Close alternatives take weight away, so low
confidence marks the beads most likely to be wrong; on the evaluation sets this ranks errors far
better than the bead's own similarity or its margin over the next-best path.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from transcompare.align.search import Band, Bead, forward, reversed_costs
from transcompare.progress import Task


def bead_confidence(
    band: Band,
    costs: np.ndarray,
    shapes: Sequence[tuple[int, int]],
    skip: np.ndarray,
    beads: Sequence[Bead],
    own: np.ndarray,
    temperature: float,
) -> Task[np.ndarray]:
    """Confidence of each bead of a path; ``own`` are the beads' costs."""
    if not beads:
        return np.zeros(0)
    message = "Estimating confidence"
    to_cell, _ = yield from forward(band, costs, shapes, skip, temperature, message)
    reverse = band.reversed()
    mirrored = reversed_costs(band, reverse, costs, shapes)
    from_cell, _ = yield from forward(
        reverse, mirrored, shapes, skip[::-1].copy(), temperature, message
    )
    i0, i1, j0, j1 = np.array(beads, dtype=np.int64).T
    starts, _ = band.index(i0, j0)
    ends, _ = reverse.index(band.n - i1, band.m - j1)
    through = to_cell[starts] + own + from_cell[ends] - to_cell[-1]
    return np.exp(-np.maximum(through, 0.0) / temperature)
