"""TEI P5 documents imported as one witness: paragraphs, sentences, header, safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcompare.errors import InputError
from transcompare.importers import read_document, witness_from_document
from transcompare.model import GAP, TEXT

TEI_NS = ' xmlns="http://www.tei-c.org/ns/1.0"'

HEADER = """<teiHeader><fileDesc>
  <titleStmt><title>Из  телеграммы</title><author>А. А. Громыко</author>
    <respStmt><resp>Translated by</resp><persName>Jane Doe</persName></respStmt></titleStmt>
  <publicationStmt><date>1962-10-20</date></publicationStmt>
  <sourceDesc><bibl>AVP RF</bibl></sourceDesc></fileDesc>
  <profileDesc><langUsage><language ident="ru">Russian</language></langUsage></profileDesc>
</teiHeader>"""


def write_tei(
    folder: Path, body: str, namespace: str = TEI_NS, header: str = "", text_attributes: str = ""
) -> Path:
    path = folder / "doc.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI{namespace}>{header}'
        f"<text{text_attributes}><body>{body}</body></text></TEI>",
        encoding="utf-8",
    )
    return path


def sentences(path: Path, language: str = "en") -> list[tuple[str, int, str]]:
    witness = witness_from_document(read_document(path, language=language), "w")
    return [(s.text, s.paragraph, s.kind) for s in witness.sentences]


@pytest.mark.parametrize("namespace", [TEI_NS, ""])
def test_sentences_marked_with_s_are_kept(tmp_path: Path, namespace: str) -> None:
    body = """<p><s xml:id="a1">One   sentence. Not split</s>
                 <s xml:id="a2">here.</s> tail</p>
              <p><s>Second paragraph.</s></p>"""
    path = write_tei(tmp_path, body, namespace)
    document = read_document(path)
    assert document.text == "One sentence. Not split here. tail\n\nSecond paragraph."
    assert document.sentences == [(0, 23, 0), (24, 29, 0), (30, 34, 0), (36, 53, 1)]
    assert sentences(path) == [
        ("One sentence. Not split", 0, TEXT),
        ("here.", 0, TEXT),
        ("tail", 0, TEXT),
        ("Second paragraph.", 1, TEXT),
    ]


@pytest.mark.parametrize("namespace", [TEI_NS, ""])
def test_paragraphs_without_s_are_segmented(tmp_path: Path, namespace: str) -> None:
    path = write_tei(tmp_path, "<head>A heading</head><p>First one. Second one.</p>", namespace)
    assert read_document(path).sentences is None
    assert sentences(path) == [
        ("A heading", 0, TEXT),
        ("First one.", 1, TEXT),
        ("Second one.", 1, TEXT),
    ]


def test_a_mixed_document_segments_only_unmarked_paragraphs(tmp_path: Path) -> None:
    path = write_tei(tmp_path, "<p><s>Kept. As one.</s></p><p>Split. Here.</p>")
    assert sentences(path) == [("Kept. As one.", 0, TEXT), ("Split.", 1, TEXT), ("Here.", 1, TEXT)]


def test_inline_markup(tmp_path: Path) -> None:
    body = (
        "<p>Note<note>left out</note> and <del>deleted</del>running<fw>head</fw> text,"
        " <choice><abbr>Dr</abbr><expan>Doctor</expan></choice> and"
        " <choice><sic>teh</sic><corr>the</corr></choice>"
        ' line<lb/>break, hyphen<lb break="no"/>\n  ated.<!-- comment -->'
        ' <hi rend="b">Bold</hi>.</p>'
    )
    document = read_document(write_tei(tmp_path, body))
    assert document.text == "Note and running text, Doctor and the line\nbreak, hyphenated. Bold."


def test_gap_element_becomes_an_elision_sentence(tmp_path: Path) -> None:
    path = write_tei(
        tmp_path, '<p><s>Before.</s> <gap reason="omitted"/> <s>After <gap/> it.</s></p>'
    )
    assert sentences(path) == [
        ("Before.", 0, TEXT),
        ("[...]", 0, GAP),
        ("After", 0, TEXT),
        ("[...]", 0, GAP),
        ("it.", 0, TEXT),
    ]


def test_structure_lists_tables_verse_and_groups(tmp_path: Path) -> None:
    body = (
        "<div><head>Title</head><list><item>First item</item><item>Second item</item></list>"
        "<table><row><cell>A cell</cell></row></table><lg><l>A line of verse</l></lg>"
        "<floatingText><body><p>Embedded</p></body></floatingText>"
        "<closer>Bare text is ignored <signed>Signed</signed></closer></div>"
    )
    document = read_document(write_tei(tmp_path, body))
    assert document.text.split("\n\n") == [
        "Title",
        "First item",
        "Second item",
        "A cell",
        "A line of verse",
        "Embedded",
        "Signed",
    ]


def test_header_metadata_and_language(tmp_path: Path) -> None:
    document = read_document(write_tei(tmp_path, "<p>Текст документа.</p>", header=HEADER))
    assert document.metadata == {
        "title": "Из телеграммы",
        "author": "А. А. Громыко",
        "translator": "Jane Doe",
        "date": "1962-10-20",
        "source": "AVP RF",
    }
    assert (document.language, document.encoding) == ("ru", "utf-8")


@pytest.mark.parametrize(
    ("header", "attributes", "override", "language"),
    [
        (HEADER, ' xml:lang="uk"', None, "uk"),
        (HEADER, "", None, "ru"),
        ("", "", None, "en"),
        (HEADER, ' xml:lang="uk"', "de", "de"),
    ],
)
def test_language_from_text_header_detection_or_override(
    tmp_path: Path, header: str, attributes: str, override: str | None, language: str
) -> None:
    path = write_tei(
        tmp_path,
        "<p>This is the text of the document.</p>",
        header=header,
        text_attributes=attributes,
    )
    assert read_document(path, language=override).language == language


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<TEI><text><body><p>open</body></text></TEI>", "not well-formed XML"),
        (
            '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x "boom">]>'
            "<TEI><text><body><p>&x;</p></body></text></TEI>",
            "refused for safety",
        ),
        ("<teiCorpus><TEI><text/></TEI></teiCorpus>", "is a TEI corpus"),
        (
            "<html><body><p>Web page</p></body></html>",
            "not a TEI document (its root element is <html>)",
        ),
        ("<TEI><teiHeader/></TEI>", "without a <text> element"),
        ("<TEI><text><body><p> </p></body></text></TEI>", "contains no text"),
    ],
)
def test_bad_xml_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.xml") as caught:
        read_document(path)
    assert problem in caught.value.problem


def test_xml_is_recognised_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "doc.tei-export"
    path.write_text("<TEI><text><body><p>Found.</p></body></text></TEI>", encoding="utf-8")
    assert read_document(path).text == "Found."
