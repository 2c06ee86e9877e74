"""Alignment shape: crowded rows, runs of empty sides, unsure rows."""

from __future__ import annotations

from dataclasses import replace

from tests.builders import make_project
from tests.test_qa_base import findings, outline
from transcompare.model import Row


def test_rows_beyond_two_to_two():
    project = make_project({"ru": ["А.", "Б.", "В."], "en": ["A B C."]})
    project.set_rows([Row({"ru": ("ru.s1", "ru.s2", "ru.s3"), "en": ("en.s1",)})])
    found = findings(project, "alignment")
    assert outline(found) == [
        (
            0,
            "minor",
            "a 3:1 row: check the alignment",
            [("ru.s1", 0, 2), ("ru.s2", 0, 2), ("ru.s3", 0, 2), ("en.s1", 0, 6)],
        )
    ]


def test_a_long_run_of_rows_with_nothing_from_one_witness():
    project = make_project({"ru": ["А.", "Б.", "В.", "Г."], "en": ["A."]})
    assert outline(findings(project, "alignment")) == [
        (
            1,
            "minor",
            "3 rows in a row with nothing from en",
            [("ru.s2", 0, 2), ("ru.s3", 0, 2), ("ru.s4", 0, 2)],
        )
    ]
    assert findings(project, "alignment", empty_run=4) == []


def test_unsure_rows_only_when_the_aligner_gave_confidences():
    project = make_project({"ru": ["А.", "Б."], "en": ["A.", "B."]})
    assert findings(project, "alignment") == []
    project.set_rows(
        [replace(project.rows[0], confidence=0.9), replace(project.rows[1], confidence=0.1)]
    )
    assert outline(findings(project, "alignment")) == [
        (1, "neutral", "the aligner is unsure of this row", [("ru.s2", 0, 2), ("en.s2", 0, 2)])
    ]
