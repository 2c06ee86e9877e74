"""Terminology consistency: one source term rendered in several ways within a translation,
different source terms rendered alike, and a term rendered differently in two translations of
the same original.

A term is a source noun seen in at least ``term_min_rows`` rows. In each row, its rendering is
the target noun that corresponds to it best (see :class:`~transcompare.compare.crosslingual.
Matcher`: same lemma, transliteration, exonym, dictionary, embeddings). A term with more than
one rendering («вопрос» as "question" in some rows, "issue" in others) is reported once per
less frequent rendering used in at least :data:`MIN_USES` rows, at its first row, unless the
term has more than :data:`MAX_RENDERINGS` (then it is a general word with many senses). Two or
more terms with the same most frequent rendering are reported too (see :func:`_merged`), and so
is a term whose most frequent rendering differs between two translations into one language.
Names are left to the names check. Without embeddings and without a dictionary the check does
not run: transliteration alone finds too few renderings to judge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from transcompare.compare.cells import Cell
from transcompare.compare.crosslingual import WORD_ITEM, row_pairs, sentence_words
from transcompare.compare.divergence import similar_spelling
from transcompare.compare.lexicon import is_noun
from transcompare.compare.qa.base import MINOR, Context, Finding, Place
from transcompare.model import Span

CHECKS = {"terminology": "terminology/inconsistent-use"}

MIN_USES = 2
"""A rendering found in one row only may be a wrong guess of the word correspondence."""
MAX_RENDERINGS = 3
"""A word rendered in more ways than this is a general word with many senses («дело»: affair,
case, matter, deed, thing), not a term."""


class Noun(NamedTuple):
    """A common noun of a cell: what word correspondence reads (``text``, ``lemma``) and where
    it is. A light record: a long document has hundreds of thousands of nouns, and a span is
    made only for the few reported."""

    text: str
    lemma: str
    witness: str
    sentence: str
    start: int
    end: int

    @property
    def place(self) -> Place:
        return self.witness, self.sentence, self.start, self.end


class Use(NamedTuple):
    """One row's rendering of a term, and where the two nouns are."""

    row: int
    term: str
    rendering: str
    source: Place
    target: Place

    def spans(self) -> tuple[Span, Span]:
        return Span(*self.source), Span(*self.target)


class Part(NamedTuple):
    """What some rows of the document tell of the terms of one translation."""

    rows_with: Counter[str]
    """For each source lemma, how many of the rows have it as a noun."""
    uses: list[Use]
    """Each source noun with its best rendering, in reading order."""


@lru_cache(maxsize=100_000)
def nouns(side: Cell) -> tuple[Noun, ...]:
    """The common nouns of a cell (names aside), cached by content: the original's are asked
    for once per translation."""
    return tuple(
        Noun(text, base, sentence.witness, sentence.id, start, end)
        for sentence in side.sentences
        for start, end, text, base in _sentence_nouns(sentence.text, side.language)
    )


@lru_cache(maxsize=100_000)
def _sentence_nouns(text: str, language: str) -> tuple[tuple[int, int, str, str], ...]:
    """The common nouns of one sentence as (start, end, text, lemma), cached by its text."""
    return tuple(
        (start, end, word, base)
        for start, end, word, base, kind in sentence_words(text, language)
        if kind == WORD_ITEM and is_noun(word, language)
    )


def run(context: Context) -> Iterator[Finding]:
    return report(context, [gather(context)])


def gather(context: Context) -> dict[str, Part]:
    """For each translation into another language than the original's, the renderings of the
    original's nouns in the context's rows (nothing when the check cannot judge)."""
    if not _can_judge(context):
        return {}
    return {
        target: _part(context, source, target)
        for source, target in context.pairs()
        if context.language(source) != context.language(target)
    }


def report(context: Context, parts: Sequence[dict[str, Part]]) -> Iterator[Finding]:
    """The findings over the whole document (``parts`` in reading order)."""
    if not _can_judge(context):
        return
    usual: dict[str, dict[str, Term]] = {}
    for source, target in context.pairs():
        if context.language(source) == context.language(target):
            continue
        usual[target] = _terms([part[target] for part in parts], context.config.term_min_rows)
        for name, term in usual[target].items():
            yield from _alternatives(name, term, target)
        yield from _merged(usual[target], context.language(source), target)
    for a, b in context.same_language_pairs():
        if a in usual and b in usual:
            yield from _between(usual[a], a, usual[b], b)


def _can_judge(context: Context) -> bool:
    """Transliteration alone finds too few renderings to judge consistency."""
    return context.matcher.embeddings is not None or bool(context.matcher.bilingual)


class Term:
    """A recurring source term: its uses in reading order, and its renderings counted once
    (every finding about the term asks for them)."""

    def __init__(self, uses: list[Use]) -> None:
        self.uses = uses
        self.counts = Counter(u.rendering for u in uses)
        self.ranked = sorted(self.counts, key=lambda r: (-self.counts[r], r))
        """The renderings, most used first (alphabetically among equals)."""

    @property
    def usual(self) -> str:
        return self.ranked[0]


def _terms(parts: Sequence[Part], least: int) -> dict[str, Term]:
    """The recurring source terms (nouns in at least ``least`` rows, rendered in as many) with
    their uses."""
    rows_with = sum((part.rows_with for part in parts), Counter())
    found: dict[str, list[Use]] = defaultdict(list)
    for part in parts:
        for use in part.uses:
            if rows_with[use.term] >= least:
                found[use.term].append(use)
    return {name: Term(uses) for name, uses in found.items() if len({u.row for u in uses}) >= least}


def _part(context: Context, source: str, target: str) -> Part:
    """Each source noun of each row with the target noun of its row that corresponds to it
    best (the first of equals), when one corresponds well enough. The rows are scored in one
    call: row by row, the scoring cost several times more in calls than in arithmetic."""
    pairs = [(row, nouns(a), nouns(b)) for row, a, b in context.filled_rows(source, target)]
    rows_with = Counter(lemma for _, words, _ in pairs for lemma in {w.lemma for w in words})
    rows = [(row, a, b) for row, a, b in pairs if a and b]
    nouns_a = [noun for _, a, _ in rows for noun in a]
    nouns_b = [noun for _, _, b in rows for noun in b]
    if not nouns_a:
        return Part(rows_with, [])
    row_a = np.array([len(a) for _, a, _ in rows])
    row_b = np.array([len(b) for _, _, b in rows])
    lang_a, lang_b = context.language(source), context.language(target)
    scores = context.matcher.row_scores(nouns_a, lang_a, nouns_b, lang_b, row_a, row_b)
    of_a, of_b = row_pairs(row_a, row_b)
    # Each source noun's pairs are consecutive: its best pair is the first with the run's
    # highest score (the first target noun among equals).
    targets = np.repeat(row_b, row_a)
    highest = np.maximum.reduceat(scores, np.cumsum(targets) - targets)
    at_highest = np.flatnonzero(scores == np.repeat(highest, targets))
    best = at_highest[np.flatnonzero(np.diff(of_a[at_highest], prepend=-1))]
    row_of_a = np.repeat([row for row, _, _ in rows], row_a).tolist()
    uses = []
    for k in best[scores[best] >= context.matcher.settings.threshold].tolist():
        a, b = nouns_a[int(of_a[k])], nouns_b[int(of_b[k])]
        uses.append(Use(row_of_a[int(of_a[k])], a.lemma, b.lemma, a.place, b.place))
    return Part(rows_with, uses)


def _alternatives(name: str, term: Term, target: str) -> Iterator[Finding]:
    """The first row of each less frequent rendering of a term."""
    if len(term.ranked) > MAX_RENDERINGS:
        return
    for rendering in (r for r in term.ranked[1:] if term.counts[r] >= MIN_USES):
        use = next(u for u in term.uses if u.rendering == rendering)
        message = f"«{name}» is rendered both «{term.usual}» and «{rendering}» in {target}"
        yield Finding("terminology", MINOR, message, use.row, use.spans())


def _merged(terms: dict[str, Term], language: str, target: str) -> Iterator[Finding]:
    """Different source terms with one usual rendering: a distinction of the original that the
    translation does not keep («вопрос» and «проблема» both "issue"). Reported at the first row
    of each term but the most used one, unless the rendering stands for more than
    :data:`MAX_RENDERINGS` terms (a general word), or the terms are forms of one word that the
    lemmatiser told apart («сведение», «сведения»). A target word that renders both terms in
    one row is a phrase rendered as one word («оказание помощи», "aid"), not a merge: such
    uses do not count."""
    by_rendering: dict[str, list[str]] = defaultdict(list)
    for name, term in terms.items():
        if term.counts[term.usual] >= MIN_USES:
            by_rendering[term.usual].append(name)
    for rendering, merged in sorted(by_rendering.items()):
        if len(merged) > MAX_RENDERINGS:
            continue
        main, *others = sorted(merged, key=lambda name: (-len(terms[name].uses), name))
        taken = {_place(u.target) for u in terms[main].uses if u.rendering == rendering}
        for other in others:
            own = [
                u
                for u in terms[other].uses
                if u.rendering == rendering and _place(u.target) not in taken
            ]
            if len(own) < MIN_USES or similar_spelling(main, other, language):
                continue
            use = own[0]
            message = f"«{main}» and «{other}» are both rendered «{rendering}» in {target}"
            yield Finding("terminology", MINOR, message, use.row, use.spans())


def _place(place: Place) -> tuple[str, int]:
    """Where a noun is, as far as telling two nouns apart needs (its sentence and start)."""
    return place[1], place[2]


def _between(first: dict[str, Term], a: str, second: dict[str, Term], b: str) -> Iterator[Finding]:
    """Terms whose most frequent rendering differs between two translations."""
    for name in sorted(first.keys() & second.keys()):
        usual_a, usual_b = first[name].usual, second[name].usual
        if usual_a == usual_b:
            continue
        in_b = {u.row: u for u in second[name].uses if u.rendering == usual_b}
        for use in first[name].uses:
            if use.rendering == usual_a and use.row in in_b:
                spans = (*use.spans(), Span(*in_b[use.row].target))
                message = f"«{name}» is «{usual_a}» in {a} but «{usual_b}» in {b}"
                yield Finding("terminology", MINOR, message, use.row, spans)
                break
