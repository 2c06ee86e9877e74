"""Across languages: the content words, names and numbers of a row with no counterpart on the
other side, as spans to highlight.

Two words correspond when any piece of evidence says so:

* the same lemma (a name or a word left in the other script);
* names and loanwords: transliteration keys alike (Хрущёв/Khrushchev, президент/president),
  or a listed exonym or acronym (Москва/Moscow, США/USA);
* the optional installed dictionary (see :mod:`.dictionary`);
* the embeddings of the two lemmas, or of the two words as written, are close (cosine at least
  ``threshold``; see :mod:`.embeddings`).

Numbers correspond by value (see :mod:`.numbers`). A word counts as matched when it has at least
one counterpart; several words may share one. This finds what was dropped, added or
mistranslated ("organized policy" for «организованного пиратства»: «пиратства» and "policy"
stay unmatched), not word order or grammar.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from transcompare.compare import dictionary, numbers, worddiff
from transcompare.compare.cells import Cell, SentenceText, cell
from transcompare.compare.embeddings import Embeddings, shared
from transcompare.compare.lexicon import (
    ENGLISH,
    RUSSIAN,
    is_function_phrase,
    is_function_word,
    lemma,
)
from transcompare.compare.names import DOTTED, is_acronym, is_name, shouting
from transcompare.compare.tokens import NUMBER as NUMBER_TOKEN
from transcompare.compare.tokens import WORD, tokenize
from transcompare.compare.translit import EXONYMS, name_key
from transcompare.model import Project, Row, Span

WORD_ITEM = "word"
NAME = "name"
NUMBER = "number"

CACHE_SIZE = 32_768
"""Row results kept (by content)."""

YEAR_WORDS = frozenset({"год", "г", "year"})
"""The word for "year" after a year («1962 года») belongs to the number."""

MIN_KEY = 4
"""Shorter transliteration keys match too many unrelated words ("mir"/"mr")."""


@dataclass(frozen=True)
class Unmatched:
    """A word, name or number of one side with no counterpart on the other."""

    span: Span
    text: str
    kind: str


@dataclass(frozen=True)
class CrossDiff:
    """What each side of a row has that the other lacks."""

    witness_a: str
    witness_b: str
    a: tuple[Unmatched, ...] = ()
    b: tuple[Unmatched, ...] = ()
    a_count: int = 0
    b_count: int = 0
    """How many words, names and numbers each side has in all (matched or not)."""
    too_long: bool = False
    """Cells over :data:`worddiff.MAX_TOKENS` tokens are not compared."""

    def spans(self, witness: str) -> tuple[Unmatched, ...]:
        """The unmatched items of one side (by witness id)."""
        return self.a if witness == self.witness_a else self.b if witness == self.witness_b else ()


@dataclass(frozen=True)
class MatchSettings:
    threshold: float = 0.6
    """Least embedding cosine of two lemmas that counts as a correspondence."""
    name_threshold: float = 0.8
    """Least similarity of transliteration keys (0–1) that counts."""
    use_embeddings: bool = True
    use_dictionary: bool = True


DEFAULT_SETTINGS = MatchSettings()


@dataclass(frozen=True)
class Word:
    """A content word of a cell: where it is, as written, its lemma, and word or name."""

    span: Span
    text: str
    lemma: str
    kind: str


@lru_cache(maxsize=100_000)
def content_words(
    side: Cell,
) -> tuple[tuple[Word, ...], tuple[tuple[SentenceText, numbers.NumberMention], ...]]:
    """The content words and names of a cell (not those inside numbers; abbreviations with
    dots such as "U.S." as one word), and its numbers (cached by content)."""
    words: list[Word] = []
    mentions: list[tuple[SentenceText, numbers.NumberMention]] = []
    for sentence in side.sentences:
        found = numbers.find_numbers(sentence.text, side.language)
        mentions.extend((sentence, m) for m in found)
        in_number = {i for m in found for i in range(m.start, m.end)}
        tokens = tokenize(sentence.text)
        heading = shouting(sentence.text)
        previous = ""
        after_number = False
        for position, token in enumerate(t for t in tokens if t.kind in (WORD, NUMBER_TOKEN)):
            inside = token.start in in_number
            skip = (
                inside
                or token.kind == NUMBER_TOKEN
                or len(token.text) < 2
                or is_function_word(token.text, side.language)
                or is_function_phrase(previous, token.text)
                or (after_number and lemma(token.text, side.language) in YEAR_WORDS)
            )
            previous, after_number = token.text, inside
            if skip:
                continue
            named = not heading and (
                is_acronym(token.text) or is_name(token.text, position, side.language)
            )
            span = Span(sentence.witness, sentence.id, token.start, token.end)
            kind = NAME if named else WORD_ITEM
            words.append(Word(span, token.text, lemma(token.text, side.language), kind))
        for match in DOTTED.finditer(sentence.text):
            span = Span(sentence.witness, sentence.id, match.start(), match.end())
            words.append(Word(span, match.group(), match.group().casefold().rstrip("."), NAME))
    return tuple(words), tuple(mentions)


class Matcher:
    """Decides which words of two cells correspond; holds the evidence sources it uses."""

    def __init__(
        self,
        settings: MatchSettings = DEFAULT_SETTINGS,
        embeddings: Embeddings | None = None,
        bilingual: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """``embeddings`` defaults to the shared USE model and ``bilingual`` (Russian lemma →
        English lemmas) to the installed dictionary, if any."""
        self.settings = settings
        self._embeddings = embeddings
        self._bilingual = bilingual
        self._listed: dict[str, frozenset[str]] = {}

    @property
    def embeddings(self) -> Embeddings | None:
        if not self.settings.use_embeddings:
            return None
        if self._embeddings is None:
            self._embeddings = shared()
        return self._embeddings

    @property
    def bilingual(self) -> Mapping[str, Collection[str]]:
        if not self.settings.use_dictionary:
            return {}
        if self._bilingual is None:
            self._bilingual = dictionary.installed()
        return self._bilingual

    def prefetch(self, words: Iterable[Word]) -> None:
        """Embed the words of many rows in large batches, much faster than row by row."""
        if self.embeddings is not None:
            texts = dict.fromkeys(f for w in words for f in (w.lemma, w.text.casefold()))
            self.embeddings.vectors(list(texts))

    def compare(self, a: Cell, b: Cell) -> CrossDiff:
        """The unmatched words, names and numbers of two cells (cached by content)."""
        return _compare(self, a, b)

    def scores(self, a: Sequence[Word], lang_a: str, b: Sequence[Word], lang_b: str) -> np.ndarray:
        """How strongly each word of ``a`` corresponds to each word of ``b``: 1 where the
        lemma, a transliteration, an exonym or the dictionary says so, else the embedding
        cosine of the lemmas or of the words as written, whichever is higher (pymorphy3 takes
        «уверены» to «уверить» and «сведения» to «сведение»; 0 without embeddings)."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        lemmas_a, lemmas_b = [x.lemma for x in a], [y.lemma for y in b]
        sure = np.equal.outer(np.array(lemmas_a, dtype=object), np.array(lemmas_b, dtype=object))
        sure |= self._transliterated(a, b)
        if {lang_a, lang_b} == {RUSSIAN, ENGLISH}:
            russian, english = (lemmas_a, lemmas_b) if lang_a == RUSSIAN else (lemmas_b, lemmas_a)
            listed = np.zeros((len(russian), len(english)), dtype=bool)
            for i, r in enumerate(russian):
                renderings = self._renderings(r)
                if renderings:
                    listed[i] = [e in renderings for e in english]
            sure |= listed if lang_a == RUSSIAN else listed.T
        scores = sure.astype(np.float32)
        if self.embeddings is not None:
            for form in ("lemma", "text"):
                texts_a = [getattr(x, form).casefold() for x in a]
                texts_b = [getattr(y, form).casefold() for y in b]
                scores = np.maximum(scores, self.embeddings.similarity(texts_a, texts_b))
        return scores

    def correspondence(
        self, a: Sequence[Word], lang_a: str, b: Sequence[Word], lang_b: str
    ) -> np.ndarray:
        """A boolean matrix: ``[i, j]`` when word ``a[i]`` and word ``b[j]`` correspond."""
        return self.scores(a, lang_a, b, lang_b) >= self.settings.threshold

    def _transliterated(self, a: Sequence[Word], b: Sequence[Word]) -> np.ndarray:
        """Pairs whose transliteration keys (of the lemma or of the word as written) are alike."""
        keys_a = [name_key(f) for x in a for f in (x.lemma, x.text)]
        keys_b = [name_key(f) for y in b for f in (y.lemma, y.text)]
        ratios = process.cdist(keys_a, keys_b, scorer=fuzz.ratio, dtype=np.int32)
        long_a = np.array([len(k) >= MIN_KEY for k in keys_a])
        long_b = np.array([len(k) >= MIN_KEY for k in keys_b])
        alike = (ratios >= self.settings.name_threshold * 100) & np.outer(long_a, long_b)
        return alike.reshape(len(a), 2, len(b), 2).any(axis=(1, 3))

    def _renderings(self, russian: str) -> Collection[str]:
        """The English words the exonym table and the dictionary give for a Russian lemma."""
        found = self._listed.get(russian)
        if found is None:
            found = self._listed[russian] = EXONYMS.get(russian, frozenset()) | frozenset(
                self.bilingual.get(russian, ())
            )
        return found


@lru_cache(maxsize=CACHE_SIZE)
def _compare(matcher: Matcher, a: Cell, b: Cell) -> CrossDiff:
    sizes = [sum(len(tokenize(s.text)) for s in c.sentences) for c in (a, b)]
    if max(sizes) > worddiff.MAX_TOKENS:
        return CrossDiff(a.witness, b.witness, too_long=True)
    words_a, numbers_a = content_words(a)
    words_b, numbers_b = content_words(b)
    matched = matcher.correspondence(words_a, a.language, words_b, b.language)
    lost_a, lost_b = numbers.unmatched([m for _, m in numbers_a], [m for _, m in numbers_b])
    return CrossDiff(
        a.witness,
        b.witness,
        _report(a, words_a, matched.any(axis=1), numbers_a, lost_a),
        _report(b, words_b, matched.any(axis=0), numbers_b, lost_b),
        len(words_a) + len(numbers_a),
        len(words_b) + len(numbers_b),
    )


def _report(
    side: Cell,
    words: Sequence[Word],
    matched: np.ndarray,
    mentions: Sequence[tuple[SentenceText, numbers.NumberMention]],
    lost: Sequence[int],
) -> tuple[Unmatched, ...]:
    """The unmatched words and numbers of one side, in reading order."""
    found = [
        Unmatched(w.span, w.text, w.kind) for w, ok in zip(words, matched, strict=True) if not ok
    ]
    for index in lost:
        sentence, mention = mentions[index]
        span = Span(sentence.witness, sentence.id, mention.start, mention.end)
        found.append(Unmatched(span, sentence.text[mention.start : mention.end], NUMBER))
    order = {s.id: i for i, s in enumerate(side.sentences)}
    return tuple(sorted(found, key=lambda u: (order[u.span.sentence], u.span.start)))


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher with every evidence source available on this machine."""
    return Matcher()


def row_unmatched(
    project: Project, row: Row | int, witness_a: str, witness_b: str, matcher: Matcher | None = None
) -> CrossDiff:
    """The words, names and numbers of one row that have no counterpart in the other witness."""
    return (matcher or default_matcher()).compare(
        cell(project, row, witness_a), cell(project, row, witness_b)
    )
