"""Reading a user's file into memory, with every way that can fail turned into an InputError.

The size limit is checked before anything is read, so a huge file (or a device or pipe that
never ends) is refused at once instead of filling memory or hanging.
"""

from __future__ import annotations

import stat
from pathlib import Path

from transcompare.errors import InputError

MAX_INPUT_BYTES = 50 * 2**20
"""The largest file TransCompare imports (50 MB): far above any document it can align."""


def megabytes(size: int) -> str:
    """A size for messages, e.g. "200 MB" or "0.3 MB"."""
    value = size / 2**20
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file")
        if info.st_size > limit:
            raise InputError(
                path, f"is too large ({megabytes(info.st_size)}; the limit is {megabytes(limit)})"
            )
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise InputError(path, f"is too large (more than {megabytes(limit)})")
    if not data:
        raise InputError(path, "is empty")
    return data
