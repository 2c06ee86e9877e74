"""Acronyms without counterpart, and capitals on one side only."""

from __future__ import annotations

from tests.test_qa_base import findings, outline


def test_acronyms_with_counterparts():
    project = {
        "ru": ["США, ООН, НАТО и СССР, XIX век."],
        "en": ["The U.S., the UN, NATO and the USSR, 19th century."],
    }
    assert findings(project, "acronyms") == []


def test_acronym_without_counterpart():
    found = findings({"ru": ["Решение ЦРУ."], "en": ["The FBI decision."]}, "acronyms")
    assert outline(found) == [
        (0, "minor", "«ЦРУ» in ru has no counterpart in en", [("ru.s1", 8, 11)]),
        (0, "minor", "«FBI» in en has no counterpart in ru", [("en.s1", 4, 7)]),
    ]


def test_capitals_on_one_side():
    found = findings(
        {"ru": ["ИЗ ТЕЛЕГРАММЫ О БЕСЕДЕ"], "en": ["From the cable on the conversation"]}, "capitals"
    )
    assert outline(found) == [
        (0, "minor", "ru is in capitals here, en is not", [("ru.s1", 0, 22), ("en.s1", 0, 34)])
    ]
    assert (
        findings({"ru": ["ИЗ ТЕЛЕГРАММЫ"], "en": ["FROM THE CABLE"]}, "capitals", "acronyms") == []
    )
