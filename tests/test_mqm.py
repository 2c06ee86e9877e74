"""The MQM typology, reading other tools' category names, and the MQM score of a witness."""

from __future__ import annotations

import re

import pytest

from tests.builders import make_project
from transcompare import mqm
from transcompare.model import ORIGINAL, RESOLVED, Annotation, Span


def test_category_ids_are_unique_stable_slugs():
    ids = [c.id for c in mqm.categories()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(/[a-z-]+)?", i) for i in ids)
    assert "accuracy/mistranslation" in ids and "linguistic/grammar" in ids


@pytest.mark.parametrize(
    ("category", "label", "dimension"),
    [
        ("accuracy/omission", "Accuracy / Omission", "accuracy"),
        ("style", "Style", "style"),
        ("locale/date-format", "Locale conventions / Date format", "locale"),
        ("custom/thing", "custom/thing", "custom"),
    ],
)
def test_labels_and_dimensions(category, label, dimension):
    assert mqm.category_label(category) == label
    assert mqm.dimension_of(category) == dimension


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Accuracy/Mistranslation", "accuracy/mistranslation"),
        ("Fluency/Grammar", "linguistic/grammar"),
        ("Fluency/Register", "style/register"),
        ("Fluency/Display", "linguistic"),
        ("Non-translation!", "accuracy/untranslated"),
        ("Terminology/Inappropriate for context", "terminology/wrong-term"),
        ("Locale convention/Currency format", "locale/currency-format"),
        ("Style/Awkward", "style/awkward"),
        ("Punctuation", "linguistic/punctuation"),
        ("Non-fluent", "linguistic"),
        ("Wrong term", "terminology/wrong-term"),
        ("Source error", "other"),
        ("Something else entirely", "other"),
    ],
)
def test_category_from_other_tools_names(label, category):
    assert mqm.category_from_label(label) == category


def issue(number: int, witness: str, sentence: str, category: str, severity: str, **extra):
    return Annotation(f"ann{number}", (Span(witness, sentence, 0, 1),), category, severity, **extra)


@pytest.fixture
def project():
    project = make_project(
        {
            "ru": ["Раз два три.", "Четыре пять."],
            "en": ["One two three four.", "Five six."],  # 6 words
        }
    )
    project.witnesses[0].role = ORIGINAL
    project.annotations = [
        issue(1, "en", "en.s1", "accuracy/mistranslation", "major"),
        issue(2, "en", "en.s2", "linguistic/punctuation", "minor"),
        issue(3, "en", "en.s2", "style/awkward", "critical", state=RESOLVED),
        issue(4, "ru", "ru.s1", "accuracy/omission", "minor"),  # marked on the original only
    ]
    return project


def test_summary_with_current_weights(project):
    summary = mqm.mqm_summary(project, "en")
    assert (summary.words, summary.issues, summary.penalty) == (6, 4, 32)
    assert summary.per_thousand == pytest.approx(32000 / 6)
    assert summary.score == pytest.approx(100 * (1 - 32 / 6))
    assert summary.by_dimension == {"accuracy": 2, "linguistic": 1, "style": 1}
    assert summary.by_severity == {"major": 1, "minor": 2, "critical": 1}


@pytest.mark.parametrize(
    ("options", "penalty"),
    [
        ({"weights": mqm.LEGACY_SEVERITY_WEIGHTS}, 17),
        ({"include_resolved": False}, 7),
        ({"type_weights": {"accuracy": 2, "linguistic/punctuation": 0.5}}, 5 * 2 + 0.5 + 25 + 2),
        ({"weights": {"major": 1}}, 1),
    ],
)
def test_summary_options(project, options, penalty):
    assert mqm.mqm_summary(project, "en", **options).penalty == penalty


def test_the_original_is_not_charged_when_a_translation_is(project):
    assert mqm.mqm_summary(project, "ru").issues == 0
    both = Annotation(
        "ann9",
        (Span("ru", "ru.s1", 0, 1), Span("en", "en.s1", 0, 3)),
        "accuracy/mistranslation",
        "major",
    )
    assert mqm.charged_witnesses(project, both) == ["en"]


def test_a_witness_without_words_scores_100():
    project = make_project({"en": [], "de": ["Eins."]})
    summary = mqm.mqm_summary(project, "en")
    assert (summary.words, summary.per_thousand, summary.score) == (0, 0.0, 100.0)
