"""Aligning the witnesses of a project through the pivot: merged N-column rows, confirmed rows
kept, re-aligning a stretch. All witnesses are English, so no embedding model is loaded."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.builders import make_project, make_witness
from transcompare.align import align_project, realign_stretch
from transcompare.model import CONFIRMED, Project, Row
from transcompare.progress import run

S = [
    "The minister arrived in Paris on Monday morning.",
    "Farmers complained about the dry summer weather.",
    "A new bridge across the river opened yesterday.",
    "Children painted colourful pictures of wild animals.",
    "The orchestra rehearsed a difficult symphony for hours.",
]
EXTRA = "Nobody had expected such a sudden storm."


def joined(first: str, second: str) -> str:
    return first.rstrip(".") + ", and " + second[0].lower() + second[1:]


def cells(project: Project, rows: list[Row]) -> list[dict[str, tuple[str, ...]]]:
    """Rows as texts, witness by witness, for readable expectations."""
    return [
        {w: tuple(project.sentence(w, sid).text for sid in row.ids(w)) for w in project.witness_ids}
        for row in rows
    ]


def test_two_witnesses():
    project = make_project({"en-a": S[:4], "en-b": [S[0], joined(S[1], S[2]), S[3]]})
    rows = run(align_project(project))
    assert cells(project, rows) == [
        {"en-a": (S[0],), "en-b": (S[0],)},
        {"en-a": (S[1], S[2]), "en-b": (joined(S[1], S[2]),)},
        {"en-a": (S[3],), "en-b": (S[3],)},
    ]
    project.set_rows(rows)
    assert project.check() == []
    assert all(0.0 <= row.confidence <= 1.0 for row in rows)


def test_three_witnesses_merge_to_the_coarser_grouping_and_keep_additions():
    project = make_project(
        {
            "en-a": S[:4],
            "en-b": [S[0], joined(S[1], S[2]), S[3]],
            "en-c": [S[0], S[1], S[2], EXTRA, S[3]],
        }
    )
    rows = run(align_project(project))
    assert cells(project, rows) == [
        {"en-a": (S[0],), "en-b": (S[0],), "en-c": (S[0],)},
        {"en-a": (S[1], S[2]), "en-b": (joined(S[1], S[2]),), "en-c": (S[1], S[2])},
        {"en-a": (), "en-b": (), "en-c": (EXTRA,)},
        {"en-a": (S[3],), "en-b": (S[3],), "en-c": (S[3],)},
    ]
    project.set_rows(rows)
    assert project.check() == []


def test_an_addition_inside_a_merged_group_joins_its_row():
    project = make_project(
        {
            "en-a": S[:4],
            "en-b": [S[0], joined(S[1], S[2]), S[3]],
            "en-c": [S[0], S[1], EXTRA, S[2], S[3]],
        }
    )
    rows = run(align_project(project))
    assert cells(project, rows)[1] == {
        "en-a": (S[1], S[2]),
        "en-b": (joined(S[1], S[2]),),
        "en-c": (S[1], EXTRA, S[2]),
    }


def test_confirmed_rows_are_kept():
    project = make_project({"en-a": S[:4], "en-b": S[:4]})
    a, b = project.witness("en-a"), project.witness("en-b")
    odd = Row(
        {"en-a": (a.sentences[1].id,), "en-b": (b.sentences[1].id, b.sentences[2].id)},
        status=CONFIRMED,
        confidence=1.0,
    )
    project.set_rows(
        [
            Row({"en-a": (a.sentences[0].id,), "en-b": (b.sentences[0].id,)}),
            odd,
            Row({"en-a": (a.sentences[2].id, a.sentences[3].id), "en-b": (b.sentences[3].id,)}),
        ]
    )
    rows = run(align_project(project))
    assert odd in rows
    assert cells(project, rows) == [
        {"en-a": (S[0],), "en-b": (S[0],)},
        {"en-a": (S[1],), "en-b": (S[1], S[2])},
        {"en-a": (S[2],), "en-b": ()},
        {"en-a": (S[3],), "en-b": (S[3],)},
    ]


def test_realign_stretch_returns_rows_for_the_stretch_only():
    project = make_project({"en-a": S, "en-b": [S[0], S[2], S[1], S[3], S[4]]})
    rows = run(realign_stretch(project, 1, 3))
    project.replace_rows(1, 4, rows)
    assert project.check() == []
    assert cells(project, project.rows)[0] == {"en-a": (S[0],), "en-b": (S[0],)}
    assert cells(project, project.rows)[-1] == {"en-a": (S[4],), "en-b": (S[4],)}
    assert {"en-a": (S[3],), "en-b": (S[3],)} in cells(project, rows)


def test_realign_stretch_keeps_confirmed_rows_inside_it():
    project = make_project({"en-a": S[:3], "en-b": S[:3]})
    project.rows[1] = replace(project.rows[1], status=CONFIRMED)
    rows = run(realign_stretch(project, 0, 2))
    assert rows[1] == project.rows[1]


@pytest.mark.parametrize(("first", "last"), [(-1, 0), (2, 1), (0, 9)])
def test_realign_stretch_refuses_rows_outside_the_project(first, last):
    project = make_project({"en-a": S[:2], "en-b": S[:2]})
    with pytest.raises(IndexError):
        run(realign_stretch(project, first, last))


def test_a_project_without_rows_is_aligned_from_scratch():
    project = Project(
        [make_witness("en-a", "en", [S[:2], S[2:4]]), make_witness("en-b", "en", [S[:2], S[2:4]])]
    )
    rows = run(align_project(project))
    assert cells(project, rows) == [{"en-a": (s,), "en-b": (s,)} for s in S[:4]]


def test_a_kept_row_of_one_witness_only_cuts_the_others_there():
    project = make_project(
        {"en-a": S[:3], "en-b": [joined(S[0], S[1]), S[2]], "en-c": [S[0], EXTRA, S[1], S[2]]}
    )
    a, b, c = (project.witness(w) for w in ("en-a", "en-b", "en-c"))
    kept = Row({"en-a": (), "en-b": (), "en-c": (c.sentences[1].id,)}, status=CONFIRMED)
    project.set_rows(
        [
            Row(
                {
                    "en-a": (a.sentences[0].id,),
                    "en-b": (b.sentences[0].id,),
                    "en-c": (c.sentences[0].id,),
                }
            ),
            kept,
            Row(
                {
                    "en-a": (a.sentences[1].id, a.sentences[2].id),
                    "en-b": (b.sentences[1].id,),
                    "en-c": (c.sentences[2].id, c.sentences[3].id),
                }
            ),
        ]
    )
    rows = run(align_project(project))
    assert rows[1] == kept
    project.set_rows(rows)
    assert project.check() == []
