"""Reading a user's file into memory, with every way that can fail turned into an InputError.

Every file the user names (a document to import, a project, an evaluation, a corpus manifest,
presegmented text) is read here, so a missing, unreadable, huge or empty file is refused with the
same words wherever it is opened. The size limit is checked before anything is read, so a huge
file (or a device or pipe that never ends) is refused at once instead of filling memory or
hanging.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from transcompare.errors import InputError

MAX_INPUT_BYTES = 50 * 2**20
"""The largest document TransCompare imports or aligns (50 MB): far above any real one."""


def megabytes(size: int) -> str:
    """A size for messages, e.g. "200 MB" or "0.3 MB"."""
    value = size / 2**20
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def check_size(path: str | os.PathLike[str] | None, size: int, limit: int) -> None:
    """Refuse ``size`` bytes above ``limit``, in the same words for a file not yet read and for
    data that reached memory another way."""
    if size > limit:
        raise InputError(path, f"is too large ({megabytes(size)}; the limit is {megabytes(limit)})")


def read_bytes(
    path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES, missing: str = "no such file"
) -> bytes:
    """The whole content of a non-empty regular file of at most ``limit`` bytes.

    ``missing`` is the problem reported when the file does not exist, so a caller can say what
    the file is for.
    """
    file = Path(path)
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file")
        check_size(path, info.st_size, limit)
        with file.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, missing) from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:  # the file grew after stat()
        raise InputError(path, f"is too large (more than {megabytes(limit)})")
    if not data:
        raise InputError(path, "the file is empty")
    return data


def utf8_text(path: str | os.PathLike[str], data: bytes) -> str:
    """``data`` decoded as UTF-8 (a byte-order mark is dropped), for formats that allow no other
    encoding; text that is only whitespace is refused like an empty file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text") from None
    if not text.strip():
        raise InputError(path, "the file is empty")
    return text


def read_utf8(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> str:
    """A small UTF-8 file the user gave (a glossary, a rules file): read, checked, decoded."""
    return utf8_text(path, read_bytes(path, limit))
