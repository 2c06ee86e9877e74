"""What the commands print: UTF-8 output whatever the console, and progress on a terminal."""

from __future__ import annotations

import sys
from typing import TypeVar

from transcompare.progress import Progress, Task, run

T = TypeVar("T")


def write_utf8(text: str) -> None:
    """Write to standard output as UTF-8 bytes, bypassing a console encoding that may not
    hold every character (a cp1252 console and Cyrillic text)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def run_showing_progress(task: Task[T]) -> T:
    """Run a task, with its progress as one self-overwriting line on standard error when that
    is a terminal (nothing goes to a log or a pipe)."""
    if not sys.stderr.isatty():
        return run(task)
    try:
        return run(task, _show)
    finally:
        print(file=sys.stderr)


def _show(progress: Progress) -> None:
    print(f"\r{progress.message} ({progress.done}/{progress.total})", end="", file=sys.stderr)
