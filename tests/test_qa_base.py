"""Findings: immutable records whose key survives re-alignment, save and load.

Also holds :func:`findings` and :func:`outline`, which the other QA check tests use to run one
check on a small project and compare its findings exactly."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pytest

from tests.builders import make_project
from transcompare import mqm
from transcompare.compare.qa import CATEGORIES, Finding, QAConfig, run_checks
from transcompare.compare.qa.base import finding_key
from transcompare.model import Project, Span

SPAN = Span("en", "en.s3", 4, 9)


def findings(
    source: Project | Mapping[str, Sequence[str]], *checks: str, **config: object
) -> list[Finding]:
    """The findings of the named checks (no embeddings, no dictionary: tests must not depend
    on the model or on what is installed)."""
    project = source if isinstance(source, Project) else make_project(source)
    settings = QAConfig(
        checks=frozenset(checks), use_embeddings=False, use_dictionary=False, **config
    )
    return run_checks(project, settings)


def outline(found: list[Finding]) -> list[tuple[int, str, str, list[tuple[str, int, int]]]]:
    """Findings as (row, severity, message, [(sentence, start, end)…]) for exact comparison."""
    return [
        (f.row, f.severity, f.message, [(s.sentence, s.start, s.end) for s in f.targets])
        for f in found
    ]


def test_key_ignores_the_row_and_message_spacing_and_case():
    a = Finding("numbers", "major", "18 in ru is 19 in en", 3, (SPAN,))
    b = Finding("numbers", "major", "18  in RU is 19 in en", 70, (SPAN,))
    assert a.key == b.key
    assert a.key.startswith("numbers:") and len(a.key) == len("numbers:") + 16


@pytest.mark.parametrize(
    "other",
    [
        Finding("names", "major", "18 in ru is 19 in en", 3, (SPAN,)),
        Finding("numbers", "major", "18 in ru is 20 in en", 3, (SPAN,)),
        Finding("numbers", "major", "18 in ru is 19 in en", 3, (Span("en", "en.s3", 4, 10),)),
    ],
)
def test_key_changes_with_check_message_or_span(other):
    assert other.key != Finding("numbers", "major", "18 in ru is 19 in en", 3, (SPAN,)).key


def test_span_order_does_not_matter():
    other = Span("ru", "ru.s1", 0, 2)
    assert finding_key("x", (SPAN, other), "m") == finding_key("x", (other, SPAN), "m")


def test_findings_are_immutable():
    finding = Finding("spacing", "minor", "double space", 0, (SPAN,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.row = 1  # type: ignore[misc]


def test_every_check_has_a_known_mqm_category():
    assert all(mqm.is_category(category) for category in CATEGORIES.values())
    assert CATEGORIES["omission"] == "accuracy/omission"
