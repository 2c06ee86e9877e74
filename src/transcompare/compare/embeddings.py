"""Embedding similarity of words and sentences, on top of the aligner's cached USE embedder.

The multilingual USE model, its thread setting and its caches (memory and disk, keyed by text)
live in :mod:`transcompare.align.embed`; this module asks it for unit vectors, keeps the ones it
got at hand, and turns them into cosine similarities. Tests and benchmarks may pass any other
``encode`` function (texts → unit vectors) instead.
"""

from __future__ import annotations

from collections import OrderedDict
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
text, too much when every row of a long document asks for its words."""


class Embeddings:
    """Unit vectors for texts, and the cosine similarity of two lists of texts."""

    def __init__(self, encode: Encode | None = None) -> None:
        self._encode = encode or _use
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, as the rows of an array."""
        memory = self._memory
        missing = [t for t in dict.fromkeys(texts) if t not in memory]
        if missing:
            for text, vector in zip(
                missing, np.asarray(self._encode(missing), dtype=np.float32), strict=True
            ):
                memory[text] = vector
            while len(memory) > MEMORY:
                memory.popitem(last=False)
        return np.stack([memory[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity of every text of ``a`` with every text of ``b``."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.vectors(a) @ self.vectors(b).T


@cache
def shared() -> Embeddings:
    """The embeddings every caller shares (one model, one cache)."""
    return Embeddings()
