"""QA checks in the manner of Xbench and Verifika, one small module per check.

:func:`run_checks` runs them all (or those the config names) and returns findings sorted by
row, leaving out the ones the user dismissed (``project.dismissed`` holds their keys; dismiss
with ``edits.SetDismissed(finding.key)``). :func:`finding_to_annotation` turns a finding the
user accepts into an MQM annotation. Every check module has ``CHECKS`` (its check ids and the
MQM category of each) and ``run(context)``.
"""

from __future__ import annotations

from transcompare.compare.bulk import collection_paused
from transcompare.compare.qa import (
    acronyms,
    alignment,
    brackets,
    glossary,
    names,
    numbers,
    omission,
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
    "finding_to_annotation",
    "read_glossary",
    "read_rules",
    "run_checks",
]


def run_checks(project: Project, config: QAConfig = DEFAULTS) -> list[Finding]:
    """Every finding of the checks ``config`` selects, in reading order (row, check, place),
    without duplicates and (unless ``config.include_dismissed``) without the dismissed ones."""
    with collection_paused():
        return _run_checks(project, config)


def _run_checks(project: Project, config: QAConfig) -> list[Finding]:
    context = Context(project, config)
    wanted = config.checks
    found: dict[str, Finding] = {}
    for module in MODULES:
        if wanted is not None and not wanted & set(module.CHECKS):
            continue
        for finding in module.run(context):
            if wanted is None or finding.check in wanted:
                found.setdefault(finding.key, finding)
    order = {check: index for index, check in enumerate(CATEGORIES)}
    witnesses = {w: index for index, w in enumerate(project.witness_ids)}

    def place(span: Span) -> tuple[int, int, int]:
        return (
            witnesses[span.witness],
            project.witness(span.witness).index_of(span.sentence),
            span.start,
        )

    findings = sorted(
        found.values(), key=lambda f: (f.row, order[f.check], [place(s) for s in f.targets], f.key)
    )
    if config.include_dismissed:
        return findings
    return [f for f in findings if f.key not in project.dismissed]


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
