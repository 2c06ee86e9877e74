"""Terminology: one source term rendered in several ways, two rendered alike, and one rendered
differently in two translations."""

from __future__ import annotations

from tests.builders import make_project
from tests.test_qa_base import findings, outline
from transcompare.compare.cells import Cell, SentenceText
from transcompare.compare.crosslingual import Matcher, MatchSettings
from transcompare.compare.qa import QAConfig, terminology
from transcompare.compare.qa.base import Context
from transcompare.model import Span

GLOSSARY = {
    "вопрос": ("question", "issue", "matter"),
    "проблема": ("problem", "issue"),
    "правительство": ("government", "administration"),
    "куба": ("cuba",),
    "помощь": ("aid", "help"),
    "оказание": ("rendering", "aid"),
    "сведение": ("information",),
    "сведения": ("information",),
}


def run(sentences):
    """The terminology findings with a small bilingual word list as the only evidence."""
    project = make_project(sentences)
    context = Context(project, QAConfig(use_embeddings=False))
    context.matcher = Matcher(MatchSettings(use_embeddings=False), bilingual=GLOSSARY)
    return outline(list(terminology.run(context)))


def test_a_term_with_two_renderings():
    found = run(
        {
            "ru": [
                "Вопрос о Кубе.",
                "Этот вопрос важен.",
                "Вопрос решен.",
                "Вопрос снят.",
                "Вопрос.",
            ],
            "en": [
                "The question of Cuba.",
                "This question matters.",
                "The issue is settled.",
                "The issue is closed.",
                "A question.",
            ],
        }
    )
    assert found == [
        (
            2,
            "minor",
            "«вопрос» is rendered both «question» and «issue» in en",
            [("ru.s3", 0, 6), ("en.s3", 4, 9)],
        )
    ]


def test_a_rendering_seen_once_is_not_reported():
    found = run(
        {
            "ru": ["Вопрос о Кубе.", "Этот вопрос важен.", "Вопрос решен."],
            "en": ["The question of Cuba.", "This question matters.", "The issue is settled."],
        }
    )
    assert found == []


def test_two_translations_rendering_a_term_differently():
    found = run(
        {
            "ru": ["Правительство решило.", "Правительство ответило.", "Правительство молчит."],
            "en-a": [
                "The government decided.",
                "The government answered.",
                "The government is silent.",
            ],
            "en-b": [
                "The administration decided.",
                "The administration answered.",
                "The administration is silent.",
            ],
        }
    )
    assert found == [
        (
            0,
            "minor",
            "«правительство» is «government» in en-a but «administration» in en-b",
            [("ru.s1", 0, 13), ("en-a.s1", 4, 14), ("en-b.s1", 4, 18)],
        )
    ]


def test_consistent_renderings_and_rare_terms_give_nothing():
    assert (
        run(
            {
                "ru": ["Вопрос.", "Вопрос.", "Вопрос."],
                "en": ["A question.", "A question.", "A question."],
            }
        )
        == []
    )
    assert run({"ru": ["Вопрос.", "Вопрос."], "en": ["A question.", "An issue."]}) == []


def test_without_embeddings_or_dictionary_the_check_does_not_run():
    project = {
        "ru": ["Вопрос.", "Вопрос.", "Вопрос."],
        "en": ["A question.", "A question.", "An issue."],
    }
    assert findings(project, "terminology") == []


def test_nouns_are_light_records_with_their_place():
    side = Cell("ru", "ru", (SentenceText("ru", "ru.s1", "Вопрос о Кубе и о блокаде."),))
    found = terminology.nouns(side)
    assert [(n.text, n.lemma) for n in found] == [("Вопрос", "вопрос"), ("блокаде", "блокада")]
    use = terminology.Use(1, "блокада", "blockade", found[1].place, ("en", "en.s1", 4, 12))
    assert use.spans() == (Span("ru", "ru.s1", 18, 25), Span("en", "en.s1", 4, 12))


def test_two_terms_with_one_rendering():
    found = run(
        {
            "ru": [
                "Вопрос о Кубе.",
                "Вопрос решен.",
                "Вопрос снят.",
                "Проблема есть.",
                "Проблема осталась.",
                "Проблема решена.",
            ],
            "en": [
                "The issue of Cuba.",
                "The issue is settled.",
                "The issue is closed.",
                "There is an issue.",
                "An issue remains.",
                "The issue is solved.",
            ],
        }
    )
    assert found == [
        (
            3,
            "minor",
            "«вопрос» and «проблема» are both rendered «issue» in en",
            [("ru.s4", 0, 8), ("en.s4", 12, 17)],
        )
    ]


def test_a_phrase_rendered_as_one_word_is_not_two_terms_rendered_alike():
    found = run(
        {
            "ru": [
                "Оказание помощи.",
                "Оказание помощи важно.",
                "Оказание помощи началось.",
                "Помощь пришла.",
            ],
            "en": ["Aid.", "Aid matters.", "Aid has begun.", "Aid came."],
        }
    )
    assert found == []


def test_forms_of_one_word_told_apart_are_not_two_terms():
    terms = {
        "сведение": _uses("сведение", "information", rows=(0, 1, 2)),
        "сведения": _uses("сведения", "information", rows=(3, 4, 5)),
    }
    assert list(terminology._merged(terms, "ru", "en")) == []
    del terms["сведения"]
    terms["данные"] = _uses("данные", "information", rows=(3, 4, 5))
    assert [f.message for f in terminology._merged(terms, "ru", "en")] == [
        "«данные» and «сведение» are both rendered «information» in en"
    ]


def _uses(term, rendering, rows):
    """A term with its uses, each in its own row, all rendered alike."""
    return terminology.Term(
        [
            terminology.Use(
                row,
                term,
                rendering,
                ("ru", f"ru.s{row}", 0, len(term)),
                ("en", f"en.s{row}", 0, len(rendering)),
            )
            for row in rows
        ]
    )
