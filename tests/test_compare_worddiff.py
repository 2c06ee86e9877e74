"""The diff-match-patch wrapper: opcodes over token indexes, deterministic, with a size guard."""

from __future__ import annotations

import pytest

from transcompare.compare.worddiff import (
    DELETE,
    EQUAL,
    INSERT,
    MAX_TOKENS,
    REPLACE,
    Opcode,
    diff,
    fold,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c", "a b c", [Opcode(EQUAL, 0, 3, 0, 3)]),
        (
            "a b c",
            "a x c",
            [Opcode(EQUAL, 0, 1, 0, 1), Opcode(REPLACE, 1, 2, 1, 2), Opcode(EQUAL, 2, 3, 2, 3)],
        ),
        (
            "a b c",
            "a c",
            [Opcode(EQUAL, 0, 1, 0, 1), Opcode(DELETE, 1, 2, 1, 1), Opcode(EQUAL, 2, 3, 1, 2)],
        ),
        (
            "a c",
            "a b c",
            [Opcode(EQUAL, 0, 1, 0, 1), Opcode(INSERT, 1, 1, 1, 2), Opcode(EQUAL, 1, 2, 2, 3)],
        ),
        ("", "a", [Opcode(INSERT, 0, 0, 0, 1)]),
        ("a", "", [Opcode(DELETE, 0, 1, 0, 0)]),
        ("", "", []),
    ],
)
def test_opcodes(a, b, expected):
    assert list(diff(a.split(), b.split())) == expected


def test_each_token_counts_as_one_whatever_its_length():
    opcodes = diff(["organized", "policy"], ["organized", "piracy"])
    assert opcodes == (Opcode(EQUAL, 0, 1, 0, 1), Opcode(REPLACE, 1, 2, 1, 2))


def test_many_distinct_tokens_still_get_distinct_codes():
    a = [str(i) for i in range(2000)]
    b = [str(i) for i in range(1, 2001)]
    with pytest.raises(ValueError):
        diff(a, b)
    small = a[: MAX_TOKENS - 1]
    assert diff(small, small[1:] + ["x"]) == (
        Opcode(DELETE, 0, 1, 0, 0),
        Opcode(EQUAL, 1, MAX_TOKENS - 1, 0, MAX_TOKENS - 2),
        Opcode(INSERT, MAX_TOKENS - 1, MAX_TOKENS - 1, MAX_TOKENS - 2, MAX_TOKENS - 1),
    )


def test_fold_merges_a_weak_equality_into_its_neighbours():
    opcodes = diff(["p", "the", "q", "r"], ["x", "the", "y", "r"])
    folded = fold(opcodes, lambda start, end: True)
    assert folded == (Opcode(REPLACE, 0, 3, 0, 3), Opcode(EQUAL, 3, 4, 3, 4))


def test_fold_keeps_strong_equalities_and_the_edges():
    opcodes = diff(["p", "the", "q", "r"], ["x", "the", "y", "r"])
    assert fold(opcodes, lambda start, end: False) == opcodes
