"""``transcompare gui``: arguments, no Qt for the other commands, and the screenshot mode that
renders the window once loading has finished and exits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.builders import make_project
from transcompare.cli import build_parser, main
from transcompare.formats import tei


def test_arguments():
    args = build_parser().parse_args(["gui", "a.txt", "b.txt", "--screenshot", "w.png"])
    assert [str(p) for p in args.files] == ["a.txt", "b.txt"]
    assert str(args.screenshot) == "w.png"


def test_a_missing_file_is_bad_input(capsys, tmp_path):
    assert main(["gui", str(tmp_path / "nothing.xml")]) == 2
    assert "nothing.xml: no such file or folder" in capsys.readouterr().err


def test_the_command_line_does_not_load_qt():
    code = (
        "import sys; from transcompare.cli import build_parser; build_parser(); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_screenshot_of_a_project(tmp_path):
    project = make_project(
        {
            "en-a": ["The talk was long.", "Khrushchev sent regards."],
            "en-b": ["The talk was lengthy.", "Khrushchov sent his regards."],
        }
    )
    path = tmp_path / "two.xml"
    tei.write_project(project, path)
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "transcompare", "gui", str(path), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_screenshot_fails_cleanly_on_a_broken_project(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("not xml", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "transcompare",
            "gui",
            str(broken),
            "--screenshot",
            str(tmp_path / "w.png"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "broken.xml" in result.stderr and "Traceback" not in result.stderr
