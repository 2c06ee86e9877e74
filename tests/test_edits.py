"""Every edit changes the project as described, keeps it sound, and reverts exactly."""

from __future__ import annotations

import pytest

from tests.builders import make_project, make_witness
from tests.builders import project_state as state
from transcompare.edits import (
    DOWN,
    UP,
    AddAnnotation,
    Compound,
    InsertEmptyRow,
    MergeRows,
    MergeSentences,
    RemoveAnnotation,
    ReplaceRows,
    SetConfirmed,
    SetDismissed,
    SetMetadata,
    ShiftSentence,
    SplitRow,
    SplitSentence,
    UpdateAnnotation,
)
from transcompare.errors import EditError
from transcompare.model import Annotation, Project, Row, Span, one_to_one_rows


def sample() -> Project:
    return make_project({"ru": ["Один.", "Два.", "Три."], "en": ["One.", "Two.", "Three, four."]})


def cells(project: Project, witness: str) -> list[tuple[str, ...]]:
    return [row.ids(witness) for row in project.rows]


NOTE = Annotation(
    "ann1",
    (Span("en", "en.s1", 0, 3), Span("ru", "ru.s1", 0, 4)),
    "accuracy/mistranslation",
    "major",
)

EDITS = {
    "shift up": (lambda: ShiftSentence(1, "en", UP), {"en": [("en.s1", "en.s2"), (), ("en.s3",)]}),
    "shift down": (
        lambda: ShiftSentence(0, "en", DOWN),
        {"en": [(), ("en.s1", "en.s2"), ("en.s3",)]},
    ),
    "merge rows": (
        lambda: MergeRows(1, 2),
        {"ru": [("ru.s1",), ("ru.s2", "ru.s3")], "en": [("en.s1",), ("en.s2", "en.s3")]},
    ),
    "insert empty": (lambda: InsertEmptyRow(1), {"en": [("en.s1",), (), ("en.s2",), ("en.s3",)]}),
    "split sentence": (
        lambda: SplitSentence("en", "en.s3", 6),
        {"en": [("en.s1",), ("en.s2",), ("en.s3", "en.s4")]},
    ),
    "merge sentences": (
        lambda: MergeSentences("en", "en.s1"),
        {"en": [("en.s1",), (), ("en.s3",)], "ru": [("ru.s1",), ("ru.s2",), ("ru.s3",)]},
    ),
    "confirm": (lambda: SetConfirmed([0, 2], who="ed"), {}),
    "add issue": (lambda: AddAnnotation(NOTE), {}),
    "dismiss": (lambda: SetDismissed("numbers:en.s1:0:3"), {}),
    "project metadata": (lambda: SetMetadata("title", "Cable"), {}),
    "witness title": (lambda: SetMetadata("title", "Revised", witness="en"), {}),
    "witness field": (lambda: SetMetadata("date", "1962", witness="en"), {}),
    "compound": (
        lambda: Compound([MergeRows(0, 1), InsertEmptyRow(0)], "Two edits"),
        {"en": [(), ("en.s1", "en.s2"), ("en.s3",)]},
    ),
}


@pytest.mark.parametrize("name", EDITS)
def test_edit_applies_reverts_and_reapplies(name):
    make_edit, expected = EDITS[name]
    project = sample()
    before = state(project)
    edit = make_edit()
    edit.apply(project)
    assert project.check() == []
    for witness, expected_cells in expected.items():
        assert cells(project, witness) == expected_cells
    assert project.log[-1].what == edit.text
    after = state(project)
    edit.revert(project)
    assert state(project) == before
    edit.apply(project)
    assert state(project)[:-1] == after[:-1]


def test_merge_sentences_in_one_row_keeps_first_id():
    project = sample()
    project.set_rows([Row({"ru": ("ru.s1", "ru.s2", "ru.s3"), "en": ("en.s1", "en.s2", "en.s3")})])
    MergeSentences("en", "en.s1").apply(project)
    assert [s.id for s in project.witness("en").sentences] == ["en.s1", "en.s3"]
    assert project.sentence("en", "en.s1").text == "One. Two."
    assert project.rows[0].ids("en") == ("en.s1", "en.s3")


def test_split_sentence_trims_whitespace_and_takes_a_new_id():
    project = sample()
    SplitSentence("en", "en.s3", 6).apply(project)
    witness = project.witness("en")
    assert [(s.id, s.text) for s in witness.sentences[-2:]] == [
        ("en.s3", "Three,"),
        ("en.s4", "four."),
    ]
    assert witness.next_number == 5


def test_confirm_records_who_and_row_edits_unconfirm():
    project = sample()
    SetConfirmed([0, 1], who="ed").apply(project)
    assert [(r.status, r.confirmed_by) for r in project.rows[:2]] == [("confirmed", "ed")] * 2
    ShiftSentence(1, "en", UP).apply(project)
    assert not project.rows[0].confirmed


def test_update_and_remove_annotation():
    project = sample()
    AddAnnotation(NOTE).apply(project)
    update = UpdateAnnotation("ann1", severity="minor", state="resolved")
    update.apply(project)
    assert (project.annotation("ann1").severity, project.annotation("ann1").state) == (
        "minor",
        "resolved",
    )
    assert project.annotation("ann1").modified
    update.revert(project)
    assert project.annotation("ann1") == NOTE
    remove = RemoveAnnotation("ann1")
    remove.apply(project)
    assert project.annotations == []
    remove.revert(project)
    assert project.annotations == [NOTE]


def test_split_row_and_replace_rows():
    project = sample()
    MergeRows(0, 2).apply(project)
    SplitRow(0, {"ru": 1, "en": 2}).apply(project)
    assert cells(project, "ru") == [("ru.s1",), ("ru.s2", "ru.s3")]
    assert cells(project, "en") == [("en.s1", "en.s2"), ("en.s3",)]
    ReplaceRows(0, 2, one_to_one_rows(project)).apply(project)
    assert cells(project, "en") == [("en.s1",), ("en.s2",), ("en.s3",)]


@pytest.mark.parametrize(
    "edit, message",
    [
        (ShiftSentence(0, "en", UP), "no row up of row 1"),
        (ShiftSentence(5, "en", UP), "there is no row 6"),
        (MergeRows(1, 1), "select at least two rows to merge"),
        (SplitRow(0, {"ru": 1, "en": 1}), "a split must leave sentences in both rows"),
        (SplitSentence("en", "en.s1", 0), "a split must leave text on both sides"),
        (MergeSentences("en", "en.s3"), "en.s3 is the last sentence"),
        (InsertEmptyRow(9), "cannot insert a row at 10"),
    ],
)
def test_impossible_edits_raise_and_change_nothing(edit, message):
    project = sample()
    before = state(project)
    with pytest.raises(EditError, match=message):
        edit.apply(project)
    assert state(project) == before


def test_merge_sentences_refuses_across_paragraphs():
    witness = make_witness("en", "en", [["One."], ["Two."]])
    project = Project([witness])
    project.set_rows(one_to_one_rows(project))
    with pytest.raises(EditError, match="different paragraphs"):
        MergeSentences("en", "en.s1").apply(project)


def test_failed_compound_leaves_project_unchanged():
    project = sample()
    before = state(project)
    with pytest.raises(EditError):
        Compound([MergeRows(0, 1), MergeRows(5, 6)], "bad").apply(project)
    assert state(project) == before
