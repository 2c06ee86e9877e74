"""run_checks and its task, dismissing findings, and accepting one as an annotation."""

from __future__ import annotations

import gc

from tests.builders import make_project
from transcompare.compare.bulk import paused
from transcompare.compare.qa import QAConfig, checks_task, finding_to_annotation, run_checks
from transcompare.edits import InsertEmptyRow, SetDismissed
from transcompare.model import Span
from transcompare.progress import run

CONFIG = QAConfig(use_embeddings=False, use_dictionary=False)


def project():
    return make_project(
        {"ru": ["Встреча 18 октября.", "Нет."], "en": ["The the meeting on October 19.", "No."]}
    )


def test_findings_come_sorted_by_row_without_duplicates():
    findings = run_checks(project(), CONFIG)
    assert [(f.row, f.check) for f in findings] == [(0, "numbers"), (0, "repeated-words")]
    assert len({f.key for f in findings}) == len(findings)


def test_config_selects_checks():
    findings = run_checks(
        project(), QAConfig(checks=frozenset({"repeated-words"}), use_embeddings=False)
    )
    assert [f.check for f in findings] == ["repeated-words"]


def test_dismissed_findings_stay_hidden_after_realignment():
    p = project()
    first = run_checks(p, CONFIG)[0]
    SetDismissed(first.key).apply(p)
    assert first.key not in [f.key for f in run_checks(p, CONFIG)]
    InsertEmptyRow(0).apply(p)
    assert first.key not in [f.key for f in run_checks(p, CONFIG)]
    shown = run_checks(
        p, QAConfig(include_dismissed=True, use_embeddings=False, use_dictionary=False)
    )
    again = next(f for f in shown if f.key == first.key)
    assert again.row == first.row + 1


def test_an_accepted_finding_becomes_an_annotation():
    p = project()
    finding = run_checks(p, CONFIG)[0]
    annotation = finding_to_annotation(finding, p)
    assert annotation.category == "accuracy/mistranslation"
    assert annotation.severity == "major"
    assert annotation.origin == "qa:numbers"
    assert annotation.note == finding.message == "18 in ru is 19 in en"
    assert annotation.spans == (Span("ru", "ru.s1", 8, 10), Span("en", "en.s1", 27, 29))
    assert annotation.id == "ann1" and annotation.author == p.user


def test_the_task_reports_each_selected_check_before_it_runs_and_can_stop_between_them():
    config = QAConfig(checks=frozenset({"numbers", "repeated-words"}), use_embeddings=False)
    task = checks_task(project(), config)
    steps = [next(task), next(task)]
    assert [(s.done, s.total, s.message) for s in steps] == [
        (0, 2, "QA check: numbers"),
        (1, 2, "QA check: repeated-words"),
    ]
    assert gc.isenabled() is False and paused()  # analyses are not rescanned meanwhile
    task.close()  # the user cancels
    assert gc.isenabled() and not paused()


def test_the_task_finds_what_run_checks_finds():
    progress = []
    findings = run(checks_task(project(), CONFIG), progress.append)
    assert findings == run_checks(project(), CONFIG)
    assert progress[-1].total == len(progress)
