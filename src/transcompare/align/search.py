"""Dynamic programming over bead shapes inside a band of the alignment grid.

Grid cell ``(i, j)`` means "the first ``i`` source and ``j`` target units are aligned". Only the
cells of a :class:`Band` (per row, a run of columns that moves right as rows go down) are
searched, so time and memory grow with the band, not with the whole grid.

The forward pass is vectorised per row: every shape with a source side reads from an earlier
row, so all of them are evaluated for the whole row at once from a small ring buffer of recent
rows; the 0:1 shape (skip a target unit) stays within the row and is a running minimum. Running
the same pass on the reversed problem, with a soft minimum, gives the weight of all paths
through a cell (see :mod:`transcompare.align.confidence`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from transcompare.progress import Progress, Task

PROGRESS_ROWS = 4096

Bead = tuple[int, int, int, int]
"""A bead in grid coordinates: source units ``i0:i1`` and target units ``j0:j1``."""


class Band:
    """The searched cells: row ``i`` holds columns ``lo[i] .. hi[i]``; cells are numbered row by
    row (``offsets[i]`` is the number of the first cell of row ``i``)."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = np.asarray(lo, dtype=np.int64)
        self.hi = np.asarray(hi, dtype=np.int64)
        widths = self.hi - self.lo + 1
        self.offsets = np.zeros(len(widths) + 1, dtype=np.int64)
        np.cumsum(widths, out=self.offsets[1:])
        self.size = int(self.offsets[-1])
        self.rows = np.repeat(np.arange(len(widths), dtype=np.int32), widths)
        starts = np.repeat(self.lo - self.offsets[:-1], widths)
        self.cols = (np.arange(self.size, dtype=np.int64) + starts).astype(np.int32)

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    @property
    def m(self) -> int:
        return int(self.hi[-1])

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def around(cls, rectangles: np.ndarray, n: int, m: int, margin: int) -> Band:
        """The cells within ``margin`` of rectangles ``(i0, i1, j0, j1)`` (inclusive) that a
        path may cross."""
        i0, i1, j0, j1 = np.asarray(rectangles, dtype=np.int64).reshape(-1, 4).T
        heights = i1 - i0 + 1
        firsts = np.repeat(np.cumsum(heights) - heights, heights)
        rows = np.repeat(i0, heights) + np.arange(int(heights.sum())) - firsts
        lo = np.full(n + 1, m, dtype=np.int64)
        hi = np.zeros(n + 1, dtype=np.int64)
        np.minimum.at(lo, rows, np.repeat(j0, heights))
        np.maximum.at(hi, rows, np.repeat(j1, heights))
        widened_lo, widened_hi = lo.copy(), hi.copy()
        for shift in range(1, margin + 1):
            widened_lo[:-shift] = np.minimum(widened_lo[:-shift], lo[shift:])
            widened_hi[shift:] = np.maximum(widened_hi[shift:], hi[:-shift])
        lo = np.minimum.accumulate(np.clip(widened_lo - margin, 0, m)[::-1])[::-1]
        hi = np.maximum.accumulate(np.clip(widened_hi + margin, 0, m))
        lo[0], hi[-1] = 0, m
        return cls(lo, np.maximum(hi, lo))

    def reversed(self) -> Band:
        """The band of the problem with both sequences reversed."""
        m = self.m
        return Band(m - self.hi[::-1], m - self.lo[::-1])

    def index(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cell numbers of ``(rows, cols)``, and which of them lie in the band."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        inside = (rows >= 0) & (rows <= self.n)
        safe = np.where(inside, rows, 0)
        inside &= (cols >= self.lo[safe]) & (cols <= self.hi[safe])
        return self.offsets[safe] + cols - self.lo[safe], inside


def forward(
    band: Band,
    costs: np.ndarray,
    shapes: Sequence[tuple[int, int]],
    skip: np.ndarray,
    temperature: float = 0.0,
    message: str = "Aligning",
) -> Task[tuple[np.ndarray, np.ndarray]]:
    """Best cost to reach each cell, and the shape used to get there.

    ``costs[s]`` holds the cost of shape ``shapes[s]`` (which must have a source side) ending at
    each cell; ``skip[j]`` is the cost of leaving target unit ``j`` unaligned (the 0:1 shape,
    reported as shape number ``len(shapes)``). With a ``temperature``, the minimum becomes a
    soft minimum over all paths, ``-t log sum exp(-cost / t)``, and no shapes are reported.
    """
    n, m = band.n, band.m
    a = np.array([s[0] for s in shapes], dtype=np.int64)
    b = np.array([s[1] for s in shapes], dtype=np.int64)
    ring_rows = int(a.max()) + 1
    pad = int(b.max())
    ring_width = m + 1 + pad
    ring = np.full(ring_rows * ring_width, np.inf)
    skip_prefix = np.zeros(m + 1)
    np.cumsum(skip, out=skip_prefix[1:])
    best = np.empty(band.size)
    came = np.zeros(band.size, dtype=np.int8)
    step = np.arange(int((band.hi - band.lo).max()) + 1)
    written: list[tuple[int, int]] = [(0, 0)] * ring_rows
    skip_shape = len(shapes)
    # where each shape's predecessor row sits in the ring, for each row number modulo ring_rows
    bases = [((k - a) % ring_rows) * ring_width + pad - b for k in range(ring_rows)]
    for i in range(n + 1):
        if i % PROGRESS_ROWS == 0:
            yield Progress(i, n + 1, message)
        lo, hi = int(band.lo[i]), int(band.hi[i])
        width = hi - lo + 1
        first = int(band.offsets[i])
        if i == 0:
            row = np.full(width, np.inf)
            row[0] = 0.0
            shape = np.zeros(width, dtype=np.int64)
        else:
            candidates = ring[(bases[i % ring_rows] + lo)[:, None] + step[:width]]
            candidates += costs[:, first : first + width]
            if temperature:
                row = _soft_minimum(candidates, candidates.min(axis=0), temperature)
            else:
                shape = candidates.argmin(axis=0)
                row = candidates[shape, step[:width]]
        offset = skip_prefix[lo : hi + 1]
        scanned = row - offset
        if temperature:
            scanned = np.logaddexp.accumulate(scanned * (-1 / temperature)) * -temperature
            scanned += offset
        else:
            running = np.minimum.accumulate(scanned)
            # compared before adding the offset back, so rounding cannot fake a skip
            shape[running < scanned] = skip_shape
            scanned = running + offset
            came[first : first + width] = shape
        slot = (i % ring_rows) * ring_width
        old_lo, old_hi = written[i % ring_rows]
        ring[slot + old_lo : slot + old_hi] = np.inf
        ring[slot + lo + pad : slot + hi + 1 + pad] = scanned
        written[i % ring_rows] = (lo + pad, hi + 1 + pad)
        best[first : first + width] = scanned
    return best, came


def _soft_minimum(candidates: np.ndarray, low: np.ndarray, temperature: float) -> np.ndarray:
    """``-t log sum exp(-x / t)`` down each column, given the column minima ``low``."""
    with np.errstate(invalid="ignore"):
        total = np.exp((low - candidates) / temperature).sum(axis=0)
        out = low - temperature * np.log(total)
    out[np.isnan(out)] = np.inf  # columns no path reaches
    return out


def traceback(band: Band, came: np.ndarray, shapes: Sequence[tuple[int, int]]) -> list[Bead]:
    """The beads of the best path, in order."""
    moves = list(shapes) + [(0, 1)]
    i, j = band.n, band.m
    beads: list[Bead] = []
    while i or j:
        a, b = moves[came[band.offsets[i] + j - band.lo[i]]]
        beads.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def reversed_costs(
    band: Band, reverse: Band, costs: np.ndarray, shapes: Sequence[tuple[int, int]]
) -> np.ndarray:
    """``costs`` re-indexed for the reversed problem (a bead ends where it used to start)."""
    n, m = band.n, band.m
    out = np.full((len(shapes), reverse.size), np.inf, dtype=costs.dtype)
    for index, (a, b) in enumerate(shapes):
        cells, inside = band.index(n - reverse.rows + a, m - reverse.cols + b)
        out[index, inside] = costs[index, cells[inside]]
    return out
