"""Importing WMT/Anthea MQM TSV and Bio-MQM JSON evaluations as reviewable projects."""

from __future__ import annotations

import json

import pytest

from tests.tei_checks import project_state
from transcompare.errors import InputError
from transcompare.formats.evaluations import read_biomqm, read_wmt_mqm, snap_span
from transcompare.formats.tei import project_from_xml, project_to_xml
from transcompare.model import CONFIRMED, ORIGINAL


@pytest.mark.parametrize(
    ("text", "start", "end", "expected", "snapped"),
    [
        ("Hello world", 6, 11, "world", (6, 11, True)),
        ("Hello world", 6, 10, "world", (6, 11, True)),  # inclusive end
        ("Hello world", 5, 11, " world", (6, 11, True)),  # padding
        ("Hello world world", 0, 5, "world", (6, 11, True)),  # nearest occurrence
        ("Hello world world", 14, 17, "world", (12, 17, True)),
        ("Hello", 1, 3, "xyz", (1, 3, False)),
        ("a  b", 0, 3, None, (0, 1, True)),
        ("abc", -2, 10, None, (0, 3, True)),
        ("a b", 1, 2, " ", (1, 2, True)),  # a mark on a space stays on the space
    ],
)
def test_snap_span(text, start, end, expected, snapped):
    assert snap_span(text, start, end, expected) == snapped


WMT = (
    "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"
    "sysA\tdoc1\t1\t1\trater1\tThe cat sat.\tDie <v>Katze</v> saß.\t"
    "Accuracy/Mistranslation\tMajor\n"
    "sysA\tdoc1\t1\t1\trater2\tThe cat sat.\tDie Katze saß.\tNo-error\tNo-error\n"
    "sysA\tdoc1\t1\t2\trater1\tIt was <v>very</v> hot.\tEs war heiß.\tAccuracy/Omission\tMinor\n"
    "sysB\tdoc1\t1\t1\trater1\tThe cat sat.\tDie Katze sass<v> </v>.\tFluency/Punctuation\tminor\n"
    "sysB\tdoc1\t1\t2\trater1\tIt was very hot.\tEs war sehr heiß.\tNon-translation!\tMajor\n"
    "sysA\tdoc2\t2\t3\trater1\tHello.\t<v> Hallo </v>.\tStyle/Awkward\tMinor\n"
)


@pytest.fixture
def wmt_project(tmp_path):
    path = tmp_path / "mqm_newstest_ende.tsv"
    path.write_text(WMT, encoding="utf-8")
    return read_wmt_mqm(path, "en", "de")


def test_wmt_witnesses_and_rows(wmt_project):
    project = wmt_project
    assert [(w.id, w.language, w.role) for w in project.witnesses] == [
        ("source", "en", ORIGINAL),
        ("sysA", "de", "translation"),
        ("sysB", "de", "translation"),
    ]
    assert project.witness("source").text == "The cat sat.\nIt was very hot.\n\nHello."
    assert project.witness("sysA").text == "Die Katze saß.\nEs war heiß.\n\n Hallo ."
    assert [dict(r.cells) for r in project.rows] == [
        {"source": ("source.s1",), "sysA": ("sysA.s1",), "sysB": ("sysB.s1",)},
        {"source": ("source.s2",), "sysA": ("sysA.s2",), "sysB": ("sysB.s2",)},
        {"source": ("source.s3",), "sysA": ("sysA.s3",), "sysB": ()},
    ]
    assert {r.status for r in project.rows} == {CONFIRMED}
    assert project.check() == []


def test_wmt_issues(wmt_project):
    project = wmt_project
    marked = [
        (
            a.category,
            a.severity,
            a.author,
            a.origin,
            [
                (s.sentence, project.sentence(s.witness, s.sentence).text[s.start : s.end])
                for s in a.spans
            ],
        )
        for a in project.annotations
    ]
    assert marked == [
        ("accuracy/mistranslation", "major", "rater1", "import:wmt-mqm", [("sysA.s1", "Katze")]),
        ("accuracy/omission", "minor", "rater1", "import:wmt-mqm", [("source.s2", "very")]),
        ("linguistic/punctuation", "minor", "rater1", "import:wmt-mqm", [("sysB.s1", " ")]),
        (
            "accuracy/untranslated",
            "major",
            "rater1",
            "import:wmt-mqm",
            [("sysB.s2", "Es war sehr heiß.")],
        ),
        ("style/awkward", "minor", "rater1", "import:wmt-mqm", [("sysA.s3", "Hallo")]),
    ]
    assert project.annotations[0].note == "Imported category: Accuracy/Mistranslation"


def test_an_imported_evaluation_saves_and_reloads(wmt_project):
    data = project_to_xml(wmt_project)
    assert project_state(project_from_xml(data)) == project_state(wmt_project)


def test_wmt_without_header(tmp_path):
    path = tmp_path / "e.tsv"
    path.write_text(WMT.split("\n", 1)[1], encoding="utf-8")
    assert len(read_wmt_mqm(path).annotations) == 5


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("sysA\tdoc1\t1\t1\trater1\tThe cat sat.\tDie Katze saß.\tOther", "line 2: expected 9"),
        ("sysA\td\t1\t1\tr\tA <v>b.\tB.\tOther\tMinor", "line 2: a <v> mark is never closed"),
        ("sysA\td\t1\t1\tr\tA </v>b.\tB.\tOther\tMinor", "line 2: unbalanced"),
        ("sysA\td\t1\t1\tr\tA b.\tB.\tOther\tterrible", "line 2: unknown severity 'terrible'"),
    ],
)
def test_wmt_errors(tmp_path, line, message):
    path = tmp_path / "e.tsv"
    path.write_text(WMT.split("\n", 1)[0] + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_wmt_mqm(path)


BIO = [
    {
        "source": "Loss of smell is a symptom.",
        "target": "Потеря обоняния - симптом.",
        "SEG_ID": "1",
        "MT_Engine": "NeMo_run1",
        "source_errors": [],
        "Annotator_ID": 5659467,
        "target_errors": [
            {
                "term": "-",
                "startIndex": 16,
                "endIndex": 16,
                "error_category": "Punctuation",
                "severity": "Minor",
            }
        ],
    },
    {
        "source": "Data are presented.",
        "target": "Представлены данные.",
        "SEG_ID": "2",
        "MT_Engine": "NeMo_run1",
        "Annotator_ID": 5659467,
        "source_errors": [
            {
                "term": "are",
                "startIndex": 5,
                "endIndex": 7,
                "error_category": "Omission",
                "severity": "Major",
            }
        ],
        "target_errors": [
            {
                "term": "данные",
                "startIndex": 13,
                "endIndex": 18,
                "error_category": "Mistranslation",
                "severity": "Neutral",
            },
            {
                "term": "зззз",
                "startIndex": 0,
                "endIndex": 3,
                "error_category": "Other",
                "severity": "Minor",
            },
        ],
    },
]


def issues(project):
    return [
        (
            a.category,
            a.severity,
            a.author,
            [
                (s.witness, project.sentence(s.witness, s.sentence).text[s.start : s.end])
                for s in a.spans
            ],
            a.note,
        )
        for a in project.annotations
    ]


def test_biomqm_release_layout(tmp_path):
    path = tmp_path / "NeMo_run1_abstract_en2ru_ru.json"
    path.write_text(json.dumps(BIO, ensure_ascii=False), encoding="utf-8-sig")
    project = read_biomqm(path, "en", "ru")
    assert project.witness_ids == ["source", "NeMo_run1"]
    assert project.witness("NeMo_run1").text == "Потеря обоняния - симптом.\nПредставлены данные."
    assert issues(project) == [
        (
            "linguistic/punctuation",
            "minor",
            "5659467",
            [("NeMo_run1", "-")],
            "Imported category: Punctuation",
        ),
        (
            "accuracy/mistranslation",
            "neutral",
            "5659467",
            [("NeMo_run1", "данные")],
            "Imported category: Mistranslation",
        ),
        (
            "other",
            "minor",
            "5659467",
            [("NeMo_run1", "Пред")],
            "Imported category: Other; span not found in the target text: 'зззз'",
        ),
        (
            "accuracy/omission",
            "major",
            "5659467",
            [("source", "are")],
            "Imported category: Omission",
        ),
    ]
    assert {a.origin for a in project.annotations} == {"import:biomqm"}


def test_biomqm_json_lines_with_exclusive_offsets(tmp_path):
    records = [
        {
            "src": "One two.",
            "tgt": "Eins zwei.",
            "system": "sys 1",
            "annotator": "a",
            "doc_id": "d1",
            "errors": [[{"start": 5, "end": 9, "category": "Accuracy", "severity": "major"}]],
        },
        {
            "src": "Three.",
            "tgt": "Drei.",
            "system": "sys 1",
            "annotator": "a",
            "doc_id": "d2",
            "errors": [[]],
        },
    ]
    path = tmp_path / "bio.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    project = read_biomqm(path)
    assert project.witness_ids == ["source", "sys-1"]
    assert project.witness("source").text == "One two.\n\nThree."
    assert issues(project) == [
        ("accuracy", "major", "a", [("sys-1", "zwei")], "Imported category: Accuracy")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ('{"a": 1}\n{"b"', "line 2: not JSON"),
        ('[{"source": "x"}]', "record 1: needs source and target text"),
        (
            '[{"source": "x", "target": "y", "target_errors": [{"severity": "awful"}]}]',
            "record 1: unknown severity 'awful'",
        ),
        ("[1, 2]", "expected a list of records"),
    ],
)
def test_biomqm_errors(tmp_path, content, message):
    path = tmp_path / "bio.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_biomqm(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "e.tsv"
    path.write_bytes("système\tdoc\n".encode("utf-16"))
    with pytest.raises(InputError, match="not UTF-8 text"):
        read_wmt_mqm(path)
