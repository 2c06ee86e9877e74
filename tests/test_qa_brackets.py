"""Brackets and quotes: unpaired marks, and quotes on one side only."""

from __future__ import annotations

import pytest

from tests.builders import make_witness
from tests.test_qa_base import findings, outline
from transcompare.model import Project, one_to_one_rows


@pytest.mark.parametrize(
    "text",
    [
        "He said (twice) «да».",
        'He said "yes" to "Nike".',
        "«Он сказал „да“».",
        "“Yes,” he said.",
        "It's 5\" long",
    ],
)
def test_paired_marks(text):
    assert findings({"en": [text]}, "brackets") == []


def test_unpaired_marks():
    found = findings({"en": ["He said (twice.", "Then] it ended."]}, "brackets")
    assert outline(found) == [
        (0, "minor", "opening ( without its pair", [("en.s1", 8, 9)]),
        (1, "minor", "closing ] without its pair", [("en.s2", 4, 5)]),
    ]


def test_a_quotation_may_run_over_sentences_and_paragraphs():
    witness = make_witness("en", "en", [["«It began.", "It went on."], ["«It ended.»"]])
    project = Project([witness])
    project.set_rows(one_to_one_rows(project))
    assert findings(project, "brackets") == []


def test_quotes_on_one_side_only():
    found = findings({"ru": ["Он сказал «нет»."], "en": ["He said no."]}, "brackets")
    assert outline(found) == [(0, "minor", "quotes in ru are not in en", [("ru.s1", 10, 11)])]
    assert findings({"ru": ["Он сказал «нет»."], "en": ['He said "no".']}, "brackets") == []
