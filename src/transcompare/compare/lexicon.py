"""Lemmas, function words and name tags for Russian and English words, cached.

Russian lemmas come from pymorphy3 (with its Russian dictionaries), English ones from
lemminflect; other languages fall back to the case-folded word. The analysers load on first
use, never at import. Lemmas are returned case-folded with ё written as е, the form every
comparison in this package uses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from transcompare.compare.scripts import has_cyrillic

RUSSIAN = "ru"
ENGLISH = "en"


def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN_FUNCTION = _wordlist(
    """a about above after again against all also although am among an and another any are
    as at be because been before being below between both but by can could did do does doing
    down during each either else ever every few for from further had has have having he her
    here hers herself him himself his how however i if in into is it its itself just least
    less may me might more most much must my myself neither no nor not now of off on once one
    only or other ought our ours ourselves out over own per rather same shall she should since
    so some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very was we were what whatever when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves let mr mrs ms s t d ll re ve cannot around across toward towards
    including onto via despite unless whereas whose due already still except"""
)

_RU_FUNCTION = _wordlist(
    """а без более бы был была были было быть в во вот все всё всего всех вы г да даже для до
    его ее её если есть еще ещё же за и из или им их к как ко когда кто ли либо меня мне
    может мы на над не него нее неё нет ни них но ну о об однако он она они оно от перед по
    под при про с со так также такой там то того тоже той только том ту тут у уже хотя чего
    чей чем что чтобы эта эти это этого этой этом этот я являться
    самый весь свой который каждый очень должный мочь можно нужно надо наиболее наименее
    менее г-н г-жа далее затем потом тогда здесь теперь сейчас снова вновь опять однажды
    почему где потому когда-либо"""
)

_FUNCTION_PHRASES = frozenset(
    {
        ("во", "время"), ("в", "течение"), ("в", "ходе"), ("в", "связи"), ("в", "качестве"),
        ("в", "результате"), ("в", "случае"), ("в", "отношении"), ("по", "поводу"),
        ("в", "целях"), ("на", "основе"), ("в", "рамках"), ("в", "области"), ("с", "целью"),
        ("по", "мере"), ("в", "виде"), ("за", "счет"), ("том", "числе"), ("in", "spite"),
        ("in", "terms"), ("by", "means"), ("on", "behalf"), ("in", "view"), ("in", "order"),
        ("as", "well"), ("in", "addition"), ("таким", "образом"),
    }
)  # fmt: skip
"""Prepositions and adverbs of two words («во время», «таким образом», "in spite"): the second
word is no content word."""
_PHRASE_ENDS = frozenset(second for _, second in _FUNCTION_PHRASES)

_RU_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ"})
_RU_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def load_analysers() -> None:
    """Load both analysers now rather than on first use (in a process that starts others)."""
    _morph()
    _english("be")


@lru_cache(maxsize=200_000)
def _parse(word: str) -> Any:
    """pymorphy3's most probable analysis of a Russian word."""
    return _morph().parse(word)[0]


EnglishTable = dict[str, dict[str, tuple[str, ...]]]
"""lemminflect's tables: each word (lower case) with its lemmas by part of speech."""


@cache
def _english_tables() -> tuple[EnglishTable, EnglishTable]:
    """lemminflect's lemma table and its overrides, read by lemminflect's own readers."""
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.codecs.OverridesCodec import OverridesCodec

    return LemmaLUCodec.load(config.lemma_lu_fn), OverridesCodec.load(config.lemma_overrides_fn)


@lru_cache(maxsize=200_000)
def _english(word: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-case English word by part of speech, looked up as its
    ``getAllLemmas`` does (the table's entry updated by the overrides), but neither copied nor
    lower-cased («pH»: :func:`lemma` folds case), which took most of the time: 0.12 s against
    0.02 s for the 14,000 English words of a long document. The entry is lemminflect's own,
    to be read, never changed."""
    table, overrides = _english_tables()
    found = table.get(word, {})
    override = overrides.get(word)
    return {**found, **override} if override else found


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The dictionary form of ``word``, case-folded (``пиратства`` → ``пиратство``,
    "government's" → "government")."""
    if language == RUSSIAN and has_cyrillic(word):
        return _fold(_parse(word.lower()).normal_form)
    if language == ENGLISH:
        word = re.sub(r"['’]s?$", "", word)
        found = _english(word.lower()) if word.isascii() else {}
        for part in ("NOUN", "VERB", "ADJ", "ADV", "AUX", "PROPN"):
            if part in found:
                return _fold(found[part][0])
    return _fold(word)


@lru_cache(maxsize=200_000)
def is_noun(word: str, language: str) -> bool:
    """Whether a word can be a noun (what terms mostly are)."""
    if language == RUSSIAN and has_cyrillic(word):
        return _parse(word.lower()).tag.POS == "NOUN"
    if language == ENGLISH and word.isascii():
        return "NOUN" in _english(word.lower())
    return True


@lru_cache(maxsize=200_000)
def is_function_word(word: str, language: str) -> bool:
    """Articles, prepositions, pronouns, conjunctions, particles, auxiliaries; never an acronym
    ("US" is a country, "us" a pronoun)."""
    if len(word) > 1 and word.isupper():
        return False
    folded = _fold(word)
    if language == RUSSIAN:
        if folded in _RU_FUNCTION:
            return True
        if not has_cyrillic(word):
            return False
        tag = _parse(folded).tag
        return tag.POS in _RU_FUNCTION_POS or "Apro" in tag or lemma(word, language) in _RU_FUNCTION
    return folded in _EN_FUNCTION or lemma(word, language) in _EN_FUNCTION


def may_end_function_phrase(word: str) -> bool:
    """Whether ``word`` is the second word of some two-word preposition."""
    return word.lower() in _PHRASE_ENDS


def is_function_phrase(previous: str, word: str) -> bool:
    """Whether ``word`` completes a two-word preposition begun by ``previous``."""
    lower = word.lower()
    return lower in _PHRASE_ENDS and (previous.lower(), lower) in _FUNCTION_PHRASES


@lru_cache(maxsize=200_000)
def is_tagged_name(word: str, language: str) -> bool:
    """pymorphy3 tags a Russian word as a name, surname, patronymic, place or organisation."""
    return (
        language == RUSSIAN
        and has_cyrillic(word)
        and bool(_RU_NAME_TAGS & _parse(word.lower()).tag.grammemes)
    )


@lru_cache(maxsize=200_000)
def is_proper_name(word: str, language: str) -> bool:
    """A word the dictionaries know as a name (pymorphy3's first names, surnames, places,
    organisations), or do not know at all — which, for a capitalised word, mostly means a
    foreign name ("Dorticos", «Дортикос»). "White" in "White House" is a known word."""
    if language == RUSSIAN and has_cyrillic(word):
        return not _parse(word.lower()).is_known or is_tagged_name(word, language)
    if language == ENGLISH and word.isascii():
        return not _english(word.lower())
    return True
