"""TMX 1.4b export: units per row, language codes, status and confidence, and that
translate-toolkit reads the file."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from tests.test_tei import sample_project
from transcompare.errors import InputError
from transcompare.formats.tmx import tmx_to_xml, write_tmx
from transcompare.formats.xmlsafe import parse_xml_bytes

tmx = pytest.importorskip("translate.storage.tmx")


def units(data: bytes) -> list[dict]:
    tree = parse_xml_bytes(data)
    result = []
    for tu in tree.iterfind("body/tu"):
        props = {p.get("type"): p.text for p in tu.iterfind("prop")}
        tuvs = [
            (
                tuv.get("{http://www.w3.org/XML/1998/namespace}lang"),
                tuv.findtext("prop[@type='x-witness']"),
                tuv.findtext("seg"),
            )
            for tuv in tu.iterfind("tuv")
        ]
        result.append({"tuid": tu.get("tuid"), **props, "tuvs": tuvs})
    return result


def test_one_unit_per_row_with_two_or_more_versions():
    assert units(tmx_to_xml(sample_project())) == [
        {
            "tuid": "1",
            "x-status": "confirmed",
            "x-confidence": "0.875",
            "tuvs": [("ru", "ru", "Заголовок"), ("en", "en", "Title")],
        },
        {
            "tuid": "2",
            "x-status": "automatic",
            "x-confidence": "0.5",
            "tuvs": [("ru", "ru", "А & Б."), ("en", "en", "A and B. Part two.")],
        },
    ]


def test_header_and_language_overrides():
    data = tmx_to_xml(sample_project(), languages={"en": "en-US"})
    header = parse_xml_bytes(data).find("header")
    assert (header.get("srclang"), header.get("segtype")) == ("ru", "sentence")
    assert units(data)[0]["tuvs"][1][0] == "en-US"


def test_pairs_give_one_unit_per_row_and_pair():
    project = make_project({"ru": ["Да.", "Нет."], "en-a": ["Yes."], "en-b": ["Yeah.", "No."]})
    data = tmx_to_xml(project, pairs=[("ru", "en-a"), ("ru", "en-b")])
    assert [(u["tuid"], [t[2] for t in u["tuvs"]]) for u in units(data)] == [
        ("1-ru-en-a", ["Да.", "Yes."]),
        ("1-ru-en-b", ["Да.", "Yeah."]),
        ("2-ru-en-b", ["Нет.", "No."]),
    ]


def test_unknown_witness_in_pairs():
    with pytest.raises(InputError, match="no witness xx"):
        tmx_to_xml(sample_project(), pairs=[("ru", "xx")])


def test_translate_toolkit_reads_it(tmp_path):
    path = tmp_path / "out.tmx"
    write_tmx(sample_project(), path)
    store = tmx.tmxfile.parsefile(str(path))
    assert [(u.source, u.target) for u in store.units] == [
        ("Заголовок", "Title"),
        ("А & Б.", "A and B. Part two."),
    ]
