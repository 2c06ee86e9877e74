"""The importers' public API: read a file, build a witness, load a witness from a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcompare.errors import InputError
from transcompare.importers import (
    default_witness_id,
    load_witness,
    read_document,
    witness_from_document,
)
from transcompare.model import GAP, ORIGINAL, TEXT
from transcompare.pipeline import WitnessSource

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "gromyko-kennedy-1962"
FOUNDING = CORPUS / "en-wilson.txt"
needs_founding = pytest.mark.skipif(not FOUNDING.exists(), reason="bundled corpus not present")


def write(folder: Path, text: str, name: str = "doc.txt", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_text_paragraphs_and_line_breaks(tmp_path: Path) -> None:
    path = write(tmp_path, "\r\n  The first line\r\nand the second.  \r\n\r\n\r\nNext one.\r\n")
    document = read_document(path)
    assert document.text == "The first line\nand the second.\n\nNext one."
    assert document.paragraphs == [(0, 30), (32, 41)]
    assert (document.language, document.encoding, document.metadata) == ("en", "utf-8", {})
    assert document.sentences is None


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One.\fTwo.", ["One.", "Two."]),
        (
            "a page that ends in the\n\fmiddle of a sentence.",
            ["a page that ends in the middle of a sentence."],
        ),
        ("Two.\n \t\n\nBlank lines.", ["Two.", "Blank lines."]),
    ],
)
def test_paragraph_breaks(tmp_path: Path, text: str, paragraphs: list[str]) -> None:
    document = read_document(write(tmp_path, text))
    assert [document.text[start:end] for start, end in document.paragraphs] == paragraphs


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16", "utf-8-sig"])
def test_russian_file_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "Кеннеди поблагодарил Н. С. Хрущева.\n\nПриветы.", encoding=encoding)
    document = read_document(path)
    assert document.text == "Кеннеди поблагодарил Н. С. Хрущева.\n\nПриветы."
    assert document.language == "ru"


def test_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, "Привет", encoding="koi8-r")
    document = read_document(path, encoding="cp1251", language="bg")
    assert (document.text, document.encoding, document.language) == (
        "Привет".encode("koi8-r").decode("cp1251"),
        "cp1251",
        "bg",
    )


def test_witness_sentences_ids_offsets_and_gaps(tmp_path: Path) -> None:
    path = write(tmp_path, "Title line\n\nOne. Two? / ... / Three.\n\n[...]\n\nFour.")
    witness = witness_from_document(read_document(path), "en-a")
    assert [(s.id, s.text, s.paragraph, s.kind) for s in witness.sentences] == [
        ("en-a.s1", "Title line", 0, TEXT),
        ("en-a.s2", "One.", 1, TEXT),
        ("en-a.s3", "Two?", 1, TEXT),
        ("en-a.s4", "/ ... /", 1, GAP),
        ("en-a.s5", "Three.", 1, TEXT),
        ("en-a.s6", "[...]", 2, GAP),
        ("en-a.s7", "Four.", 3, TEXT),
    ]
    assert all(witness.text[s.start : s.end] == s.text for s in witness.sentences)
    assert witness.next_number == 8
    assert witness.new_sentence_id() == "en-a.s8"


def test_witness_fields_default_to_metadata(tmp_path: Path) -> None:
    header = "May 1, 1960\n\nA memo\n\nCitation:\n\nArchive, fond 1\n\nSummary:\n\nS\n\n"
    document = read_document(write(tmp_path, header + "Credits:\n\nC\n\nThis is the body."))
    witness = witness_from_document(document, "en")
    assert (witness.id, witness.language, witness.role) == ("en", "en", "translation")
    assert (witness.title, witness.translator, witness.source) == ("A memo", "", "Archive, fond 1")
    assert witness.metadata == {
        "date": "May 1, 1960",
        "title": "A memo",
        "citation": "Archive, fond 1",
        "summary": "S",
        "credits": "C",
        "file": "doc.txt",
        "encoding": "utf-8",
    }
    given = witness_from_document(
        document, "x", role=ORIGINAL, title="T", translator="Tr", source="So"
    )
    assert (given.role, given.title, given.translator, given.source) == (ORIGINAL, "T", "Tr", "So")


def test_a_witness_id_must_be_an_xml_name(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "Text."))
    with pytest.raises(InputError, match="doc.txt: witness id '1 a' must start with a letter"):
        witness_from_document(document, "1 a")


@pytest.mark.parametrize(
    ("language", "file", "expected"),
    [
        ("en", "en-wilson.txt", "en-wilson"),
        ("en", "en.txt", "en"),
        ("ru", "Cable (1962).txt", "ru-cable-1962"),
        ("ru", "Телеграмма.txt", "ru"),
        ("de", "Über Größe.txt", "de-uber-groe"),
        ("und", "2.txt", "und-2"),
        ("en", "english.txt", "en-english"),
        ("en", "a" * 50 + ".txt", "en-" + "a" * 32),
    ],
)
def test_default_witness_id(language: str, file: str, expected: str) -> None:
    assert default_witness_id(language, Path(file)) == expected


def test_load_witness_uses_the_source_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "Привет.", name="Телеграмма.txt", encoding="koi8-r")
    witness = load_witness(WitnessSource(path))
    assert (witness.id, witness.language, witness.sentences[0].text) == ("ru", "ru", "Привет.")
    source = WitnessSource(
        path, id="orig", language="ru", role=ORIGINAL, encoding="koi8-r", title="T"
    )
    witness = load_witness(source)
    assert (witness.id, witness.role, witness.title, witness.metadata["encoding"]) == (
        "orig",
        ORIGINAL,
        "T",
        "koi8-r",
    )


@needs_founding
def test_founding_document_metadata() -> None:
    document = read_document(FOUNDING)
    assert document.metadata == {
        "date": "October 18, 1962",
        "title": "From the cable on the conversation between Gromyko and Kennedy",
        "citation": '"From the cable on the conversation between Gromyko and Kennedy", '
        "October 18, 1962, Wilson Center Digital Archive, Archive of Foreign Policy, "
        "Russian Federation (AVP RF) <https://digitalarchive.wilsoncenter.org/document/114511>",
        "summary": document.metadata["summary"],
        "credits": "This document was made possible with support from Leon Levy Foundation",
        "original_language": "Russian",
        "contents": "Translation - English",
    }
    assert document.metadata["summary"].startswith("Gromyko reported on his meeting with Kennedy.")
    assert document.metadata["summary"].endswith("proposed a meeting between the two leaders.")
    assert (document.language, document.encoding) == ("en", "utf-8")


@needs_founding
def test_founding_document_body() -> None:
    document = read_document(FOUNDING)
    paragraphs = [document.text[start:end] for start, end in document.paragraphs]
    assert paragraphs[:3] == [
        "FROM THE CABLE ABOUT CONVERSATION BETWEEN A.A. GROMYKO AND PRESIDENT KENNEDY",
        "October 18, 1962",
        "During the meeting with President Kennedy at the White House on October 18 I "
        "transmitted to him, his spouse and other members of his family regards from the head "
        "of the Soviet government N. S. Khrushchev and from Nina Petrovna.",
    ]
    assert paragraphs[-2:] == ["A. GROMYKO", "20/10/1962"]
    for joined in [
        "though those statements",
        "can represent a threat",
        "I don't know what can be the outcome",
        "requirements of the people - that is the field",
        "New York in the second half",
    ]:
        assert any(joined in paragraph for paragraph in paragraphs), joined
    assert "Citation:" not in document.text
    assert len(paragraphs) == 56


@needs_founding
def test_founding_document_gaps_are_their_own_sentences() -> None:
    witness = load_witness(WitnessSource(FOUNDING))
    gaps = [(index, s) for index, s in enumerate(witness.sentences) if s.kind == GAP]
    assert [s.text for _, s in gaps] == ["/ ... /", "/ ... /"]
    before, after = (witness.sentences[gaps[0][0] + step].text for step in (-1, 1))
    assert before.endswith("on a number of important issues.")
    assert after.startswith("Now I would like to expound")
    assert witness.sentences[gaps[1][0] + 1].text == "Fourth."
    assert witness.id == "en-wilson"


def test_load_witness_keeps_ids_unique(tmp_path):
    first, second = tmp_path / "en.txt", tmp_path / "sub" / "en.txt"
    second.parent.mkdir()
    for path in (first, second):
        path.write_text("One sentence. Another one.", encoding="utf-8")
    source = WitnessSource(path=second, language="en")
    assert load_witness(source, taken_ids={"en"}).id == "en-2"
    assert load_witness(source, taken_ids={"en", "en-2"}).id == "en-3"
    with pytest.raises(InputError, match="'en' is used twice"):
        load_witness(WitnessSource(path=first, id="en"), taken_ids={"en"})
