"""``transcompare align``: presegmented input, output formats, and bad input (exit code 2)."""

from __future__ import annotations

import pytest
from lxml import etree

from transcompare.align.beads import covers, parse_beads
from transcompare.cli import main

SRC = [
    "The minister arrived in Paris on Monday morning.",
    "Farmers complained about the dry summer weather.",
    "A new bridge across the river opened yesterday.",
    "Children painted colourful pictures of wild animals.",
]
TGT = [
    "The minister arrived in Paris on Monday morning.",
    "Farmers complained about the dry summer weather, and a new bridge across the river "
    "opened yesterday.",
    "An unrelated remark was added here by the editor.",
    "Children painted colourful pictures of wild animals.",
]


@pytest.fixture
def files(tmp_path):
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text("\n".join(SRC) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(TGT), encoding="utf-8")
    return src, tgt


def align_presegmented(files, *options: str) -> None:
    """Run ``align --presegmented`` on the two sample files, which must succeed."""
    src, tgt = files
    assert main(["align", str(src), str(tgt), "--presegmented", *options]) == 0


def test_presegmented_beads(files, capsys):
    align_presegmented(files, "--src-lang", "en", "--tgt-lang", "en")
    out = capsys.readouterr().out
    assert out == "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n"
    assert covers(parse_beads(out), 4, 4)


def test_tsv_to_a_file(files, tmp_path):
    out = tmp_path / "out.tsv"
    align_presegmented(files, "--format", "tsv", "-o", str(out))
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[1][:2] == [f"{SRC[1]} {SRC[2]}", TGT[1]]
    assert rows[2][0] == "" and rows[2][1] == TGT[2]
    assert all(0.0 <= float(row[2]) <= 1.0 for row in rows)


def test_tmx(files, tmp_path):
    out = tmp_path / "out.tmx"
    align_presegmented(files, "--format", "tmx", "-o", str(out))
    segments = etree.parse(str(out)).findall(".//tu")
    assert len(segments) == 3  # the row with one side only translates nothing


def test_tei_project(files, tmp_path):
    out = tmp_path / "project.xml"
    align_presegmented(files, "--format", "tei", "-o", str(out))
    from transcompare.formats.tei import read_project

    project = read_project(out)
    assert project.check() == []
    assert len(project.rows) == 4


def test_imported_files_are_segmented(tmp_path, capsys):
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text(" ".join(SRC[:2]) + "\n\n" + SRC[2] + "\n", encoding="utf-8")
    tgt.write_text(" ".join(SRC[:2]) + "\n\n" + SRC[2] + "\n", encoding="utf-8")
    assert main(["align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "en"]) == 0
    assert capsys.readouterr().out == "[0]:[0]\n[1]:[1]\n[2]:[2]\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n  \n", "is empty"),
        (b"\x00\x01binary", "binary"),
        (b"caf\xe9\n", "not UTF-8"),
    ],
)
def test_bad_input_exits_with_2_naming_the_file(files, tmp_path, capsys, content, message):
    src, _ = files
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["align", str(src), str(bad), "--presegmented"]) == 2
    error = capsys.readouterr().err
    assert "bad.txt" in error and message in error
    assert len(error.strip().splitlines()) == 1


def test_a_missing_file_exits_with_2(files, tmp_path, capsys):
    src, _ = files
    assert main(["align", str(src), str(tmp_path / "nope.txt"), "--presegmented"]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_help_documents_every_option(capsys):
    with pytest.raises(SystemExit):
        main(["align", "--help"])
    text = capsys.readouterr().out
    for option in ("--src-lang", "--tgt-lang", "--presegmented", "--format", "--output"):
        assert option in text


@pytest.mark.parametrize("tag", ["e", "en_GB!", "12", "en gb"])
def test_a_bad_language_tag_exits_with_2(files, capsys, tag):
    src, tgt = files
    assert main(["align", str(src), str(tgt), "--presegmented", "--src-lang", tag]) == 2
    assert "language tag" in capsys.readouterr().err


def test_a_folder_exits_with_2(files, tmp_path, capsys):
    src, _ = files
    assert main(["align", str(src), str(tmp_path), "--presegmented"]) == 2
    assert "folder" in capsys.readouterr().err
