"""Spacing: double spaces, unusual Unicode spaces (zero-width, em and en spaces, soft hyphens,
byte-order marks), line breaks inside a sentence and space at its edges — the marks OCR and
PDF copying leave behind. The no-break spaces of good typography (U+00A0, U+202F, U+2009)
are fine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from transcompare.compare.qa.base import MINOR, NEUTRAL, Context, Finding, span

CHECKS = {"spacing": "linguistic/punctuation"}

_ODD = re.compile(
    r"[\u2000-\u2008\u200a-\u200f\u2028\u2029\u205f\u2060\u3000\ufeff\u00ad\t\n\r\u0085]"
)
_PROBLEMS = re.compile(
    r"(?P<double>(?<=\S) {2,}(?=\S))"
    r"|(?P<odd>[\u2000-\u2008\u200a-\u200f\u2028\u2029\u205f\u2060\u3000\ufeff\u00ad\t])"
    r"|(?P<newline>\s*[\n\r\u0085]\s*)"
    r"|(?P<edge>^\s+|\s+$)"
)


def _suspect(text: str) -> bool:
    """A cheap first test, true for every sentence with a spacing problem."""
    return "  " in text or text != text.strip() or _ODD.search(text) is not None


def run(context: Context) -> Iterator[Finding]:
    for row, witness, sentence in context.sentences():
        if not _suspect(sentence.text):
            continue
        for match in _PROBLEMS.finditer(sentence.text):
            where = (span(witness, sentence, match.start(), match.end()),)
            kind = match.lastgroup
            if kind == "double":
                yield Finding("spacing", MINOR, "double space", row, where)
            elif kind == "odd":
                name = unicodedata.name(match.group(), f"U+{ord(match.group()):04X}").lower()
                yield Finding("spacing", MINOR, f"unusual character: {name}", row, where)
            elif kind == "newline":
                yield Finding("spacing", NEUTRAL, "line break inside a sentence", row, where)
            else:
                yield Finding("spacing", MINOR, "space at the edge of a sentence", row, where)
