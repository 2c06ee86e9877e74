"""What the view highlights in a row: word differences, unmatched words, and which of two
translations is closer to the original."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from transcompare.ui.services import CompareSettings, compare_row, row_cells

PIVOT_AND_TWO_TRANSLATIONS = {
    "ru": ["Идут разговоры об актах организованного пиратства в этом районе."],
    "en-a": ["There is talk of acts of organized piracy in this region."],
    "en-b": ["There is talk of acts of organized policy in this region."],
}


def test_word_differences_of_a_same_language_pair():
    project = make_project(PIVOT_AND_TWO_TRANSLATIONS)
    found = compare_row(row_cells(project, 0), CompareSettings((("en-b", "en-a"),), "ru"))
    text_a = project.sentence("en-a", "en-a.s1").text
    text_b = project.sentence("en-b", "en-b.s1").text
    assert [(text_a[s.start : s.end], kind) for s, kind in found.diffs["en-a"]] == [
        ("piracy", "wording")
    ]
    assert [(text_b[s.start : s.end], kind) for s, kind in found.diffs["en-b"]] == [
        ("policy", "wording")
    ]
    assert found.unmatched == {} and found.closer == ()
    assert 0 < found.divergence < 1


@pytest.mark.slow
def test_the_translation_closer_to_the_original_is_named():
    project = make_project(PIVOT_AND_TWO_TRANSLATIONS)
    settings = CompareSettings((("en-a", "en-b"),), "ru", unmatched=True)
    found = compare_row(row_cells(project, 0), settings)
    assert found.closer == (("en-a", "en-b", "en-a"),)
    policy = [
        project.sentence("en-b", "en-b.s1").text[s.start : s.end] for s in found.unmatched["en-b"]
    ]
    assert "policy" in policy
