"""Atomic file writes: a save either completes or leaves the previous file untouched.

The new content goes to a temporary file in the target's folder, is flushed and fsynced, then
renamed over the target with ``os.replace`` (atomic on POSIX and Windows); the folder is
fsynced so the rename itself survives a crash. With ``backup=True`` the previous version is
first kept as ``NAME.bak`` (written the same atomic way), so a bad save can be undone by hand.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from transcompare.errors import InputError

BACKUP_SUFFIX = ".bak"


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``path`` is kept: ``project.xml`` → ``project.xml.bak``."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path: str | os.PathLike[str], data: bytes, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically; the file is never left half written.

    An OSError (disk full, permission denied, missing folder) becomes an InputError naming the
    file, and the temporary file is removed.
    """
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        exists = True
    except FileNotFoundError:
        mode, exists = None, False
    except OSError as error:
        raise InputError(target, f"cannot be saved ({error.strerror})") from None
    try:
        if backup and exists:
            _replace(backup_path(target), target.read_bytes(), mode)
        _replace(target, data, mode)
    except OSError as error:
        raise InputError(target, f"cannot be saved ({error.strerror or error})") from None


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable; folders cannot be opened for syncing on every platform."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
