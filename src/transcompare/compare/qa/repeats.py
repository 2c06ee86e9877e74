"""Repeated words: the same word twice in a row ("the the", «в в»), in any language.

A few repetitions are correct English ("had had", "that that") and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcompare.compare.qa.base import MINOR, Context, Finding, span

CHECKS = {"repeated-words": "linguistic/grammar"}

ALLOWED = frozenset({"had", "that", "is"})
_REPEAT = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)


def run(context: Context) -> Iterator[Finding]:
    for row, witness, sentence in context.sentences():
        for match in _REPEAT.finditer(sentence.text):
            if match.group(1).casefold() in ALLOWED:
                continue
            where = (span(witness, sentence, match.start(), match.end()),)
            yield Finding("repeated-words", MINOR, f"«{match.group(1)}» repeated", row, where)
