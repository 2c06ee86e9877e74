"""Fixed beads (confirmed rows): checked, then placed on the alignment grid.

A fixed bead with both sides is a fixed point of the grid. A one-sided bead (a sentence
confirmed as having no counterpart) says nothing about where the other side stands; it is
placed where a first alignment without it puts that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from transcompare.align.problem import IndexBead
from transcompare.align.search import Bead


def checked_beads(fixed: Sequence[IndexBead], n: int, m: int) -> list[IndexBead]:
    """Fixed beads as tuples, after checking they are runs of indexes in order, within range."""
    out = []
    last_src, last_tgt = -1, -1
    for src, tgt in fixed:
        src, tgt = tuple(src), tuple(tgt)
        for ids, last, size in ((src, last_src, n), (tgt, last_tgt, m)):
            if ids and list(ids) != list(range(ids[0], ids[0] + len(ids))):
                raise ValueError(f"fixed bead {src}:{tgt} is not a run of consecutive sentences")
            if ids and (ids[0] <= last or ids[-1] >= size):
                raise ValueError(f"fixed bead {src}:{tgt} is out of order or out of range")
        if src or tgt:
            last_src = src[-1] if src else last_src
            last_tgt = tgt[-1] if tgt else last_tgt
            out.append((src, tgt))
    return out


def place_fixed(
    fixed: Sequence[IndexBead], n: int, m: int, provisional: Sequence[Bead] = ()
) -> list[Bead]:
    """Fixed beads in grid coordinates. A one-sided bead (a sentence confirmed as unaligned) has
    no position on the other side; it takes the one the ``provisional`` alignment gives it."""
    placed: list[Bead] = []
    checked = checked_beads(fixed, n, m)
    for number, (src, tgt) in enumerate(checked):
        if src and tgt:
            placed.append((src[0], src[-1] + 1, tgt[0], tgt[-1] + 1))
            continue
        previous = placed[-1] if placed else (0, 0, 0, 0)
        later = checked[number + 1 :]
        if src:
            limit = next((t[0] for _, t in later if t), m)
            j = min(max(_position(provisional, src[0], side=0), previous[3]), limit)
            placed.append((src[0], src[-1] + 1, j, j))
        else:
            limit = next((s[0] for s, _ in later if s), n)
            i = min(max(_position(provisional, tgt[0], side=1), previous[1]), limit)
            placed.append((i, i, tgt[0], tgt[-1] + 1))
    return placed


def _position(beads: Sequence[Bead], index: int, side: int) -> int:
    """Where the other side stands when ``beads`` reach sentence ``index`` of one side."""
    for i0, i1, j0, j1 in beads:
        first, last = (i0, i1) if side == 0 else (j0, j1)
        if first <= index < last:
            return j0 if side == 0 else i0
    return 0
