"""The publication TEI: @corresp on every sentence, and parallel segmentation of versions in
one language."""

from __future__ import annotations

import pytest

from tests.builders import make_project
from tests.tei_checks import schema_errors, tei_schema  # noqa: F401
from tests.test_tei import sample_project
from transcompare.formats.tei_profile import NS
from transcompare.formats.tei_publication import collate, publication_to_xml
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.formats.xmlwrite import XML_ID


@pytest.mark.parametrize(
    ("readings", "segments"),
    [
        (["The US are here.", "The US is here."], ["The US ", ["are ", "is "], "here."]),
        (["Same.", "Same."], ["Same."]),
        (["x", ""], [["x", ""]]),
        (["a b c", "a c", "a b c"], ["a ", ["b ", "", "b "], "c"]),
        (["one two", "uno two", "one dos"], [["one two", "uno two", "one dos"]]),
    ],
)
def test_collate(readings, segments):
    assert collate(readings) == segments


@pytest.fixture
def english_pair():
    return make_project(
        {
            "en-a": ["The US are here.", "Second one."],
            "en-b": ["The US is here.", "Second one."],
            "ru": ["США здесь.", "Второй."],
        }
    )


def test_sentences_point_to_their_counterparts(english_pair):
    tree = parse_xml_bytes(publication_to_xml(english_pair))
    corresp = {s.get(XML_ID): s.get("corresp") for s in tree.iterfind(".//t:s", NS)}
    assert corresp["en-a.s1"] == "#en-b.s1 #ru.s1"
    assert corresp["ru.s2"] == "#en-a.s2 #en-b.s2"


def test_one_language_is_collated_in_parallel_segmentation(english_pair):
    tree = parse_xml_bytes(publication_to_xml(english_pair))
    assert tree.find(".//t:variantEncoding", NS).get("method") == "parallel-segmentation"
    assert [w.get(XML_ID) for w in tree.iterfind(".//t:listWit/t:witness", NS)] == [
        "en-a",
        "en-b",
        "ru",
    ]
    documents = {tei.get(XML_ID): tei for tei in tree.iterfind("t:TEI", NS)}
    assert list(documents) == ["doc-en-a", "doc-en-b", "doc-ru", "parallel-en"]
    parallel = documents["parallel-en"]
    blocks = parallel.findall(".//t:ab", NS)
    assert ["".join(b.itertext()) for b in blocks] == ["The US are is here.", "Second one."]
    readings = [(r.get("wit"), r.text) for r in blocks[0].iterfind(".//t:rdg", NS)]
    assert readings == [("#en-a", "are "), ("#en-b", "is ")]


def test_publication_is_valid_tei(tei_schema, english_pair):  # noqa: F811
    assert schema_errors(publication_to_xml(english_pair)) == []
    assert schema_errors(publication_to_xml(sample_project())) == []


def test_no_parallel_segmentation_without_a_shared_language():
    tree = parse_xml_bytes(publication_to_xml(sample_project()))
    assert tree.find(".//t:variantEncoding", NS) is None
    assert len(tree.findall("t:TEI", NS)) == 2
