"""Every kind of unusable file gives an InputError naming the file, never a traceback or hang.

``BAD_INPUTS`` is shared with the command-line tests, which check the same files end to end.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from transcompare.errors import InputError
from transcompare.importers import read_document


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as file:
        file.truncate(200 * 2**20)  # sparse: instant, and takes no disk space
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], dict[str, str], str]] = {
    # case: (make the file in a folder, read_document options, expected problem)
    "empty": (_write("empty.txt", b""), {}, "is empty"),
    "whitespace": (_write("blank.txt", b" \n\t\r\n  \n"), {}, "contains no text"),
    "binary": (_write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"), {}, "binary file"),
    "forced encoding": (
        _write("russian.txt", "Привет, мир".encode("cp1251")),
        {"encoding": "utf-8"},
        "cannot be decoded as utf-8",
    ),
    "unknown encoding": (_write("plain.txt", b"text"), {"encoding": "martian"}, "unknown encoding"),
    "bad language": (_write("plain.txt", b"text"), {"language": "not a tag"}, "not a language tag"),
    "pdf": (
        _write("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj"),
        {},
        "is a PDF file, which cannot",
    ),
    "rtf": (_write("letter.rtf", b"{\\rtf1\\ansi Hello}"), {}, "is an RTF file, which cannot"),
    "huge": (_huge, {}, "is too large (200 MB; the limit is 50 MB)"),
    "folder": (lambda folder: folder, {}, "is a folder, not a file"),
    "missing": (lambda folder: folder / "missing.txt", {}, "no such file"),
    "pipe": (_fifo, {}, "is not a regular file"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_refused_with_the_file_named(tmp_path: Path, case: str) -> None:
    make, options, problem = BAD_INPUTS[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_document(path, **options)
    assert caught.value.path == str(path)
    assert problem in caught.value.problem


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # the superuser reads anything: make the refusal happen
        monkeypatch.setattr(Path, "open", _refuse)
    with pytest.raises(InputError, match="secret.txt: permission denied"):
        read_document(path)


def _refuse(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")
