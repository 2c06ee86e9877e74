"""Sentence embeddings and their caches. Most tests replace the model with a cheap stand-in;
the ones marked slow load the real multilingual encoder."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from transcompare.align import AlignConfig, align_texts, embed
from transcompare.align.embed import Embedder, cache_directory, covers, default_threads
from transcompare.progress import run


class Counting:
    """A stand-in model: a fixed vector per text, and a record of what was embedded."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), np.uint8) for t in texts]
        return np.array(rows, dtype=np.float32).repeat(16, axis=1)


@pytest.fixture
def fake(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path))
    model = Counting()
    monkeypatch.setattr(Embedder, "_encode", lambda self, texts: model(texts))
    return model


@pytest.mark.parametrize(
    ("language", "expected"), [("ru", True), ("en-GB", True), ("zh_TW", True), ("fi", False)]
)
def test_covered_languages(language, expected):
    assert covers(language) is expected


def test_cache_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    assert cache_directory() == tmp_path / "c" / "embeddings"
    monkeypatch.delenv("TRANSCOMPARE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_directory() == tmp_path / "x" / "transcompare" / "embeddings"


def test_vectors_are_unit_length_and_duplicates_are_embedded_once(fake):
    vectors = run(Embedder(threads=1).embed(["a", "b", "a"]))
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert np.array_equal(vectors[0], vectors[2])
    assert sorted(fake.seen) == ["a", "b"]


def test_memory_and_disk_caches_spare_the_model(fake, tmp_path):
    first = run(Embedder(threads=1).embed(["one", "two"]))
    embedder = Embedder(threads=1)
    again = run(embedder.embed(["two", "one"]))
    assert fake.seen == ["one", "two"]
    assert np.array_equal(again, first[::-1])
    assert (tmp_path / "embeddings" / "vectors.sqlite").is_file()
    run(embedder.embed(["three"]))
    run(embedder.embed(["three"]))
    assert fake.seen == ["one", "two", "three"]


def _page_size(path):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA page_size").fetchone()[0]


def test_a_cache_file_has_pages_a_vector_fits_in(tmp_path):
    cache = embed.DiskCache(tmp_path)
    vector = np.ones(embed.DIMENSIONS, np.float16)
    cache.put([(b"k" * 16, vector.tobytes())])
    assert _page_size(cache.path) == embed.PAGE_SIZE


def test_a_cache_file_with_small_pages_is_rewritten_and_keeps_its_vectors(tmp_path):
    path = tmp_path / "vectors.sqlite"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA page_size=4096")
        connection.execute("CREATE TABLE vectors (key BLOB PRIMARY KEY, vector BLOB) WITHOUT ROWID")
        vector = np.arange(embed.DIMENSIONS, dtype=np.float16)
        connection.execute("INSERT INTO vectors VALUES (?, ?)", (b"k" * 16, vector.tobytes()))
    found = embed.DiskCache(tmp_path).get([b"k" * 16])
    assert found[b"k" * 16] == vector.tobytes()
    assert _page_size(path) == embed.PAGE_SIZE


def test_an_unusable_cache_folder_only_turns_the_disk_cache_off(fake, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    embedder = Embedder(threads=1, directory=blocker / "embeddings")
    vectors = run(embedder.embed(["x"]))
    assert vectors.shape == (1, 512)
    assert embedder.disk.enabled is False


def test_progress_is_reported_per_batch(fake):
    steps = []
    run(Embedder(threads=1).embed([str(k) for k in range(600)]), steps.append)
    assert [step.done for step in steps] == [0, 256, 512, 600]


@pytest.mark.slow
def test_translations_are_closer_than_other_sentences(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path))
    vectors = run(
        Embedder().embed(
            [
                "Хрущев передал привет президенту.",
                "Khrushchev sent his regards to the president.",
                "The weather was fine all week.",
            ]
        )
    )
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


@pytest.mark.slow
def test_russian_and_english_align_through_the_embedding(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path))
    russian = [
        "Во время беседы я передал президенту привет от Хрущева.",
        "Кеннеди поблагодарил за привет.",
        "Затем мы обсудили положение на Кубе. Это заняло много времени.",
        "Беседа продолжалась два часа.",
    ]
    english = [
        "During the conversation I conveyed to the President greetings from Khrushchev.",
        "Kennedy thanked me for the greetings.",
        "Then we discussed the situation in Cuba.",
        "It took a long time.",
        "The conversation lasted two hours.",
    ]
    result = run(align_texts(russian, english, "ru", "en", AlignConfig()))
    assert result.beads == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,))]


def test_one_language_with_plain_word_overlap_needs_no_embedding(fake):
    texts = [
        "The minister arrived in Paris on Monday morning.",
        "Farmers complained about the dry summer weather.",
        "A new bridge across the river opened yesterday.",
    ]
    revised = [t.replace("about", "of") for t in texts]
    run(align_texts(texts, revised, "en", "en", AlignConfig()))
    assert fake.seen == []


def test_one_language_without_word_overlap_falls_back_to_the_embedding(fake):
    first = ["The minister arrived on Monday.", "Farmers were unhappy.", "A bridge opened."]
    second = ["On Monday the envoy came.", "Growers voiced discontent.", "Traffic crossed a span."]
    run(align_texts(first, second, "en", "en", AlignConfig()))
    assert sorted(fake.seen) == sorted(first + second)


def test_embeddings_can_be_switched_off(fake):
    run(align_texts(["Да."], ["Yes."], "ru", "en", AlignConfig(use_embeddings=False)))
    assert fake.seen == []


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 2), (16, 4)])
def test_one_worker_per_usable_core_up_to_four(monkeypatch, cores, expected):
    monkeypatch.setattr("transcompare.align.embed.usable_cores", lambda: cores)
    assert default_threads() == expected


@pytest.mark.slow
def test_worker_threads_give_the_vectors_of_one_thread_in_order(tmp_path):
    texts = [f"Sentence {k} says something {'rather ' * (k % 7)}different." for k in range(75)]
    alone = Embedder(threads=1, directory=tmp_path / "one")
    together = Embedder(threads=2, directory=tmp_path / "two")
    before = [pool["num_threads"] for pool in threadpool_info()]
    expected = alone._encode(texts)
    found = together._encode(texts)
    assert found.shape == (75, 512)
    assert np.allclose(found, expected, atol=1e-5)
    assert [pool["num_threads"] for pool in threadpool_info()] == before  # BLAS limit restored


def _report_workers_and_lock(key, answers) -> None:
    shared = embed._shared[key]
    answers.put((shared._workers is None, shared._lock.acquire(timeout=2)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forking is used on Linux only")
def test_a_forked_process_starts_its_own_embedding_threads(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCOMPARE_CACHE_DIR", str(tmp_path))
    shared = embed.embedder(threads=2)
    key = next(k for k, e in embed._shared.items() if e is shared)
    fork = multiprocessing.get_context("fork")
    answers = fork.Queue()
    with ThreadPoolExecutor(2) as workers:
        shared._workers = workers
        with shared._lock:  # as when another thread is embedding at the moment of the fork
            child = fork.Process(target=_report_workers_and_lock, args=(key, answers))
            child.start()
        no_pool, lock_free = answers.get(timeout=30)
        child.join()
        shared._workers = None
    del embed._shared[key]
    assert no_pool and lock_free
