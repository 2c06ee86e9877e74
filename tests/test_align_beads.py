"""The beads text format: writing, reading, and the coverage check."""

from __future__ import annotations

import pytest

from transcompare.align.beads import covers, format_beads, parse_beads


def test_format_beads():
    assert format_beads([((0, 1), (0,)), ((), (1,)), ((2,), ())]) == "[0, 1]:[0]\n[]:[1]\n[2]:[]\n"


def test_parse_beads_accepts_spacing_and_blank_lines():
    assert parse_beads("[0,1]:[0]\n\n [] : [1] \n[2]:[]") == [
        ((0, 1), (0,)),
        ((), (1,)),
        ((2,), ()),
    ]


def test_parse_round_trip():
    beads = [((0,), (0, 1)), ((1, 2), ()), ((), (2,))]
    assert parse_beads(format_beads(beads)) == beads


@pytest.mark.parametrize("line", ["[0]-[1]", "[a]:[1]", "0:1"])
def test_parse_rejects_malformed_lines(line):
    with pytest.raises(ValueError, match="line 2"):
        parse_beads("[0]:[0]\n" + line)


@pytest.mark.parametrize(
    ("beads", "n", "m", "expected"),
    [
        ([((0,), (0,)), ((1,), ())], 2, 1, True),
        ([((0,), (0,))], 2, 1, False),  # sentence 1 missing
        ([((1,), (0,)), ((0,), ())], 2, 1, False),  # out of order
        ([((0,), (0,)), ((0,), ())], 1, 1, False),  # twice
    ],
)
def test_covers(beads, n, m, expected):
    assert covers(beads, n, m) is expected
