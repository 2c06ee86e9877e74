"""The TEI project file: what it holds (checked through XPath), that it reads back exactly, that
it validates, and that bad or hostile files give one clear InputError."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tei_checks import project_state, schema_errors, tei_schema  # noqa: F401
from transcompare.errors import InputError
from transcompare.formats.storage import backup_path
from transcompare.formats.tei import project_from_xml, project_to_xml, read_project, write_project
from transcompare.formats.tei_profile import NS
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.formats.xmlwrite import XML_ID, UnwritableProject
from transcompare.model import (
    CONFIRMED,
    GAP,
    ORIGINAL,
    RESOLVED,
    Annotation,
    LogEntry,
    Project,
    Row,
    Sentence,
    Span,
    Witness,
)

RU_TEXT = "Заголовок\n\nА & Б. / ... / Конец «цитаты».\n"
EN_TEXT = "Title\n\nA and B. Part two. Extra.  \n"


def sample_project() -> Project:
    """Two witnesses, every kind of row (1:1, 1:2, 1:0, 0:1, empty), a two-sided issue."""
    ru = Witness(
        "ru",
        "ru",
        ORIGINAL,
        "Телеграмма",
        "",
        "AVP RF f. 0129",
        {"archive": "AVP RF"},
        RU_TEXT,
        [
            Sentence("ru.s1", "Заголовок", 0, 9, 0),
            Sentence("ru.s2", "А & Б.", 11, 17, 1),
            Sentence("ru.s5", "/ ... /", 18, 25, 1, GAP),
            Sentence("ru.s3", "Конец «цитаты».", 26, 41, 1),
        ],
        next_number=6,
    )
    en = Witness(
        "en",
        "en",
        title="Cable",
        translator="A. Translator",
        source="CWIHP 8-9",
        text=EN_TEXT,
        sentences=[
            Sentence("en.s1", "Title", 0, 5, 0),
            Sentence("en.s2", "A and B.", 7, 15, 1),
            Sentence("en.s3", "Part two.", 16, 25, 1),
            Sentence("en.s4", "Extra.", 26, 32, 1),
        ],
        next_number=5,
    )
    rows = [
        Row({"ru": ("ru.s1",), "en": ("en.s1",)}, CONFIRMED, 0.875, "alice"),
        Row({"ru": ("ru.s2",), "en": ("en.s2", "en.s3")}, confidence=0.5),
        Row({"ru": ("ru.s5",), "en": ()}, confidence=1 / 3),
        Row({"ru": (), "en": ()}),
        Row({"ru": ("ru.s3",), "en": ()}),
        Row({"ru": (), "en": ("en.s4",)}),
    ]
    issue = Annotation(
        "ann1",
        (Span("en", "en.s2", 2, 5), Span("ru", "ru.s2", 0, 1)),
        "accuracy/mistranslation",
        "major",
        "«and» for «&»?",
        "alice",
        "2024-05-01T12:00:00+00:00",
        "2024-05-02T08:30:00+00:00",
        RESOLVED,
        "qa:numbers",
    )
    return Project(
        [ru, en],
        rows,
        [issue],
        {"title": "Gromyko–Kennedy", "note": " spaced "},
        pivot="ru",
        dismissed={"numbers:ru.s2", "terms:en.s1"},
        log=[LogEntry("2024-05-01T12:00:00+00:00", "bob", "Confirm 1 row(s)")],
    )


@pytest.fixture
def tree():
    return parse_xml_bytes(project_to_xml(sample_project()))


def targets(tree, xpath: str) -> list[list[str]]:
    return [link.get("target").split() for link in tree.iterfind(xpath, NS)]


def test_standoff_comes_before_the_witness_documents(tree):
    children = [child.tag.split("}")[1] for child in tree.getroot()]
    assert children == ["teiHeader", "standOff", "TEI", "TEI"]


def test_every_row_is_a_link_with_one_pointer_per_witness(tree):
    assert targets(tree, "t:standOff/t:linkGrp[@type='alignment']/t:link") == [
        ["#ru.s1", "#en.s1"],
        ["#ru.s2", "#r2.en"],
        ["#ru.s5", "#empty.en"],
        ["#empty.ru", "#empty.en"],
        ["#ru.s3", "#empty.en"],
        ["#empty.ru", "#en.s4"],
    ]


def test_pointers_for_several_sentences_and_empty_cells(tree):
    group = tree.find("t:standOff/t:linkGrp", NS)
    pointers = {
        p.get(XML_ID): (p.get("type"), p.get("target")) for p in group.iterfind("t:ptr", NS)
    }
    assert pointers == {
        "empty.ru": ("empty", "#ru"),
        "empty.en": ("empty", "#en"),
        "r2.en": (None, "#en.s2 #en.s3"),
    }


def test_row_status_confidence_and_confirmer(tree):
    first = tree.find("t:standOff/t:linkGrp/t:link", NS)
    assert (first.get("ana"), first.get("cert"), first.get("resp")) == (
        "#alignStatus.confirmed",
        "0.875",
        "#ed1",
    )
    people = tree.xpath(
        "t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt[@xml:id='ed1']/t:name", namespaces=NS
    )
    assert [p.text for p in people] == ["alice"]


def test_issue_encoding(tree):
    issue = tree.find("t:standOff/t:listAnnotation/t:annotation", NS)
    assert issue.get("target") == "#string-range(en.s2,2,3)"
    assert issue.find("t:ptr[@type='counterpart']", NS).get("target") == (
        "#string-range(ru.s2,0,1)"
    )
    assessment = issue.find("t:note[@type='assessment']", NS)
    assert assessment.get("ana") == "#mqm.accuracy.mistranslation #sev.major"
    assert assessment.text == "«and» for «&»?"
    assert issue.findtext("t:note[@type='state']", namespaces=NS) == "resolved"
    assert issue.findtext("t:note[@type='origin']", namespaces=NS) == "qa:numbers"
    changes = [(c.get("status"), c.get("when")) for c in issue.iterfind(".//t:change", NS)]
    assert changes == [
        ("created", "2024-05-01T12:00:00+00:00"),
        ("modified", "2024-05-02T08:30:00+00:00"),
    ]


def test_witness_headers(tree):
    ru, en = tree.iterfind("t:TEI", NS)
    assert ru.findtext(".//t:sourceDesc/t:msDesc/t:msIdentifier/t:idno", namespaces=NS) == (
        "AVP RF f. 0129"
    )
    assert en.findtext(".//t:sourceDesc/t:bibl/t:idno", namespaces=NS) == "CWIHP 8-9"
    assert en.findtext(".//t:titleStmt/t:respStmt/t:name", namespaces=NS) == "A. Translator"
    assert ru.find(".//t:langUsage/t:language", NS).get("ident") == "ru"
    assert ru.find(".//t:num[@type='nextSentenceNumber']", NS).get("value") == "6"


def test_paragraph_text_is_the_witness_text_and_gaps_are_marked(tree):
    ru = tree.find("t:TEI", NS)
    paragraphs = ru.findall("t:text/t:body/t:p", NS)
    assert "".join("".join(p.itertext()) for p in paragraphs) == RU_TEXT
    assert [p.get("n") for p in paragraphs] == ["1", "2"]
    assert ru.find(".//t:s[@type='gap']", NS).text == "/ ... /"


def test_dismissed_findings_and_change_log(tree):
    items = tree.findall("t:standOff/t:list[@type='dismissed-findings']/t:item", NS)
    assert [i.text for i in items] == ["numbers:ru.s2", "terms:en.s1"]
    change = tree.find("t:teiHeader/t:revisionDesc/t:change", NS)
    assert (change.get("when"), change.get("who"), change.text) == (
        "2024-05-01T12:00:00+00:00",
        "#ed2",
        "Confirm 1 row(s)",
    )


def test_round_trip_keeps_every_field():
    project = sample_project()
    data = project_to_xml(project)
    loaded = project_from_xml(data)
    assert project_state(loaded) == project_state(project)
    assert project_to_xml(loaded) == data


def test_project_file_is_valid_tei(tei_schema):  # noqa: F811
    assert schema_errors(project_to_xml(sample_project())) == []


def test_single_witness_links_keep_two_targets(tei_schema):  # noqa: F811
    witness = Witness(
        "en",
        "en",
        text="One. Two.",
        sentences=[Sentence("en.s1", "One.", 0, 4, 0), Sentence("en.s2", "Two.", 5, 9, 0)],
    )
    project = Project([witness], [Row({"en": ("en.s1", "en.s2")})])
    data = project_to_xml(project)
    assert targets(parse_xml_bytes(data), ".//t:link") == [["#r1.en", "#empty.en"]]
    assert schema_errors(data) == []
    assert project_state(project_from_xml(data)) == project_state(project)


def test_write_keeps_the_previous_version(tmp_path):
    path = tmp_path / "p.xml"
    project = sample_project()
    write_project(project, path)
    first = path.read_bytes()
    project.metadata["title"] = "Changed"
    write_project(project, path)
    assert backup_path(path).read_bytes() == first
    assert read_project(path).metadata["title"] == "Changed"


def _edited(old: str, new: str) -> bytes:
    data = project_to_xml(sample_project()).decode("utf-8")
    assert old in data
    return data.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>',
            "not a TransCompare project",
        ),
        (
            _edited(
                'ident="TransCompareProject" version="1"', 'ident="TransCompareProject" version="7"'
            ),
            "unsupported project version 7",
        ),
        (
            _edited('<link target="#empty.ru #en.s4"', '<link target="#empty.ru #en.s9"'),
            "names no sentence en.s9",
        ),
        (
            _edited('<link target="#ru.s3 #empty.en"', '<link target="#empty.ru #empty.en"'),
            "inconsistent project: ru: rows do not hold its sentences once each, in order",
        ),
        (_edited("#string-range(en.s2,2,3)", "#en.s2"), "is not #string-range"),
        (_edited('ana="#alignStatus.confirmed"', 'ana="#nowhere"'), "not a category"),
        (b"not xml at all", "not well-formed XML"),
        (b"", "the file is empty"),
    ],
)
def test_bad_project_files(data, message):
    with pytest.raises(InputError, match=message) as caught:
        project_from_xml(data, "bad.xml")
    assert caught.value.path == "bad.xml"


def test_error_names_the_line():
    data = _edited('<link target="#empty.ru #en.s4"', '<link target="#empty.ru #en.s9"')
    line = data.decode("utf-8")[: data.decode("utf-8").index("#en.s9")].count("\n") + 1
    with pytest.raises(InputError, match=f"line {line}:"):
        project_from_xml(data)


def hostile_files(folder: Path) -> dict[str, bytes]:
    """An external-entity file pointing at a secret, and a "billion laughs" file."""
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    return {
        "xxe": (
            f'<?xml version="1.0"?><!DOCTYPE teiCorpus [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">&x;</teiCorpus>'
        ).encode(),
        "laughs": (
            f'<?xml version="1.0"?><!DOCTYPE teiCorpus [{"".join(laughs)}]>'
            "<teiCorpus>&lol9;</teiCorpus>"
        ).encode(),
    }


@pytest.mark.parametrize("kind", ["xxe", "laughs"])
def test_hostile_xml_is_refused_without_reading_entities(tmp_path, kind):
    path = tmp_path / f"{kind}.xml"
    path.write_bytes(hostile_files(tmp_path)[kind])
    with pytest.raises(InputError) as caught:
        read_project(path)
    assert "TOP-SECRET-TOKEN" not in str(caught.value)
    assert caught.value.path == str(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: setattr(p.witnesses[1], "text", EN_TEXT.replace("\n", "\x0c", 1)), "U\\+000C"),
        (lambda p: p.log.append(LogEntry("yesterday", "bob", "x")), "not an ISO 8601"),
        (lambda p: p.rows.pop(), "inconsistent"),
        (lambda p: p.witnesses[1].sentences.reverse(), "inconsistent"),
    ],
)
def test_unwritable_projects_leave_the_file_alone(tmp_path, change, message):
    path = tmp_path / "p.xml"
    write_project(sample_project(), path)
    before = path.read_bytes()
    project = sample_project()
    change(project)
    with pytest.raises(UnwritableProject, match=message):
        write_project(project, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.xml"]
