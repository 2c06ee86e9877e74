"""Names: a proper name of the source with no counterpart in the target (transliteration-aware:
Хрущёв → Khrushchev or Khrushchov), and one name spelled two ways within a witness.

Spelling variants are names whose lemmas are very alike but not equal, where neither is the
start of the other (so "Cuba" and "Cuban" are two words, "Khrushchev" and "Khrushchov" one
name spelled twice). Russian names are compared by lemma, so case endings are no variants.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz

from transcompare.compare.lexicon import lemma
from transcompare.compare.names import Name, cell_names, has_counterpart, vocabulary
from transcompare.compare.qa.base import MINOR, Context, Finding

CHECKS = {"names": "accuracy/mistranslation", "name-spelling": "linguistic/spelling"}

VARIANT = 85
"""Least rapidfuzz ratio of two lemmas that makes them spellings of one name."""


def run(context: Context) -> Iterator[Finding]:
    for source, target in context.pairs():
        for row in context.rows:
            a, b = context.cell(row, source), context.cell(row, target)
            if not a or not b:
                continue
            names = cell_names(a)
            if not names:
                continue
            other = vocabulary(b)
            for name in names:
                if not has_counterpart(name.text, a.language, other):
                    message = f"name «{name.text}» not found in {target}"
                    yield Finding("names", MINOR, message, row, (name.span,))
    for witness in context.project.witness_ids:
        yield from _variants(context, witness)


def _variants(context: Context, witness: str) -> Iterator[Finding]:
    """Names of one witness written two ways; the rarer spelling is reported."""
    occurrences: dict[str, list[tuple[int, Name]]] = defaultdict(list)
    language = context.language(witness)
    for row in context.rows:
        for name in cell_names(context.cell(row, witness)):
            occurrences[lemma(name.text, language)].append((row, name))
    forms = sorted(occurrences, key=lambda f: (-len(occurrences[f]), f))
    for index, rare in enumerate(forms):
        for common in forms[:index]:
            if _variant(rare, common):
                shown = Counter(n.text for _, n in occurrences[common]).most_common(1)[0][0]
                for row, name in occurrences[rare]:
                    message = f"«{name.text}» is elsewhere spelled «{shown}»"
                    yield Finding("name-spelling", MINOR, message, row, (name.span,))
                break


def _variant(a: str, b: str) -> bool:
    """Two lemmas that look like one name spelled two ways."""
    if len(a) < 4 or len(b) < 4 or a.startswith(b) or b.startswith(a):
        return False
    return a[0] == b[0] and fuzz.ratio(a, b) >= VARIANT
