"""Bead confidence: the share of all paths' weight that goes through each bead of the path."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.align.confidence import bead_confidence
from transcompare.align.search import Band
from transcompare.progress import run

SHAPES = [(1, 0), (1, 1), (2, 1)]


def costs(band: Band, one_to_one: float, two_to_one: float) -> np.ndarray:
    """1:0 beads cost 1; 1:1 beads ``one_to_one``; 2:1 beads ``two_to_one``."""
    out = np.empty((3, band.size), dtype=np.float32)
    out[0], out[1], out[2] = 1.0, one_to_one, two_to_one
    for s, (a, b) in enumerate(SHAPES):
        out[s, (band.rows < a) | (band.cols < b)] = np.inf
    return out


def confidence(one_to_one: float, two_to_one: float, beads, temperature=0.25):
    band = Band.full(2, 2)
    table = costs(band, one_to_one, two_to_one)
    own = np.array(
        [table[SHAPES.index((i1 - i0, j1 - j0)), band.offsets[i1] + j1] for i0, i1, j0, j1 in beads]
    )
    return run(bead_confidence(band, table, SHAPES, np.ones(2), beads, own, temperature))


def test_a_path_without_rivals_is_certain():
    result = confidence(-5.0, 10.0, [(0, 1, 0, 1), (1, 2, 1, 2)])
    assert result == pytest.approx([1.0, 1.0], abs=1e-6)


def test_an_equal_rival_halves_the_confidence():
    # two 1:1 beads (-1 each) against a 2:1 bead (-3) then a skipped target (+1)
    band = Band.full(2, 2)
    table = costs(band, -1.0, 9.0)
    table[2, band.offsets[2] + 1] = -3.0
    beads = [(0, 1, 0, 1), (1, 2, 1, 2)]
    own = np.array([-1.0, -1.0])
    result = run(bead_confidence(band, table, SHAPES, np.ones(2), beads, own, 0.25))
    assert result == pytest.approx([0.5, 0.5], abs=0.01)


def test_confidence_stays_within_bounds_and_falls_with_a_closer_rival():
    far = confidence(-3.0, 0.0, [(0, 1, 0, 1), (1, 2, 1, 2)])
    near = confidence(-1.0, 0.0, [(0, 1, 0, 1), (1, 2, 1, 2)])
    assert np.all((near >= 0) & (near <= 1))
    assert np.all(near < far)


def test_no_beads():
    band = Band.full(0, 0)
    assert (
        len(run(bead_confidence(band, np.zeros((3, 1)), SHAPES, np.zeros(0), [], np.zeros(0), 1.0)))
        == 0
    )
