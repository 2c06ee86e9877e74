"""Sentence segmentation: split one paragraph into sentence spans, keeping exact offsets.

The text is cut into whitespace-separated tokens, so a sentence can only end between two tokens
(or right after a full-width 。！？, which needs no space). A gap is a candidate when the token
before it ends in terminal punctuation, optionally followed by closing quotes or brackets. Each
candidate is judged by these rules, in order:

* never before a word that starts in lower case ('"Go!" he said', "and so on... and");
* never before a token of punctuation alone, unless it opens what follows (a dash, a quote): an
  elision mark ("/ ... /", "[...]") or a stray "!" stays with the text before it, and a break
  after an elision mark is judged as if the mark were not there;
* "?", "!", "..." and "…" end a sentence;
* after a single ".", the word before it decides:
  - an abbreviation that never ends a sentence ("Mr.", "e.g.", "т. е.", "проф.") does not;
  - initials ("N. S.", "A.A.", "U.S.") and abbreviations that may end a sentence ("etc.", "г.",
    "и т. д.", "млн.") end one only before a capitalised word that commonly opens a sentence
    ("The", "But", "Затем", "Он"): "N. S. Khrushchev" and "в 1962 г. было" stay whole, while
    "in the U.S. The next day" and "в 1962 г. Затем" break;
  - an abbreviation used before numbers ("No. 5") does not end a sentence before a number;
  - a number or Roman numeral that opens the sentence is a list marker ("1. First point") and
    does not; in German a short number elsewhere is an ordinal ("am 3. Okt.") and is treated
    like an abbreviation that may end a sentence;
  - any other word ends the sentence, so an enumerator such as "Fourth." is a sentence.

English, Russian, Ukrainian and German have tables of abbreviations and sentence-opening words.
Other languages get the same rules without tables, and there a break must also be one that
sentencex (which knows abbreviations in ~300 languages) makes. Tables are built on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

__all__ = ["split_sentences"]

_FULLWIDTH_TERMINALS = "。！？"
_TERMINALS = ".!?…‼⁇⁈⁉।॥؟۔։።፧။" + _FULLWIDTH_TERMINALS
_CLOSERS = "\"'»«“”’‘›‹)]}」』）"
_OPENERS = "\"'«»„“”‘’‚‹›([{¿¡—–-「『（"

# A token is a run of non-space characters, also cut after a full-width terminal (and its
# closing quotes) that is directly followed by more text.
_TOKEN = re.compile(rf"\S+?(?:[{_FULLWIDTH_TERMINALS}]+[{re.escape(_CLOSERS)}]*(?=\S)|(?=\s)|\Z)")
_TERMINAL_END = re.compile(rf"([{re.escape(_TERMINALS)}]+)[{re.escape(_CLOSERS)}]*\Z")
_ELISION = re.compile(r"[\[(<]?(?:/+|\.{3,}|…)[\])>]?")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_ROMAN = re.compile(r"[IVXLCDM]+")
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])+|[^\W\d_]")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_ALNUM = re.compile(r"[^\W_]")
_DOTTED_WORD = re.compile(r"[^\W\d_]+(?:[.-]+[^\W\d_]+)*\.")


class _Abbreviation(Enum):
    """How an abbreviation before a "." bears on a sentence break."""

    NEVER_FINAL = 1  # "Mr.", "e.g.", "т. е.": the sentence always goes on
    MAYBE_FINAL = 2  # "etc.", "г.": ends a sentence only before a sentence-opening word
    BEFORE_NUMBER = 3  # "No.": goes on before a number, else an ordinary word


@dataclass(frozen=True)
class _Profile:
    """What the rules need to know about one language."""

    abbreviations: dict[str, _Abbreviation]  # keys lower case, without spaces: "т.е."
    openers: frozenset[str]  # capitalised words that commonly open a sentence
    ordinal_dots: bool = False  # "am 3. Oktober": a short number with a dot is an ordinal
    ask_sentencex: bool = False  # no tables of our own: sentencex must agree with each break


# Per language: never final, maybe final, before a number (comma-separated), then the
# sentence-opening words. Spaces inside an abbreviation ("т. е.") are ignored on lookup.
_TABLES: dict[str, tuple[str, str, str, str]] = {
    "en": (
        "mr., mrs., ms., messrs., dr., prof., gen., col., maj., lt., capt., cmdr., adm., sgt.,"
        " st., sen., rep., gov., amb., pres., rev., hon., mt., ft., e.g., i.e., cf., viz., vs.,"
        " approx., ca., dept., vol., vols., ch., chap., sec., para., pp., p.",
        "etc., jr., sr., inc., ltd., co., corp., bros., jan., feb., mar., apr., jun., jul., aug.,"
        " sep., sept., oct., nov., dec.",
        "no., nos., art., fig., figs., op.",
        "The A An This That These Those There Then Thus Therefore Hence However But And Or So"
        " Yet Still Also Nevertheless Nonetheless Moreover Furthermore Meanwhile Afterwards Later"
        " Finally Next Now Today Here In On At For From By With Without After Before During Since"
        " Until When While If As Although Though Because Unless Whether It He She We They I You"
        " One His Her Its Our Their My Your What Who Whom Whose Why How Where Which All Some Many"
        " Most Each Every Both Neither Nor No Not None Nothing Only Even Such Let Yes Of To"
        " Instead Indeed Perhaps Certainly",
    ),
    "ru": (
        "т. е., т. к., т. н., т. о., т. ч., см., ср., стр., ст., ок., им., ул., д., просп., пер.,"
        " наб., пл., кв., корп., пос., с., гр., тов., проф., акад., доц., ген., адм., полк.,"
        " напр., англ., рус., лат., нем., франц., т., тт., гл., п., пп., рис., табл., изд.,"
        " ред., сост., прим.",
        "т. д., т. п., др., пр., проч., г., гг., в., вв., н. э., млн., млрд., тыс., руб., коп.,"
        " долл., р., обл., чел., экз., мин., сек., ч., янв., февр., мар., апр., авг., сент.,"
        " окт., нояб., дек.",
        "",
        "Затем Далее Потом Но А И Однако Он Она Оно Они Мы Я Вы Ты Это Этот Эта Эти Тот Та Те То"
        " Так Там Тогда Теперь Здесь Сейчас Сегодня Вчера Завтра В Во На С Со По К Ко Из О Об При"
        " После До Для Без Между Перед Через Как Когда Если Хотя Поэтому Поскольку Кроме Также"
        " Только Все Всё Его Ее Её Их Наш Наша Наши Мой Моя Что Кто Где Почему Зачем Куда Какой"
        " Какая Какие Уже Еще Ещё Не Ни Да Нет Впрочем Итак Кстати Конечно Например Следовательно"
        " Таким Именно Даже Несмотря Наконец Сначала Вот Вскоре Позже Ранее",
    ),
    "uk": (
        "т. зв., див., вул., ім., просп., пл., буд., кв., м., с., смт., проф., акад., доц., ген.,"
        " тов., напр., стор., рис., табл., п., гл.",
        "т. д., т. п., ін., р., рр., ст., н. е., обл., тис., млн., млрд., грн., коп., дол., чол.,"
        " січ., лют., бер., квіт., трав., черв., лип., серп., вер., жовт., лист., груд.",
        "",
        "Потім Далі Але А І Й Та Однак Проте Він Вона Воно Вони Ми Я Ви Ти Це Цей Ця Ці Той Ті"
        " Так Там Тоді Тепер Тут Зараз Сьогодні В У На З Із По До Після Для Без Між Перед Через"
        " Як Коли Якщо Хоча Тому Крім Також Тільки Лише Усі Всі Його Її Їх Наш Наша Наші Мій Моя"
        " Що Хто Де Чому Навіщо Куди Вже Ще Не Ні Отже Звичайно Наприклад Навіть Нарешті"
        " Спочатку Ось Згодом Пізніше Раніше",
    ),
    "de": (
        "dr., prof., hr., hrn., fr., frl., z., z. b., d. h., u. a., bzw., vgl., ca., evtl., ggf.,"
        " inkl., bspw., sog., hl., st., str., abs., bd., kap., s., mio., mrd.",
        "usw., etc., u. ä., jh., jan., feb., febr., apr., aug., sep., sept., okt., nov., dez., ff.",
        "nr.",
        "Der Die Das Den Dem Des Ein Eine Einer Er Sie Es Wir Ich Ihr Man Dies Diese Dieser Dieses"
        " Dann Danach Doch Aber Und Oder Denn Auch Als Wenn Nach Vor Am Im In An Auf Bei Mit Von"
        " Zu Heute Jetzt Hier Da So Nun Noch Nicht Kein Keine Was Wer Wie Wo Warum Sein Seine"
        " Ihre Unser Unsere Später Schließlich Trotzdem Deshalb Außerdem",
    ),
}


@cache
def _profile(language: str) -> _Profile:
    """The rules' tables for a primary language subtag; empty tables for other languages."""
    if language not in _TABLES:
        return _Profile({}, frozenset(), ask_sentencex=True)
    never, maybe, before_number, openers = _TABLES[language]
    abbreviations: dict[str, _Abbreviation] = {}
    for kind, listed in [
        (_Abbreviation.MAYBE_FINAL, maybe),
        (_Abbreviation.NEVER_FINAL, never),
        (_Abbreviation.BEFORE_NUMBER, before_number),
    ]:
        for entry in filter(None, listed.split(",")):
            abbreviations[entry.replace(" ", "")] = kind
    return _Profile(abbreviations, frozenset(openers.split()), ordinal_dots=language == "de")


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text` (end exclusive), in order, covering all
    non-whitespace characters of text exactly once; no span starts or ends with whitespace.

    `text` is one paragraph (single newlines count as spaces); `language` is a BCP 47 code, of
    which only the primary subtag is used.
    """
    tokens = [match.span() for match in _TOKEN.finditer(text)]
    if not tokens:
        return []
    words = [text[start:end] for start, end in tokens]
    following = _following_words(words)
    primary = re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()
    profile = _profile(primary)
    agreed = _sentencex_breaks(text, primary) if profile.ask_sentencex else None
    spans: list[tuple[int, int]] = []
    first = 0  # index of the current sentence's first token
    for last in range(len(tokens) - 1):
        if _ends_sentence(words, following[last + 1], first, last, profile) and (
            agreed is None or tokens[last + 1][0] in agreed
        ):
            spans.append((tokens[first][0], tokens[last][1]))
            first = last + 1
    spans.append((tokens[first][0], tokens[-1][1]))
    return spans


def _ends_sentence(
    words: list[str], following: str | None, first: int, last: int, profile: _Profile
) -> bool:
    """Whether the sentence running from token `first` ends with token `last`, given the
    `following` word (see `_following_words`)."""
    if not _ALNUM.search(words[last + 1]) and words[last + 1].strip(_OPENERS):
        return False  # punctuation that belongs with the text before it
    end = last
    while end > first and _ELISION.fullmatch(words[end]):
        end -= 1
    terminal = _TERMINAL_END.search(words[end])
    if terminal is None or _ELISION.fullmatch(words[end]):
        return False
    if following is None or following[0].islower():
        return False
    if terminal.group(1) != ".":
        return True
    word = words[end][: terminal.start()].rstrip(_CLOSERS).lstrip(_OPENERS)
    if _NUMBER.fullmatch(word):
        if end == first:
            return False
        if profile.ordinal_dots and len(word) <= 3:
            return _opens_sentence(following, profile)
        return True
    if end == first and _ROMAN.fullmatch(word):
        return False
    kind = _abbreviation(words, first, end, profile)
    if kind is _Abbreviation.NEVER_FINAL:
        return False
    if kind is _Abbreviation.BEFORE_NUMBER:
        return not following[0].isdigit()
    if kind is _Abbreviation.MAYBE_FINAL or _is_initials(word):
        return _opens_sentence(following, profile)
    return True


def _following_words(words: list[str]) -> list[str | None]:
    """For each token, the first token from there on that holds a letter or digit, without its
    opening marks (None if there is none): the word whose case decides a break before it."""
    following: list[str | None] = [None] * len(words)
    word = None
    for index in range(len(words) - 1, -1, -1):
        if _ALNUM.search(words[index]):
            word = words[index].lstrip(_OPENERS) or None
        following[index] = word
    return following


def _abbreviation(
    words: list[str], first: int, end: int, profile: _Profile
) -> _Abbreviation | None:
    """The kind of the abbreviation ending at token `end`, trying the longest run of dotted
    tokens first, so "т. е." is found as one abbreviation and "и т. д." as "т. д."."""
    if not profile.abbreviations:
        return None
    run: list[str] = []
    for index in range(end, max(first, end - 3) - 1, -1):
        bare = words[index].lstrip(_OPENERS)
        if index == end:
            bare = bare.rstrip(_CLOSERS)
        if not _DOTTED_WORD.fullmatch(bare):
            break
        run.insert(0, bare.lower())
    for start in range(len(run)):
        kind = profile.abbreviations.get("".join(run[start:]))
        if kind is not None:
            return kind
    return None


def _is_initials(word: str) -> bool:
    """Whether `word` (without its final dot) is initials: "N", "N.S", "U.S.S.R", "e.g"."""
    return bool(_INITIALS.fullmatch(word)) and (len(word) > 1 or word.isupper())


def _opens_sentence(word: str, profile: _Profile) -> bool:
    """Whether `word` is a common sentence-opening word, and not an initial like "A."."""
    match = _LEADING_WORD.match(word)
    if match is None or word[match.end() : match.end() + 1] == ".":
        return False
    return match.group() in profile.openers


def _sentencex_breaks(text: str, language: str) -> set[int]:
    """Where sentencex starts a new sentence: offsets of each sentence's first visible character."""
    from sentencex import get_sentence_boundaries

    breaks = set()
    for boundary in get_sentence_boundaries(language, text)[1:]:
        start = boundary["start_index"]
        while start < len(text) and text[start].isspace():
            start += 1
        breaks.add(start)
    return breaks
