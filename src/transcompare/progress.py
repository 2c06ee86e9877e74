"""Long work as generators: each step yields a :class:`Progress`, the result is the return value.

The CLI and the tests drive such a generator with :func:`run`; the UI drives it in a worker
thread, which checks a cancel flag at every yield. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""


Task = Generator[Progress, None, T]
"""A piece of long work: yields progress, returns its result."""


def run(task: Task[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a task to the end and return its result (no cancellation)."""
    while True:
        try:
            step = next(task)
        except StopIteration as finished:
            return finished.value
        if on_progress is not None:
            on_progress(step)
