"""Capitals and acronyms: an acronym with no counterpart on the other side (США ↔ USA,
ООН ↔ UN, НАТО ↔ NATO by transliteration), and a cell in capitals whose counterpart is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transcompare.compare.cells import Cell
from transcompare.compare.names import has_counterpart, shouting, vocabulary
from transcompare.compare.numbers import is_roman
from transcompare.compare.qa.base import MINOR, Context, Finding
from transcompare.model import Span

CHECKS = {"acronyms": "accuracy/mistranslation", "capitals": "linguistic/spelling"}

_ACRONYM = re.compile(r"[A-ZЀ-Я](?<![^\W_][A-ZЀ-Я])[A-ZЀ-Я]{1,5}(?![^\W_])(?!\.\w)")


@lru_cache(maxsize=100_000)
def acronyms(side: Cell) -> tuple[tuple[Span, str], ...]:
    """Words in capitals of 2–6 letters outside headings, Roman numerals aside (dotted
    initials such as "N.S." are left alone: they are names, not acronyms)."""
    found = []
    for s in side.sentences:
        matches = [m for m in _ACRONYM.finditer(s.text) if not is_roman(m.group())]
        if matches and not shouting(s.text):
            found.extend((Span(s.witness, s.id, m.start(), m.end()), m.group()) for m in matches)
    return tuple(found)


@lru_cache(maxsize=100_000)
def _all_capitals(side: Cell) -> bool:
    return all(shouting(s.text) for s in side.sentences)


def run(context: Context) -> Iterator[Finding]:
    for source, target in context.pairs():
        for row, a, b in context.filled_rows(source, target):
            for first, second in ((a, b), (b, a)):
                found = acronyms(first)
                if not found:
                    continue
                other = vocabulary(second)
                for where, acronym in found:
                    if not has_counterpart(acronym, first.language, other):
                        message = (
                            f"«{acronym}» in {first.witness} has no counterpart in {second.witness}"
                        )
                        yield Finding("acronyms", MINOR, message, row, (where,))
            capitals_a = _all_capitals(a)
            if capitals_a != _all_capitals(b):
                upper, lower = (a, b) if capitals_a else (b, a)
                message = f"{upper.witness} is in capitals here, {lower.witness} is not"
                yield Finding("capitals", MINOR, message, row, upper.whole() + lower.whole())
