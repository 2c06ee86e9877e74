"""The HTML report: one self-contained file, annotated spans marked, highlights passed in,
everything escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.builders import make_project
from tests.test_tei import sample_project
from transcompare.formats.report import (
    Highlight,
    divergence_highlights,
    report_html,
    write_report,
)
from transcompare.model import Annotation, Span


class Outline(HTMLParser):
    """What the tests look at: tags seen, the text of each <mark> and shaded span, table rows."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[tuple[str, str, str]] = []
        self.shades: list[tuple[str, str]] = []
        self._open: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("meta", "br", "link"):  # void elements never close
            return
        self._open.append((tag, dict(attrs)))
        if tag in ("mark", "span"):
            self._open[-1][1]["_text"] = ""

    def handle_endtag(self, tag):
        opened, attrs = self._open.pop()
        assert opened == tag
        if tag == "mark":
            self.marks.append((attrs["_text"], attrs.get("class", ""), attrs.get("title", "")))
        elif tag == "span" and "hl" in attrs.get("class", "").split():
            self.shades.append((attrs["_text"], attrs["class"]))

    def handle_data(self, data):
        for _, attrs in self._open:
            if "_text" in attrs:
                attrs["_text"] += data


def test_marks_and_issue_list():
    page = report_html(sample_project())
    outline = Outline(page)
    title = "1: Accuracy / Mistranslation (major) — «and» for «&»?"
    assert outline.marks == [  # the original's column comes first
        ("А", "sev-major state-resolved", title),
        ("and", "sev-major state-resolved", title),
    ]
    assert 'id="issue-1"' in page and 'href="#issue-1"' in page


def test_highlights_are_passed_in_and_cut_around_marks():
    def highlights(project, row):
        return [Highlight("en.s2", 0, 3)] if row == 1 else []

    outline = Outline(report_html(sample_project(), highlights))
    assert outline.shades == [("A ", "hl hl-changed")]
    assert [(text, classes) for text, classes, _ in outline.marks] == [
        ("А", "sev-major state-resolved"),
        ("a", "hl hl-changed sev-major state-resolved"),
        ("nd", "sev-major state-resolved"),
    ]


def test_everything_is_escaped():
    project = make_project({"en": ["<script>alert('x')</script> & co."], "de": ['"Zitat"']})
    project.annotations.append(
        Annotation(
            "ann1", (Span("en", "en.s1", 0, 8),), "style", "minor", note="<b>bold</b>", author="<i>"
        )
    )
    page = report_html(project)
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co." in page
    assert Outline(page).marks[0][0] == "<script>"


def test_self_contained_and_printable(tmp_path):
    path = tmp_path / "report.html"
    write_report(sample_project(), path)
    page = path.read_text(encoding="utf-8")
    outline = Outline(page)
    assert "style" in outline.tags and "link" not in outline.tags and "script" not in outline.tags
    assert "@media print" in page
    assert "Per 1,000 words" in page


def test_mqm_summary_figures():
    page = report_html(sample_project())
    # en has 7 words and one major issue (5 points): 714.29 per 1,000 words, score 28.57;
    # the original (ru) is not scored
    assert '<td>en</td><td class="num">7</td><td class="num">1</td><td class="num">5</td>' in page
    assert '<td class="num">714.29</td><td class="num">28.57</td>' in page
    assert "<td>ru</td>" not in page


def test_divergence_highlights_from_the_comparison_engine():
    pytest.importorskip("transcompare.compare.divergence")
    project = make_project(
        {"en-a": ["The US are here."], "en-b": ["The US is here."], "ru": ["США здесь."]}
    )
    highlights = divergence_highlights(project)
    assert highlights is not None
    shaded = {
        (h.sentence, project.sentence(h.sentence.split(".")[0], h.sentence).text[h.start : h.end])
        for h in highlights(project, 0)
    }
    assert shaded == {("en-a.s1", "are"), ("en-b.s1", "is")}


def test_no_highlights_without_versions_in_one_language():
    assert divergence_highlights(make_project({"en": ["Yes."], "ru": ["Да."]})) is None
