"""TSV export: one escaped line per row."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from tests.test_tei import sample_project
from transcompare.formats.tsv import escape, tsv_text, write_tsv


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a\tb", "a\\tb"),
        ("line\r\nnext", "line\\r\\nnext"),
        ("back\\slash", "back\\\\slash"),
        ("plain «text»", "plain «text»"),
    ],
)
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_lines(tmp_path):
    assert tsv_text(sample_project()).splitlines() == [
        "row\tru\ten\tstatus\tconfidence",
        "1\tЗаголовок\tTitle\tconfirmed\t0.875",
        "2\tА & Б.\tA and B. Part two.\tautomatic\t0.5",
        f"3\t/ ... /\t\tautomatic\t{1 / 3!r}",
        "4\t\t\tautomatic\t0.0",
        "5\tКонец «цитаты».\t\tautomatic\t0.0",
        "6\t\tExtra.\tautomatic\t0.0",
    ]
    path = tmp_path / "out.tsv"
    write_tsv(make_project({"a": ["x\ty"], "b": ["z"]}), path)
    assert (
        path.read_text(encoding="utf-8")
        == "row\ta\tb\tstatus\tconfidence\n1\tx\\ty\tz\tautomatic\t0.0\n"
    )
