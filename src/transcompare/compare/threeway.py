"""An original and two translations of it: where the translations part ways, and which one
stays closer to the original.

Closeness combines two signals: the cosine of each translation's sentence embedding with the
original's (meaning as a whole), and how many of the original's words, names and numbers find
no counterpart in the translation (what is missing or wrong). The one with the higher cosine
is closer unless the cosines are within ``margin`` of each other; then the one with fewer
unmatched items (on either side) is; if that ties too, neither is.
"""

from __future__ import annotations

from dataclasses import dataclass

from transcompare.compare.cells import Cell, cell
from transcompare.compare.crosslingual import CrossDiff, Matcher, default_matcher
from transcompare.compare.divergence import EXACT, RowDiff, compare_cells
from transcompare.compare.tokens import Normalisation
from transcompare.model import Project, Row

MARGIN = 0.02


@dataclass(frozen=True)
class Closeness:
    """How one translation of a row relates to the original."""

    witness: str
    similarity: float
    """Cosine of the sentence embeddings, -1…1 (0 when either side is empty)."""
    unmatched: int
    """Items of the original with no counterpart in this translation."""
    extra: int
    """Items of this translation with no counterpart in the original."""


@dataclass(frozen=True)
class ThreeWay:
    diff: RowDiff
    """The word diff between the two translations."""
    a: Closeness
    b: Closeness
    closer: str | None
    """The witness id of the translation closer to the original, or ``None`` for a tie."""


def compare_three(
    original: Cell,
    a: Cell,
    b: Cell,
    matcher: Matcher | None = None,
    options: Normalisation = EXACT,
    margin: float = MARGIN,
) -> ThreeWay:
    """Compare two translations with each other and each with the original."""
    matcher = matcher or default_matcher()
    closeness_a, closeness_b = (
        closeness(original, side, matcher.compare(original, side), matcher) for side in (a, b)
    )
    verdict = closer(closeness_a, closeness_b, margin)
    return ThreeWay(compare_cells(a, b, options), closeness_a, closeness_b, verdict)


def closeness(
    original: Cell, translation: Cell, unmatched: CrossDiff, matcher: Matcher
) -> Closeness:
    """How close a translation is, given its unmatched words against the original (callers
    that already compared the two pass that result instead of comparing again)."""
    similarity = 0.0
    if original and translation and matcher.embeddings is not None:
        similarity = float(matcher.embeddings.similarity([original.text], [translation.text])[0, 0])
    return Closeness(translation.witness, similarity, len(unmatched.a), len(unmatched.b))


def closer(a: Closeness, b: Closeness, margin: float = MARGIN) -> str | None:
    """The witness closer to the original, or ``None`` for a tie (see the module docstring)."""
    if abs(a.similarity - b.similarity) > margin:
        return a.witness if a.similarity > b.similarity else b.witness
    if a.unmatched + a.extra != b.unmatched + b.extra:
        return a.witness if a.unmatched + a.extra < b.unmatched + b.extra else b.witness
    return None


def row_three_way(
    project: Project,
    row: Row | int,
    original: str,
    a: str,
    b: str,
    matcher: Matcher | None = None,
    options: Normalisation = EXACT,
) -> ThreeWay:
    """:func:`compare_three` for one row of a project."""
    cells = (cell(project, row, w) for w in (original, a, b))
    return compare_three(*cells, matcher=matcher, options=options)
