"""Untranslated text: a target identical to its source, words in Cyrillic left in a translation
into a language written otherwise, and words mixing Cyrillic and Latin letters (an English
word with a Cyrillic «о» looks right but breaks search and spell-checking).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcompare.compare.qa.base import MAJOR, MINOR, Context, Finding, span
from transcompare.compare.scripts import (
    CYRILLIC_WORD,
    MIXED_WORD,
    has_cyrillic,
    has_latin,
    looks_latin,
    writes_cyrillic,
)

CHECKS = {
    "untranslated": "accuracy/untranslated",
    "mixed-script": "linguistic/character-encoding",
}

_LETTER = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def run(context: Context) -> Iterator[Finding]:
    for source, target in context.pairs():
        if context.language(source) == context.language(target):
            continue
        for row, a, b in context.filled_rows(source, target):
            if abs(len(a.text) - len(b.text)) > len(a.text) // 10 + 2:
                continue
            if _LETTER.search(a.text) and _plain(a.text) == _plain(b.text):
                message = f"{target} repeats the {source} text untranslated"
                yield Finding("untranslated", MAJOR, message, row, b.whole())
    for row, witness, sentence in context.sentences():
        text = sentence.text
        if not has_cyrillic(text):
            continue
        if has_latin(text):
            for match in MIXED_WORD.finditer(text):
                where = span(witness, sentence, match.start(), match.end())
                message = f"«{match.group()}» mixes Cyrillic and Latin letters"
                yield Finding("mixed-script", MINOR, message, row, (where,))
        language = context.language(witness)
        if writes_cyrillic(language):
            continue
        for match in CYRILLIC_WORD.finditer(text):
            word, where = match.group(), span(witness, sentence, match.start(), match.end())
            if looks_latin(word):
                message = f"«{word}» is written in Cyrillic letters that look Latin"
                yield Finding("mixed-script", MINOR, message, row, (where,))
            else:
                message = f"Cyrillic word «{word}» in a {language} text"
                yield Finding("untranslated", MINOR, message, row, (where,))
