"""Reading a user's file: the size limit each caller gives, and the words for every refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcompare.errors import InputError
from transcompare.userfiles import check_size, megabytes, read_bytes, utf8_text


@pytest.mark.parametrize(
    ("size", "text"), [(0, "0.0 MB"), (2**19, "0.5 MB"), (10 * 2**20, "10 MB"), (2**30, "1024 MB")]
)
def test_megabytes(size: int, text: str) -> None:
    assert megabytes(size) == text


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"four")
    assert read_bytes(path, limit=4) == b"four"


@pytest.mark.parametrize(
    ("content", "options", "problem"),
    [
        (b"x" * 2**20, {"limit": 2**19}, "is too large (1.0 MB; the limit is 0.5 MB)"),
        (b"", {}, "the file is empty"),
        (None, {}, "no such file"),
        (None, {"missing": "no such file: a list needs one"}, "no such file: a list needs one"),
    ],
)
def test_refusals(tmp_path: Path, content: bytes | None, options: dict, problem: str) -> None:
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_bytes(path, **options)
    assert (caught.value.path, caught.value.problem) == (str(path), problem)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_bytes(tmp_path)


def test_check_size_names_what_is_in_memory() -> None:
    check_size("a.xml", 2**20, 2**20)
    with pytest.raises(InputError, match=r"^a.xml: is too large \(1.0 MB; the limit is 0.5 MB\)$"):
        check_size("a.xml", 2**20, 2**19)


@pytest.mark.parametrize(
    ("data", "text"), [(b"caf\xc3\xa9", "café"), (b"\xef\xbb\xbfx\n", "x\n"), (b" a ", " a ")]
)
def test_utf8_text(data: bytes, text: str) -> None:
    assert utf8_text("a.txt", data) == text


@pytest.mark.parametrize(
    ("data", "problem"), [(b"caf\xe9", "is not UTF-8 text"), (b" \n\t", "the file is empty")]
)
def test_utf8_text_refusals(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        utf8_text("a.txt", data)
    assert caught.value.problem == problem
