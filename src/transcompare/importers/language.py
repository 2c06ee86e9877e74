"""Guessing a text's language from its script, its letters and its most frequent words.

No model and no download: the script decides outright where one language owns it (Greek,
Hebrew, Korean, …); within Cyrillic and Latin, letters that belong to one language and short
lists of function words decide. Returns a BCP 47 primary tag, or "und" when unsure.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter

from transcompare.errors import InputError

UNDETERMINED = "und"
_SAMPLE = 100_000
_FEWEST_LETTERS = 3

# Scripts that (for this tool's purposes) belong to one language.
_SCRIPT_LANGUAGES = {
    "GREEK": "el",
    "HEBREW": "he",
    "ARABIC": "ar",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
}

_FUNCTION_WORDS = {
    "ru": "и в не на что с по он как это к но из у за от о для она так же вы мы бы был было "
    "только его ее её они то все если или же уже при",
    "uk": "і в не на що з по він як це до але та й у за від про для вона так ви ми б був "
    "було тільки його її вони все якщо або вже при",
    "be": "і ў не на што з па ён як гэта да але ды у за ад пра для яна так вы мы б быў было "
    "толькі яго яе яны усё калі або ўжо пры",
    "bg": "и в не на че с по той как това към но от за за да се са е ще като който която които "
    "тя ние вие бе беше също",
    "sr": "и у не на да се је са по од за као што ће из али или био била",
    "en": "the of and to in is that it was for on with as by at from he his be this which are "
    "not have but had they an were their has been would there we you i",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
    "es an er hat aus bei sind wird nach wie",
    "fr": "le la les de des et en un une du est que qui dans pour pas au sur par il elle se ne "
    "avec sont ce cette nous vous aux",
    "es": "el la los las de del y en un una que es por con para se no al lo su como más pero "
    "sus le ha este esta fue",
    "it": "il lo la le gli di del della e è in un una che per non con si da al sono come ma "
    "anche questo questa",
    "pt": "o a os as de do da dos das e em um uma que é para com não por se ao mais como mas "
    "foi no na pelo pela",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er die ook als bij door "
    "was maar om hij",
    "pl": "i w na nie z się do że to jest o jak po ale od za przez dla tak jego jej są być",
    "cs": "a v na se je že s z do to o jako ale by po pro jsou byl bylo jeho její nebo také",
    "sv": "och i att det som en på är av för med den till har inte om ett de var men jag",
}
_WORDS = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}
_CYRILLIC = ("ru", "uk", "be", "bg", "sr")
_LATIN = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv")

# Letters that only one of the candidate languages uses; each occurrence counts as a word.
_OWN_LETTERS = {
    "ru": "ыэё",
    "uk": "їєґ",
    "be": "ў",
    "sr": "ђћџљњј",
    "de": "ß",
    "es": "ñ¿¡",
    "pt": "ãõ",
    "pl": "łąęśźżń",
    "cs": "řěů",
    "sv": "å",
}
_WORD = re.compile(r"[^\W\d_]+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def check_language_tag(tag: str, path: str | os.PathLike[str] | None = None) -> None:
    """Refuse a language the user gave that is not a tag such as "en" or "pt-BR", before any
    work is done with it (``path`` names the file it was given for)."""
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise InputError(path, f"{tag!r} is not a language tag such as 'en' or 'ru'")


def detect_language(text: str) -> str:
    """The language of ``text`` as a primary language tag ("ru", "en", …), or "und"."""
    sample = text[:_SAMPLE]
    scripts = Counter(_script(c) for c in sample if c.isalpha())
    if sum(scripts.values()) < _FEWEST_LETTERS:
        return UNDETERMINED
    if scripts["HIRAGANA"] or scripts["KATAKANA"]:
        return "ja"
    script, _ = scripts.most_common(1)[0]
    if script == "CYRILLIC":
        return _by_words(sample, _CYRILLIC) or "ru"
    if script == "LATIN":
        return _by_words(sample, _LATIN) or UNDETERMINED
    return _SCRIPT_LANGUAGES.get(script, UNDETERMINED)


def _script(character: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, CJK, …"""
    return unicodedata.name(character, "UNKNOWN").split(" ", 1)[0]


def _by_words(sample: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate with the most function words and own letters; None on a tie or none."""
    lowered = sample.lower()
    words = Counter(_WORD.findall(lowered))
    letters = Counter(lowered)
    scores = Counter(
        {
            language: sum(count for word, count in words.items() if word in _WORDS[language])
            + sum(letters[c] for c in _OWN_LETTERS.get(language, ""))
            for language in candidates
        }
    )
    ranked = scores.most_common(2)
    best, score = ranked[0]
    if score == 0 or (len(ranked) > 1 and ranked[1][1] == score):
        return None
    return best
