"""From files to a ready project: import, segment, align. Shared by the CLI and the UI.

Each entry point is a task (a generator yielding progress, see :mod:`transcompare.progress`) so
the UI can run it in a worker thread with a progress bar and a cancel button.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from transcompare.errors import InputError
from transcompare.model import TRANSLATION, Project, Witness
from transcompare.progress import Progress, Task

if TYPE_CHECKING:
    from transcompare.align import AlignConfig


@dataclass(frozen=True)
class WitnessSource:
    """A file to import as one witness, with what the user said about it."""

    path: Path
    id: str | None = None
    language: str | None = None
    role: str = TRANSLATION
    encoding: str | None = None
    title: str = ""
    translator: str = ""
    source: str = ""


def build_project(
    sources: Sequence[WitnessSource],
    pivot: str | None = None,
    metadata: dict[str, str] | None = None,
    config: AlignConfig | None = None,
) -> Task[Project]:
    """Import every source, segment it, and align all witnesses (through the pivot) into rows."""
    from transcompare.align import align_project
    from transcompare.align.config import DEFAULT_CONFIG
    from transcompare.importers import load_witness

    witnesses: list[Witness] = []
    for number, source in enumerate(sources):
        yield Progress(number, len(sources), f"Importing {source.path.name}")
        witnesses.append(load_witness(source, taken_ids=[w.id for w in witnesses]))
    if pivot and pivot not in {w.id for w in witnesses}:
        known = ", ".join(w.id for w in witnesses)
        message = f"there is no version {pivot!r} to align through (versions: {known})"
        raise InputError(None, message)
    project = Project(witnesses, metadata=metadata, pivot=pivot or "")
    project.set_rows((yield from align_project(project, config or DEFAULT_CONFIG)))
    return project


def open_corpus(folder: str | os.PathLike[str]) -> Task[Project]:
    """Build a project from a corpus folder (its ``corpus.toml`` names the files)."""
    from transcompare.corpus import read_corpus

    corpus = read_corpus(folder)
    metadata = {"title": corpus.title} if corpus.title else {}
    return (yield from build_project(corpus.sources, corpus.pivot or None, metadata))
