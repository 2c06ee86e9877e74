"""Words, names and numbers of one side with no counterpart on the other (ru ↔ en)."""

from __future__ import annotations

import zlib
from types import SimpleNamespace

import numpy as np
import pytest

from tests.builders import make_project
from transcompare.compare.cells import Cell, SentenceText
from transcompare.compare.crosslingual import (
    NAME,
    NUMBER,
    WORD_ITEM,
    Matcher,
    MatchSettings,
    content_words,
    located_words,
    row_unmatched,
    sentence_words,
)
from transcompare.compare.embeddings import Embeddings
from transcompare.model import Span

SYNONYMS = [
    ("говорить", "talk"),
    ("встреча", "meeting"),
    ("организовать", "organize"),
    ("действие", "action"),
    ("район", "region"),
    ("пиратство", "piracy"),
    ("политика", "policy"),
]
DIMENSIONS = 4096


def fake_encode(texts):
    """One-hot vectors: the words of a synonym pair share one; any other text gets its own."""
    index = {word: i for i, pair in enumerate(SYNONYMS) for word in pair}
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        vectors[
            row, index.get(text, len(SYNONYMS) + zlib.crc32(text.encode()) % (DIMENSIONS - 100))
        ] = 1
    return vectors


def matcher(**settings) -> Matcher:
    return Matcher(
        MatchSettings(use_dictionary=False, **settings),
        embeddings=Embeddings(fake_encode),
        bilingual={},
    )


def cell(witness: str, language: str, text: str) -> Cell:
    return Cell(witness, language, (SentenceText(witness, f"{witness}.s1", text),))


def unmatched(ru: str, en: str, **settings) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    found = matcher(**settings).compare(cell("ru", "ru", ru), cell("en", "en", en))
    return [(u.text, u.kind) for u in found.a], [(u.text, u.kind) for u in found.b]


def test_a_mistranslated_word_is_unmatched_on_both_sides_with_exact_spans():
    found = matcher().compare(
        cell("ru", "ru", "Они говорили о пиратстве."), cell("en", "en", "They talked about policy.")
    )
    assert [(u.span, u.text, u.kind) for u in found.a] == [
        (Span("ru", "ru.s1", 15, 24), "пиратстве", WORD_ITEM)
    ]
    assert [(u.span, u.text, u.kind) for u in found.b] == [
        (Span("en", "en.s1", 18, 24), "policy", WORD_ITEM)
    ]
    assert (found.a_count, found.b_count) == (2, 2)


def test_organized_policy_for_organized_piracy():
    ru, en = unmatched(
        "Действия организованного пиратства в этом районе.",
        "Actions of organized policy in this region.",
    )
    assert ru == [("пиратства", WORD_ITEM)] and en == [("policy", WORD_ITEM)]


@pytest.mark.parametrize(
    ("ru", "en", "expected"),
    [
        (
            "Президент Кеннеди прибыл в Москву.",
            "President Kennedy arrived in Moscow.",
            ([("прибыл", WORD_ITEM)], [("arrived", WORD_ITEM)]),
        ),
        ("Громыко и Хрущев.", "Gromyko and Khrushchov.", ([], [])),
        ("Кеннеди и США.", "Kennedy and the USA.", ([], [])),
        ("Кеннеди и США.", "Kennedy and the U.S.", ([], [])),
        ("Громыко и Дортикос.", "Gromyko and Castro.", ([("Дортикос", NAME)], [("Castro", NAME)])),
    ],
)
def test_names_acronyms_and_loanwords_without_embeddings(ru, en, expected):
    assert unmatched(ru, en, use_embeddings=False) == expected


def test_numbers_match_by_value_however_written():
    assert unmatched("Встреча 18 октября 1962 г.", "The meeting on October 18, 1962.") == ([], [])
    assert unmatched("Встреча 18 октября.", "The meeting on October 19.") == (
        [("18", NUMBER)],
        [("19", NUMBER)],
    )
    assert unmatched("сто пятьдесят тысяч", "150,000") == ([], [])


def test_function_words_and_year_words_are_not_content():
    words, numbers = content_words(cell("ru", "ru", "Во время встречи в 1962 году."))
    assert [w.text for w in words] == ["встречи"]
    assert [n.value for _, n in numbers] == [1962]


def test_sentence_words_are_offsets_text_lemma_and_kind():
    assert sentence_words("Громыко обсуждал вопросы в 1962 году.", "ru") == (
        (0, 7, "Громыко", "громыко", NAME),
        (8, 16, "обсуждал", "обсуждать", WORD_ITEM),
        (17, 24, "вопросы", "вопрос", WORD_ITEM),
    )
    assert sentence_words("Talks with the U.S. side.", "en")[-1] == (15, 19, "U.S.", "u.s", NAME)


def test_located_words_and_content_words_follow_the_sentences():
    side = Cell(
        "en",
        "en",
        (SentenceText("en", "en.s1", "Big talks."), SentenceText("en", "en.s2", "Peace.")),
    )
    assert [(s.id, w[2]) for s, w in located_words(side)] == [
        ("en.s1", "Big"),
        ("en.s1", "talks"),
        ("en.s2", "Peace"),
    ]
    words, _ = content_words(side)
    assert [(w.span, w.text, w.lemma) for w in words] == [
        (Span("en", "en.s1", 0, 3), "Big", "big"),
        (Span("en", "en.s1", 4, 9), "talks", "talk"),
        (Span("en", "en.s2", 0, 5), "Peace", "peace"),
    ]


def test_empty_and_too_long_cells():
    found = matcher().compare(cell("ru", "ru", "Встреча."), Cell("en", "en", ()))
    assert [u.text for u in found.a] == ["Встреча"] and found.b == ()
    long = cell("en", "en", " ".join(["word"] * 700))
    assert matcher().compare(cell("ru", "ru", "Встреча."), long).too_long


def test_row_unmatched_on_a_project_and_spans_by_witness():
    project = make_project(
        {"ru": ["Они говорили о пиратстве."], "en": ["They talked about policy."]}
    )
    found = row_unmatched(project, 0, "ru", "en", matcher())
    assert [u.text for u in found.spans("en")] == ["policy"]
    assert [u.text for u in found.spans("ru")] == ["пиратстве"]


@pytest.mark.slow
def test_organized_policy_with_the_real_embeddings():
    """The founding document's "organized policy" for «организованного пиратства»."""
    real = Matcher(MatchSettings(use_dictionary=False), bilingual={})
    found = real.compare(
        cell(
            "ru",
            "ru",
            "Идут разговоры о возможности действий организованного пиратства"
            " в этом районе под эгидой США.",
        ),
        cell(
            "en",
            "en",
            "There is a talk about a possibility of actions of organized policy"
            " in this region under the US aegis.",
        ),
    )
    assert "пиратства" in [u.text for u in found.a]
    assert "policy" in [u.text for u in found.b]
    assert "организованного" not in [u.text for u in found.a]


def test_function_words_of_a_heading_in_capitals_are_not_flagged():
    project = make_project(
        {
            "ru": ["ИЗ ТЕЛЕГРАММЫ О БЕСЕДЕ С ПРЕЗИДЕНТОМ КЕННЕДИ"],
            "en": ["FROM THE CABLE ABOUT CONVERSATION WITH PRESIDENT KENNEDY AND"],
        }
    )
    found = row_unmatched(project, 0, "ru", "en", Matcher(MatchSettings(use_embeddings=False)))
    assert "AND" not in [item.text for item in found.b]
    assert "THE" not in [item.text for item in found.b]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a label in capitals is a word, an unknown or short one an acronym
        ("OBJECTIVE To study UNESCO data.", "en", [("OBJECTIVE", WORD_ITEM), ("study", WORD_ITEM),
                                                  ("UNESCO", NAME), ("data", WORD_ITEM)]),
        ("AIM of the study.", "en", [("AIM", NAME), ("study", WORD_ITEM)]),
        # units after a number belong to the number
        ("Cooled to 120 degrees Celsius.", "en", [("Cooled", WORD_ITEM)]),
        ("Рост на 10 процентов.", "ru", [("Рост", WORD_ITEM)]),
        ("Degrees of freedom.", "en", [("Degrees", WORD_ITEM), ("freedom", WORD_ITEM)]),
        # modal verbs and two-word prepositions are function words
        ("Врачи могут назначать наиболее сильные препараты.", "ru",
         [("Врачи", WORD_ITEM), ("назначать", WORD_ITEM), ("сильные", WORD_ITEM),
          ("препараты", WORD_ITEM)]),
        ("Вам, г-н Президент, известно.", "ru",
         [("Президент", WORD_ITEM), ("известно", WORD_ITEM)]),
        ("Pain as well as fever due to infection.", "en",
         [("Pain", WORD_ITEM), ("fever", WORD_ITEM), ("infection", WORD_ITEM)]),
        # initials before a name are left to the name; an abbreviation is kept
        ("A.A. Gromyko met N.S. Khrushchev in the U.S. capital.", "en",
         [("Gromyko", NAME), ("met", WORD_ITEM), ("Khrushchev", NAME), ("capital", WORD_ITEM),
          ("U.S.", NAME)]),
        ("CABLE ABOUT A.A. GROMYKO AND THE U.S. GOVERNMENT", "en",
         [("CABLE", WORD_ITEM), ("GROMYKO", WORD_ITEM), ("GOVERNMENT", WORD_ITEM),
          ("U.S.", NAME)]),
    ],
)  # fmt: skip
def test_what_counts_as_a_content_word(text, language, expected):
    assert [(text, kind) for _, _, text, _, kind in sentence_words(text, language)] == expected


def test_rows_scored_together_score_as_each_row_alone():
    """A document's rows, scored in one call (each pair of forms looked at once, few of all
    pairs of forms: pair by pair), get exactly the scores each row's own matrix gives (every
    kind of evidence is among them)."""
    ru = [
        ("пиратство", "пиратства"),
        ("Громыко", "Громыко"),
        ("президент", "президента"),
        ("сша", "США"),
        ("встреча", "встречи"),
        ("ракета", "ракет"),
        ("действовать", "действие"),  # a lemma wrongly guessed: the word as written matches
    ]
    en = [
        ("piracy", "piracy"),
        ("gromyko", "Gromyko"),
        ("president", "President"),
        ("usa", "USA"),
        ("meeting", "meetings"),
        ("policy", "policy"),
        ("talk", "talks"),
        ("act", "action"),
    ]
    a = [SimpleNamespace(lemma=lemma, text=text) for lemma, text in ru]
    b = [SimpleNamespace(lemma=lemma, text=text) for lemma, text in en]
    words = matcher()
    whole = words.scores(a, "ru", b, "en")
    assert whole[0, 0] == pytest.approx(1) and whole[0, 5] < 0.5  # embeddings
    assert whole[1, 1] == 1 and whole[2, 2] == 1 and whole[3, 3] == 1  # names, exonyms
    assert whole[6, 7] == pytest.approx(1)  # the words as written
    rows = [([0], [0, 5]), ([1, 2], [1, 2]), ([3], [3, 6]), ([4], [4]), ([5, 6], [7]), ([0], [0])]
    distinct = {(i, j) for x, y in rows for i in x for j in y}
    assert len(a) * len(b) > 4 * len(distinct)  # few of all pairs: looked at pair by pair
    sizes_a = np.array([len(x) for x, _ in rows])
    sizes_b = np.array([len(y) for _, y in rows])
    together = words.row_scores(
        [a[i] for x, _ in rows for i in x], "ru", [b[j] for _, y in rows for j in y], "en",
        sizes_a, sizes_b,
    )  # fmt: skip
    alone = [words.scores([a[i] for i in x], "ru", [b[j] for j in y], "en") for x, y in rows]
    np.testing.assert_array_equal(together, np.concatenate([s.ravel() for s in alone]))
    np.testing.assert_array_equal(together, [whole[i, j] for x, y in rows for i in x for j in y])


def test_prefetched_words_need_no_more_embedding_when_scored():
    asked = []

    def counting(texts):
        asked.append(list(texts))
        return fake_encode(texts)

    words = Matcher(
        MatchSettings(use_dictionary=False), embeddings=Embeddings(counting), bilingual={}
    )
    a = [
        SimpleNamespace(lemma="Куба", text="Кубы"),
        SimpleNamespace(lemma="встреча", text="встречи"),
    ]
    b = [
        SimpleNamespace(lemma="Cuba", text="Cuba"),
        SimpleNamespace(lemma="meeting", text="meetings"),
    ]
    words.prefetch([*a, *b])
    assert len(asked) == 1
    words.scores(a, "ru", b, "en")
    assert len(asked) == 1  # every vector the scores need was fetched in the one batch
