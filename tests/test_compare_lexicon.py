"""Lemmas, function words and proper names in Russian and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transcompare.compare.lexicon import (
    is_function_phrase,
    is_function_word,
    is_noun,
    is_proper_name,
    is_tagged_name,
    lemma,
    may_end_function_phrase,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "gromyko-kennedy-1962"


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("пиратства", "ru", "пиратство"),
        ("Хрущёва", "ru", "хрущев"),
        ("организованного", "ru", "организовать"),  # participles go to their verb
        ("states", "en", "state"),
        ("government's", "en", "government"),
        ("government’s", "en", "government"),
        ("was", "en", "be"),
        ("Kennedy", "en", "kennedy"),
        ("Haus", "de", "haus"),
    ],
)
def test_lemma(word, language, expected):
    assert lemma(word, language) == expected


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("the", "en", True),
        ("cannot", "en", True),
        ("US", "en", False),
        ("policy", "en", False),
        ("в", "ru", True),
        ("который", "ru", True),
        ("пиратства", "ru", False),
    ],
)
def test_function_words(word, language, expected):
    assert is_function_word(word, language) is expected


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Далее", "Further"),
        ("затем", "then"),
        ("тогда", "then"),
        ("здесь", "here"),
        ("теперь", "now"),
        ("сейчас", "now"),
        ("снова", "again"),
        ("однажды", "once"),
        ("почему", "why"),
        ("где", "where"),
        ("уже", "already"),
        ("вновь", "again"),
        ("потому", "because"),
        ("когда-либо", "ever"),
        ("ещё", "still"),
        ("кроме", "except"),
    ],
)
def test_an_adverb_and_its_rendering_are_both_function_words(russian, english):
    # else one side of "Далее я сказал" / "Further I said" has a word the other side lacks
    assert is_function_word(russian, "ru") and is_function_word(english, "en")


def test_two_word_prepositions():
    assert is_function_phrase("Таким", "образом")
    assert is_function_phrase("во", "время")
    assert is_function_phrase("В", "течение")
    assert not is_function_phrase("это", "время")


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("Громыко", "ru", True),
        ("Дортикос", "ru", True),
        ("Белом", "ru", False),
        ("Kennedy", "en", True),
        ("White", "en", False),
    ],
)
def test_proper_names(word, language, expected):
    assert is_proper_name(word, language) is expected


def test_tagged_names_are_only_russian():
    assert is_tagged_name("Нины", "ru")
    assert not is_tagged_name("Nina", "en")


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("вопрос", "ru", True),
        ("быстро", "ru", False),
        ("question", "en", True),
        ("quickly", "en", False),
    ],
)
def test_nouns(word, language, expected):
    assert is_noun(word, language) is expected


@pytest.mark.parametrize(
    ("word", "expected"), [("время", True), ("Spite", True), ("вопрос", False)]
)
def test_may_end_function_phrase(word, expected):
    assert may_end_function_phrase(word) is expected


def test_english_lemmas_are_those_lemminflect_gives():
    """The lemma table is read directly (for speed): it must say what lemminflect says, case
    aside («pH», which lemma() folds anyway), overrides included ("all" is listed as a noun
    there)."""
    from lemminflect import getAllLemmas

    from transcompare.compare import lexicon

    corpus = (CORPUS / "en-wilson.txt").read_text(encoding="utf-8")
    words = {w.lower() for w in re.findall(r"[A-Za-z]+(?:['-][A-Za-z]+)*", corpus)}
    words |= {"all", "okay", "ph", "cyclops", "pre-cambrian", "xqzt", ""}

    def folded(found):
        return {pos: tuple(x.casefold() for x in forms) for pos, forms in found.items()}

    assert len(words) > 500
    for word in sorted(words):
        assert folded(lexicon._english(word)) == folded(getAllLemmas(word)), word
