"""The aligned view's model: Qt's model tester, the roles, and every project event turned into
the matching Qt notification."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.builders import make_project
from transcompare.edits import AddAnnotation, InsertEmptyRow, MergeRows, SetConfirmed
from transcompare.model import Annotation, Span, one_to_one_rows
from transcompare.ui.cell_content import ANNOTATION, DIFF, Mark
from transcompare.ui.highlights import Highlighter
from transcompare.ui.services import RowHighlights
from transcompare.ui.table_model import AlignmentModel, Roles


def diff_first_word(cells, settings):
    """Marks the first three letters of every witness that has a reference."""
    referenced = dict(settings.references)
    spans = {
        c.witness: ((Span(c.witness, c.sentences[0].id, 0, 3), "wording"),)
        for c in cells
        if c.witness in referenced and c.sentences
    }
    return RowHighlights(spans, {}, 0.25)


@pytest.fixture
def sample():
    return make_project(
        {
            "ru": ["Один.", "Два.", "Три."],
            "en-a": ["One.", "Two.", "Three."],
            "en-b": ["Uno.", "Two.", ""],
        }
    )


@pytest.fixture
def model(qtbot, sample):
    model = AlignmentModel(Highlighter(diff_first_word))
    model.set_project(sample)
    return model


def test_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)


def test_shape_headers_and_text(model):
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "ru [ru] ★"
    assert model.headerData(1, Qt.Orientation.Vertical) == "2\n0.00"
    assert model.index(2, 1).data() == "Three."
    assert model.index(0, 0).data(Roles.SENTENCE_IDS) == ("ru.s1",)
    assert model.index(0, 1).data(Roles.WITNESS) == "en-a"


def test_status_confidence_and_empty_cells(model, sample):
    SetConfirmed([0]).apply(sample)
    InsertEmptyRow(1).apply(sample)
    assert model.index(0, 0).data(Roles.ROW_STATUS) == "confirmed"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1\n✓"
    assert model.index(1, 0).data(Roles.EMPTY) is True
    assert model.index(1, 0).data(Roles.CELL).empty
    assert model.index(0, 0).data(Roles.CONFIDENCE) == 0.0
    assert "Row 2 — 0:0:0" in model.headerData(
        1, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
    )


def test_diff_marks_arrive_lazily_and_can_be_switched_off(qtbot, model):
    assert model.index(0, 1).data(Roles.CELL).marks == ()
    qtbot.waitUntil(lambda: model.highlighter.pending == 0)
    assert model.index(0, 1).data(Roles.CELL).marks == (Mark(DIFF, 0, 3, "wording"),)
    assert model.index(0, 1).data(Roles.DIFF_SPANS) == ((Span("en-a", "en-a.s1", 0, 3), "wording"),)
    model.set_highlighting(False, True, "")
    assert model.index(0, 1).data(Roles.CELL).marks == ()


def test_annotations_are_marked_with_their_severity(model, sample):
    note = Annotation("ann1", (Span("en-a", "en-a.s2", 0, 3),), "accuracy/omission", "major", "x")
    AddAnnotation(note).apply(sample)
    assert model.index(1, 1).data(Roles.CELL).marks[-1] == Mark(ANNOTATION, 0, 3, "major")
    assert model.index(1, 1).data(Roles.ANNOTATION_SPANS) == ((note.spans[0], note),)
    assert "major accuracy/omission: x" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_row_events_become_qt_notifications(qtbot, model, sample):
    with qtbot.waitSignals([model.rowsAboutToBeInserted, model.rowsInserted]):
        InsertEmptyRow(1).apply(sample)
    assert model.rowCount() == 4
    with qtbot.waitSignals([model.rowsAboutToBeRemoved, model.rowsRemoved, model.dataChanged]):
        MergeRows(0, 1).apply(sample)
    assert model.rowCount() == 3
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        sample.set_rows(one_to_one_rows(sample))
    with qtbot.waitSignal(model.dataChanged) as changed:
        SetConfirmed([2]).apply(sample)
    assert (changed.args[0].row(), changed.args[1].row()) == (2, 2)


def test_switching_projects_stops_following_the_old_one(qtbot, model, sample):
    other = make_project({"en": ["A."]})
    model.set_project(other)
    with qtbot.assertNotEmitted(model.rowsInserted):
        InsertEmptyRow(0).apply(sample)
    assert model.rowCount() == 1


def test_row_tooltip_names_the_translation_closer_to_the_pivot(qtbot, sample):
    verdicts = {"Один.": "en-b", "Два.": "", "Три.": "en-a"}

    def closer(cells, settings):
        return RowHighlights({}, {}, 0.0, (("en-a", "en-b", verdicts[cells[0].text]),))

    model = AlignmentModel(Highlighter(closer))
    model.set_project(sample)
    for row in range(3):
        model.index(row, 1).data(Roles.CELL)
    qtbot.waitUntil(lambda: model.highlighter.pending == 0)
    tips = [
        model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) for r in range(3)
    ]
    assert tips[0].endswith("\nen-b is closer to ru than en-a")
    assert tips[1].endswith("\nen-a and en-b are equally close to ru")
    assert tips[2].endswith("\nen-a is closer to ru than en-b")
