"""The project model: invariants, lookups and the change signals views rely on."""

from __future__ import annotations

import pickle

import pytest

from tests.builders import make_project, make_witness
from transcompare.model import (
    Annotation,
    Project,
    Row,
    Sentence,
    Span,
    Witness,
    is_ncname,
    one_to_one_rows,
)


def test_make_witness_offsets_match_text():
    witness = make_witness("en", "en", [["One.", "Two."], ["Three."]])
    assert [s.text for s in witness.sentences] == ["One.", "Two.", "Three."]
    assert all(witness.text[s.start : s.end] == s.text for s in witness.sentences)
    assert [s.paragraph for s in witness.sentences] == [0, 0, 1]
    assert witness.next_number == 4


@pytest.mark.parametrize(
    "value, expected",
    [
        ("ru", True),
        ("en-a", True),
        ("en.s12", True),
        ("_x", True),
        ("12:3", False),
        ("1en", False),
        ("", False),
        ("a b", False),
    ],
)
def test_is_ncname(value, expected):
    assert is_ncname(value) is expected


def test_witness_rejects_bad_id():
    with pytest.raises(ValueError):
        Witness("1x", "en")


def test_new_sentence_ids_are_never_reused():
    witness = make_witness("en", "en", [["One.", "Two."]])
    witness.replace_sentences(1, 2, [])
    assert witness.new_sentence_id() == "en.s3"


def test_default_pivot_is_the_original():
    ru = make_witness("ru", "ru", [["Да."]], role="original")
    en = make_witness("en", "en", [["Yes."]])
    assert Project([en, ru]).pivot == "ru"
    assert Project([en]).pivot == "en"


def test_one_to_one_rows_pad_the_shorter_witness():
    project = make_project({"ru": ["Да.", "Нет."], "en": ["Yes."]})
    assert project.rows == [
        Row({"ru": ("ru.s1",), "en": ("en.s1",)}),
        Row({"ru": ("ru.s2",), "en": ()}),
    ]
    assert project.check() == []


def test_check_reports_sentences_out_of_order():
    project = make_project({"ru": ["Да.", "Нет."], "en": ["Yes.", "No."]})
    project.rows.reverse()
    assert project.check() == [
        "ru: rows do not hold its sentences once each, in order",
        "en: rows do not hold its sentences once each, in order",
    ]


def test_check_reports_bad_annotation_span():
    project = make_project({"en": ["Yes."]})
    project.annotations.append(
        Annotation("ann1", (Span("en", "en.s1", 0, 99),), "accuracy/omission", "minor")
    )
    assert project.check() == ["ann1: span outside en.s1"]


def test_row_of_follows_row_changes():
    project = make_project({"ru": ["Да.", "Нет."], "en": ["Yes.", "No."]})
    assert project.row_of("en", "en.s2") == 1
    project.replace_rows(0, 2, [Row({"ru": ("ru.s1", "ru.s2"), "en": ("en.s1", "en.s2")})])
    assert project.row_of("en", "en.s2") == 0


def test_cell_text_joins_sentences():
    project = make_project({"en": ["Yes.", "No."]})
    project.set_rows([Row({"en": ("en.s1", "en.s2")})])
    assert project.cell_text(0, "en") == "Yes. No."


@pytest.mark.parametrize(
    "start, stop, new_count, expected",
    [
        (0, 1, 1, [("changed", 0, 0)]),
        (0, 2, 1, [("about_removed", 1, 1), ("removed", 1, 1), ("changed", 0, 0)]),
        (1, 1, 2, [("about_inserted", 1, 2), ("inserted", 1, 2)]),
        (0, 1, 3, [("about_inserted", 1, 2), ("inserted", 1, 2), ("changed", 0, 0)]),
    ],
)
def test_replace_rows_announces_changes(start, stop, new_count, expected):
    project = make_project({"en": ["A.", "B.", "C."]})
    heard = []
    events = project.events
    for name, signal in [
        ("about_removed", events.rows_about_to_be_removed),
        ("removed", events.rows_removed),
        ("about_inserted", events.rows_about_to_be_inserted),
        ("inserted", events.rows_inserted),
        ("changed", events.rows_changed),
    ]:
        signal.connect(lambda first, last, name=name: heard.append((name, first, last)))
    new_rows = [Row({"en": ()})] * new_count
    old = project.replace_rows(start, stop, new_rows)
    assert heard == expected
    assert len(old) == stop - start
    assert len(project.rows) == 3 - (stop - start) + new_count


def test_set_rows_resets_views():
    project = make_project({"en": ["A."]})
    heard = []
    project.events.about_to_reset.connect(lambda: heard.append("about"))
    project.events.reset.connect(lambda: heard.append("reset"))
    project.set_rows([])
    assert heard == ["about", "reset"]


def test_a_pickled_project_keeps_its_content_and_leaves_its_listeners():
    project = make_project({"ru": ["Да.", "Нет."], "en": ["Yes.", "No."]})
    project.dismissed.add("finding-1")
    heard = []
    project.events.reset.connect(lambda: heard.append("reset"))  # a lambda cannot be pickled
    copy = pickle.loads(pickle.dumps(project))
    assert [s.text for s in copy.witness("ru").sentences] == ["Да.", "Нет."]
    assert copy.rows == project.rows
    assert copy.pivot == project.pivot
    assert copy.dismissed == {"finding-1"}
    assert copy.row_of("en", "en.s2") == 1
    copy.set_rows([])
    project.set_rows([])
    assert heard == ["reset"]  # the copy's changes reach no listener of the original


def test_annotations_are_announced_and_found():
    project = make_project({"en": ["Yes."]})
    heard = []
    project.events.annotations_changed.connect(lambda: heard.append(True))
    note = Annotation(
        project.new_annotation_id(), (Span("en", "en.s1", 0, 3),), "style/awkward", "minor"
    )
    project.insert_annotation(0, note)
    assert project.annotation("ann1") is note
    assert project.new_annotation_id() == "ann2"
    project.remove_annotation("ann1")
    assert heard == [True, True]
    with pytest.raises(KeyError):
        project.annotation("ann1")


def test_word_count_skips_gaps():
    witness = make_witness("en", "en", [["Two words.", "/ ... /"]])
    witness.sentences[1] = Sentence(
        "en.s2", "/ ... /", witness.sentences[1].start, witness.sentences[1].end, 0, "gap"
    )
    assert witness.word_count() == 2
    assert one_to_one_rows(Project([witness]))[1].cells == {"en": ("en.s2",)}
