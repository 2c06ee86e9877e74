"""QA checks in the manner of Xbench and Verifika, one small module per check.

:func:`run_checks` runs them all (or those the config names) and returns findings sorted by
row, leaving out the ones the user dismissed (``project.dismissed`` holds their keys; dismiss
with ``edits.SetDismissed(finding.key)``); :func:`checks_task` does the same as a task that
reports each check as it starts. :func:`finding_to_annotation` turns a finding the
user accepts into an MQM annotation. Every check module has ``CHECKS`` (its check ids and the
MQM category of each) and ``run(context)``; how a module says it needs more than the rows at
hand (``gather`` and ``report``, or ``WHOLE_DOCUMENT``) is explained in :mod:`.parts`, which
checks long documents in parts at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from transcompare.compare.bulk import collection_paused
from transcompare.compare.qa import (
    acronyms,
    alignment,
    brackets,
    glossary,
    names,
    numbers,
    omission,
    parts,
    punctuation,
    repeats,
    rules,
    spacing,
    terminology,
    translations,
    untranslated,
)
from transcompare.compare.qa.base import (
    DEFAULTS,
    Context,
    Finding,
    GlossaryTerm,
    QAConfig,
    UserRule,
)
from transcompare.compare.qa.glossary import read_glossary
from transcompare.compare.qa.rules import read_rules
from transcompare.model import Annotation, Project, Span, now_iso
from transcompare.progress import Task, run

MODULES = (
    omission,
    untranslated,
    numbers,
    names,
    terminology,
    glossary,
    brackets,
    punctuation,
    spacing,
    repeats,
    acronyms,
    alignment,
    rules,
    translations,
)

CATEGORIES: dict[str, str] = {
    check: category for m in MODULES for check, category in m.CHECKS.items()
}
"""The MQM category (a lowercase path such as ``accuracy/omission``) of each check id."""

__all__ = [
    "CATEGORIES",
    "DEFAULTS",
    "Finding",
    "GlossaryTerm",
    "QAConfig",
    "UserRule",
    "checks_task",
    "finding_to_annotation",
    "read_glossary",
    "read_rules",
    "run_checks",
]


def run_checks(
    project: Project, config: QAConfig = DEFAULTS, processes: int = 1, start: str = parts.FORK
) -> list[Finding]:
    """Every finding of the checks ``config`` selects, in reading order (row, check, place),
    without duplicates and (unless ``config.include_dismissed``) without the dismissed ones.
    With ``processes`` above one, parts of a long document are checked at once in processes
    started as ``start`` says (see :mod:`.parts`: forked ones only for callers with no other
    thread at work)."""
    return run(checks_task(project, config, processes, start))


def checks_task(
    project: Project, config: QAConfig = DEFAULTS, processes: int = 1, start: str = parts.FORK
) -> Task[list[Finding]]:
    """:func:`run_checks` as a task: it reports each check before running it, so that the
    application can show how far a long document has got and stop between two checks."""
    wanted = config.checks
    selected = [m for m in MODULES if wanted is None or wanted & set(m.CHECKS)]
    found: dict[str, Finding] = {}
    with collection_paused():
        context = Context(project, config)
        for finding in (yield from parts.findings_task(context, selected, processes, start)):
            if wanted is None or finding.check in wanted:
                found.setdefault(finding.key, finding)
        findings = _in_reading_order(project, found.values())
    if config.include_dismissed:
        return findings
    return [f for f in findings if f.key not in project.dismissed]


def _in_reading_order(project: Project, findings: Iterable[Finding]) -> list[Finding]:
    """Findings by row, then check (in :data:`MODULES` order), then place in the text."""
    order = {check: index for index, check in enumerate(CATEGORIES)}
    witnesses = {w: index for index, w in enumerate(project.witness_ids)}

    def place(span: Span) -> tuple[int, int, int]:
        return (
            witnesses[span.witness],
            project.witness(span.witness).index_of(span.sentence),
            span.start,
        )

    return sorted(
        findings, key=lambda f: (f.row, order[f.check], [place(s) for s in f.targets], f.key)
    )


def finding_to_annotation(finding: Finding, project: Project) -> Annotation:
    """An annotation for a finding the user accepts (add it with ``edits.AddAnnotation``)."""
    when = now_iso()
    return Annotation(
        id=project.new_annotation_id(),
        spans=finding.targets,
        category=CATEGORIES[finding.check],
        severity=finding.severity,
        note=finding.message,
        author=project.user,
        created=when,
        modified=when,
        origin=f"qa:{finding.check}",
    )
