"""From files to a ready project: import, segment, align. Shared by the CLI and the UI.

Each entry point is a task (a generator yielding progress, see :mod:`transcompare.progress`) so
the UI can run it in a worker thread with a progress bar and a cancel button.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transcompare.model import TRANSLATION, Project, Witness, one_to_one_rows
from transcompare.progress import Progress, Task


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
    sources: Sequence[WitnessSource], pivot: str | None = None, metadata: dict[str, str] | None = None
) -> Task[Project]:
    """Import every source, segment it, align all witnesses (through the pivot) into rows."""
    from transcompare.importers import load_witness

    witnesses: list[Witness] = []
    for number, source in enumerate(sources):
        yield Progress(number, len(sources) + 1, f"Importing {source.path.name}")
        witnesses.append(load_witness(source, taken_ids=[w.id for w in witnesses]))
    project = Project(witnesses, metadata=metadata, pivot=pivot or "")
    yield Progress(len(sources), len(sources) + 1, "Aligning")
    project.set_rows(one_to_one_rows(project))
    return project

