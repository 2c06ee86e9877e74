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

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

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
    may_end_function_phrase,
)
from transcompare.compare.names import DOTTED, in_capitals, is_acronym, is_name, shouting
from transcompare.compare.tokens import NUMBER as NUMBER_TOKEN
from transcompare.compare.tokens import WORD, scan
from transcompare.compare.translit import EXONYMS, name_key
from transcompare.model import Project, Row, Span

WORD_ITEM = "word"
NAME = "name"
NUMBER = "number"

CACHE_SIZE = 32_768
"""Row results kept (by content)."""

NUMBER_UNITS = frozenset(
    {"год", "г", "year", "процент", "градус", "percent", "degree", "celsius", "fahrenheit"}
)
"""Words that belong to the number before them («1962 года», "120 degrees Celsius", «10
процентов»): the number is compared by value, and one side often writes them as a symbol."""

MIN_KEY = 4
"""Shorter transliteration keys match too many unrelated words ("mir"/"mr")."""

DENSE = 4
"""The transliteration keys of two word lists are compared all with all when that makes at
most this many times as many comparisons as there are pairs asked for (else pair by pair)."""
ROW_VECTORS_AT_ONCE = 16_384
"""Word vectors gathered at once when rows are scored together (2 KB each, twice)."""


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


class Lexeme(Protocol):
    """What word correspondence reads of a word: its lemma and its form as written."""

    @property
    def lemma(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Word:
    """A content word of a cell: where it is, as written, its lemma, and word or name."""

    span: Span
    text: str
    lemma: str
    kind: str


SentenceWord = tuple[int, int, str, str, str]
"""A content word of one sentence: start and end offsets, text as written, lemma, kind."""


@lru_cache(maxsize=100_000)
def sentence_words(text: str, language: str) -> tuple[SentenceWord, ...]:
    """The content words and names of one sentence, cached by its text (see
    :func:`content_words`). Plain tuples: a long document holds hundreds of thousands of them,
    and the garbage collector stops tracking tuples of plain values."""
    found = numbers.find_numbers(text, language)
    in_number = {i for m in found for i in range(m.start, m.end)}
    heading = shouting(text)
    words = []
    previous = ""
    after_number = False
    position = -1  # counts words and numbers, not punctuation
    for word, _, kind, start, end in scan(text):
        if kind not in (WORD, NUMBER_TOKEN):
            continue
        position += 1
        inside = start in in_number
        if heading:  # in a heading in capitals, "AND" is the word "and", not an acronym
            never, base, phrase_end, _ = _word_facts(word.lower(), language)
            capitals = True
        else:
            never, base, phrase_end, capitals = _word_facts(word, language)
        unit = after_number and base in NUMBER_UNITS
        skip = (
            inside
            or never
            or kind == NUMBER_TOKEN
            or (phrase_end and is_function_phrase(previous, word))
            or unit
        )
        previous, after_number = word, inside or unit
        if skip:
            continue
        named = (
            not capitals
            and not word.islower()  # the common case, neither an acronym nor a name
            and (is_acronym(word) or is_name(word, position, language))
        )
        words.append((start, end, word, base, NAME if named else WORD_ITEM))
    for match in DOTTED.finditer(text) if _DOTTED_HINT.search(text) else ():
        dotted = match.group()
        if not _before_a_name(text, match.end(), language):
            words.append((match.start(), match.end(), dotted, dotted.casefold().rstrip("."), NAME))
    return tuple(words)


_DOTTED_HINT = re.compile(r"\.[^\W\d_]\.")
"""What every abbreviation with dots has (".S." in "U.S."), found far faster: a search for it
looks at the dots of a sentence only."""
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _before_a_name(text: str, end: int, language: str) -> bool:
    """Whether a name follows: then "A.A." are initials ("A.A. Gromyko"), which the other side
    may write apart («А. А. Громыко») or leave out, and the name carries the comparison; "U.S."
    before "Government" stays an abbreviation to match."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return is_name(word.title() if word.isupper() else word, 1, language)  # "A.A. GROMYKO" too


@lru_cache(maxsize=200_000)
def _word_facts(word: str, language: str) -> tuple[bool, str, bool, bool]:
    """Whether a word is never a content word (one letter, a function word), its lemma,
    whether it may end a two-word preposition, and whether it is a common word in capitals
    («МЕТОДЫ», read as «методы»): every token asks for all four, so they are looked up
    together."""
    capitals = word.isupper() and in_capitals(word, language)
    if capitals:
        word = word.lower()
    never = len(word) < 2 or is_function_word(word, language)
    return never, lemma(word, language), may_end_function_phrase(word), capitals


def located_words(side: Cell) -> Iterator[tuple[SentenceText, SentenceWord]]:
    """Each content word of a cell with its sentence (the analysis itself is per sentence)."""
    for sentence in side.sentences:
        for word in sentence_words(sentence.text, side.language):
            yield sentence, word


@lru_cache(maxsize=100_000)
def content_words(
    side: Cell,
) -> tuple[tuple[Word, ...], tuple[tuple[SentenceText, numbers.NumberMention], ...]]:
    """The content words and names of a cell (not those inside numbers; abbreviations with
    dots such as "U.S." as one word), and its numbers (cached by content)."""
    mentions = tuple(
        (s, m) for s in side.sentences for m in numbers.find_numbers(s.text, side.language)
    )
    words = tuple(
        Word(Span(s.witness, s.id, start, end), text, base, kind)
        for s, (start, end, text, base, kind) in located_words(side)
    )
    return words, mentions


@dataclass(frozen=True)
class Pairs:
    """Pairs of words of two lists: ``a[left[k]]`` with ``b[right[k]]`` for every ``k``."""

    a: Sequence[Lexeme]
    b: Sequence[Lexeme]
    left: np.ndarray
    right: np.ndarray

    @property
    def dense(self) -> bool:
        """Whether most pairs of the two lists are asked for (the words of one row: comparing
        all with all is cheapest), not a few of all (the pairs of a document's forms, taken
        one by one)."""
        return len(self.a) * len(self.b) <= DENSE * len(self.left)

    def swapped(self) -> Pairs:
        return Pairs(self.b, self.a, self.right, self.left)

    def same_lemma(self) -> np.ndarray:
        """Pairs with the same lemma (a name, or a word left in the other script)."""
        ids: dict[str, int] = {}
        lemmas_a = [ids.setdefault(x.lemma, len(ids)) for x in self.a]
        lemmas_b = [ids.get(y.lemma, -1) for y in self.b]
        return np.array(lemmas_a)[self.left] == np.array(lemmas_b)[self.right]


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
        self._listings: dict[str, frozenset[str]] = {}

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

    def prefetch(self, words: Iterable[Lexeme]) -> None:
        """Embed the words of many rows in large batches, much faster than row by row."""
        if self.embeddings is not None:
            self.embeddings.vectors(list(dict.fromkeys(_embedded(list(words)))))

    def compare(self, a: Cell, b: Cell) -> CrossDiff:
        """The unmatched words, names and numbers of two cells (cached by content)."""
        return _compare(self, a, b)

    def scores(
        self, a: Sequence[Lexeme], lang_a: str, b: Sequence[Lexeme], lang_b: str
    ) -> np.ndarray:
        """How strongly each word of ``a`` corresponds to each word of ``b`` (as
        :meth:`row_scores` says), as a matrix."""
        n, m = len(a), len(b)
        if not (n and m):
            return np.zeros((n, m), dtype=np.float32)
        left, right = np.divmod(np.arange(n * m), m)
        sure = self._sure(Pairs(a, b, left, right), lang_a, lang_b).reshape(n, m)
        if self.embeddings is None:
            return sure.astype(np.float32)
        cosines = _cosines(self._vectors(a), self._vectors(b), np.arange(n), np.arange(m))
        return np.maximum(cosines, sure)

    def row_scores(
        self,
        a: Sequence[Lexeme],
        lang_a: str,
        b: Sequence[Lexeme],
        lang_b: str,
        sizes_a: np.ndarray,
        sizes_b: np.ndarray,
    ) -> np.ndarray:
        """How strongly each word of each row of ``a`` corresponds to each word of the same row
        of ``b``: row ``k`` holds the next ``sizes_a[k]`` words of ``a`` and the next
        ``sizes_b[k]`` of ``b``. Flat, row after row, in the order of :func:`row_pairs`. A score
        is 1 where the lemma, a transliteration, an exonym or the dictionary says so, else the
        embedding cosine of the lemmas or of the words as written, whichever is higher
        (pymorphy3 takes «уверены» to «уверить» and «сведения» to «сведение»; 0 without
        embeddings). The rows of a whole document can be scored in one call, as the
        terminology check does: the evidence other than embeddings is then looked at once
        for each distinct pair of forms, since a term recurs with the same few renderings."""
        of_a, of_b = row_pairs(sizes_a, sizes_b)
        if not len(of_a):
            return np.zeros(0, dtype=np.float32)
        forms_a, form_a = _forms(a)
        forms_b, form_b = _forms(b)
        codes = form_a[of_a] * len(forms_b) + form_b[of_b]
        distinct, which = np.unique(codes, return_inverse=True)
        left, right = np.divmod(distinct, len(forms_b))
        sure = self._sure(Pairs(forms_a, forms_b, left, right), lang_a, lang_b)[which]
        if self.embeddings is None:
            return sure.astype(np.float32)
        cosines = self._row_cosines(forms_a, form_a, forms_b, form_b, sizes_a, sizes_b)
        return np.maximum(cosines, sure)

    def _sure(self, pairs: Pairs, lang_a: str, lang_b: str) -> np.ndarray:
        """Pairs that the lemma, a transliteration, an exonym or the dictionary connects."""
        sure = pairs.same_lemma() | self._transliterated(pairs)
        if {lang_a, lang_b} == {RUSSIAN, ENGLISH}:
            sure |= self._listed(pairs if lang_a == RUSSIAN else pairs.swapped())
        return sure

    def _row_cosines(
        self,
        forms_a: Sequence[Lexeme],
        form_a: np.ndarray,
        forms_b: Sequence[Lexeme],
        form_b: np.ndarray,
        sizes_a: np.ndarray,
        sizes_b: np.ndarray,
    ) -> np.ndarray:
        """The higher of the cosines of the lemmas and of the words as written, for every pair
        of every row (``form_a`` and ``form_b``: the form of each word). Each row's scores are
        the products of its words' vectors, computed together for all rows of one shape:
        gathering both vectors of each pair instead moved several times the memory, which cost
        more than the arithmetic."""
        vectors_a, vectors_b = self._vectors(forms_a), self._vectors(forms_b)
        starts_a, starts_b = np.cumsum(sizes_a) - sizes_a, np.cumsum(sizes_b) - sizes_b
        counts = sizes_a * sizes_b
        starts = np.cumsum(counts) - counts
        found = np.empty(int(counts.sum()), dtype=np.float32)
        shapes = sizes_a * (int(sizes_b.max()) + 1) + sizes_b
        order = np.argsort(shapes, kind="stable")
        _, firsts = np.unique(shapes[order], return_index=True)
        for same_shape in np.split(order, firsts[1:]):
            p, q = int(sizes_a[same_shape[0]]), int(sizes_b[same_shape[0]])
            if not (p and q):
                continue
            step = max(1, ROW_VECTORS_AT_ONCE // (p + q))
            for k in range(0, len(same_shape), step):
                rows = same_shape[k : k + step]
                i = form_a[starts_a[rows, None] + np.arange(p)]
                j = form_b[starts_b[rows, None] + np.arange(q)]
                place = starts[rows, None] + np.arange(p * q)
                found[place] = _cosines(vectors_a, vectors_b, i, j).reshape(len(rows), p * q)
        return found

    def _vectors(self, words: Sequence[Lexeme]) -> np.ndarray:
        """Unit vectors of the lemmas of ``words``, then of the words as written."""
        assert self.embeddings is not None
        return self.embeddings.vectors(_embedded(words))

    def correspondence(
        self, a: Sequence[Lexeme], lang_a: str, b: Sequence[Lexeme], lang_b: str
    ) -> np.ndarray:
        """A boolean matrix: ``[i, j]`` when word ``a[i]`` and word ``b[j]`` correspond."""
        return self.scores(a, lang_a, b, lang_b) >= self.settings.threshold

    def _transliterated(self, pairs: Pairs) -> np.ndarray:
        """Pairs whose transliteration keys (of the lemma or of the word as written) are
        alike: all keys compared at once when the pairs are dense, else pair by pair."""
        least = self.settings.name_threshold * 100
        if not pairs.dense:
            keys_a = [(_long_key(x.lemma), _long_key(x.text)) for x in pairs.a]
            keys_b = [(_long_key(y.lemma), _long_key(y.text)) for y in pairs.b]
            return _alike_pairs(keys_a, keys_b, pairs.left, pairs.right, least)
        ratios = process.cdist(
            [_long_key(f) or _NO_KEY_A for x in pairs.a for f in (x.lemma, x.text)],
            [_long_key(f) or _NO_KEY_B for y in pairs.b for f in (y.lemma, y.text)],
            scorer=fuzz.ratio,
            dtype=np.int32,
        )
        alike = (ratios >= least).reshape(len(pairs.a), 2, len(pairs.b), 2).any(axis=(1, 3))
        return alike[pairs.left, pairs.right]

    def _listed(self, pairs: Pairs) -> np.ndarray:
        """Pairs (Russian word first) that the exonym table or the dictionary lists. Most
        words have no listed rendering: only pairs with one are looked at."""
        renderings = [self._renderings(x.lemma) for x in pairs.a]
        has_any = np.array([bool(r) for r in renderings], dtype=bool)
        listed = np.zeros(len(pairs.left), dtype=bool)
        wanted = np.flatnonzero(has_any[pairs.left])
        english = [y.lemma for y in pairs.b]
        listed[wanted] = [
            english[j] in renderings[i]
            for i, j in zip(pairs.left[wanted].tolist(), pairs.right[wanted].tolist(), strict=True)
        ]
        return listed

    def _renderings(self, russian: str) -> Collection[str]:
        """The English words the exonym table and the dictionary give for a Russian lemma."""
        found = self._listings.get(russian)
        if found is None:
            found = self._listings[russian] = EXONYMS.get(russian, frozenset()) | frozenset(
                self.bilingual.get(russian, ())
            )
        return found


def _cosines(
    vectors_a: np.ndarray, vectors_b: np.ndarray, i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    """The higher of the cosines of the lemmas and of the words as written of words ``i`` of
    ``a`` and words ``j`` of ``b``, from their vectors (see :meth:`Matcher._vectors`): a
    matrix for index vectors, a stack of matrices for index matrices (one row of words
    each)."""
    n, m = len(vectors_a) // 2, len(vectors_b) // 2
    lemmas = np.matmul(vectors_a[i], np.swapaxes(vectors_b[j], -1, -2))
    written = np.matmul(vectors_a[n + i], np.swapaxes(vectors_b[m + j], -1, -2))
    return np.maximum(lemmas, written)


def row_pairs(sizes_a: np.ndarray, sizes_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of an ``a`` word and a ``b`` word of the same row (rows as in
    :meth:`Matcher.row_scores`), as indices into ``a`` and ``b``: row after row, each ``a``
    word's pairs together, in the order of the ``b`` words."""
    targets = np.repeat(sizes_b, sizes_a)
    of_a = np.repeat(np.arange(int(sizes_a.sum())), targets)
    of_b = _ranges(np.repeat(np.cumsum(sizes_b) - sizes_b, sizes_a), targets)
    return of_a, of_b


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``range(start, start + length)`` for each start and length, one after another."""
    ends = np.cumsum(lengths)
    return np.repeat(starts - (ends - lengths), lengths) + np.arange(ends[-1] if len(ends) else 0)


def _forms(words: Sequence[Lexeme]) -> tuple[list[Lexeme], np.ndarray]:
    """The distinct forms of some words (text as written and lemma: all that word
    correspondence reads), one word for each, and the number of each word's form."""
    numbers: dict[tuple[str, str], int] = {}
    form = [numbers.setdefault((word.text, word.lemma), len(numbers)) for word in words]
    firsts = np.unique(form, return_index=True)[1].tolist()  # in the order forms first appear
    return [words[i] for i in firsts], np.array(form, dtype=np.int64)


def _embedded(words: Sequence[Lexeme]) -> list[str]:
    """What is embedded of some words: their lemmas, then the words as written, case-folded."""
    return [x.lemma.casefold() for x in words] + [x.text.casefold() for x in words]


_NO_KEY_A, _NO_KEY_B = "\x01", "\x02"
"""Stand-ins for keys too short to compare: they share no character with each other or with a
key (keys are ASCII letters), so their ratio is 0 and no pair with one of them is alike."""


def _alike_pairs(
    keys_a: Sequence[tuple[str, str]],
    keys_b: Sequence[tuple[str, str]],
    left: np.ndarray,
    right: np.ndarray,
    least: float,
) -> np.ndarray:
    """Pairs ``left[k]``, ``right[k]`` with a key of one alike a key of the other (ratio at
    least ``least``; "" is a key too short to compare). Only keys of similar lengths can be
    alike (the ratio is at most twice the shorter length over the sum), so only those are
    compared, and a word's second key only when it differs from its first."""
    table_a, table_b = np.array(keys_a, dtype=object), np.array(keys_b, dtype=object)
    sizes_a = np.array([(len(k), len(w)) for k, w in keys_a], dtype=np.int64)
    sizes_b = np.array([(len(k), len(w)) for k, w in keys_b], dtype=np.int64)
    second_a = (table_a[:, 0] != table_a[:, 1])[left]
    second_b = (table_b[:, 0] != table_b[:, 1])[right]
    alike = np.zeros(len(left), dtype=bool)
    for form_a, form_b in ((0, 0), (0, 1), (1, 0), (1, 1)):
        size_a, size_b = sizes_a[left, form_a], sizes_b[right, form_b]
        shorter = np.minimum(size_a, size_b)
        wanted = (shorter > 0) & (200 * shorter >= (least - 1) * (size_a + size_b))
        if form_a:
            wanted &= second_a
        if form_b:
            wanted &= second_b
        pairs = np.flatnonzero(wanted)
        ratios = process.cpdist(
            table_a[left[pairs], form_a].tolist(),
            table_b[right[pairs], form_b].tolist(),
            scorer=fuzz.ratio,
            dtype=np.int32,  # rounded, as the dense comparison reads them
        )
        alike[pairs[ratios >= least]] = True
    return alike


@lru_cache(maxsize=200_000)
def _long_key(word: str) -> str:
    """The transliteration key of a word, or "" when it is shorter than :data:`MIN_KEY`."""
    key = name_key(word)
    return key if len(key) >= MIN_KEY else ""


@lru_cache(maxsize=CACHE_SIZE)
def _compare(matcher: Matcher, a: Cell, b: Cell) -> CrossDiff:
    sizes = [sum(len(scan(s.text)) for s in c.sentences) for c in (a, b)]
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
