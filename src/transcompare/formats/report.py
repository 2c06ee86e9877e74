"""A self-contained HTML report: the versions side by side with the annotated spans marked,
the list of issues and the MQM summary. One file, CSS inlined, readable when printed.

Word-level divergence highlights are passed in: ``highlights`` is a callable giving, for a row
index, the spans to shade. :func:`divergence_highlights` builds one from the comparison engine
(versions in one language against the first version in that language); it imports
:mod:`transcompare.compare` only when called and returns None if that is not installed, so the
report never depends on it. Every piece of project text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import importlib.resources
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from transcompare import mqm
from transcompare.formats.storage import atomic_write
from transcompare.model import GAP, ORIGINAL, Annotation, Project, Sentence


@dataclass(frozen=True)
class Highlight:
    """Characters ``start:end`` of a sentence to shade, e.g. words that differ between versions."""

    sentence: str
    start: int
    end: int
    kind: str = "changed"


Highlighter = Callable[[Project, int], Iterable[Highlight]]
"""Gives the highlights of one row (by index)."""

_e = html.escape


def divergence_highlights(project: Project) -> Highlighter | None:
    """Highlights of the words that differ between versions in one language (each against the
    first version in its language), or None without such versions or comparison engine."""
    try:
        from transcompare.compare.divergence import row_diff
    except ImportError:
        return None
    first: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for witness in project.witnesses:
        language = witness.language.split("-")[0].lower()
        if language in first:
            pairs.append((first[language], witness.id))
        else:
            first[language] = witness.id
    if not pairs:
        return None

    def highlights(project: Project, row: int) -> list[Highlight]:
        result = []
        for a, b in pairs:
            diff = row_diff(project, row, a, b)
            for witness in (a, b):
                result += [
                    Highlight(span.sentence, span.start, span.end, tag)
                    for span, tag in diff.spans(witness)
                ]
        return result

    return highlights


def _css() -> str:
    return (
        importlib.resources.files("transcompare.resources")
        .joinpath("report.css")
        .read_text(encoding="utf-8")
    )


def _issue_title(number: int, annotation: Annotation) -> str:
    return f"{number}: {mqm.category_label(annotation.category)} ({annotation.severity})" + (
        f" — {annotation.note}" if annotation.note else ""
    )


def _sentence_html(
    sentence: Sentence,
    issues: list[tuple[int, Annotation, int, int]],
    shades: list[Highlight],
) -> str:
    """A sentence with annotated spans as ``<mark>`` and highlights as shaded spans; overlaps
    are cut into pieces that carry every class that applies, so tags never cross."""
    text, size = sentence.text, len(sentence.text)
    clamp = [(n, a, min(max(s, 0), size), min(max(e, 0), size)) for n, a, s, e in issues]
    shaded = [(min(max(h.start, 0), size), min(max(h.end, 0), size), h.kind) for h in shades]
    cuts = sorted(
        {
            0,
            size,
            *(p for _, _, s, e in clamp for p in (s, e)),
            *(p for s, e, _ in shaded for p in (s, e)),
        }
    )
    parts = []
    for index, position in enumerate(cuts):
        parts += [
            f'<sup class="ref"><a href="#issue-{number}">{number}</a></sup>'
            for number, _, start, end in clamp
            if end == position
        ]
        if index + 1 == len(cuts):
            break
        stop = cuts[index + 1]
        piece = _e(text[position:stop])
        active = [(n, a) for n, a, s, e in clamp if s <= position and stop <= e]
        kinds = sorted({k for s, e, k in shaded if s <= position and stop <= e})
        classes = [f"hl hl-{_e(k)}" for k in kinds]
        if active:
            classes += [f"sev-{_e(a.severity)} state-{_e(a.state)}" for _, a in active[:1]]
            title = _e("; ".join(_issue_title(n, a) for n, a in active))
            parts.append(f'<mark class="{" ".join(classes)}" title="{title}">{piece}</mark>')
        elif kinds:
            parts.append(f'<span class="{" ".join(classes)}">{piece}</span>')
        else:
            parts.append(piece)
    kind = " gap" if sentence.kind == GAP else ""
    return f'<span class="s{kind}" id="s-{_e(sentence.id)}">{"".join(parts)}</span>'


def _summary_html(project: Project, weights: Mapping[str, float]) -> str:
    evaluated = [w for w in project.witnesses if w.role != ORIGINAL] or project.witnesses
    summaries = [mqm.mqm_summary(project, w.id, weights) for w in evaluated]
    dimensions = [d for d in mqm.TYPOLOGY if any(s.by_dimension.get(d.id) for s in summaries)]
    head = "".join(
        f"<th>{_e(label)}</th>"
        for label in [
            "Version",
            "Words",
            "Issues",
            "Penalty",
            "Per 1,000 words",
            "Quality score",
            *(d.label for d in dimensions),
        ]
    )
    body = []
    for summary in summaries:
        cells = [
            summary.words,
            summary.issues,
            f"{summary.penalty:g}",
            f"{summary.per_thousand:.2f}",
            f"{summary.score:.2f}",
            *(summary.by_dimension.get(d.id, 0) for d in dimensions),
        ]
        body.append(
            f"<tr><td>{_e(summary.witness)}</td>"
            + "".join(f'<td class="num">{_e(str(c))}</td>' for c in cells)
            + "</tr>"
        )
    weight_text = ", ".join(f"{_e(s)} {w:g}" for s, w in weights.items())
    return (
        f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}'
        f'</tbody></table><p class="weights">Severity weights: {weight_text}. Score = '
        "100 × (1 − penalty / words).</p>"
    )


def _alignment_html(project: Project, highlights: Highlighter | None) -> str:
    numbers = {a.id: n for n, a in enumerate(project.annotations, start=1)}
    by_sentence: dict[str, list[tuple[int, Annotation, int, int]]] = {}
    for annotation in project.annotations:
        for span in annotation.spans:
            by_sentence.setdefault(span.sentence, []).append(
                (numbers[annotation.id], annotation, span.start, span.end)
            )
    witnesses = project.witnesses
    head = "".join(
        f'<th lang="{_e(w.language)}">{_e(w.title or w.id)} '
        f'<span class="witnesses">({_e(w.id)}, {_e(w.language)})</span></th>'
        for w in witnesses
    )
    rows = []
    for index, row in enumerate(project.rows):
        shades: dict[str, list[Highlight]] = {}
        for highlight in highlights(project, index) if highlights else ():
            shades.setdefault(highlight.sentence, []).append(highlight)
        cells = []
        for witness in witnesses:
            sentences = [witness.sentence(i) for i in row.ids(witness.id)]
            content = " ".join(
                _sentence_html(s, by_sentence.get(s.id, []), shades.get(s.id, []))
                for s in sentences
            )
            cells.append(f'<td lang="{_e(witness.language)}">{content}</td>')
        status = f"{row.status} {float(row.confidence):.2f}"
        if row.confirmed_by:
            status += f" ({row.confirmed_by})"
        rows.append(
            f'<tr id="row-{index + 1}" class="{_e(row.status)}"><td class="n">{index + 1}'
            f'</td>{"".join(cells)}<td class="status">{_e(status)}</td></tr>'
        )
    return (
        f'<table class="aligned"><thead><tr><th>#</th>{head}<th>Alignment</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _issues_html(project: Project) -> str:
    if not project.annotations:
        return "<p>No issues recorded.</p>"
    rows = []
    for number, annotation in enumerate(project.annotations, start=1):
        places = []
        for span in annotation.spans:
            text = project.sentence(span.witness, span.sentence).text[span.start : span.end]
            places.append(
                f'{_e(span.witness)} {_e(span.sentence)}: <span class="quote">“{_e(text)}”</span>'
            )
        cells = [
            "<br>".join(places),
            _e(mqm.category_label(annotation.category)),
            _e(annotation.severity),
            _e(annotation.state),
            _e(annotation.note),
            _e(annotation.author),
            _e(annotation.created),
            _e(annotation.origin),
        ]
        rows.append(
            f'<tr id="issue-{number}"><td class="n">{number}</td>'
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in [
            "#",
            "Where",
            "Category",
            "Severity",
            "State",
            "Note",
            "Author",
            "Created",
            "Origin",
        ]
    )
    body = "".join(rows)
    return f'<table class="issues"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def report_html(
    project: Project,
    highlights: Highlighter | None = None,
    weights: Mapping[str, float] = mqm.SEVERITY_WEIGHTS,
) -> str:
    """The report as one HTML document."""
    title = project.metadata.get("title") or "Translation comparison"
    versions = ", ".join(
        f"{w.title or w.id} ({w.language or '?'}, {w.role})" for w in project.witnesses
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(title)}</h1><p class="witnesses">{_e(versions)}</p></header>\n'
        f'<section id="summary"><h2>MQM summary</h2>{_summary_html(project, weights)}</section>\n'
        f'<section id="alignment"><h2>Aligned text</h2>{_alignment_html(project, highlights)}'
        "</section>\n"
        f'<section id="issues"><h2>Issues</h2>{_issues_html(project)}</section>\n'
        "</body>\n</html>\n"
    )


def write_report(
    project: Project,
    out: str | os.PathLike[str],
    highlights: Highlighter | None = None,
    weights: Mapping[str, float] = mqm.SEVERITY_WEIGHTS,
) -> None:
    atomic_write(out, report_html(project, highlights, weights).encode("utf-8"))
