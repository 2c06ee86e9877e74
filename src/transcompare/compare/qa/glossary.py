"""Glossary: a required rendering missing, or a forbidden term used, in a translation.

Terms match by lemmas, so «государство» finds «государства» and "state" finds "states".
The glossary file is UTF-8 text, one term per line, columns separated by a tab::

    # comments and blank lines are skipped
    пиратство<TAB>piracy                 when the source has it, the target must have it
    блокада<TAB>quarantine<TAB>forbidden  when the source has it, the target must not say this
    <TAB>Soviet Russia<TAB>forbidden      never say this
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from transcompare.compare.cells import Cell
from transcompare.compare.lexicon import lemma
from transcompare.compare.qa.base import MAJOR, Context, Finding, GlossaryTerm
from transcompare.compare.tokens import WORD, scan
from transcompare.errors import InputError
from transcompare.model import Span
from transcompare.userfiles import read_utf8

CHECKS = {"glossary": "terminology/inconsistent-with-resource"}

FORBIDDEN = "forbidden"
MAX_BYTES = 10_000_000


def read_glossary(path: str | Path) -> tuple[GlossaryTerm, ...]:
    """The terms of a glossary file (see the module docstring for the layout)."""
    path = Path(path)
    text = read_utf8(path, MAX_BYTES)
    terms = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [c.strip() for c in line.split("\t")]
        if len(columns) < 2 or not columns[1] or len(columns) > 3:
            raise InputError(path, f"line {number}: expected SOURCE<tab>TARGET[<tab>forbidden]")
        if len(columns) == 3 and columns[2].casefold() not in ("", FORBIDDEN):
            raise InputError(path, f"line {number}: the third column may only say '{FORBIDDEN}'")
        forbidden = len(columns) == 3 and columns[2].casefold() == FORBIDDEN
        if not columns[0] and not forbidden:
            raise InputError(path, f"line {number}: a required term needs a source term")
        terms.append(GlossaryTerm(columns[0], columns[1], forbidden))
    return tuple(terms)


def find_term(term: str, side: Cell) -> Span | None:
    """Where a term (one or more words) occurs in a cell, matching by lemma."""
    words = [word for word, _, kind, _, _ in scan(term) if kind == WORD]
    if not words:
        return None
    folded = _fold(side.text)
    if any(_fold(w)[:4] not in folded for w in words):
        return None  # a cheap test first: forms mostly share their first letters with the lemma
    wanted = [lemma(w, side.language) for w in words]
    for sentence in side.sentences:
        found = [
            (word, start, end) for word, _, kind, start, end in scan(sentence.text) if kind == WORD
        ]
        lemmas = [lemma(word, side.language) for word, _, _ in found]
        for first in range(len(found) - len(wanted) + 1):
            if lemmas[first : first + len(wanted)] == wanted:
                last = found[first + len(wanted) - 1]
                return Span(sentence.witness, sentence.id, found[first][1], last[2])
    return None


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def run(context: Context) -> Iterator[Finding]:
    terms = context.config.glossary
    if not terms:
        return
    for source, target in context.pairs():
        if context.language(source) == context.language(target):
            continue
        for row in context.rows:
            a, b = context.cell(row, source), context.cell(row, target)
            if not b:
                continue
            for term in terms:
                yield from _check(term, row, a, b)


def _check(term: GlossaryTerm, row: int, a: Cell, b: Cell) -> Iterator[Finding]:
    found = find_term(term.source, a) if term.source else None
    if term.source and found is None:
        return
    used = find_term(term.target, b)
    if term.forbidden and used is not None:
        where = (found, used) if found else (used,)
        yield Finding(
            "glossary", MAJOR, f"forbidden term «{term.target}» in {b.witness}", row, where
        )
    elif not term.forbidden and used is None and found is not None:
        message = f"«{term.source}» should be rendered «{term.target}» in {b.witness}"
        yield Finding("glossary", MAJOR, message, row, (found,))
