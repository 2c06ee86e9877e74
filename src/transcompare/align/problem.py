"""An alignment problem (both sides' features and the settings) and its result.

A problem covers two sequences of units: sentences, or at coarse resolution runs of sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from transcompare.align.config import AlignConfig
from transcompare.align.features import SideFeatures

IndexBead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Alignment:
    """Beads (source and target sentence indexes, in order, covering every sentence once) and a
    confidence in [0, 1] for each."""

    beads: list[IndexBead]
    confidence: list[float]


@dataclass(frozen=True)
class Problem:
    """Both sides' features and how to score them."""

    src: SideFeatures
    tgt: SideFeatures
    config: AlignConfig
    ratio: float
    lexical: bool
    span_vectors: tuple[Mapping[int, np.ndarray], Mapping[int, np.ndarray]] | None = None

    @property
    def shapes(self) -> list[tuple[int, int]]:
        """Shapes with a source side, in a fixed order (0:1 is handled by the search itself)."""
        shapes = set(self.config.shapes) | {(1, 0)}
        return sorted((s for s in shapes if s[0] > 0), key=lambda s: (s[0] + s[1], s))

    def stretch(self, src: slice, tgt: slice) -> Problem:
        """The sub-problem of source units ``src`` and target units ``tgt`` (views)."""
        spans = None
        if self.span_vectors is not None:
            spans = (
                {a: v[src.start : src.stop + 1] for a, v in self.span_vectors[0].items()},
                {b: v[tgt.start : tgt.stop + 1] for b, v in self.span_vectors[1].items()},
            )
        return Problem(
            self.src.slice(src.start, src.stop),
            self.tgt.slice(tgt.start, tgt.stop),
            self.config,
            self.ratio,
            self.lexical,
            spans,
        )

    def coarse(self) -> tuple[Problem, int, int]:
        """The same problem in units of about ``coarse_factor`` sentences, and how many source
        and target units each coarse unit holds."""
        n, m, factor = len(self.src), len(self.tgt), self.config.coarse_factor
        src_factor = max(1, round(factor * n / max(n, m)))
        tgt_factor = max(1, round(factor * m / max(n, m)))
        coarse = Problem(
            self.src.coarsen(src_factor),
            self.tgt.coarsen(tgt_factor),
            self.config,
            self.ratio,
            self.lexical,
        )
        return coarse, src_factor, tgt_factor


def length_ratio(src: SideFeatures, tgt: SideFeatures) -> float:
    """Target characters per source character, from the texts themselves; short texts are
    pulled towards 1, since one added sentence would skew them."""
    src_total, tgt_total = float(src.lengths.sum()), float(tgt.lengths.sum())
    return (tgt_total + RATIO_PRIOR_CHARS) / (src_total + RATIO_PRIOR_CHARS)


RATIO_PRIOR_CHARS = 500.0
