"""Hostile or broken XML is refused with a message naming the file; nothing is read from disk."""

from __future__ import annotations

import pytest

from transcompare.errors import InputError
from transcompare.formats.xmlsafe import parse_xml_bytes, parse_xml_file


def test_parses_plain_xml():
    tree = parse_xml_bytes(b"<r><a>hi</a></r>", "ok.xml")
    assert tree.getroot().findtext("a") == "hi"


def test_external_entity_is_refused_and_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    hostile = tmp_path / "xxe.xml"
    hostile.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>'
    )
    with pytest.raises(InputError) as error:
        parse_xml_file(hostile)
    assert str(hostile) in str(error.value)
    assert "TOP-SECRET" not in str(error.value)


def test_billion_laughs_is_refused():
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    data = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&l9;</r>'.encode()
    with pytest.raises(InputError, match="refused for safety"):
        parse_xml_bytes(data, "laughs.xml")


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"<r><a></r>", "not well-formed XML"),
        (b"\x00\x01\x02binary", "not well-formed XML"),
    ],
)
def test_broken_input_names_the_problem(data, problem):
    with pytest.raises(InputError, match=problem) as error:
        parse_xml_bytes(data, "bad.xml")
    assert error.value.path == "bad.xml"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        parse_xml_file(tmp_path / "missing.xml")
    with pytest.raises(InputError, match="is a folder"):
        parse_xml_file(tmp_path)
