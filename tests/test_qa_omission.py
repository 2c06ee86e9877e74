"""Omission and addition: empty sides and lengths far from the usual ratio."""

from __future__ import annotations

from tests.test_qa_base import findings, outline

LONG_RU = "Советское правительство выступает за мирное сосуществование государств."
LONG_EN = "The Soviet government stands for peaceful coexistence of states."


def test_empty_sides():
    project = {"ru": ["Один.", "Два."], "en": ["One."]}
    assert outline(findings(project, "omission", "addition")) == [
        (1, "major", "en has nothing for this ru text", [("ru.s2", 0, 4)])
    ]
    project = {"ru": ["Один."], "en": ["One.", "Two."]}
    assert outline(findings(project, "omission", "addition")) == [
        (1, "major", "en has text with nothing in ru", [("en.s2", 0, 4)])
    ]


def test_length_far_from_the_usual_ratio():
    project = {
        "ru": [LONG_RU, LONG_RU, LONG_RU, LONG_RU],
        "en": [LONG_EN, LONG_EN, "The government.", LONG_EN + " " + LONG_EN + " " + LONG_EN],
    }
    assert outline(findings(project, "omission", "addition")) == [
        (
            2,
            "minor",
            "en is much shorter than ru here",
            [("ru.s3", 0, len(LONG_RU)), ("en.s3", 0, 15)],
        ),
        (
            3,
            "minor",
            "en is much longer than ru here",
            [("ru.s4", 0, len(LONG_RU)), ("en.s4", 0, 3 * len(LONG_EN) + 2)],
        ),
    ]


def test_short_rows_are_not_judged_by_length():
    assert (
        findings(
            {"ru": ["Да.", "Нет, нет."], "en": ["Yes, yes, yes, yes, yes.", "No."]},
            "omission",
            "addition",
        )
        == []
    )
