"""Autosave and crash recovery for the desktop application.

Autosaves live in ``<data dir>/autosave/`` (``TRANSCOMPARE_DATA_DIR`` overrides the data dir;
otherwise the platform's user data folder). Each autosave is a project file plus a small JSON
sidecar naming the project it belongs to, so that after a crash :func:`find_recoverable` can
offer "recover unsaved work on X". The UI writes autosaves from a timer, calls
:func:`discard_autosave` after a successful save or when the user declines recovery, and opens a
recovered file with :func:`transcompare.formats.tei.read_project`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from transcompare.formats.storage import atomic_write
from transcompare.formats.tei import project_to_xml
from transcompare.model import Project, now_iso

DATA_DIR_VARIABLE = "TRANSCOMPARE_DATA_DIR"
_SIDECAR = ".json"


def data_dir() -> Path:
    """The user's data folder for TransCompare."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / "TransCompare"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "TransCompare"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "transcompare"


def autosave_path(project_path: str | os.PathLike[str] | None) -> Path:
    """Where the autosave of a project goes: one file per project path; an unsaved project
    gets one per running process."""
    folder = data_dir() / "autosave"
    if project_path is None:
        return folder / f"untitled-{os.getpid()}.xml"
    resolved = str(Path(project_path).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
    return folder / f"{Path(project_path).stem}-{digest}.xml"


def _sidecar(autosave: Path) -> Path:
    return autosave.with_suffix(_SIDECAR)


@dataclass(frozen=True)
class Recoverable:
    autosave: Path
    project_path: Path | None
    """The project file the work belongs to; None for a project never saved."""
    saved: str
    """When the autosave was written (ISO 8601)."""


def write_autosave(project: Project, project_path: str | os.PathLike[str] | None = None) -> Path:
    """Write the project's autosave (atomically) and return its path."""
    autosave = autosave_path(project_path)
    autosave.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(autosave, project_to_xml(project))
    record = {
        "project": None if project_path is None else str(Path(project_path).resolve()),
        "saved": now_iso(),
    }
    atomic_write(_sidecar(autosave), json.dumps(record).encode("utf-8"))
    return autosave


def find_recoverable() -> list[Recoverable]:
    """Autosaves left behind (by a crash, or work never saved), newest first."""
    folder = data_dir() / "autosave"
    found = []
    for sidecar in folder.glob(f"*{_SIDECAR}") if folder.is_dir() else ():
        autosave = sidecar.with_suffix(".xml")
        try:
            record = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not autosave.is_file() or not isinstance(record, dict):
            continue
        project = record.get("project")
        found.append(
            Recoverable(autosave, Path(project) if project else None, str(record.get("saved", "")))
        )
    return sorted(found, key=lambda r: r.saved, reverse=True)


def discard_autosave(autosave: str | os.PathLike[str]) -> None:
    """Delete an autosave and its sidecar (missing files are fine)."""
    path = Path(autosave)
    for file in (path, _sidecar(path)):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
