"""Terminology consistency: one source term rendered in several ways within a translation, and
differently in two translations of the same original.

A term is a source noun seen in at least ``term_min_rows`` rows. In each row, its rendering is
the target noun that corresponds to it best (see :class:`~transcompare.compare.crosslingual.
Matcher`: same lemma, transliteration, exonym, dictionary, embeddings). A term with more than
one rendering («вопрос» as "question" in some rows, "issue" in others) is reported once per
less frequent rendering used in at least :data:`MIN_USES` rows, at its first row, unless the
term has more than :data:`MAX_RENDERINGS` (then it is a general word with many senses). A term
whose most frequent rendering differs between two translations into one language is reported
too. Names are left to the names check. Without embeddings and without a dictionary the check
does not run: transliteration alone finds too few renderings to judge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from transcompare.compare.cells import Cell
from transcompare.compare.crosslingual import WORD_ITEM, Word, content_words
from transcompare.compare.lexicon import is_noun
from transcompare.compare.qa.base import MINOR, Context, Finding
from transcompare.model import Span

CHECKS = {"terminology": "terminology/inconsistent-use"}

MIN_USES = 2
"""A rendering found in one row only may be a wrong guess of the word correspondence."""
MAX_RENDERINGS = 3
"""A word rendered in more ways than this is a general word with many senses («дело»: affair,
case, matter, deed, thing), not a term."""


@dataclass(frozen=True)
class Use:
    """One row's rendering of a term."""

    row: int
    rendering: str
    source: Span
    target: Span


def nouns(side: Cell) -> list[Word]:
    """The common nouns of a cell (names aside)."""
    words, _ = content_words(side)
    return [w for w in words if w.kind == WORD_ITEM and is_noun(w.text, side.language)]


def uses(context: Context, source: str, target: str) -> dict[str, list[Use]]:
    """For each recurring source term, its rendering row by row."""
    pairs = []
    for row in context.rows:
        a, b = context.cell(row, source), context.cell(row, target)
        if a and b:
            pairs.append((row, nouns(a), nouns(b)))
    matcher = context.matcher
    matcher.prefetch(w for _, a, b in pairs for w in (*a, *b))
    found: dict[str, list[Use]] = defaultdict(list)
    lang_a, lang_b = context.language(source), context.language(target)
    for row, words_a, words_b in pairs:
        scores = matcher.scores(words_a, lang_a, words_b, lang_b)
        for i, word in enumerate(words_a):
            if not words_b:
                break
            j = int(scores[i].argmax())
            if scores[i, j] >= matcher.settings.threshold:
                found[word.lemma].append(Use(row, words_b[j].lemma, word.span, words_b[j].span))
    least = context.config.term_min_rows
    return {term: found[term] for term in found if len({u.row for u in found[term]}) >= least}


def run(context: Context) -> Iterator[Finding]:
    if context.matcher.embeddings is None and not context.matcher.bilingual:
        return  # transliteration alone finds too few renderings to judge consistency
    usual: dict[str, dict[str, list[Use]]] = {}
    for source, target in context.pairs():
        if context.language(source) == context.language(target):
            continue
        usual[target] = uses(context, source, target)
        for term, term_uses in usual[target].items():
            yield from _alternatives(term, term_uses, target)
    for a, b in context.same_language_pairs():
        if a in usual and b in usual:
            yield from _between(usual[a], a, usual[b], b)


def _ranked(term_uses: list[Use]) -> list[str]:
    counts = Counter(u.rendering for u in term_uses)
    return sorted(counts, key=lambda r: (-counts[r], r))


def _alternatives(term: str, term_uses: list[Use], target: str) -> Iterator[Finding]:
    """The first row of each less frequent rendering of a term."""
    counts = Counter(u.rendering for u in term_uses)
    ranked = _ranked(term_uses)
    common, *others = ranked
    if len(ranked) > MAX_RENDERINGS:
        return
    for rendering in (r for r in others if counts[r] >= MIN_USES):
        use = next(u for u in term_uses if u.rendering == rendering)
        message = f"«{term}» is rendered both «{common}» and «{rendering}» in {target}"
        yield Finding("terminology", MINOR, message, use.row, (use.source, use.target))


def _between(
    first: dict[str, list[Use]], a: str, second: dict[str, list[Use]], b: str
) -> Iterator[Finding]:
    """Terms whose most frequent rendering differs between two translations."""
    for term in sorted(first.keys() & second.keys()):
        usual_a, usual_b = _ranked(first[term])[0], _ranked(second[term])[0]
        if usual_a == usual_b:
            continue
        in_b = {u.row: u for u in second[term] if u.rendering == usual_b}
        for use in first[term]:
            if use.rendering == usual_a and use.row in in_b:
                spans = (use.source, use.target, in_b[use.row].target)
                message = f"«{term}» is «{usual_a}» in {a} but «{usual_b}» in {b}"
                yield Finding("terminology", MINOR, message, use.row, spans)
                break
