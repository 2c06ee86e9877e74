"""User rules: a regular expression on the source and what the target must (or must not) then
contain, with the severity the user chose. Rules are read from a UTF-8 file, one per line,
columns separated by a tab::

    # SOURCE PATTERN<TAB>TARGET PATTERN<TAB>SEVERITY<TAB>MESSAGE
    \\bСССР\\b<TAB>\\b(USSR|Soviet Union)\\b<TAB>major<TAB>СССР is the USSR
    <TAB>!\\bRussians\\b<TAB>minor<TAB>say Soviet people

An empty source pattern applies the rule to every row; a target pattern starting with "!"
must not match. Patterns are Python regular expressions, matched sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from transcompare.compare.cells import Cell
from transcompare.compare.qa.base import MINOR, Context, Finding, UserRule
from transcompare.errors import InputError
from transcompare.model import SEVERITIES, Span
from transcompare.userfiles import read_utf8

CHECKS = {"user-rule": "style/organizational-style"}

MAX_BYTES = 1_000_000


def read_rules(path: str | Path) -> tuple[UserRule, ...]:
    """The rules of a rules file (see the module docstring for the layout)."""
    path = Path(path)
    text = read_utf8(path, MAX_BYTES)
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if not 2 <= len(columns) <= 4 or not columns[1].strip():
            raise InputError(
                path, f"line {number}: expected SOURCE<tab>TARGET[<tab>SEVERITY[<tab>MESSAGE]]"
            )
        source, target = columns[0].strip(), columns[1].strip()
        severity = (columns[2].strip().lower() if len(columns) > 2 else "") or MINOR
        if severity not in SEVERITIES:
            raise InputError(
                path, f"line {number}: severity must be one of {', '.join(SEVERITIES)}"
            )
        forbid = target.startswith("!")
        target = target[1:] if forbid else target
        for pattern in (source, target):
            try:
                re.compile(pattern)
            except re.error as error:
                raise InputError(
                    path, f"line {number}: bad pattern {pattern!r} ({error})"
                ) from None
        message = columns[3].strip() if len(columns) > 3 else ""
        rules.append(UserRule(source, target, forbid, severity, message))
    return tuple(rules)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def search(pattern: str, side: Cell) -> Span | None:
    """The first match of a pattern in a cell, sentence by sentence."""
    compiled = _compiled(pattern)
    for s in side.sentences:
        match = compiled.search(s.text)
        if match:
            return Span(s.witness, s.id, match.start(), match.end())
    return None


def run(context: Context) -> Iterator[Finding]:
    rules = context.config.rules
    if not rules:
        return
    for source, target in context.pairs():
        for row in context.rows:
            a, b = context.cell(row, source), context.cell(row, target)
            if not b:
                continue
            for rule in rules:
                trigger = search(rule.source, a) if rule.source else None
                if rule.source and trigger is None:
                    continue
                found = search(rule.target, b)
                what = rule.message or (
                    f"«{rule.target}» " + ("found" if rule.forbid else "expected")
                )
                if rule.forbid and found is not None:
                    spans = (trigger, found) if trigger else (found,)
                    yield Finding("user-rule", rule.severity, f"{what} in {target}", row, spans)
                elif not rule.forbid and found is None:
                    yield Finding(
                        "user-rule",
                        rule.severity,
                        f"{what} in {target}",
                        row,
                        (trigger or b.whole()[0],),
                    )
