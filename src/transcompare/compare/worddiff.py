"""The one wrapper around diff-match-patch: a deterministic diff of two sequences of word keys.

Only this module imports ``diff_match_patch``. Each distinct key becomes one character (the
``diff_linesToChars`` idea, with characters from the Private Use Area so that dmp's
word-boundary heuristics see nothing meaningful in them), dmp diffs the two strings, and the
result comes back as :class:`Opcode` records over token indexes — never dmp's tuples.

Settings are explicit: no time limit (``Diff_Timeout = 0``), so a diff never depends on the
machine's speed, and no dmp clean-up. dmp's semantic clean-up judges equalities by their length
in characters, which here means tokens: it swallows a shared content word standing between two
changes ("organized" in "actions of organized policy" → "possible organized piracy"). Instead,
:func:`fold` lets the caller fold only the equalities it judges weak (function words,
punctuation) into the changes around them. The price of no time limit is quadratic time on very
different inputs: callers refuse sequences longer than :data:`MAX_TOKENS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"
REPLACE = "replace"

MAX_TOKENS = 600
"""Longest sequence compared; beyond it a worst-case diff takes more than a fraction of a second."""

_FIRST_CHAR = 0xE000  # Private Use Area: 6 400 characters, then the supplementary planes
_SECOND_RANGE = 0xF0000

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


@dataclass(frozen=True)
class Opcode:
    """``a[a_start:a_end]`` and ``b[b_start:b_end]`` are equal, deleted, inserted or replaced."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _char(number: int) -> str:
    if number < 0x1900:
        return chr(_FIRST_CHAR + number)
    return chr(_SECOND_RANGE + number - 0x1900)


def _encode(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    codes: dict[str, str] = {}
    encoded = []
    for sequence in (a, b):
        encoded.append("".join(codes.setdefault(k, _char(len(codes))) for k in sequence))
    return encoded[0], encoded[1]


def diff(a: Sequence[str], b: Sequence[str]) -> tuple[Opcode, ...]:
    """Opcodes turning ``a`` into ``b``; deletions and insertions side by side form a replace."""
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        raise ValueError(f"sequences longer than {MAX_TOKENS} tokens are not compared")
    text_a, text_b = _encode(a, b)
    diffs = _DMP.diff_main(text_a, text_b, checklines=False)
    opcodes: list[Opcode] = []
    i = j = 0  # where the pending change starts
    di = dj = 0  # how many tokens of a and b it covers so far
    for operation, chunk in diffs:
        if operation == diff_match_patch.DIFF_DELETE:
            di += len(chunk)
        elif operation == diff_match_patch.DIFF_INSERT:
            dj += len(chunk)
        else:
            if di or dj:
                opcodes.append(_change(i, di, j, dj))
                i, j, di, dj = i + di, j + dj, 0, 0
            opcodes.append(Opcode(EQUAL, i, i + len(chunk), j, j + len(chunk)))
            i, j = i + len(chunk), j + len(chunk)
    if di or dj:
        opcodes.append(_change(i, di, j, dj))
    return tuple(opcodes)


def _change(i: int, di: int, j: int, dj: int) -> Opcode:
    tag = REPLACE if di and dj else DELETE if di else INSERT
    return Opcode(tag, i, i + di, j, j + dj)


def fold(opcodes: Sequence[Opcode], weak: Callable[[int, int], bool]) -> tuple[Opcode, ...]:
    """Fold each equality between two changes for which ``weak(a_start, a_end)`` holds into
    one change with its neighbours, so a rewritten phrase reads as one change."""
    result: list[Opcode] = []
    for index, op in enumerate(opcodes):
        stranded = op.tag == EQUAL and 0 < index < len(opcodes) - 1 and weak(op.a_start, op.a_end)
        if result and result[-1].tag != EQUAL and (op.tag != EQUAL or stranded):
            last = result.pop()
            op = Opcode(REPLACE, last.a_start, op.a_end, last.b_start, op.b_end)
        result.append(op)
    return tuple(result)
