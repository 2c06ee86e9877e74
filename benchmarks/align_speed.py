"""Alignment speed and memory.

Run: ``python benchmarks/align_speed.py [--skip-gale-church] [--skip-50k]``. Prints:

* search time (scoring + banded search + confidence, embeddings given) and peak traced memory
  at 1k, 10k and 50k sentences per side, on synthetic texts and random vectors;
* embedding throughput (sentences per second) with a cold cache, and the time to look up
  60,000 vectors in the disk cache;
* end to end (import, segment, embed with a cold cache, align, write beads) for the founding
  document (Russian back-translation against the English) and for a synthetic 5k x 5k book
  made of numbered copies of the same two texts;
* the time of ``nltk.translate.gale_church.align_blocks`` against this aligner (length and
  anchors only) on the same 1k and 2k sentences.

Times are the best of a few runs: the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from transcompare.align import AlignConfig, align_texts
from transcompare.align.features import normalise, pair_features
from transcompare.align.pairwise import solve
from transcompare.align.problem import Problem, length_ratio
from transcompare.progress import run

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "gromyko-kennedy-1962"
DATA = Path(__file__).resolve().parent / "align_data"


def best_of(repeats: int, work: Callable[[], object]) -> tuple[float, float]:
    """The least wall-clock and the least CPU seconds of this process over a few runs."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def synthetic_problem(n: int, seed: int = 0) -> Problem:
    """Two sides of ``n`` random sentences with related random vectors (about 1:1)."""
    rng = np.random.default_rng(seed)
    words = [f"w{k}" for k in range(5000)]
    pick = random.Random(seed)
    src = [" ".join(pick.choice(words) for _ in range(pick.randint(5, 30))) for _ in range(n)]
    kept = np.array([k for k in range(n) if pick.random() > 0.02])
    tgt = [src[k] for k in kept]
    src_features, tgt_features = pair_features(src, tgt)
    base = rng.standard_normal((n, 512)).astype(np.float32)
    noise = rng.standard_normal((len(tgt), 512)).astype(np.float32)
    src_features = src_features.with_vectors(normalise(base))
    tgt_features = tgt_features.with_vectors(normalise(base[kept] + 0.8 * noise))
    ratio = length_ratio(src_features, tgt_features)
    return Problem(src_features, tgt_features, AlignConfig(), ratio, lexical=False)


def search_figures(sizes: Sequence[int]) -> None:
    print("== search (embeddings given; scoring + banded search + confidence) ==")
    for n in sizes:
        problem = synthetic_problem(n)
        wall, cpu = best_of(1 if n > 20000 else 3, lambda p=problem: run(solve(p)))
        tracemalloc.start()
        run(solve(problem))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"{n:6d} x {len(problem.tgt):6d} sentences: {wall:6.2f} s ({cpu:.2f} s CPU), "
            f"peak traced memory {peak / 2**20:.0f} MB"
        )


def embedding_throughput(texts: Sequence[str]) -> None:
    from transcompare.align.embed import Embedder, default_threads

    print("== embedding (cold cache) ==")
    chars = sum(map(len, texts)) / len(texts)
    for threads in sorted({1, default_threads()}):
        with tempfile.TemporaryDirectory() as folder:
            embedder = Embedder(threads=threads, directory=Path(folder))
            run(embedder.embed(["warm up the model"]))
            wall, _ = best_of(1, lambda e=embedder: run(e.embed(list(texts))))
        print(
            f"{len(texts)} sentences of {chars:.0f} characters on average, {threads} "
            f"thread(s): {len(texts) / wall:.0f} sentences/s"
        )


def disk_cache_lookup(count: int) -> None:
    """Looking up ``count`` vectors in a disk cache that holds them (random keys and vectors),
    as reopening a long project or a QA run over its words does."""
    from transcompare.align.embed import DIMENSIONS, DiskCache

    generator = np.random.default_rng(0)
    keys = [generator.bytes(16) for _ in range(count)]
    vectors = generator.standard_normal((count, DIMENSIONS)).astype(np.float16)
    with tempfile.TemporaryDirectory() as folder:
        DiskCache(Path(folder)).put([(k, v.tobytes()) for k, v in zip(keys, vectors, strict=True)])
        wall, _ = best_of(3, lambda: DiskCache(Path(folder)).get(keys))
    print(f"disk cache: {count} vectors looked up in {wall:.2f} s")


def end_to_end(label: str, src: Path, tgt: Path, src_lang: str, tgt_lang: str) -> None:
    """The ``align`` command in-process with a cold embedding cache."""
    from transcompare.cli import main

    with tempfile.TemporaryDirectory() as folder:
        os.environ["TRANSCOMPARE_CACHE_DIR"] = folder
        out = Path(folder) / "out.beads"
        arguments = ["align", str(src), str(tgt), "--src-lang", src_lang, "--tgt-lang", tgt_lang]
        wall, cpu = best_of(1, lambda: main([*arguments, "-o", str(out)]))
        beads = len(out.read_text().splitlines())
    print(f"{label}: {wall:.2f} s ({cpu:.2f} s CPU; {beads} beads; model load included)")


def book(folder: Path, copies: int) -> tuple[Path, Path]:
    """A long book: numbered copies of the Russian and English texts' paragraphs."""
    out = []
    for name in ("gromyko-1962.ru.tsv", "gromyko-1962.en-wilson.tsv"):
        paragraphs: dict[int, list[str]] = {}
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            number, text = line.split("\t", 1)
            paragraphs.setdefault(int(number), []).append(text)
        chapters = []
        for copy in range(1, copies + 1):
            for sentences in paragraphs.values():
                chapters.append(" ".join(f"{s[:-1]} [{copy}]{s[-1:]}" for s in sentences))
        path = folder / name.replace(".tsv", ".txt")
        path.write_text("\n\n".join(chapters) + "\n", encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def gale_church(sizes: Sequence[int]) -> None:
    from nltk.translate.gale_church import align_blocks

    texts = [
        line.split("\t", 1)[1]
        for line in (DATA / "gromyko-1962.en-wilson.tsv").read_text(encoding="utf-8").splitlines()
    ]
    print("== against nltk Gale-Church (same sentences; ours: length and anchors, fi-hy) ==")
    for n in sizes:
        src = [f"{texts[k % len(texts)]} {k}" for k in range(n)]
        tgt = [f"{texts[k % len(texts)]} {k}" for k in range(n) if k % 50 != 7]
        src_lengths = [len(s) for s in src]
        tgt_lengths = [len(t) for t in tgt]
        ours, _ = best_of(3, lambda s=src, t=tgt: run(align_texts(s, t, "fi", "hy")))
        theirs, _ = best_of(1, lambda s=src_lengths, t=tgt_lengths: align_blocks(s, t))
        print(
            f"{n} x {len(tgt)} sentences: ours {ours:.2f} s, nltk {theirs:.2f} s, "
            f"nltk takes {theirs / ours:.0f}x as long"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-gale-church", action="store_true", help="leave out nltk")
    parser.add_argument("--skip-50k", action="store_true", help="leave out the 50k search")
    parser.add_argument("--skip-search", action="store_true", help="leave out the search")
    args = parser.parse_args(argv)
    if not args.skip_search:
        search_figures([1000, 10000] + ([] if args.skip_50k else [50000]))
    english = [
        line.split("\t", 1)[1]
        for line in (DATA / "gromyko-1962.en-wilson.tsv").read_text(encoding="utf-8").splitlines()
    ]
    embedding_throughput([f"{s} ({k})" for k in range(8) for s in english])
    disk_cache_lookup(60_000)
    print("== end to end (import, segment, embed, align, write) ==")
    end_to_end(
        "founding document, ru back-translation x en (150 x 155)",
        CORPUS / "ru-backtranslation.txt",
        CORPUS / "en-wilson.txt",
        "ru",
        "en",
    )
    with tempfile.TemporaryDirectory() as folder:
        src, tgt = book(Path(folder), 34)
        end_to_end("synthetic book, ru x en (5100 x 5270)", src, tgt, "ru", "en")
    if not args.skip_gale_church:
        gale_church([1000, 2000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
