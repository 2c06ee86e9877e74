"""Glossary: required renderings and forbidden terms, matched by lemma."""

from __future__ import annotations

import pytest

from tests.test_qa_base import findings, outline
from transcompare.compare.qa import GlossaryTerm, read_glossary
from transcompare.errors import InputError

TERMS = (
    GlossaryTerm("пиратство", "piracy"),
    GlossaryTerm("блокада", "quarantine", forbidden=True),
    GlossaryTerm("", "Soviet Russia", forbidden=True),
)


def test_required_rendering_missing():
    found = findings(
        {"ru": ["Акты пиратства."], "en": ["Acts of policy."]}, "glossary", glossary=TERMS
    )
    assert outline(found) == [
        (0, "major", "«пиратство» should be rendered «piracy» in en", [("ru.s1", 5, 14)])
    ]


def test_required_rendering_present_in_another_form():
    assert (
        findings({"ru": ["Акты пиратства."], "en": ["Acts of piracy."]}, "glossary", glossary=TERMS)
        == []
    )


def test_forbidden_terms():
    found = findings(
        {
            "ru": ["Блокада Кубы.", "Советская Россия."],
            "en": ["The quarantine of Cuba.", "Soviet Russia's view."],
        },
        "glossary",
        glossary=TERMS,
    )
    assert outline(found) == [
        (0, "major", "forbidden term «quarantine» in en", [("ru.s1", 0, 7), ("en.s1", 4, 14)]),
        (1, "major", "forbidden term «Soviet Russia» in en", [("en.s2", 0, 15)]),
    ]


def test_read_glossary(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text(
        "# terms\nпиратство\tpiracy\n\n"
        "блокада\tquarantine\tforbidden\n\tSoviet Russia\tforbidden\n",
        encoding="utf-8",
    )
    assert read_glossary(path) == TERMS


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"one column\n", "line 1"),
        (b"a\tb\tmaybe\n", "third column"),
        (b"\tb\n", "needs a source term"),
        ("пиратство\tpiracy\n".encode("cp1251"), "not UTF-8"),
    ],
)
def test_bad_glossaries_are_input_errors(tmp_path, content, problem):
    path = tmp_path / "bad.tsv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as error:
        read_glossary(path)
    assert error.value.path == str(path)


def test_a_missing_glossary_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_glossary(tmp_path / "absent.tsv")
