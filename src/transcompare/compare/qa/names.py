"""Names: a proper name of the source with no counterpart in the target (transliteration-aware:
Хрущёв → Khrushchev or Khrushchov), and one name spelled two ways within a witness.

Spelling variants are names whose lemmas are very alike but not equal, where neither is the
start of the other (so "Cuba" and "Cuban" are two words, "Khrushchev" and "Khrushchov" one
name spelled twice). Russian names are compared by lemma, so case endings are no variants.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from transcompare.compare.lexicon import lemma
from transcompare.compare.names import cell_names, missing_names
from transcompare.compare.qa.base import MINOR, Context, Finding, Place, place
from transcompare.model import Span

CHECKS = {"names": "accuracy/mistranslation", "name-spelling": "linguistic/spelling"}

VARIANT = 85
"""Least rapidfuzz ratio of two lemmas that makes them spellings of one name."""


Occurrence = tuple[int, str, str, Place]
"""A name in a row: the row, the name's lemma, the name as written, and where it is."""


class Part(NamedTuple):
    """What some rows of the document tell the names check."""

    missing: list[Finding]
    """Names of the source with no counterpart in the target, row by row."""
    occurrences: dict[str, list[Occurrence]]
    """Each witness's names in reading order."""


def run(context: Context) -> Iterator[Finding]:
    return report(context, [gather(context)])


def gather(context: Context) -> Part:
    """Missing names and the names of each witness in the context's rows."""
    missing = []
    for source, target in context.pairs():
        for row, a, b in context.filled_rows(source, target):
            for name in missing_names(a, b):
                message = f"name «{name.text}» not found in {target}"
                missing.append(Finding("names", MINOR, message, row, (name.span,)))
    occurrences: dict[str, list[Occurrence]] = {}
    for witness in context.project.witness_ids:
        language = context.language(witness)
        occurrences[witness] = [
            (row, lemma(name.text, language), name.text, place(name.span))
            for row in context.rows
            for name in cell_names(context.cell(row, witness))
        ]
    return Part(missing, occurrences)


def report(context: Context, parts: Sequence[Part]) -> Iterator[Finding]:
    """The missing names, and the spelling variants over the whole document (``parts`` in
    reading order)."""
    for part in parts:
        yield from part.missing
    for witness in context.project.witness_ids:
        yield from _variants(o for part in parts for o in part.occurrences[witness])


def _variants(named: Iterable[Occurrence]) -> Iterator[Finding]:
    """Names of one witness written two ways; the rarer spelling is reported."""
    occurrences: dict[str, list[tuple[int, str, Place]]] = defaultdict(list)
    for row, form, text, where in named:
        occurrences[form].append((row, text, where))
    forms = sorted(occurrences, key=lambda f: (-len(occurrences[f]), f))
    for rare, common in _variant_pairs(forms):
        shown = Counter(text for _, text, _ in occurrences[common]).most_common(1)[0][0]
        for row, text, where in occurrences[rare]:
            message = f"«{text}» is elsewhere spelled «{shown}»"
            yield Finding("name-spelling", MINOR, message, row, (Span(*where),))


def _variant_pairs(forms: list[str]) -> Iterator[tuple[str, str]]:
    """Each form (most frequent first) with the first more frequent form it is a variant of.

    Only forms of four letters or more with the same first letter can be variants, so each
    such group is compared in one rapidfuzz call, not pair by pair in Python (a document with
    thousands of names has millions of pairs); :func:`_variant` confirms each candidate."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, form in enumerate(forms):
        if len(form) >= 4:
            groups[form[0]].append(index)
    partners: dict[int, int] = {}
    for members in groups.values():
        texts = [forms[i] for i in members]
        ratios = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=VARIANT - 1)
        for x, index in enumerate(members):
            for y in np.flatnonzero(ratios[x, :x]).tolist():
                if _variant(forms[index], texts[y]):
                    partners[index] = members[y]
                    break
    for index in sorted(partners):
        yield forms[index], forms[partners[index]]


def _variant(a: str, b: str) -> bool:
    """Two lemmas that look like one name spelled two ways."""
    if len(a) < 4 or len(b) < 4 or a.startswith(b) or b.startswith(a):
        return False
    return a[0] == b[0] and fuzz.ratio(a, b) >= VARIANT
