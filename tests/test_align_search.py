"""The banded dynamic programme: bands, the forward pass and traceback on hand-made costs, and
margins."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.align.search import Band, forward, reversed_costs, traceback
from transcompare.progress import run

SHAPES = [(1, 0), (1, 1), (2, 1)]


def costs_for(band: Band, table: dict[tuple[int, int, int], float]) -> np.ndarray:
    """Cost 1 for every bead except those in ``table`` ((shape index, i, j) -> cost)."""
    out = np.ones((len(SHAPES), band.size), dtype=np.float32)
    for s, (a, b) in enumerate(SHAPES):
        invalid = (band.rows < a) | (band.cols < b)
        out[s, invalid] = np.inf
    for (s, i, j), value in table.items():
        out[s, band.offsets[i] + j - band.lo[i]] = value
    return out


def test_full_band():
    band = Band.full(2, 3)
    assert band.size == 12
    assert list(band.rows) == [0] * 4 + [1] * 4 + [2] * 4
    assert list(band.cols) == [0, 1, 2, 3] * 3


def test_band_around_a_path_is_monotone_and_reaches_both_corners():
    band = Band.around(np.array([[0, 4, 0, 4], [4, 10, 4, 20], [10, 12, 20, 21]]), 12, 21, 1)
    assert band.lo[0] == 0 and band.hi[-1] == 21
    assert np.all(np.diff(band.lo) >= 0) and np.all(np.diff(band.hi) >= 0)
    assert np.all(band.lo <= band.hi)
    assert band.lo[10] <= 20 <= band.hi[10]


def test_reversed_band():
    band = Band(np.array([0, 0, 1]), np.array([1, 2, 3]))
    reverse = band.reversed()
    assert list(reverse.lo) == [0, 1, 2] and list(reverse.hi) == [2, 3, 3]


def test_index_marks_cells_outside_the_band():
    band = Band(np.array([0, 1]), np.array([1, 2]))
    cells, inside = band.index(np.array([0, 1, 1, 2]), np.array([1, 0, 2, 0]))
    assert list(inside) == [True, False, True, False]
    assert cells[0] == 1 and cells[2] == 3


def test_forward_and_traceback_follow_the_cheapest_beads():
    band = Band.full(3, 2)
    costs = costs_for(band, {(1, 1, 1): -2.0, (2, 3, 2): -3.0})
    best, came = run(forward(band, costs, SHAPES, np.ones(2)))
    assert best[-1] == pytest.approx(-5.0)
    assert traceback(band, came, SHAPES) == [(0, 1, 0, 1), (1, 3, 1, 2)]


def test_skipping_target_units_uses_their_own_cost():
    band = Band.full(1, 3)
    costs = costs_for(band, {(1, 1, 3): -5.0})
    best, came = run(forward(band, costs, SHAPES, np.array([0.5, 0.25, 9.0])))
    assert traceback(band, came, SHAPES) == [(0, 0, 0, 1), (0, 0, 1, 2), (0, 1, 2, 3)]
    assert best[-1] == pytest.approx(0.75 - 5.0)


def test_reversed_costs_put_each_bead_at_its_start():
    band = Band.full(2, 2)
    costs = costs_for(band, {(1, 2, 2): -7.0})
    reverse = band.reversed()
    mirrored = reversed_costs(band, reverse, costs, SHAPES)
    # the 1:1 bead from (1, 1) to (2, 2) ends at (1, 1) when both sequences are reversed
    assert mirrored[1, reverse.offsets[1] + 1 - reverse.lo[1]] == -7.0


def test_the_soft_minimum_counts_every_path():
    band = Band.full(1, 1)
    costs = costs_for(band, {(1, 1, 1): 0.0})
    # paths to (1, 1): the 1:1 bead (0), or 1:0 then 0:1 (1 + 0), or 0:1 then 1:0 (0 + 1)
    soft, _ = run(forward(band, costs, SHAPES, np.zeros(1), temperature=1.0))
    assert soft[-1] == pytest.approx(-np.log(1 + 2 * np.exp(-1.0)))
    hard, _ = run(forward(band, costs, SHAPES, np.zeros(1)))
    assert hard[-1] == 0.0


def test_skip_costs_that_do_not_add_up_exactly_fake_no_skips():
    band = Band.full(3, 3)
    costs = costs_for(band, {(1, 1, 1): -2.0, (1, 2, 2): -2.0, (1, 3, 3): -2.0})
    _, came = run(forward(band, costs, SHAPES, np.full(3, 0.1)))
    assert traceback(band, came, SHAPES) == [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]
