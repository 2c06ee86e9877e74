"""Untranslated text, Cyrillic left in English, and mixed-script words."""

from __future__ import annotations

from tests.test_qa_base import findings, outline


def test_target_identical_to_source():
    found = findings(
        {"ru": ["Fidel Castro!", "Куба."], "en": ["fidel  castro!", "Cuba."]}, "untranslated"
    )
    assert outline(found) == [
        (0, "major", "en repeats the ru text untranslated", [("en.s1", 0, 14)])
    ]


def test_cyrillic_in_an_english_text():
    found = findings(
        {"ru": ["Слово."], "en": ["The word мир and ТОР."]}, "untranslated", "mixed-script"
    )
    assert outline(found) == [
        (0, "minor", "Cyrillic word «мир» in a en text", [("en.s1", 9, 12)]),
        (0, "minor", "«ТОР» is written in Cyrillic letters that look Latin", [("en.s1", 17, 20)]),
    ]


def test_mixed_script_words_in_any_language():
    found = findings({"ru": ["Mосква."], "en": ["A cоmputer."]}, "mixed-script")
    assert outline(found) == [
        (0, "minor", "«Mосква» mixes Cyrillic and Latin letters", [("ru.s1", 0, 6)]),
        (0, "minor", "«cоmputer» mixes Cyrillic and Latin letters", [("en.s1", 2, 10)]),
    ]


def test_clean_texts_have_no_findings():
    assert findings({"ru": ["Москва."], "en": ["Moscow."]}, "untranslated", "mixed-script") == []
