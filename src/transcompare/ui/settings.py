"""Where the application keeps its preferences (QSettings), and the recent-files list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "TransCompare"
APPLICATION = "TransCompare"
RECENT_KEY = "files/recent"
RECENT_LIMIT = 10


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [str(item) for item in value or []]


def add_recent_file(path: str | Path) -> list[str]:
    """Put ``path`` first in the recent list (without duplicates) and return the list."""
    path = str(Path(path).resolve())
    files = [path] + [item for item in recent_files() if item != path]
    settings().setValue(RECENT_KEY, files[:RECENT_LIMIT])
    return files[:RECENT_LIMIT]


def clear_recent_files() -> None:
    settings().remove(RECENT_KEY)
