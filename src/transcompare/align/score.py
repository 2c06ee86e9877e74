"""Scoring an alignment against a gold one, the way the literature does.

Precision is over the system's beads, 1:0 and 0:1 beads included; recall is over the gold beads
that have both sides. A *strict* hit is a bead identical to a gold bead; a *lax* hit shares at
least one sentence on each side with one and the same gold bead (Sennrich and Volk 2010, as in
Vecalign's scorer). Hits are summed over all documents before P, R and F1 are computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Counts:
    """Hits and totals, summed over documents."""

    strict_precision_hits: int = 0
    lax_precision_hits: int = 0
    system_beads: int = 0
    strict_recall_hits: int = 0
    lax_recall_hits: int = 0
    gold_beads: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def values(self) -> tuple[int, ...]:
        return (
            self.strict_precision_hits,
            self.lax_precision_hits,
            self.system_beads,
            self.strict_recall_hits,
            self.lax_recall_hits,
            self.gold_beads,
        )


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _normal(beads: Iterable[Sequence[Sequence[int]]]) -> set[Bead]:
    return {(tuple(s), tuple(t)) for s, t in beads if len(s) or len(t)}


def _hits(found: set[Bead], reference: set[Bead]) -> tuple[int, int]:
    """Strict and lax hits of ``found`` beads against ``reference`` beads."""
    owner = {}
    for number, (src, _) in enumerate(sorted(reference)):
        for index in src:
            owner[index] = number
    targets = [set(tgt) for _, tgt in sorted(reference)]
    strict = lax = 0
    for bead in found:
        if bead in reference:
            strict += 1
            lax += 1
        elif any(
            owner.get(s) is not None and t in targets[owner[s]] for s in bead[0] for t in bead[1]
        ):
            lax += 1
    return strict, lax


def count(
    gold: Iterable[Sequence[Sequence[int]]], system: Iterable[Sequence[Sequence[int]]]
) -> Counts:
    """Hits of one document's system beads against its gold beads."""
    gold_set, system_set = _normal(gold), _normal(system)
    strict_p, lax_p = _hits(system_set, gold_set)
    gold_both = {b for b in gold_set if b[0] and b[1]}
    system_both = {b for b in system_set if b[0] and b[1]}
    strict_r, lax_r = _hits(gold_both, system_both)
    return Counts(strict_p, lax_p, len(system_set), strict_r, lax_r, len(gold_both))


def scores(counts: Counts) -> Scores:
    """Precision, recall and F1, strict and lax, from summed counts (0 where undefined)."""

    def ratio(hits: int, total: int) -> float:
        return hits / total if total else 0.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    ps = ratio(counts.strict_precision_hits, counts.system_beads)
    pl = ratio(counts.lax_precision_hits, counts.system_beads)
    rs = ratio(counts.strict_recall_hits, counts.gold_beads)
    rl = ratio(counts.lax_recall_hits, counts.gold_beads)
    return Scores(ps, rs, f1(ps, rs), pl, rl, f1(pl, rl))


def score_documents(
    pairs: Iterable[tuple[Sequence[Sequence[Sequence[int]]], Sequence[Sequence[Sequence[int]]]]],
) -> Scores:
    """Scores over several documents given as (gold beads, system beads)."""
    total = Counts()
    for gold, system in pairs:
        total = total + count(gold, system)
    return scores(total)
