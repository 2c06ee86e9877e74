"""Checking a document in parts, several at once: the same findings as checking it whole."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from types import SimpleNamespace

import pytest

from tests.builders import make_project
from transcompare.compare.crosslingual import Matcher, MatchSettings
from transcompare.compare.qa import Finding, QAConfig, checks_task, parts, run_checks
from transcompare.compare.qa.base import Context

forking = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="parts are forked on Linux only"
)

CONFIG = QAConfig(use_embeddings=False, use_dictionary=False)
WORDS = {
    "вопрос": ("question", "issue"),
    "куба": ("cuba",),
    "блокада": ("blockade", "quarantine"),
}
ROWS = [
    ("Хрущёв сказал, что вопрос важен.", "Then Khrushchev said the question matters."),
    ("Вопрос о Кубе.", "The question of Cuba."),
    ("Этот вопрос решен 18 октября.", "This question was settled on October 19."),
    ("Громыко встретился с Кеннеди.", "Gromyko met Kennedy."),
    ("Он сказал: «Мы согласны.", 'He said: "We agree.'),
    ("Вопрос о блокаде снят.", "The issue of the blockade is closed."),
    ("Это все».", 'That is all."'),
    ("Хрущев ответил про блокаду.", "Then Khrushchov answered about the quarantine."),
    ("Вопрос открыт.", "The issue is open."),
    ("Хрущёв ушел с блокадой.", "Then Khrushchev left with the quarantine."),
    ("Вопрос снова открыт.", "The issue is open again."),
    ("Всё ясно, блокада.", "All is clear, the quarantine."),
]


@pytest.fixture
def project(monkeypatch):
    """Twelve rows, checked in parts of three rows or more, with a word list as evidence for
    the terminology check (forked processes inherit it)."""
    monkeypatch.setitem(parts.MIN_PART_ROWS, parts.FORK, 3)
    matcher = Matcher(MatchSettings(use_embeddings=False), bilingual=WORDS)
    monkeypatch.setattr(Context, "matcher", property(lambda self: matcher))
    return make_project({"ru": [ru for ru, _ in ROWS], "en": [en for _, en in ROWS]})


def test_rows_are_split_into_runs_of_about_equal_length(monkeypatch):
    assert parts.split(range(10_000), 2) == [range(0, 5000), range(5000, 10_000)]
    assert parts.split(range(10_000), 3) == [range(0, 3333), range(3333, 6666), range(6666, 10_000)]
    assert parts.split(range(599), 2) == [range(0, 599)]  # a part has 300 rows at least
    assert parts.split(range(5000), 1) == [range(0, 5000)]
    assert parts.split(range(1199), 2, parts.FRESH) == [range(0, 1199)]  # fresh: 600 at least
    assert len(parts.split(range(100_000), 64, parts.FRESH)) == parts.MAX_FRESH_PARTS
    assert len(parts.split(range(100_000), 64)) == 64  # forked processes share the project
    monkeypatch.setattr(parts.sys, "platform", "darwin")
    assert parts.split(range(10_000), 2) == [range(0, 10_000)]  # no forking there
    assert len(parts.split(range(10_000), 2, parts.FRESH)) == 2


def test_the_caller_takes_a_larger_part_when_the_others_start_fresh(monkeypatch):
    monkeypatch.setitem(parts.CALLER_SHARE, parts.FRESH, 1.5)
    assert parts.split(range(10, 1210), 2, parts.FRESH) == [range(10, 730), range(730, 1210)]
    assert parts.split(range(3500), 3, parts.FRESH) == [
        range(0, 1500),
        range(1500, 2500),
        range(2500, 3500),
    ]


@forking
def test_parts_checked_in_other_processes_give_the_findings_of_the_whole(project, gathered_here):
    whole = run_checks(project, CONFIG)
    assert gathered_here == [range(12)]
    gathered_here.clear()
    in_parts = run_checks(project, CONFIG, processes=4)
    assert gathered_here == [range(0, 3)]  # the three others in their own processes
    assert in_parts == whole
    # names and terms are compared across parts, quotes followed through them
    assert {"numbers", "name-spelling", "terminology"} <= {f.check for f in whole}
    assert "brackets" not in {f.check for f in whole}


@forking
def test_a_part_whose_process_dies_is_checked_here(project, gathered_here, monkeypatch):
    from transcompare.compare.qa import repeats

    caller, run_repeats = os.getpid(), repeats.run

    def dying_elsewhere(context):
        if os.getpid() != caller:
            os._exit(1)  # as when the system stops a process
        return run_repeats(context)

    whole = run_checks(project, CONFIG)
    monkeypatch.setattr(repeats, "run", dying_elsewhere)
    gathered_here.clear()
    assert run_checks(project, CONFIG, processes=4) == whole
    assert gathered_here == [range(0, 3), range(3, 6), range(6, 9), range(9, 12)]


@forking
def test_ctrl_c_is_left_to_the_caller(project, monkeypatch):
    from transcompare.compare.qa import repeats

    caller = os.getpid()

    def noting_ctrl_c(context):
        if os.getpid() != caller and signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
            row = context.rows.start
            yield Finding("repeated-words", "minor", f"rows from {row} ignore Ctrl-C", row, ())

    monkeypatch.setattr(repeats, "run", noting_ctrl_c)
    found = run_checks(project, CONFIG, processes=4)
    assert [f.row for f in found if f.message.endswith("ignore Ctrl-C")] == [3, 6, 9]
    assert signal.getsignal(signal.SIGINT) != signal.SIG_IGN


@forking
def test_a_cancelled_run_ends_its_processes(project, monkeypatch):
    from transcompare.compare.qa import repeats

    caller, run_repeats = os.getpid(), repeats.run

    def slow_elsewhere(context):
        if os.getpid() != caller:
            time.sleep(60)  # still at work when the run is cancelled
        return run_repeats(context)

    monkeypatch.setattr(repeats, "run", slow_elsewhere)
    task = checks_task(project, CONFIG, processes=4)
    try:
        next(task)
        assert len(multiprocessing.active_children()) == 3
    finally:
        task.close()
    assert multiprocessing.active_children() == []


@forking
def test_a_failure_in_another_process_reaches_the_caller(project, monkeypatch):
    from transcompare.compare.qa import repeats

    def failing(context):
        if context.rows.start > 0:
            raise ValueError("a check failed")
        return iter(())

    monkeypatch.setattr(repeats, "run", failing)
    with pytest.raises(ValueError, match="a check failed"):
        run_checks(project, CONFIG, processes=4)


@pytest.fixture
def plain_project(monkeypatch):
    """The same twelve rows, checked in parts of three rows or more, with nothing patched that
    a fresh process would not see."""
    monkeypatch.setitem(parts.MIN_PART_ROWS, parts.FRESH, 3)
    project = make_project({"ru": [ru for ru, _ in ROWS], "en": [en for _, en in ROWS]})
    project.events.rows_changed.connect(lambda *rows: None)  # as a view listens: not sent
    return project


def test_parts_checked_in_fresh_processes_give_the_findings_of_the_whole(
    plain_project, gathered_here, monkeypatch
):
    whole = run_checks(plain_project, CONFIG)
    gathered_here.clear()
    written, write = [], parts._written
    monkeypatch.setattr(parts, "_written", lambda job: written.append(write(job)) or written[-1])
    in_parts = run_checks(plain_project, CONFIG, processes=4, start=parts.FRESH)
    assert gathered_here == [range(0, 3)]  # the three others in processes of their own
    assert in_parts == whole
    assert len(written) == 1 and not written[0].exists()  # one file for all, removed
    assert {"numbers", "name-spelling"} <= {f.check for f in whole}


def starting_as(start):
    """A stand-in for a multiprocessing context whose processes start as ``start`` says (it
    gets the process; ``multiprocessing.Process.start(process)`` starts it)."""

    class Process(multiprocessing.Process):
        def start(self):
            start(self)

    return SimpleNamespace(Pipe=multiprocessing.Pipe, Process=Process)


def test_a_part_whose_process_cannot_start_is_checked_here(
    plain_project, gathered_here, monkeypatch
):
    errors = itertools.cycle(
        [
            OSError("Resource temporarily unavailable"),
            RuntimeError("An attempt has been made to start a new process before ..."),
        ]
    )

    def refusing(process):
        raise next(errors)

    whole = run_checks(plain_project, CONFIG)
    monkeypatch.setattr(parts, "_fresh_processes", lambda: starting_as(refusing))
    gathered_here.clear()
    assert run_checks(plain_project, CONFIG, processes=4, start=parts.FRESH) == whole
    assert gathered_here == [range(0, 3), range(3, 6), range(6, 9), range(9, 12)]


def test_fresh_processes_are_asked_for_at_once_and_the_caller_does_not_wait_for_them(
    plain_project, monkeypatch
):
    """A fresh process takes longer to start than the job to write: it is asked for first,
    and reads the job's file once it is up. The caller checks its part meanwhile."""
    asked, caller_at_work = threading.Event(), threading.Event()
    seen = []

    def starting(process):
        asked.set()
        seen.append(caller_at_work.wait(timeout=5))
        multiprocessing.Process.start(process)

    write, gathered = parts._written, parts._gathered

    def writing(job):
        seen.append(asked.wait(timeout=5))
        return write(job)

    def gathering(context, modules, total):
        caller_at_work.set()
        return (yield from gathered(context, modules, total))

    whole = run_checks(plain_project, CONFIG)
    monkeypatch.setattr(parts, "_fresh_processes", lambda: starting_as(starting))
    monkeypatch.setattr(parts, "_written", writing)
    monkeypatch.setattr(parts, "_gathered", gathering)
    assert run_checks(plain_project, CONFIG, processes=2, start=parts.FRESH) == whole
    assert seen == [True, True]  # asked for before the job was written, started meanwhile


@pytest.mark.parametrize("interrupted", ["writing the job", "working out what is at hand"])
def test_a_run_stopped_before_its_processes_get_their_job_ends_them(
    plain_project, monkeypatch, tmp_path, interrupted
):
    def stopping(*args, **kwargs):
        raise KeyboardInterrupt

    if interrupted == "writing the job":
        monkeypatch.setattr(parts.pickle, "dump", stopping)
    else:
        monkeypatch.setattr(parts, "_at_hand", stopping)
    monkeypatch.setattr(parts.tempfile, "tempdir", str(tmp_path))
    ended = []
    stop = parts._Elsewhere.stop

    def noting(self):
        stop(self)
        ended.extend(part.process.exitcode for part in self.started())

    monkeypatch.setattr(parts._Elsewhere, "stop", noting)
    with pytest.raises(KeyboardInterrupt):
        run_checks(plain_project, CONFIG, processes=4, start=parts.FRESH)
    assert len(ended) == 3 and None not in ended  # every process has ended
    assert list(tmp_path.iterdir()) == []  # and no job file is left


def test_a_part_that_cannot_be_handed_its_diffs_is_checked_here(
    plain_project, gathered_here, monkeypatch
):
    """Its process would otherwise wait for them for ever, and the run with it."""
    from transcompare.compare.qa import translations

    whole = run_checks(plain_project, CONFIG)
    gathered_here.clear()
    monkeypatch.setattr(translations, "at_hand", lambda context: [lambda: "not picklable"])
    found = []
    running = threading.Thread(
        target=lambda: found.append(
            run_checks(plain_project, CONFIG, processes=2, start=parts.FRESH)
        ),
        daemon=True,
    )
    running.start()
    running.join(timeout=60)
    assert found == [whole]
    assert gathered_here == [range(0, 6), range(6, 12)]


def test_a_fresh_part_takes_over_the_diffs_the_caller_has_made(plain_project, monkeypatch):
    from transcompare.compare import divergence
    from transcompare.compare.qa import translations

    project = make_project(
        {
            "ru": [ru for ru, _ in ROWS],
            "en-a": [en for _, en in ROWS],
            "en-b": [" ".join(reversed(en.split())) for _, en in ROWS],
        }
    )
    config = QAConfig(checks=frozenset({"two-translations"}), use_embeddings=False)
    whole = run_checks(project, config)
    rows = range(6, 12)
    held = parts._at_hand(Context(project, config, rows), [translations])
    assert [row for row, *_ in held[translations.__name__]] == list(rows)

    divergence._DIFFS.clear()  # as in a fresh process
    monkeypatch.setattr(divergence, "_compare", None)  # no diff is made again
    monkeypatch.setattr(parts.signal, "signal", lambda *args: None)  # Ctrl-C stays with pytest
    receiving, sending = multiprocessing.Pipe(duplex=False)
    jobs, handing = multiprocessing.Pipe(duplex=False)
    job = parts._written((project, config, (translations.__name__,)))
    handing.send(job)
    handing.send(held)
    parts._gather_part(rows, sending, jobs)
    job.unlink()
    assert receiving.poll(5), "the part failed"
    gathered, made = receiving.recv()
    assert gathered[translations.__name__] == [f for f in whole if f.row in rows]
    assert gathered[translations.__name__] and made == {translations.__name__: []}


def test_the_caller_keeps_the_diffs_the_fresh_parts_have_made(plain_project):
    from transcompare.compare import divergence
    from transcompare.compare.qa import translations

    project = make_project(
        {"en-a": [en for _, en in ROWS], "en-b": [" ".join(reversed(en.split())) for _, en in ROWS]}
    )
    config = QAConfig(checks=frozenset({"two-translations"}), use_embeddings=False)
    divergence._DIFFS.clear()
    divergence.compare_cells(*(Context(project, config).cell(0, w) for w in ("en-a", "en-b")))
    run_checks(project, config, processes=4, start=parts.FRESH)
    held = parts._at_hand(Context(project, config), [translations])[translations.__name__]
    assert [row for row, *_ in held] == list(range(len(ROWS)))


def test_a_long_document_gets_the_fork_server_ready(monkeypatch):
    started = []
    monkeypatch.setattr(parts, "_has_fork_server", lambda: True)
    monkeypatch.setattr(parts.forkserver, "ensure_running", lambda: started.append(True))
    parts.prepare(range(2 * parts.MIN_PART_ROWS[parts.FRESH] - 1), 2)
    parts.prepare(range(100_000), 1)
    assert started == []  # one part: nothing to start
    parts.prepare(range(2 * parts.MIN_PART_ROWS[parts.FRESH]), 2)
    assert started == [True]
    monkeypatch.setattr(parts, "_has_fork_server", lambda: False)
    parts.prepare(range(100_000), 2)
    assert started == [True]  # new interpreters cannot be started ahead


def test_a_fork_server_that_cannot_start_now_is_left_to_the_run(monkeypatch):
    def refusing():
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(parts, "_has_fork_server", lambda: True)
    monkeypatch.setattr(parts.forkserver, "ensure_running", refusing)
    parts.prepare(range(100_000), 2)  # opening the document goes on


def test_the_fork_server_loads_the_word_analysers_and_the_vector_cache():
    import subprocess

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "import transcompare.compare.qa.preloaded\n"
            "from transcompare.compare import lexicon\n"
            "print(lexicon._morph.cache_info().currsize, lexicon._english.cache_info().currsize,\n"
            "      'transcompare.align.embed' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.split() == ["1", "1", "True"]


def test_parts_are_checked_here_when_their_job_cannot_be_written(
    plain_project, gathered_here, monkeypatch, tmp_path
):
    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    whole = run_checks(plain_project, CONFIG)
    monkeypatch.setattr(parts.pickle, "dump", no_room)
    monkeypatch.setattr(parts.tempfile, "tempdir", str(tmp_path))
    gathered_here.clear()
    assert run_checks(plain_project, CONFIG, processes=4, start=parts.FRESH) == whole
    assert gathered_here == [range(0, 3), range(3, 6), range(6, 9), range(9, 12)]
    assert list(tmp_path.iterdir()) == []  # the file begun is removed
