"""Checking a long document in parts, several parts at once in processes of their own.

Most checks look at one row at a time: their findings on the document are their findings on
each part of its rows. Two (names, terminology) also compare rows with each other: they
``gather`` what each part holds and ``report`` on all the parts together. The few that follow
a witness from start to end (brackets and quotes, runs of empty rows, the usual length ratio)
say ``WHOLE_DOCUMENT = True`` and run on the whole document in the calling process.

The caller says how many processes to use and how they start. Forked from the caller
(:data:`FORK`), parts start with what it has loaded and worked out (analysers, word vectors,
cached diffs) and only their results travel back; but forking is safe only where no other thread
is at work, as in the command line, and only on Linux. A program with threads (the application)
starts them fresh (:data:`FRESH`), as the command line does elsewhere (:func:`quickest_start`):
from a fork server, which has no threads, or as new interpreters, and hands them the project
in a file, with what its modules have already worked out for each part's rows: a module may
say what it has ``at_hand(context)`` in the caller for a context's rows, and
``take(context, at_hand)`` in the part's process instead of working it out again. The part's
process hands back what it has ``made(context, handed)`` beyond that, which the caller takes
too: the application shows every row's word diffs in its overview, and would otherwise make
those of the other parts' rows again after the run.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import sys
import tempfile
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from importlib import import_module
from itertools import chain
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import ModuleType
from typing import Any

from transcompare.compare.bulk import collection_paused
from transcompare.compare.qa.base import Context, Finding, QAConfig
from transcompare.model import Project
from transcompare.progress import Progress, Task

Gathered = dict[str, Any]
"""What one part of the rows holds for each check module (by module name)."""

FORK = "fork"
"""Parts start as copies of the caller: quick to start, for a caller with no other thread."""
FRESH = "fresh"
"""Parts start in clean processes and are sent the project: slower to start, safe anywhere."""

MIN_PART_ROWS = {FORK: 300, FRESH: 600}
"""Fewer rows than this are not worth a process of their own: a forked process pays again for
what it cannot inherit (word vectors it reads, caches it fills), a fresh one also unpickles the
project and loads the analysers. Measured on two cores (rows of
``benchmarks/compare_speed.py``, varied vocabulary): forked, 300 rows take as long in two parts
as in one, 600 rows 18–40 % less, 2,000 rows 13–35 % less; fresh, 600 rows as long, 1,200 rows
0–15 % less, 2,500 rows 2–30 % less, 10,000 rows 35–38 % less."""

MAX_FRESH_PARTS = 4
"""Parts at most when they are checked in fresh processes (the caller checks one of them).
Fresh processes share no memory with the caller: each holds the whole project besides the
analyses of its part (630 MB at its peak for half of the 10,000 rows of
``benchmarks/compare_speed.py``, varied vocabulary, where the caller's whole process had 650 MB).
More than a few would cost more memory than their speed is worth."""

CALLER_SHARE = {FORK: 1.0, FRESH: 1.1}
"""How many times as many rows as each other part the caller's part gets. Forked parts start
with all the caller has. A fresh part starts later and without the caller's caches (sentences it
tokenized, for one); the caller's part is a little longer to make up for it. Measured on two
cores (the 10,000 rows of ``benchmarks/compare_speed.py``, varied vocabulary, medians of 4-6
runs taken in turn): with every row diffed first, the checks took 4.44 s with the rows shared
equally, 4.37 s with 1.1, 4.31 s with 1.2 and 4.44 s with 1.3; with no diff made first
4.68, 4.60 and 4.88 s with 1.0, 1.1 and 1.2."""

Job = tuple[Project, QAConfig, tuple[str, ...]]
"""What a part's process checks: the project, the settings and the check modules' names."""


def whole_document(module: ModuleType) -> bool:
    return getattr(module, "WHOLE_DOCUMENT", False)


def gather(module: ModuleType, context: Context) -> Any:
    """What a module's check finds, or gathers for its report, in the context's rows."""
    if hasattr(module, "gather"):
        return module.gather(context)
    return list(module.run(context))


def announce(module: ModuleType) -> str:
    return f"QA check: {', '.join(module.CHECKS)}"


def split(rows: range, processes: int, start: str = FORK) -> list[range]:
    """The rows in at most ``processes`` runs, none shorter than about :data:`MIN_PART_ROWS`
    (one run when forking is asked for and not available; at most :data:`MAX_FRESH_PARTS` runs
    in fresh processes). The first run, the caller's, is :data:`CALLER_SHARE` times as long as
    each of the others."""
    count = max(1, min(processes, len(rows) // MIN_PART_ROWS[start]))
    if start == FORK and not _can_fork():
        count = 1
    if start == FRESH:
        count = min(count, MAX_FRESH_PARTS)
    share = CALLER_SHARE[start]
    ends = [(share + k) / (share + count - 1) for k in range(count)]
    bounds = [rows.start, *(rows.start + int(len(rows) * end) for end in ends[:-1]), rows.stop]
    return [range(bounds[k], bounds[k + 1]) for k in range(count)]


def _can_fork() -> bool:
    """Forking copies a process safely on Linux only (macOS system libraries forbid it)."""
    return sys.platform.startswith("linux")


def quickest_start() -> str:
    """How a caller with no other thread at work (the command line) starts parts: forked where
    the system allows it, else fresh."""
    return FORK if _can_fork() else FRESH


def findings_task(
    context: Context, modules: Sequence[ModuleType], processes: int, start: str = FORK
) -> Task[list[Finding]]:
    """Every finding of the modules (unsorted, perhaps repeated). The first part of the rows is
    checked here, the others in processes started as ``start`` says meanwhile, and the
    whole-document checks run here while those processes work."""
    parted = [m for m in modules if not whole_document(m)]
    first, *others = split(context.rows, processes, start)
    elsewhere = _Elsewhere(context, parted, others, start)
    try:
        part = context.part(first) if others else context
        gathered = yield from _gathered(part, parted, len(modules))
        found: list[Finding] = []
        for done, module in enumerate((m for m in modules if whole_document(m)), len(parted)):
            yield Progress(done, len(modules), announce(module))
            found.extend(module.run(context))
        parts = [gathered]
        for other in elsewhere.started():
            parts.append((yield from _waited(other, context, parted, len(modules))))
    finally:
        elsewhere.stop()
    for module in parted:
        of_module = [part[module.__name__] for part in parts]
        if hasattr(module, "report"):
            found.extend(module.report(context, of_module))
        else:
            found.extend(chain.from_iterable(of_module))
    return found


@dataclass(frozen=True)
class _PartProcess:
    """A part of the rows being gathered in another process, which sends the result."""

    rows: range
    process: BaseProcess | None
    """None when no process could be started: the part is gathered here (see :func:`_waited`)."""
    results: Connection | None
    jobs: Connection | None
    """Where a fresh process is sent its job."""


class _Elsewhere:
    """The parts of the rows gathered in processes of their own, from their start to their end
    (:meth:`stop` ends them whether or not they have finished: a cancelled run stops them).

    A forked process inherits the job. Fresh ones are started by a thread of this process at
    once, since a start takes a few tenths of a second (more while the fork server gets up),
    and are then handed the job: the name of a file it is written to once for all, which they
    read while this process works out what it has at hand for their rows, handed over next.
    When the job cannot be written, the processes are told so and end, and every part is
    gathered here."""

    def __init__(
        self, context: Context, modules: Sequence[ModuleType], parts: Sequence[range], start: str
    ) -> None:
        self._parts: list[_PartProcess] = []
        self._starting: threading.Thread | None = None
        self._job_file: Path | None = None
        if not parts:
            return
        job: Job = (context.project, context.config, tuple(m.__name__ for m in modules))
        if start == FORK:  # a forked process has at hand all the caller has
            self._start_all(multiprocessing.get_context("fork"), parts, job, None)
            return
        handed: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._starting = threading.Thread(
            target=self._start_all,
            args=(_fresh_processes(), parts, None, handed),
            name="QA parts starter",
            daemon=True,
        )
        self._starting.start()
        try:
            try:
                self._job_file = _written(job)
            except Exception:  # no room for it: the run never depends on other processes
                handed.put(None)
                return
            handed.put(self._job_file)
            handed.put([_at_hand(context.part(rows), modules) for rows in parts])
        except BaseException:  # Ctrl-C, or a check failing: the processes end, and the run
            handed.put(None)
            self.stop()
            raise

    def _start_all(
        self,
        processes: Any,
        parts: Sequence[range],
        job: Job | None,
        handed: queue.SimpleQueue[Any] | None,
    ) -> None:
        """Start a process for each part: a forked one with the ``job``, a fresh one to be sent
        what comes through ``handed``: the job's file, then what is at hand for each part
        (None instead of either: there is no job)."""
        self._parts.extend(_start(processes, rows, job) for rows in parts)
        if handed is None:
            return
        job_file = handed.get()
        for part in self._parts:
            _hand(part, job_file)
        if job_file is None:
            return
        at_hand = handed.get() or [None] * len(self._parts)
        for part, held in zip(self._parts, at_hand, strict=True):
            _hand(part, held)

    def started(self) -> list[_PartProcess]:
        """Every part, once all have been started (or found unable to start) and handed their
        job."""
        if self._starting is not None:
            self._starting.join()
        return self._parts

    def stop(self) -> None:
        for part in self.started():
            if part.process is not None:
                part.process.kill()
                part.process.join()
            if part.results is not None:
                part.results.close()
            if part.jobs is not None:
                part.jobs.close()
        if self._job_file is not None:
            with suppress(OSError):
                self._job_file.unlink()


def _hand(part: _PartProcess, message: Any) -> None:
    """Send a part's fresh process a message. When it cannot take it (it has ended, or the
    message cannot be sent), the process is stopped and its part gathered here (see
    :func:`_waited`): it must not wait for a message that never comes."""
    if part.jobs is None or part.process is None:
        return
    try:
        part.jobs.send(message)
    except Exception:
        part.process.kill()


def _written(job: Job) -> Path:
    """The job pickled into a file of its own (readable by this user only) for fresh processes
    to read: sent through a pipe, its megabytes would go a few kilobytes at a time, each
    waiting for this process's busy interpreter."""
    with tempfile.NamedTemporaryFile(
        prefix="transcompare-qa-", suffix=".pickle", delete=False
    ) as f:
        try:
            pickle.dump(job, f, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # no room left, or interrupted: no part of it stays behind
            f.close()
            Path(f.name).unlink(missing_ok=True)
            raise
    return Path(f.name)


def _at_hand(context: Context, modules: Sequence[ModuleType]) -> Gathered:
    """What the modules have already worked out in this process for the context's rows."""
    return {m.__name__: m.at_hand(context) for m in modules if hasattr(m, "at_hand")}


def _start(processes: Any, rows: range, job: Job | None) -> _PartProcess:
    """A process gathering ``rows`` (``processes``: a multiprocessing context) of the ``job``,
    or, when None, of the job it is sent; or, when it cannot be started (too many processes
    or open files, a system where starting one fails in a way of its own), a part left to be
    gathered here."""
    try:
        receiving, sending = processes.Pipe(duplex=False)
        jobs = None if job is not None else processes.Pipe(duplex=False)
    except Exception:  # the part is checked here instead: the run never depends on a process
        return _PartProcess(rows, None, None, None)
    source: Job | Connection = job if jobs is None else jobs[0]
    process: BaseProcess | None = processes.Process(
        target=_gather_part, args=(rows, sending, source), daemon=True
    )
    try:
        process.start()
    except Exception:
        process = None
    finally:
        sending.close()
        if jobs is not None:
            jobs[0].close()
    return _PartProcess(rows, process, receiving, None if jobs is None else jobs[1])


def _gathered(context: Context, modules: Sequence[ModuleType], total: int) -> Task[Gathered]:
    """The modules' gatherings, each reported as a step of ``total`` before it starts."""
    gathered: Gathered = {}
    for done, module in enumerate(modules):
        yield Progress(done, total, announce(module))
        gathered[module.__name__] = gather(module, context)
    return gathered


def _waited(
    part: _PartProcess, context: Context, modules: Sequence[ModuleType], total: int
) -> Task[Gathered]:
    """A part's gatherings once its process sends them. When the process ends without sending
    them (a check failed, the system stopped it) or never started, the part is gathered here
    instead: the run still completes, or meets the error where the caller can report it."""
    if part.process is not None and part.results is not None:
        while not part.results.poll(0.1):
            if not part.process.is_alive() and not part.results.poll():
                break
            yield Progress(total, total, "QA checks: waiting for the other parts")
        with suppress(EOFError, OSError):
            gathered: Gathered
            gathered, made = part.results.recv()
            for name, held in made.items():
                import_module(name).take(context, held)
            return gathered
    here = Context(context.project, context.config, part.rows)
    return (yield from _gathered(here, modules, total))


def prepare(rows: range, processes: int) -> None:
    """Get ready for a later run over ``rows`` in ``processes`` fresh processes (see
    :func:`get_ready`) if it would be checked in more than one part. The application calls
    this when it opens a long document, in case the server it started has ended."""
    if len(split(rows, processes, FRESH)) > 1:
        get_ready()


def get_ready() -> None:
    """Start now what a run in fresh processes would first wait for, where the system has it
    and it is not running yet: the fork server, which imports the checks and loads the word
    analysers (about half a second, on another core, and 90 MB). The application calls this
    as it starts."""
    if _has_fork_server():
        _fork_server()
        with suppress(Exception):  # then the run starts it, or checks every part itself
            forkserver.ensure_running()


def _has_fork_server() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def _fresh_processes() -> Any:
    """Where fresh processes come from: a fork server (which imports the checks and loads the
    word analysers once, see :mod:`.preloaded`) where the system has one, else new
    interpreters."""
    return _fork_server() if _has_fork_server() else multiprocessing.get_context("spawn")


def _fork_server() -> Any:
    """The fork server's context, told what to load before it starts processes."""
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["transcompare.compare.qa.preloaded"])
    return server


def _gather_part(rows: range, results: Connection, job: Job | Connection) -> None:
    """Run in a process of its own: send the gatherings of the part of the job in ``rows``.
    A fresh process is sent the job's file, then what the caller had at hand for its rows, to
    take over (None instead of either: there is no job), and sends back with its gatherings
    what it has made beyond that, for the caller to keep. On any error it sends nothing (see
    :func:`_waited`). Ctrl-C is left to the caller, which stops the processes of an
    interrupted run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(Exception), collection_paused():
        at_hand: Gathered | None = {}
        if isinstance(job, Connection):
            job_file = job.recv()
            if job_file is None:
                return
            project, config, names = pickle.loads(job_file.read_bytes())
            at_hand = job.recv()
            if at_hand is None:
                return
        else:
            project, config, names = job
        context = Context(project, config, rows)
        for name, held in at_hand.items():
            import_module(name).take(context, held)
        gathered = {name: gather(import_module(name), context) for name in names}
        made = {name: import_module(name).made(context, held) for name, held in at_hand.items()}
        results.send((gathered, made))
