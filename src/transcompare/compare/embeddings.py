"""Embedding similarity of words and sentences, on top of the aligner's cached USE embedder.

The multilingual USE model, its thread setting and its caches (memory and disk, keyed by text)
live in :mod:`transcompare.align.embed`; this module asks it for unit vectors, keeps the ones it
got at hand, and turns them into cosine similarities. Tests and benchmarks may pass any other
``encode`` function (texts → unit vectors) instead.

The vectors at hand are the rows of one matrix with a text → row index, so that the vectors of
a row's words come out with one indexing operation: a QA run asks for them for every row of a
document, and stacking single vectors row by row cost more than the products themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

Encode = Callable[[Sequence[str]], np.ndarray]


def _use(texts: Sequence[str]) -> np.ndarray:
    from transcompare.align.embed import embedder
    from transcompare.progress import run

    return run(embedder().embed(list(texts)))


MEMORY = 200_000
"""Vectors kept at hand (2 KB each): asking the embedder again costs a hash and a lookup per
text, too much when every row of a long document asks for its words. When it is full, all
but the vectors of the request at hand are forgotten (the embedder's own caches are behind)."""


class Embeddings:
    """Unit vectors for texts, and the cosine similarity of two lists of texts."""

    def __init__(self, encode: Encode | None = None) -> None:
        self._encode = encode or _use
        self._index: dict[str, int] = {}
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._lock = threading.Lock()  # the UI asks from its highlighter and its QA threads

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, as the rows of an array."""
        if not texts:
            return np.zeros((0, 0), np.float32)
        while True:
            with self._lock:
                try:
                    return self._matrix[[self._index[t] for t in texts]]
                except KeyError:
                    missing = self._absent(texts)
            encoded = self._encoded(missing)  # outside the lock: a model call may take seconds
            with self._lock:
                self._store(missing, encoded, texts)

    def _absent(self, texts: Sequence[str]) -> list[str]:
        return [t for t in dict.fromkeys(texts) if t not in self._index]

    def _encoded(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._encode(texts), dtype=np.float32)

    def _store(self, texts: list[str], vectors: np.ndarray, wanted: Sequence[str]) -> None:
        """Add the vectors of texts not yet at hand as new rows of the matrix; when that would
        exceed :data:`MEMORY`, first forget every vector but those of ``wanted``."""
        fresh = [i for i, t in enumerate(texts) if t not in self._index]
        if not fresh:
            return
        if len(self._index) + len(fresh) > MEMORY:
            self._keep_only({t for t in wanted if t in self._index})
        start, end = len(self._index), len(self._index) + len(fresh)
        if end > len(self._matrix):
            grown = np.empty((max(end, 2 * len(self._matrix)), vectors.shape[1]), np.float32)
            if start:
                grown[:start] = self._matrix[:start]
            self._matrix = grown
        # one copy (a list of rows is copied row by row), and none more when all are new
        self._matrix[start:end] = vectors if len(fresh) == len(texts) else vectors[fresh]
        self._index.update((texts[i], row) for row, i in enumerate(fresh, start))

    def _keep_only(self, texts: set[str]) -> None:
        rows = [self._index[t] for t in texts]
        self._matrix[: len(rows)] = self._matrix[rows]
        self._index = {t: row for row, t in enumerate(texts)}

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity of every text of ``a`` with every text of ``b``."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.vectors(a) @ self.vectors(b).T


@cache
def shared() -> Embeddings:
    """The embeddings every caller shares (one model, one cache)."""
    return Embeddings()
