"""Sentence segmentation: hard English and Russian cases, exact offsets, other languages."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcompare.segment import split_sentences


def sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


ENGLISH = [
    # initials and names
    ("He met N. S. Khrushchev. Then he left.", ["He met N. S. Khrushchev.", "Then he left."]),
    ("Kennedy thanked N.S. Khrushchev for the regards.", None),
    ("FROM THE CABLE ABOUT CONVERSATION BETWEEN A.A. GROMYKO AND PRESIDENT KENNEDY", None),
    ("A. GROMYKO", None),
    (
        "He wrote to J. F. Kennedy. No answer came.",
        ["He wrote to J. F. Kennedy.", "No answer came."],
    ),
    ("Plan B. The second plan failed.", ["Plan B.", "The second plan failed."]),
    # titles
    ("Mr. Dorticos spoke. Mrs. Smith listened.", ["Mr. Dorticos spoke.", "Mrs. Smith listened."]),
    ("Dr. Brown met Prof. Green and Gen. Taylor.", None),
    ("They visited St. Paul with Sen. Fulbright and Rep. Ford.", None),
    ("Gov. Brown and Amb. Thompson arrived.", None),
    ("He met Mr. Kohler, the U.S. Ambassador.", None),
    # dotted abbreviations inside a sentence
    ("Relations between the U.S. and the U.S.S.R. improved.", None),
    ("The U.N. General Assembly met.", None),
    ("Small states, e.g. Cuba, and large ones, i.e. the powers, differ.", None),
    ("Tanks, rifles, etc. were supplied.", None),
    ("He met Mr. Kohler at 10 a.m. Moscow time.", None),
    # ... and at the end of a sentence
    (
        "He arrived in the U.S. The next day he left.",
        ["He arrived in the U.S.", "The next day he left."],
    ),
    (
        "They sent tanks, rifles, etc. The rest is known.",
        ["They sent tanks, rifles, etc.", "The rest is known."],
    ),
    (
        "It is no threat to the U.S. If, I repeat, it were, we would act.",
        ["It is no threat to the U.S.", "If, I repeat, it were, we would act."],
    ),
    (
        "The USSR and U.S. But as far as it is so, we act.",
        ["The USSR and U.S.", "But as far as it is so, we act."],
    ),
    ("He came at 10 a.m. The talks began.", ["He came at 10 a.m.", "The talks began."]),
    # dates, numbers, references
    ("On Oct. 18 he met the President.", None),
    ("The statement of Sept. 4 was read.", None),
    ("See No. 5 on p. 12 of vol. XI for details.", None),
    ("He said no. Then he left.", ["He said no.", "Then he left."]),
    ("The statement of September, 4, 1962: it follows.", None),
    ("The ratio is 3.5 to 1 at 10.30 today.", None),
    (
        "He left in 1961. The next year he returned.",
        ["He left in 1961.", "The next year he returned."],
    ),
    ("It was not 1812! Napoleon is gone.", ["It was not 1812!", "Napoleon is gone."]),
    (
        "Nowadays is not the XIX century. Times change.",
        ["Nowadays is not the XIX century.", "Times change."],
    ),
    ("There were (roughly 3500 persons) in Cuba.", None),
    # lists and enumerators
    ("1. First point is made here.", None),
    ("Fourth. After the exchange we spoke.", ["Fourth.", "After the exchange we spoke."]),
    # ellipsis and elision marks
    ("And so on... and so forth.", None),
    ("Wait... Who is there?", ["Wait...", "Who is there?"]),
    ("Well… We will see.", ["Well…", "We will see."]),
    ("I said that / ... / the issue was closed.", None),
    ("We discussed a number of issues. / ... /", None),
    ("We discussed issues. / ... / Now to Cuba.", ["We discussed issues. / ... /", "Now to Cuba."]),
    ("He cut [...] the rest. And left.", ["He cut [...] the rest.", "And left."]),
    # quotes and brackets
    ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
    ('"Go home!" he shouted.', None),
    ("He said: 'Yes.' Then silence.", ["He said: 'Yes.'", "Then silence."]),
    (
        'He asked: "What do the US need Cuba for?" Nobody answered.',
        ['He asked: "What do the US need Cuba for?"', "Nobody answered."],
    ),
    ('He called it a "battle". It was not.', ['He called it a "battle".', "It was not."]),
    ("He left (it was late.) Then we came.", ["He left (it was late.)", "Then we came."]),
    ("He left (it was late). Then we came.", ["He left (it was late).", "Then we came."]),
    ("Read the statement (see p. 5) and reply.", None),
    # question and exclamation marks
    ("Is it true?! Nobody knows.", ["Is it true?!", "Nobody knows."]),
    ("Why? Because. Really!", ["Why?", "Because.", "Really!"]),
    ("Stop! ! ! Then go.", ["Stop! ! !", "Then go."]),
    ("Is it possible, Mr. President, to sit cross-handed?", None),
]

RUSSIAN = [
    # initials and names
    (
        "Прибыл Н. С. Хрущев. Затем начались переговоры.",
        ["Прибыл Н. С. Хрущев.", "Затем начались переговоры."],
    ),
    ("Кеннеди поблагодарил Н.С. Хрущева.", None),
    ("ИЗ ТЕЛЕГРАММЫ О БЕСЕДЕ А. А. ГРОМЫКО С ПРЕЗИДЕНТОМ КЕННЕДИ", None),
    ("А.А. Громыко прибыл в Вашингтон.", None),
    ("Я пришел, а ушел я. Он остался.", ["Я пришел, а ушел я.", "Он остался."]),
    # titles
    ("Присутствовали г-н Раск и тов. Добрынин.", None),
    ("Выступили проф. Петров, акад. Сахаров и ген. Тейлор.", None),
    ("Приехал посол США в Москве г-н Колер.", None),
    # dates and years
    ("Это было 18 окт. 1962 г. в Вашингтоне.", None),
    ("В 1962 г. было тепло.", None),
    (
        "Это случилось в 1962 г. Затем наступил кризис.",
        ["Это случилось в 1962 г.", "Затем наступил кризис."],
    ),
    ("Это было в 1962 г. В Москве шел снег.", ["Это было в 1962 г.", "В Москве шел снег."]),
    (
        "Это было в 1961 году. Затем пришел 1962 год.",
        ["Это было в 1961 году.", "Затем пришел 1962 год."],
    ),
    ("В 1941–1945 гг. шла война.", None),
    ("Это было в XIX в. Теперь времена другие.", ["Это было в XIX в.", "Теперь времена другие."]),
    (
        "Сейчас не середина XIX века. Времена изменились.",
        ["Сейчас не середина XIX века.", "Времена изменились."],
    ),
    ("В XVIII–XIX вв. было иначе.", None),
    ("В V в. н. э. здесь жили люди.", None),
    (
        "Это было в V в. н. э. Потом все изменилось.",
        ["Это было в V в. н. э.", "Потом все изменилось."],
    ),
    # abbreviations inside a sentence
    ("Оружие, т.е. ракеты, было поставлено.", None),
    ("Оружие, т. е. ракеты, было поставлено.", None),
    ("Танки, пушки и т. д. были поставлены.", None),
    ("Он не приехал, т. к. был болен.", None),
    ("Пришли Раск, Томпсон и др. лица.", None),
    ("См. стр. 12 и ст. 5 договора.", None),
    ("Ст. 51 Устава ООН гласит иное.", None),
    ("Присутствовало ок. 3500 чел. из разных стран.", None),
    ("Потрачено 5 млн. руб. и 2 млрд. долл.", None),
    ("Собрано 150 тыс. резервистов.", None),
    ("Цена 3 руб. 20 коп. за штуку.", None),
    ("Завод им. Лихачева на ул. Ленина, д. 5.", None),
    ("Он жил в Московской обл. на р. Волге.", None),
    # ... and at the end of a sentence
    (
        "Танки, пушки и т. д. Далее речь шла о Лаосе.",
        ["Танки, пушки и т. д.", "Далее речь шла о Лаосе."],
    ),
    ("Танки, пушки и т. п. Затем он замолчал.", ["Танки, пушки и т. п.", "Затем он замолчал."]),
    (
        "Пришли Раск, Томпсон и др. Затем начали беседу.",
        ["Пришли Раск, Томпсон и др.", "Затем начали беседу."],
    ),
    ("Собрано 150 тыс. Это много.", ["Собрано 150 тыс.", "Это много."]),
    # numbers and lists
    ("1. Первый пункт повестки.", None),
    (
        "В-четвертых. После обмена мнениями мы перешли к другому.",
        ["В-четвертых.", "После обмена мнениями мы перешли к другому."],
    ),
    ("Рост составил 3,5 раза к 10.30 утра.", None),
    # ellipsis and elision marks
    ("И так далее... и тому подобное.", None),
    ("Подождите... Кто там?", ["Подождите...", "Кто там?"]),
    ("Я сказал, что / ... / вопрос закрыт.", None),
    ("Мы обсудили ряд вопросов. / ... /", None),
    # dialogue, quotes and brackets
    ("— Да, — сказал он. — Конечно.", ["— Да, — сказал он.", "— Конечно."]),
    ("— Правда? — спросил он.", None),
    ("Он сказал: «Иди.» Потом ушел.", ["Он сказал: «Иди.»", "Потом ушел."]),
    ("Он сказал: «Иди». Потом ушел.", ["Он сказал: «Иди».", "Потом ушел."]),
    ("Он сказал: „Иди!“ Потом ушел.", ["Он сказал: „Иди!“", "Потом ушел."]),
    ("«Уходи!» — крикнул он.", None),
    ("Он ушел. «Куда?» — спросил я.", ["Он ушел.", "«Куда?» — спросил я."]),
    ("Ракеты «Найк». Кроме того, радары.", ["Ракеты «Найк».", "Кроме того, радары."]),
    ("Он ушел (было поздно). Потом пришли мы.", ["Он ушел (было поздно).", "Потом пришли мы."]),
    ("Их было (примерно 3500 человек) на Кубе.", None),
    # question and exclamation marks
    ("Правда?! Никто не знает.", ["Правда?!", "Никто не знает."]),
    ("Зачем? Почему! Ответ: нет.", ["Зачем?", "Почему!", "Ответ: нет."]),
]


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english(text, expected):
    assert sentences(text, "en") == (expected or [text])


@pytest.mark.parametrize("text, expected", RUSSIAN)
def test_russian(text, expected):
    assert sentences(text, "ru") == (expected or [text])


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "de",
            "Dr. Müller kam am 3. Okt. nach Berlin. Er blieb.",
            ["Dr. Müller kam am 3. Okt. nach Berlin.", "Er blieb."],
        ),
        (
            "de",
            "Er blieb bis zum 5. Dann ging er, z. B. nach Bonn.",
            ["Er blieb bis zum 5.", "Dann ging er, z. B. nach Bonn."],
        ),
        ("uk", "Це було в 1962 р. Потім він пішов.", ["Це було в 1962 р.", "Потім він пішов."]),
        ("uk", "Т. Г. Шевченко народився в 1814 р. в селі Моринці.", None),
        (
            "fr",
            "M. Dupont est arrivé le 3 oct. à Paris. Il est resté.",
            ["M. Dupont est arrivé le 3 oct. à Paris.", "Il est resté."],
        ),
        (
            "es",
            "El Sr. García llegó. La Sra. López también.",
            ["El Sr. García llegó.", "La Sra. López también."],
        ),
        ("zh", "我是学生。你是老师！他呢？", ["我是学生。", "你是老师！", "他呢？"]),
        ("hi", "यह एक वाक्य है। यह दूसरा है।", ["यह एक वाक्य है।", "यह दूसरा है।"]),
    ],
)
def test_other_languages(language, text, expected):
    assert sentences(text, language) == (expected or [text])


@pytest.mark.parametrize("language", ["en-GB", "EN", "en_US", " en "])
def test_only_the_primary_subtag_counts(language):
    text = "He arrived in the U.S. The next day he left. Mr. Kohler stayed."
    assert split_sentences(text, language) == split_sentences(text, "en")


def test_offsets_map_back_to_the_text():
    text = "  He met N. S.\nKhrushchev.\n Then  he\tleft!  "
    assert split_sentences(text, "en") == [(2, 26), (28, 42)]
    assert sentences(text, "en") == ["He met N. S.\nKhrushchev.", "Then  he\tleft!"]


def test_single_newlines_count_as_spaces():
    text = "Это было 18 окт.\n1962 г.\nЗатем\nон ушел."
    assert sentences(text, "ru") == ["Это было 18 окт.\n1962 г.", "Затем\nон ушел."]


@pytest.mark.parametrize("text", ["", " ", "\n\t \n"])
def test_empty_and_blank_text_has_no_sentences(text):
    assert split_sentences(text, "en") == []


def test_long_text_without_punctuation_is_one_sentence():
    text = "word " * 50_000
    assert split_sentences(text, "ru") == [(0, len(text) - 1)]


def test_punctuation_alone_is_one_sentence():
    text = "! " * 10_000
    assert split_sentences(text, "en") == [(0, len(text) - 1)]


def test_many_sentences():
    text = " ".join(f"Sentence number {n} is here, e.g. with Mr. Smith." for n in range(2_000))
    spans = split_sentences(text, "en")
    assert len(spans) == 2_000
    assert text[spans[-1][0] : spans[-1][1]] == "Sentence number 1999 is here, e.g. with Mr. Smith."


@given(
    st.text(alphabet='aZя Д.!?…«»"()/—-\n 1', max_size=60),
    st.sampled_from(["en", "ru", "de", "fr"]),
)
def test_spans_cover_every_visible_character_once(text, language):
    spans = split_sentences(text, language)
    visible = [i for i, char in enumerate(text) if not char.isspace()]
    covered = [i for start, end in spans for i in range(start, end) if not text[i].isspace()]
    assert covered == visible
    assert all(start < end for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert all(not text[start].isspace() and not text[end - 1].isspace() for start, end in spans)


def test_importing_loads_no_segmentation_library():
    code = "import sys, transcompare.segment; print('sentencex' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
