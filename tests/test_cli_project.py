"""``transcompare new``, ``export`` and ``validate`` through the command-line entry point."""

from __future__ import annotations

import pytest

from tests.tei_checks import tei_schema  # noqa: F401
from tests.test_formats_evaluations import WMT
from tests.test_tei import hostile_files, sample_project
from transcompare import cli
from transcompare.formats.tei import project_to_xml, read_project, write_project
from transcompare.model import ORIGINAL, TRANSLATION


@pytest.fixture
def transcompare(monkeypatch, capsys):
    """Run the CLI with only this module's commands; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("project",))

    def run(*arguments: str) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in arguments])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "project.xml"
    write_project(sample_project(), path)
    return path


def test_new_builds_and_saves_a_project(tmp_path, transcompare):
    pytest.importorskip("transcompare.importers")
    (tmp_path / "ru.txt").write_text("Первое предложение. Второе.\n\nТретье.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("First sentence. Second.\n\nThird.\n", encoding="utf-8")
    out = tmp_path / "p.xml"
    code, stdout, _ = transcompare(
        "new",
        tmp_path / "ru.txt",
        tmp_path / "en.txt",
        "-o",
        out,
        "--lang",
        "ru",
        "--lang",
        "en",
        "--id",
        "ru",
        "--id",
        "en",
        "--original",
        tmp_path / "ru.txt",
        "--title",
        "Test",
    )
    assert code == 0
    assert stdout == f"{out}: 2 versions, 3 rows\n"
    project = read_project(out)
    assert [(w.id, w.language, w.role) for w in project.witnesses] == [
        ("ru", "ru", ORIGINAL),
        ("en", "en", TRANSLATION),
    ]
    assert (project.pivot, project.metadata["title"]) == ("ru", "Test")
    assert project.log[-1].what == "Created from ru.txt, en.txt"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--id", "a"], "give --id once per file (2 files, 1 values)"),
        (["--lang", "ru", "--lang", "en", "--lang", "de"], "give --lang once per file"),
        (["--original", "elsewhere.txt"], "--original must be one of the files"),
    ],
)
def test_new_rejects_bad_options(tmp_path, transcompare, extra, message):
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    code, stdout, stderr = transcompare("new", *files, "-o", tmp_path / "p.xml", *extra)
    assert (code, stdout) == (2, "")
    assert message in stderr and stderr.count("\n") == 1


def _corpus_folder(folder):
    folder.mkdir()
    (folder / "ru.txt").write_text("Первое предложение. Второе.\n", encoding="utf-8")
    (folder / "en.txt").write_text("First sentence. Second.\n", encoding="utf-8")
    (folder / "corpus.toml").write_text(
        'title = "Pair"\npivot = "en"\n\n[[witness]]\nid = "ru"\nfile = "ru.txt"\n'
        'language = "ru"\n\n[[witness]]\nid = "en"\nfile = "en.txt"\nlanguage = "en"\n',
        encoding="utf-8",
    )
    return folder


def test_new_from_a_corpus_folder(tmp_path, transcompare):
    folder = _corpus_folder(tmp_path / "pair")
    out = tmp_path / "p.xml"
    code, stdout, _ = transcompare("new", folder, "-o", out)
    assert (code, stdout) == (0, f"{out}: 2 versions, 2 rows\n")
    project = read_project(out)
    assert (project.witness_ids, project.pivot, project.metadata["title"]) == (
        ["ru", "en"],
        "en",
        "Pair",
    )


def test_a_corpus_folder_refuses_per_file_options(tmp_path, transcompare):
    folder = _corpus_folder(tmp_path / "pair")
    code, _, stderr = transcompare("new", folder, "-o", tmp_path / "p.xml", "--lang", "de")
    assert code == 2 and "corpus.toml" in stderr and "pair" in stderr


def test_new_with_an_unknown_pivot(tmp_path, transcompare):
    pytest.importorskip("transcompare.importers")
    (tmp_path / "a.txt").write_text("One.\n", encoding="utf-8")
    code, _, stderr = transcompare(
        "new",
        tmp_path / "a.txt",
        "--id",
        "a",
        "--lang",
        "en",
        "--pivot",
        "zz",
        "-o",
        tmp_path / "p.xml",
    )
    assert code == 2 and "no version 'zz' to align through (versions: a)" in stderr
    assert not (tmp_path / "p.xml").exists()


@pytest.mark.parametrize(
    ("fmt", "suffix", "start"),
    [
        ("tei", "xml", b"<?xml"),
        ("tei-publication", "xml", b"<?xml"),
        ("tmx", "tmx", b"<?xml"),
        ("xliff", "xlf", b"<?xml"),
        ("tsv", "tsv", b"row\tru\ten\t"),
        ("html", "html", b"<!DOCTYPE html>"),
    ],
)
def test_export_formats(tmp_path, transcompare, project_file, fmt, suffix, start):
    out = tmp_path / f"out.{suffix}"
    code, stdout, _ = transcompare("export", project_file, "--to", fmt, "-o", out)
    assert (code, stdout) == (0, f"{out}\n")
    assert out.read_bytes().startswith(start)


def test_export_tei_is_the_project_file(tmp_path, transcompare, project_file):
    transcompare("export", project_file, "--to", "tei", "-o", tmp_path / "copy.xml")
    assert (tmp_path / "copy.xml").read_bytes() == project_to_xml(sample_project())


def test_export_options(tmp_path, transcompare, project_file):
    out = tmp_path / "out.tmx"
    code, _, _ = transcompare(
        "export",
        project_file,
        "--to",
        "tmx",
        "-o",
        out,
        "--pairs",
        "pivot",
        "--language",
        "en=en-US",
    )
    assert code == 0
    assert b'xml:lang="en-US"' in out.read_bytes()
    code, _, stderr = transcompare(
        "export", project_file, "--to", "tmx", "-o", out, "--language", "en"
    )
    assert code == 2 and "expected WITNESS=CODE" in stderr


def test_import_an_evaluation_and_validate_it(tmp_path, transcompare, tei_schema):  # noqa: F811
    source = tmp_path / "mqm.tsv"
    source.write_text(WMT, encoding="utf-8")
    out = tmp_path / "review.xml"
    code, _, _ = transcompare(
        "export",
        source,
        "--from",
        "wmt-mqm",
        "--src-lang",
        "en",
        "--tgt-lang",
        "de",
        "--to",
        "tei",
        "-o",
        out,
    )
    assert code == 0
    assert len(read_project(out).annotations) == 5
    code, stdout, _ = transcompare("validate", out)
    assert (code, stdout) == (0, f"{out}: valid\n")


def test_validate_reports_problems_with_lines(tmp_path, transcompare, tei_schema):  # noqa: F811
    path = tmp_path / "bad.xml"
    data = project_to_xml(sample_project()).replace(b'"#ru.s1 #en.s1"', b'"#ru.s1 #en.s9"')
    path.write_bytes(data)
    line = data[: data.index(b"#en.s9")].count(b"\n") + 1
    code, stdout, _ = transcompare("validate", path)
    assert code == 1
    assert stdout.splitlines() == [
        f"{path}:{line}: @target: #en.s9 points to no element",
        f"{path}: invalid (1 problem)",
    ]


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize("kind", ["xxe", "laughs", "missing"])
def test_unreadable_and_hostile_files_exit_2(tmp_path, transcompare, command, kind):
    path = tmp_path / f"{kind}.xml"
    if kind != "missing":
        path.write_bytes(hostile_files(tmp_path)[kind])
    extra = ["--to", "tsv", "-o", tmp_path / "out.tsv"] if command == "export" else []
    code, stdout, stderr = transcompare(command, path, *extra)
    assert code == 2 and stdout == ""
    assert stderr.startswith(f"transcompare: {path}: ") and stderr.count("\n") == 1
    assert "TOP-SECRET-TOKEN" not in stdout + stderr
    assert not (tmp_path / "out.tsv").exists()
