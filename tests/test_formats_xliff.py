"""XLIFF 2.0 export: the pivot as source, one document per target language, and that
translate-toolkit reads it."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from tests.test_tei import sample_project
from transcompare.errors import InputError
from transcompare.formats.xliff import XLIFF_NS, write_xliff, xliff_documents
from transcompare.formats.xmlsafe import parse_xml_bytes

xliff2 = pytest.importorskip("translate.storage.xliff2")
X = {"x": XLIFF_NS}


def segments(data: bytes) -> list[tuple]:
    tree = parse_xml_bytes(data)
    return [
        (
            unit.getparent().get("id"),
            unit.get("id"),
            unit.find("x:segment", X).get("state"),
            unit.findtext("x:segment/x:source", namespaces=X),
            unit.findtext("x:segment/x:target", namespaces=X),
        )
        for unit in tree.iterfind(".//x:unit", X)
    ]


def test_units_for_rows_with_pivot_text():
    documents = xliff_documents(sample_project())
    assert list(documents) == ["en"]
    root = parse_xml_bytes(documents["en"]).getroot()
    assert (root.get("srcLang"), root.get("trgLang"), root.get("version")) == ("ru", "en", "2.0")
    assert segments(documents["en"]) == [
        ("en", "r1", "reviewed", "Заголовок", "Title"),
        ("en", "r2", "translated", "А & Б.", "A and B. Part two."),
        ("en", "r3", "translated", "/ ... /", None),
        ("en", "r5", "translated", "Конец «цитаты».", None),
    ]


def test_one_document_per_target_language(tmp_path):
    project = make_project({"ru": ["Да."], "en-a": ["Yes."], "en-b": ["Yeah."], "de": ["Ja."]})
    written = write_xliff(project, tmp_path / "out.xlf")
    assert [p.name for p in written] == ["out-en.xlf", "out-de.xlf"]
    files = parse_xml_bytes(written[0].read_bytes()).findall("x:file", X)
    assert [f.get("id") for f in files] == ["en-a", "en-b"]
    store = xliff2.Xliff2File.parsefile(str(written[1]))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ru", "de")
    assert [(u.source, u.target) for u in store.units] == [("Да.", "Ja.")]


def test_translate_toolkit_reads_it(tmp_path):
    [path] = write_xliff(sample_project(), tmp_path / "out.xlf")
    assert path.name == "out.xlf"
    store = xliff2.Xliff2File.parsefile(str(path))
    assert [(u.source, u.target) for u in store.units][:2] == [
        ("Заголовок", "Title"),
        ("А & Б.", "A and B. Part two."),
    ]


def test_nothing_to_translate():
    with pytest.raises(InputError, match="at least one other witness"):
        xliff_documents(make_project({"ru": ["Да."]}))
