"""The beads text format of Vecalign and Bertalign: one bead per line, ``[0, 1]:[0]``.

Each side is a list of 0-based sentence indexes; ``[]:[5]`` and ``[7]:[]`` are sentences aligned
to nothing. Written beads cover every sentence of both sides once, in order; the reader also
accepts gold files that do not (some skip sentences or cross over).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def format_bead(src: Sequence[int], tgt: Sequence[int]) -> str:
    return f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"


def format_beads(beads: Iterable[tuple[Sequence[int], Sequence[int]]]) -> str:
    """The beads, one per line, each line ending with a newline."""
    return "".join(format_bead(src, tgt) + "\n" for src, tgt in beads)


def parse_beads(text: str) -> list[Bead]:
    """Beads from the text format; blank lines are skipped, anything else malformed raises
    ValueError naming the line."""
    beads: list[Bead] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            raise ValueError(f"line {number} is not a bead: {line[:60]!r}")
        beads.append((_indexes(match.group(1)), _indexes(match.group(2))))
    return beads


def _indexes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def covers(beads: Sequence[tuple[Sequence[int], Sequence[int]]], n: int, m: int) -> bool:
    """True if the beads hold source sentences 0..n-1 and target sentences 0..m-1 once each, in
    order."""
    src = [i for s, _ in beads for i in s]
    tgt = [j for _, t in beads for j in t]
    return src == list(range(n)) and tgt == list(range(m))
