"""Aligning two lists of sentences: choose the evidence, embed if needed, place fixed beads.

Two versions in one language are first aligned on word overlap alone, which is cheap and, for
revisions of one text, decisive; the embedding is computed only when the result shows too little
overlap. Languages the embedding does not cover align on length and anchors. With the embedding,
a sentence the search leaves unaligned may then join a neighbouring bead (see :mod:`.strays`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from transcompare.align.config import CONCAT, DEFAULT_CONFIG, AlignConfig
from transcompare.align.embed import DIMENSIONS, Embedder, covers, embedder, primary_language
from transcompare.align.features import centred, common_direction, pair_features, popcount
from transcompare.align.fixed import checked_beads, place_fixed
from transcompare.align.pairwise import align_problem, index_beads
from transcompare.align.problem import Alignment, IndexBead, Problem, length_ratio
from transcompare.align.search import Bead
from transcompare.align.strays import attach_strays
from transcompare.progress import Task

CLEAR_OVERLAP = 0.3
"""Share of shared content words above which a bead's two sides plainly match."""


def align_texts(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    config: AlignConfig = DEFAULT_CONFIG,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
    fixed: Sequence[IndexBead] = (),
) -> Task[Alignment]:
    """Align two texts given as sentences; ``fixed`` beads are kept exactly as given.

    A one-sided fixed bead (a sentence confirmed as having no counterpart) sits where a first
    alignment without it puts that sentence."""
    src, tgt = list(src), list(tgt)
    n, m = len(src), len(tgt)
    checked_beads(fixed, n, m)
    prepared = prepare(src, tgt, src_lang, tgt_lang, config, src_paragraphs, tgt_paragraphs)
    provisional: list[Bead] = []
    if any(not s or not t for s, t in fixed):
        two_sided = [(s, t) for s, t in fixed if s and t]
        provisional, _ = yield from align_grid(prepared, place_fixed(two_sided, n, m))
    beads, confidence = yield from align_grid(prepared, place_fixed(fixed, n, m, provisional))
    return Alignment(index_beads(beads), confidence)


@dataclass(frozen=True)
class Prepared:
    """A problem before its evidence is settled: texts, languages and what may be used."""

    problem: Problem
    src: list[str]
    tgt: list[str]
    embeddable: bool
    """The embedding may be used (both languages covered, not switched off)."""


def prepare(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    config: AlignConfig,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
) -> Prepared:
    """Features of both texts; word overlap counts only within one language."""
    src, tgt = list(src), list(tgt)
    src_features, tgt_features = pair_features(src, tgt, src_paragraphs, tgt_paragraphs)
    same = primary_language(src_lang) == primary_language(tgt_lang)
    ratio = length_ratio(src_features, tgt_features)
    embeddable = config.use_embeddings is not False and covers(src_lang) and covers(tgt_lang)
    return Prepared(Problem(src_features, tgt_features, config, ratio, same), src, tgt, embeddable)


def align_grid(
    prepared: Prepared, fixed: Sequence[Bead] = ()
) -> Task[tuple[list[Bead], list[float]]]:
    """Grid beads and confidences around fixed grid beads, with the evidence chosen as the
    module docstring says; with the embedding, unaligned sentences may then join a neighbour
    (see :mod:`.strays`)."""
    problem = prepared.problem
    config = problem.config
    embedded = prepared.embeddable and (config.use_embeddings or not problem.lexical)
    if embedded:
        problem = yield from with_embeddings(problem, prepared.src, prepared.tgt)
    beads, confidence = yield from align_problem(problem, fixed)
    if prepared.embeddable and not embedded and not decisive(problem, beads, fixed, config):
        embedded = True
        problem = yield from with_embeddings(problem, prepared.src, prepared.tgt)
        beads, confidence = yield from align_problem(problem, fixed)
    if embedded and config.attach_strays:
        largest = max(a + b for a, b in config.shapes)
        model = embedder(config.threads)
        beads, confidence = yield from attach_strays(
            beads, confidence, prepared.src, prepared.tgt, model, fixed, largest
        )
    return beads, confidence


def with_embeddings(problem: Problem, src: list[str], tgt: list[str]) -> Task[Problem]:
    """The problem with sentence vectors (and span vectors when configured) added."""
    config = problem.config
    model = embedder(config.threads)
    vectors = yield from model.embed(src + tgt)
    src_vectors, tgt_vectors = vectors[: len(src)], vectors[len(src) :]
    src_common, tgt_common = common_direction(src_vectors), common_direction(tgt_vectors)
    spans = None
    if config.span_vectors == CONCAT:
        src_sizes = {a for a, _ in config.shapes if a}
        tgt_sizes = {b for _, b in config.shapes if b}
        src_windows = yield from window_vectors(model, src, src_sizes)
        tgt_windows = yield from window_vectors(model, tgt, tgt_sizes)
        spans = (
            {size: centred(table, src_common) for size, table in src_windows.items()},
            {size: centred(table, tgt_common) for size, table in tgt_windows.items()},
        )
    return replace(
        problem,
        src=problem.src.with_vectors(centred(src_vectors, src_common)),
        tgt=problem.tgt.with_vectors(centred(tgt_vectors, tgt_common)),
        span_vectors=spans,
    )


def window_vectors(
    model: Embedder, texts: list[str], sizes: set[int]
) -> Task[dict[int, np.ndarray]]:
    """For each size k, row i holds the vector of sentences i-k .. i-1 embedded as one text."""
    out: dict[int, np.ndarray] = {}
    for size in sorted(sizes):
        windows = [" ".join(texts[end - size : end]) for end in range(size, len(texts) + 1)]
        vectors = yield from model.embed(windows)
        table = np.zeros((len(texts) + 1, DIMENSIONS), np.float32)
        table[size:] = vectors
        out[size] = table
    return out


def decisive(
    problem: Problem, beads: Sequence[Bead], fixed: Sequence[Bead], config: AlignConfig
) -> bool:
    """True if word overlap alone aligned the texts plainly: most sentences are in beads whose
    sides share many content words (fixed beads are not counted)."""
    kept = set(fixed)
    matched = [b for b in beads if b[1] > b[0] and b[3] > b[2] and b not in kept]
    free = [b for b in beads if b not in kept]
    total = sum(i1 - i0 + j1 - j0 for i0, i1, j0, j1 in free)
    if not matched:  # nothing to pair, or nothing paired: only the latter needs more evidence
        return total == 0 or not (len(problem.src) and len(problem.tgt))
    spans = np.array(matched, dtype=np.int64)
    sizes = (spans[:, 1] - spans[:, 0]) + (spans[:, 3] - spans[:, 2])
    src_bits = _bead_bits(problem.src.words, spans[:, :2])
    tgt_bits = _bead_bits(problem.tgt.words, spans[:, 2:])
    shared = popcount(src_bits & tgt_bits)
    dice = 2 * shared / np.maximum(popcount(src_bits) + popcount(tgt_bits), 1)
    clear = sizes[dice >= CLEAR_OVERLAP].sum()
    return bool(clear >= config.lexical_decisive * sizes.sum() and sizes.sum() >= 0.7 * total)


def _bead_bits(words: np.ndarray, runs: np.ndarray) -> np.ndarray:
    """The union of the word bit sets of each run ``start:stop`` of sentences."""
    padded = np.vstack([words, np.zeros((1, words.shape[1]), dtype=words.dtype)])
    return np.bitwise_or.reduceat(padded, runs.reshape(-1), axis=0)[::2]
