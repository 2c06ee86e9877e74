"""Checking a long document in parts, several parts at once in processes of their own.

Most checks look at one row at a time: their findings on the document are their findings on
each part of its rows. Two (names, terminology) also compare rows with each other: they
``gather`` what each part holds and ``report`` on all the parts together. The few that follow
a witness from start to end (brackets and quotes, runs of empty rows, the usual length ratio)
say ``WHOLE_DOCUMENT = True`` and run on the whole document in the calling process.

Parts are checked in processes forked from the caller, so they start with what it has loaded
and worked out (analysers, word vectors, cached diffs) and only their results travel back.
Forking is safe only where no other thread is at work, so it is the caller that says how many
processes to use: the command line uses a process per core, the application (whose window has
threads of its own) checks in its own process.
"""

from __future__ import annotations

import multiprocessing
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

from transcompare.compare.qa.base import Context, Finding, QAConfig
from transcompare.model import Project
from transcompare.progress import Progress, Task

Gathered = dict[str, Any]
"""What one part of the rows holds for each check module (by module name)."""

MIN_PART_ROWS = 300
"""Fewer rows than this are not worth a process of their own: a forked process pays again for
what it cannot inherit (word vectors it reads, caches it fills). Measured on two cores: 300
rows take as long in two parts as in one, 600 rows 18–40 % less, 2,000 rows 13–35 % less
(rows of ``benchmarks/compare_speed.py``, varied vocabulary)."""

_job: tuple[Project, QAConfig, tuple[str, ...]] | None = None
"""The work of the processes being forked: they inherit it instead of unpickling a project."""


def whole_document(module: ModuleType) -> bool:
    return getattr(module, "WHOLE_DOCUMENT", False)


def gather(module: ModuleType, context: Context) -> Any:
    """What a module's check finds, or gathers for its report, in the context's rows."""
    if hasattr(module, "gather"):
        return module.gather(context)
    return list(module.run(context))


def announce(module: ModuleType) -> str:
    return f"QA check: {', '.join(module.CHECKS)}"


def split(rows: range, processes: int) -> list[range]:
    """The rows in at most ``processes`` runs of about equal length, none shorter than
    :data:`MIN_PART_ROWS` (one run when forking is not available)."""
    count = max(1, min(processes, len(rows) // MIN_PART_ROWS))
    if not _can_fork():
        count = 1
    bounds = [rows.start + len(rows) * k // count for k in range(count + 1)]
    return [range(bounds[k], bounds[k + 1]) for k in range(count)]


def _can_fork() -> bool:
    """Forking copies a process safely on Linux only (macOS system libraries forbid it)."""
    return sys.platform.startswith("linux")


def findings_task(
    context: Context, modules: Sequence[ModuleType], processes: int
) -> Task[list[Finding]]:
    """Every finding of the modules (unsorted, perhaps repeated). The first part of the rows is
    checked here, the others in forked processes meanwhile, and the whole-document checks run
    here while those processes work."""
    parted = [m for m in modules if not whole_document(m)]
    first, *others = split(context.rows, processes)
    with _forked(context, parted, others) as forked:
        part = context.part(first) if others else context
        gathered = yield from _gathered(part, parted, len(modules))
        found: list[Finding] = []
        for done, module in enumerate((m for m in modules if whole_document(m)), len(parted)):
            yield Progress(done, len(modules), announce(module))
            found.extend(module.run(context))
        parts = [gathered]
        for other in forked:
            parts.append((yield from _waited(other, context, parted, len(modules))))
    for module in parted:
        of_module = [part[module.__name__] for part in parts]
        if hasattr(module, "report"):
            found.extend(module.report(context, of_module))
        else:
            found.extend(chain.from_iterable(of_module))
    return found


@dataclass(frozen=True)
class _Forked:
    """A part of the rows being gathered in a forked process, which sends the result."""

    rows: range
    process: BaseProcess
    results: Connection


@contextmanager
def _forked(
    context: Context, modules: Sequence[ModuleType], parts: Sequence[range]
) -> Iterator[list[_Forked]]:
    """The gatherings of ``parts``, under way in forked processes; the processes end with the
    ``with`` block, whether or not they have finished (a cancelled run stops them)."""
    global _job
    _job = (context.project, context.config, tuple(m.__name__ for m in modules))
    fork = multiprocessing.get_context("fork")
    started: list[_Forked] = []
    try:
        for rows in parts:
            receiving, sending = fork.Pipe(duplex=False)
            process = fork.Process(target=_gather_part, args=(rows, sending), daemon=True)
            process.start()
            sending.close()
            started.append(_Forked(rows, process, receiving))
        yield started
    finally:
        _job = None
        for part in started:
            part.process.kill()
            part.process.join()
            part.results.close()


def _gathered(context: Context, modules: Sequence[ModuleType], total: int) -> Task[Gathered]:
    """The modules' gatherings, each reported as a step of ``total`` before it starts."""
    gathered: Gathered = {}
    for done, module in enumerate(modules):
        yield Progress(done, total, announce(module))
        gathered[module.__name__] = gather(module, context)
    return gathered


def _waited(
    part: _Forked, context: Context, modules: Sequence[ModuleType], total: int
) -> Task[Gathered]:
    """A forked part's gatherings once it sends them. When its process ends without sending
    them (a check failed, the system stopped it), the part is gathered here instead: the run
    still completes, or meets the error where the caller can report it."""
    while not part.results.poll(0.1):
        if not part.process.is_alive() and not part.results.poll():
            break
        yield Progress(total, total, "QA checks: waiting for the other parts")
    try:
        return part.results.recv()
    except (EOFError, OSError):
        here = Context(context.project, context.config, part.rows)
        return (yield from _gathered(here, modules, total))


def _gather_part(rows: range, results: Connection) -> None:
    """Run in a forked process: send the gatherings of the part of :data:`_job` in ``rows``.
    On any error it sends nothing (see :func:`_waited`). Ctrl-C is left to the caller, which
    stops the processes of an interrupted run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    assert _job is not None, "parts are gathered in processes forked by findings_task"
    project, config, names = _job
    context = Context(project, config, rows)
    with suppress(Exception):
        results.send({name: gather(import_module(name), context) for name in names})
