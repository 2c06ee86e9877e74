"""Word tokens with offsets and two forms (as written, normalised)."""

from __future__ import annotations

import pytest

from transcompare.compare.tokens import (
    NUMBER,
    PUNCT,
    SPACE,
    WORD,
    Normalisation,
    compared,
    compared_plain,
    keys,
    normalise,
    scan,
    scan_with_space,
    tokenize,
    tokenize_with_space,
)


def test_tokens_carry_offsets_kinds_and_both_forms():
    tokens = tokenize("«Мир», 150,000 don’t")
    assert [(t.text, t.norm, t.kind, t.start, t.end) for t in tokens] == [
        ("«", '"', PUNCT, 0, 1),
        ("Мир", "Мир", WORD, 1, 4),
        ("»", '"', PUNCT, 4, 5),
        (",", ",", PUNCT, 5, 6),
        ("150,000", "150,000", NUMBER, 7, 14),
        ("don’t", "don't", WORD, 15, 20),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("twenty-five", ["twenty-five"]),
        ("1961-1963", ["1961-1963"]),
        ("U.S.", ["U", ".", "S", "."]),
        ("18th", ["18th"]),
        ("x_y", ["x", "_", "y"]),
        ("", []),
    ],
)
def test_what_makes_one_token(text, words):
    assert [t.text for t in tokenize(text)] == words


def test_space_tokens_cover_the_whole_text():
    text = "  a  b\nc "
    tokens = tokenize_with_space(text)
    assert "".join(t.text for t in tokens) == text
    assert [t.kind for t in tokens] == [SPACE, WORD, SPACE, WORD, SPACE, WORD, SPACE]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("written", "normal"),
    [("“quoted”", '"quoted"'), ("a—b", "a-b"), ("ﬁ", "fi"), ("Ёлка", "Ёлка")],
)
def test_normalise_unifies_typography_only(written, normal):
    assert normalise(written) == normal


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (Normalisation(), ["The", ",", "end"]),
        (Normalisation(ignore_case=True), ["the", ",", "end"]),
        (Normalisation(ignore_punctuation=True), ["The", "", "end"]),
        (Normalisation(ignore_spacing=False), ["The", ",", "end"]),
    ],
)
def test_keys_one_per_token(options, expected):
    assert list(keys(tokenize("The, end"), options)) == expected


def test_compared_drops_ignored_tokens_and_keeps_space_when_asked():
    tokens, found = compared("a , b", Normalisation(ignore_punctuation=True))
    assert [t.text for t in tokens] == ["a", "b"] and found == ("a", "b")
    tokens, found = compared("a  b", Normalisation(ignore_spacing=False))
    assert found == ("a", "  ", "b")


def test_scan_gives_the_tokens_as_plain_tuples():
    text = "«Мир», 150,000 don’t"
    plain = scan(text)
    assert all(type(t) is tuple for t in plain)
    assert plain == tuple(tuple(t) for t in tokenize(text))
    assert scan_with_space(" a b") == tuple(tuple(t) for t in tokenize_with_space(" a b"))


def test_compared_plain_matches_compared():
    options = Normalisation(ignore_case=True, ignore_punctuation=True)
    plain, found = compared_plain("The, End", options)
    tokens, same = compared("The, End", options)
    assert plain == tuple(tuple(t) for t in tokens) and found == same == ("the", "end")
