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
from a fork server, which has no threads, or as new interpreters, and sends them the project.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import import_module
from itertools import chain
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
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
    """The rows in at most ``processes`` runs of about equal length, none shorter than
    :data:`MIN_PART_ROWS` (one run when forking is asked for and not available; at most
    :data:`MAX_FRESH_PARTS` runs in fresh processes)."""
    count = max(1, min(processes, len(rows) // MIN_PART_ROWS[start]))
    if start == FORK and not _can_fork():
        count = 1
    if start == FRESH:
        count = min(count, MAX_FRESH_PARTS)
    bounds = [rows.start + len(rows) * k // count for k in range(count + 1)]
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
    with _started(context, parted, others, start) as elsewhere:
        part = context.part(first) if others else context
        gathered = yield from _gathered(part, parted, len(modules))
        found: list[Finding] = []
        for done, module in enumerate((m for m in modules if whole_document(m)), len(parted)):
            yield Progress(done, len(modules), announce(module))
            found.extend(module.run(context))
        parts = [gathered]
        for other in elsewhere:
            parts.append((yield from _waited(other, context, parted, len(modules))))
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
    results: Connection


@contextmanager
def _started(
    context: Context, modules: Sequence[ModuleType], parts: Sequence[range], start: str
) -> Iterator[list[_PartProcess]]:
    """The gatherings of ``parts``, under way in processes of their own; the processes end
    with the ``with`` block, whether or not they have finished (a cancelled run stops them).
    A forked process inherits the job; a fresh one is sent it, pickled once for all."""
    if not parts:
        yield []
        return
    job: Job | bytes = (context.project, context.config, tuple(m.__name__ for m in modules))
    if start == FORK:
        processes = multiprocessing.get_context("fork")
    else:
        processes = _fresh_processes()
        job = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
    started: list[_PartProcess] = []
    try:
        for rows in parts:
            started.append(_start(processes, rows, job))
        yield started
    finally:
        for part in started:
            if part.process is not None:
                part.process.kill()
                part.process.join()
            part.results.close()


def _start(processes: Any, rows: range, job: Job | bytes) -> _PartProcess:
    """A process gathering ``rows`` (``processes``: a multiprocessing context), or, when it
    cannot be started (too many processes, a fresh process that fails to prepare itself, a
    system where starting one fails in a way of its own), a part left to be gathered here."""
    receiving, sending = processes.Pipe(duplex=False)
    process: BaseProcess | None = processes.Process(
        target=_gather_part, args=(rows, sending, job), daemon=True
    )
    try:
        process.start()
    except Exception:  # the part is checked here instead: the run never depends on a process
        process = None
    finally:
        sending.close()
    return _PartProcess(rows, process, receiving)


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
    while not part.results.poll(0.1):
        if part.process is None or (not part.process.is_alive() and not part.results.poll()):
            break
        yield Progress(total, total, "QA checks: waiting for the other parts")
    try:
        return part.results.recv()
    except (EOFError, OSError):
        here = Context(context.project, context.config, part.rows)
        return (yield from _gathered(here, modules, total))


def _fresh_processes() -> Any:
    """Where fresh processes come from: a fork server (which imports the checks once) where the
    system has one, else new interpreters."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(["transcompare.compare.qa"])
        return server
    return multiprocessing.get_context("spawn")


def _gather_part(rows: range, results: Connection, job: Job | bytes) -> None:
    """Run in a process of its own: send the gatherings of the part of the job in ``rows``.
    On any error it sends nothing (see :func:`_waited`). Ctrl-C is left to the caller, which
    stops the processes of an interrupted run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(Exception), collection_paused():
        project, config, names = pickle.loads(job) if isinstance(job, bytes) else job
        context = Context(project, config, rows)
        results.send({name: gather(import_module(name), context) for name in names})
