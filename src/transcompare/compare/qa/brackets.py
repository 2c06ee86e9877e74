"""Brackets and quotes: an opening mark never closed, a closing mark never opened, and quoted
text on one side with no quotes on the other («…» and "…" count as the same thing).

Each witness is scanned from start to end. Brackets must close within their paragraph; quotes
may run on over several paragraphs, in the printers' convention where every paragraph of a
long quotation opens with a quote mark and only the last one closes. A straight quote opens
after a space or an opening mark and before a letter, and closes otherwise (after a digit it
is an inch mark and no quote); “ closes „ (the Russian and German habit) and opens in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcompare.compare.cells import Cell
from transcompare.compare.qa.base import MINOR, Context, Finding, span
from transcompare.model import Sentence, Span

CHECKS = {"brackets": "linguistic/punctuation"}
WHOLE_DOCUMENT = True
"""A quotation may run on over many rows: each witness is read from start to end."""

BRACKETS = {"(": ")", "[": "]", "{": "}"}
STRAIGHT = '"'
QUOTES = {"«": "»", "“": "”", "„": "“", STRAIGHT: STRAIGHT}
_PARTNER = {")": "(", "]": "[", "}": "{", "»": "«", "”": "“"}
_MARKS = re.compile(r'[()\[\]{}«»“”„"]')
_QUOTE_MARK = re.compile(r'[«“„"]')
_OPENING_QUOTES = re.compile(r'[«“„]|(?:^|(?<=[\s(\[{«„“—–-]))"(?=\S)')


@dataclass(frozen=True)
class _Open:
    mark: str
    row: int
    sentence: Sentence
    offset: int


def run(context: Context) -> Iterator[Finding]:
    by_witness: dict[str, list[tuple[int, Sentence]]] = {}
    for row, witness, sentence in context.sentences():
        by_witness.setdefault(witness, []).append((row, sentence))
    for witness, sentences in by_witness.items():
        yield from _unpaired(witness, sentences)
    for source, target in context.pairs():
        for row in context.rows:
            a, b = context.cell(row, source), context.cell(row, target)
            quoted_a, quoted_b = _quotes(a), _quotes(b)
            if quoted_a and not quoted_b and b:
                message = f"quotes in {source} are not in {target}"
                yield Finding("brackets", MINOR, message, row, quoted_a)
            elif quoted_b and not quoted_a and a:
                message = f"quotes in {target} are not in {source}"
                yield Finding("brackets", MINOR, message, row, quoted_b)


def _opens(text: str, offset: int, mark: str, open_marks: list[_Open]) -> bool:
    """Whether the mark at ``text[offset]`` opens a pair."""
    if mark == STRAIGHT:
        before = text[offset - 1] if offset else " "
        after = text[offset + 1] if offset + 1 < len(text) else " "
        return (before.isspace() or before in "([{«„“—–-") and not after.isspace()
    if mark == "“":
        return not any(o.mark == "„" for o in open_marks)
    return mark in BRACKETS or mark in QUOTES


def _unpaired(witness: str, sentences: list[tuple[int, Sentence]]) -> Iterator[Finding]:
    """Marks left unpaired in one witness, scanning its sentences in order."""
    open_marks: list[_Open] = []
    paragraph = None
    for row, sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            for o in [o for o in open_marks if o.mark in BRACKETS]:
                open_marks.remove(o)
                yield _report(witness, o)
            continuing = {o.mark for o in open_marks}
        for match in _MARKS.finditer(sentence.text):
            mark, offset = match.group(), match.start()
            if mark == STRAIGHT and offset and sentence.text[offset - 1].isdigit():
                continue  # an inch or second mark (5")
            if _opens(sentence.text, offset, mark, open_marks):
                if mark in continuing and offset == 0:
                    continuing.discard(mark)  # a quotation running on into a new paragraph
                    continue
                open_marks.append(_Open(mark, row, sentence, offset))
                continue
            partner = (
                "„" if mark == "“" else _PARTNER.get(mark, mark)
            )  # a straight quote is its own
            if not any(o.mark == partner for o in open_marks):
                where = _Open(mark, row, sentence, offset)
                yield _report(witness, where, closing=True)
                continue
            while open_marks[-1].mark != partner:
                yield _report(witness, open_marks.pop())
            open_marks.pop()
    for o in open_marks:
        yield _report(witness, o)


def _report(witness: str, mark: _Open, closing: bool = False) -> Finding:
    what = "closing" if closing else "opening"
    where = span(witness, mark.sentence, mark.offset, mark.offset + 1)
    return Finding("brackets", MINOR, f"{what} {mark.mark} without its pair", mark.row, (where,))


def _quotes(side: Cell) -> tuple[Span, ...]:
    """The opening quote marks of a cell, as spans (the pattern, which looks behind every
    character, only runs over sentences with a quote mark)."""
    return tuple(
        Span(s.witness, s.id, match.start(), match.end())
        for s in side.sentences
        if _QUOTE_MARK.search(s.text)
        for match in _OPENING_QUOTES.finditer(s.text)
    )
