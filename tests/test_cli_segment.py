"""``transcompare segment``: sentences as text lines or JSON, and one-line errors (exit 2)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.test_importers_bad_input import BAD_INPUTS
from transcompare import cli

SAMPLE = "Heading\n\nThe first sentence of\nthe text. The second one? / ... /\n\nLast."


@pytest.fixture(autouse=True)
def only_segment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register only the command under test, so these tests do not depend on the others."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("segment",))


def write(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    path = folder / "sample.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_text_output_is_one_sentence_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["segment", str(write(tmp_path, SAMPLE))]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "Heading",
        "The first sentence of the text.",
        "The second one?",
        "/ ... /",
        "Last.",
    ]
    assert captured.err == ""


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["segment", str(write(tmp_path, SAMPLE)), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0] == {
        "id": "en-sample.s1",
        "paragraph": 0,
        "start": 0,
        "end": 7,
        "text": "Heading",
        "kind": "text",
    }
    assert [(r["id"], r["paragraph"], r["text"], r["kind"]) for r in records[1:]] == [
        ("en-sample.s2", 1, "The first sentence of\nthe text.", "text"),
        ("en-sample.s3", 1, "The second one?", "text"),
        ("en-sample.s4", 1, "/ ... /", "gap"),
        ("en-sample.s5", 2, "Last.", "text"),
    ]
    assert all(SAMPLE[r["start"] : r["end"]] == r["text"] for r in records)


def test_language_and_encoding_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "Это г. Москва. Второе.", encoding="koi8-r")
    assert (
        cli.main(["segment", str(path), "--lang", "ru", "--encoding", "koi8-r", "--format", "json"])
        == 0
    )
    records = json.loads(capsys.readouterr().out)
    assert [r["text"] for r in records] == ["Это г. Москва.", "Второе."]
    assert records[0]["id"] == "ru-sample.s1"


def test_output_is_utf8_whatever_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert cli.main(["segment", str(write(tmp_path, "Привет, мир."))]) == 0
    assert console.buffer.getvalue().decode("utf-8") == "Привет, мир.\n"


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    make, options, problem = BAD_INPUTS[case]
    path = make(tmp_path)
    flags = {"encoding": "--encoding", "language": "--lang"}
    arguments = [item for key, value in options.items() for item in (flags[key], value)]
    assert cli.main(["segment", str(path), *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"transcompare: {path}: ")
    assert captured.err.count("\n") == 1
    assert problem in captured.err
