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
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from itertools import chain
from multiprocessing.pool import AsyncResult
from types import ModuleType
from typing import Any

from transcompare.compare.qa.base import Context, Finding, QAConfig
from transcompare.model import Project
from transcompare.progress import Progress, Task

Gathered = dict[str, Any]
"""What one part of the rows holds for each check module (by module name)."""

MIN_PART_ROWS = 1000
"""Fewer rows than this are not worth a process of their own: a forked process pays again for
what it cannot inherit (word vectors it reads, caches it fills)."""

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
    with _forked(context, parted, others) as pending:
        part = Context(context.project, context.config, first) if others else context
        gathered = yield from _gathered(part, parted, len(modules))
        found: list[Finding] = []
        for done, module in enumerate((m for m in modules if whole_document(m)), len(parted)):
            yield Progress(done, len(modules), announce(module))
            found.extend(module.run(context))
        parts = [gathered, *(yield from _waited(pending, len(modules)))]
    for module in parted:
        of_module = [part[module.__name__] for part in parts]
        if hasattr(module, "report"):
            found.extend(module.report(context, of_module))
        else:
            found.extend(chain.from_iterable(of_module))
    return found


@contextmanager
def _forked(
    context: Context, modules: Sequence[ModuleType], parts: Sequence[range]
) -> Iterator[AsyncResult[list[Gathered]] | None]:
    """The gatherings of ``parts``, under way in forked processes (None when there are none);
    the processes end with the ``with`` block, whether or not they have finished."""
    if not parts:
        yield None
        return
    global _job
    _job = (context.project, context.config, tuple(m.__name__ for m in modules))
    try:
        with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
            yield pool.map_async(_gather_part, parts)
    finally:
        _job = None


def _gathered(context: Context, modules: Sequence[ModuleType], total: int) -> Task[Gathered]:
    """The modules' gatherings, each reported as a step of ``total`` before it starts."""
    gathered: Gathered = {}
    for done, module in enumerate(modules):
        yield Progress(done, total, announce(module))
        gathered[module.__name__] = gather(module, context)
    return gathered


def _waited(pending: AsyncResult[list[Gathered]] | None, total: int) -> Task[list[Gathered]]:
    if pending is None:
        return []
    while not pending.ready():
        yield Progress(total, total, "QA checks: waiting for the other parts")
        pending.wait(0.1)
    return pending.get()


def _gather_part(rows: range) -> Gathered:
    """Run in a forked process: the part of :data:`_job` in ``rows``."""
    assert _job is not None, "parts are gathered in processes forked by findings_task"
    project, config, names = _job
    context = Context(project, config, rows)
    return {name: gather(import_module(name), context) for name in names}
