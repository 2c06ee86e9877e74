"""Punctuation: a translation ending a sentence differently from its source (. ? ! : …),
doubled marks (",,", "..", but not "..." or "?!"), and a space before a mark.

French puts a space before ; : ! ? and is spared that part of the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcompare.compare.cells import Cell
from transcompare.compare.qa.base import MINOR, Context, Finding, span
from transcompare.model import Span

CHECKS = {"punctuation": "linguistic/punctuation"}

_CLOSING = " \t\n\"'»”“)]"
"""Closing quotes and brackets, which may follow the sentence's last mark."""
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:гг?|вв|др|пр|т\.\s?[дп]|etc)\.$")
"""A cell ending in an abbreviation («1962 г.», «и т. д.», "etc.") ends with no mark."""
_LONGEST_ABBREVIATION = len("т. д.")
"""Only the end of a cell is searched (the pattern still sees the letter before it)."""
_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|([,;:!?])\1+|[,;:][.,;:]")
_SUSPECT = re.compile(r"[,;:!?.]{2}|\s[,;:!?.]")
"""A cheap first test, true for every sentence with doubled marks or a space before one."""
_SPACE_BEFORE = re.compile(r"(?<=\S)[ \t\u00a0]+([,;:!?]|\.(?!\.))")
_SPACE_BEFORE_FRENCH = re.compile(r"(?<=\S)[ \t]+([,]|\.(?!\.))")
_NAMES = {".": "a full stop", "?": "a question mark", "!": "an exclamation mark",
          ":": "a colon", ";": "a semicolon", "…": "an ellipsis", "": "no mark"}  # fmt: skip


def ending(side: Cell) -> tuple[str, Span | None]:
    """The mark that ends a cell ("..." counts as "…"), and where it is."""
    last = side.sentences[-1]
    text = last.text.rstrip(_CLOSING)
    if not text or _ABBREVIATION.search(text, max(0, len(text) - _LONGEST_ABBREVIATION)):
        return "", None
    mark = "…" if text.endswith("...") else text[-1]
    if mark not in _NAMES:
        return "", None
    width = 3 if text.endswith("...") else 1
    return mark, Span(last.witness, last.id, len(text) - width, len(text))


def run(context: Context) -> Iterator[Finding]:
    for source, target in context.pairs():
        for row, a, b in context.filled_rows(source, target):
            (mark_a, where_a), (mark_b, where_b) = ending(a), ending(b)
            if mark_a != mark_b:
                message = f"{source} ends with {_NAMES[mark_a]}, {target} with {_NAMES[mark_b]}"
                targets = tuple(w for w in (where_a, where_b) if w) or b.whole()
                yield Finding("punctuation", MINOR, message, row, targets)
    for row, witness, sentence in context.sentences():
        if not _SUSPECT.search(sentence.text):
            continue
        french = context.language(witness) == "fr"
        for match in _DOUBLED.finditer(sentence.text):
            where = span(witness, sentence, match.start(), match.end())
            yield Finding(
                "punctuation", MINOR, f"doubled punctuation «{match.group()}»", row, (where,)
            )
        for match in (_SPACE_BEFORE_FRENCH if french else _SPACE_BEFORE).finditer(sentence.text):
            where = span(witness, sentence, match.start(), match.end())
            message = f"space before «{match.group(1)}»"
            yield Finding("punctuation", MINOR, message, row, (where,))
