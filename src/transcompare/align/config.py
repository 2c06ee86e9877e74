"""Every setting of the aligner, in one frozen dataclass with defaults.

The defaults were chosen by measuring on the evaluation sets of ``benchmarks/align_quality.py``;
change them there first and keep the figures. A bead is ``(a, b)``: ``a`` source sentences
aligned to ``b`` target sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SHAPES: tuple[tuple[int, int], ...] = (
    (0, 1),
    (1, 0),
    (1, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
)

SUM = "sum"
"""A span of sentences is represented by the normalised sum of its sentence vectors."""
CONCAT = "concat"
"""A span of sentences is embedded as one text (more faithful, several times the embedding work)."""


@dataclass(frozen=True)
class AlignConfig:
    """Knobs of the aligner. Costs and weights share one unit: roughly the evidence one typical
    matched sentence brings."""

    shapes: tuple[tuple[int, int], ...] = DEFAULT_SHAPES
    """Bead shapes the search may use; (0, 1) and (1, 0) are needed to cover every sentence."""
    shape_costs: tuple[tuple[tuple[int, int], float], ...] = (
        ((1, 1), 0.0),
        ((1, 2), 0.3),
        ((2, 1), 0.3),
        ((2, 2), 1.1),
        ((1, 3), 1.2),
        ((3, 1), 1.2),
        ((1, 4), 1.5),
        ((4, 1), 1.5),
    )
    """Prior cost of each matched shape; a shape missing here costs 0.35 per extra sentence."""
    delete_cost: float = 0.5
    """Cost of leaving one sentence unaligned (a 1:0 or 0:1 bead)."""
    match_bonus: float = 0.6
    """Evidence every matched sentence starts with, before its features are counted."""

    use_embeddings: bool | None = None
    """None: use sentence embeddings when both languages are covered and, for two versions in one
    language, only when word overlap is not decisive. True: whenever covered. False: never."""
    span_vectors: str = SUM
    """How spans of several sentences are compared: SUM (as accurate on our evaluation sets and
    needs no extra embedding) or CONCAT."""
    threads: int | None = None
    """Worker threads for the embedding model; None: one per usable core, 1-4."""
    attach_strays: bool = True
    """With the embedding in use, let a sentence the search left unaligned join a neighbouring
    bead when that brings the bead's two sides closer (see :mod:`.strays`)."""

    embedding_weight: float = 1.5
    """Evidence per sentence and unit of cosine similarity between the two spans' vectors."""
    embedding_floor: float = 0.3
    """Cosine similarity at which the embedding neither supports nor opposes a bead."""
    lexical_weight: float = 2.2
    """Evidence per unit of shared content words (Dice coefficient), same language only."""
    lexical_floor: float = 0.12
    """Share of shared content words at which word overlap is neutral (same language only)."""
    lexical_decisive: float = 0.85
    """Share of aligned sentences that must have clear word overlap for a same-language pair to
    skip the embedding (auto mode)."""
    length_weight: float = 0.7
    """Weight of the length mismatch, log(1 + delta^2 / 2) with Gale and Church's delta. Real
    translations (Text+Berg, the Bible) vary in length more than the synthetic sets, where 1.0
    did best: against 1.0, 0.7 costs those 0.011 strict F1 and gains Text+Berg 0.018 and the
    Bible 0.002."""
    length_variance: float = 6.8
    """Variance per character of the target length given the source length (Gale and Church)."""
    anchor_weight: float = 0.3
    """Evidence per shared anchor (number, name, question or quotation mark, elision mark). With
    sentence embeddings, which see names and numbers too, 0.3 did better than 0.5 on every set
    (strict F1: Text+Berg 0.888 → 0.890, Bible 0.979 → 0.983, synthetic 0.977 → 0.984); without
    them the two are within 0.006 either way."""
    number_mismatch_weight: float = 0.5
    """Penalty per number found on only one side, up to three."""
    paragraph_weight: float = 0.3
    """Penalty when only one side of a bead starts a paragraph, or a span crosses a paragraph."""

    confidence_temperature: float = 0.25
    """Softness, in cost units, of the path probabilities that confidence is read from."""

    band: int = 8
    """Half-width, in sentences, of the search band around the path found at coarse resolution."""
    band_slack: float = 4.0
    """Coarse cells on paths at most this much costlier than the best one join the band too, so
    the band widens where the coarse path is in doubt."""
    full_search_cells: int = 250_000
    """Problems with at most this many cells are searched in full, without a coarse pass."""
    coarse_factor: int = 8
    """Sentences per unit at each coarser resolution."""
    block_rows: int = 32
    """Rows of the search grid scored together (bounds the size of temporary arrays)."""

    def shape_cost(self, shape: tuple[int, int]) -> float:
        """The prior cost of a matched shape."""
        for known, cost in self.shape_costs:
            if known == shape:
                return cost
        return 0.35 * (shape[0] + shape[1] - 2)


DEFAULT_CONFIG = AlignConfig()
