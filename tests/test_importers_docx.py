"""Word .docx files read with zipfile and the safe XML parser."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.builders import ARCHIVE_HEADER, ARCHIVE_METADATA
from transcompare.errors import InputError
from transcompare.importers import docx, read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/">'
    "<dc:title>A memo</dc:title><dc:creator>A. Clerk</dc:creator>"
    "<dcterms:created>1962-10-20T00:00:00Z</dcterms:created></cp:coreProperties>"
)


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{run}</w:r>" for run in runs) + "</w:p>"


def write_docx(folder: Path, body: str, core: str | None = None, name: str = "doc.docx") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>',
        )
        if core is not None:
            archive.writestr("docProps/core.xml", core)
    return path


def test_paragraphs_runs_tabs_and_breaks(tmp_path: Path) -> None:
    body = (
        paragraph('<w:t xml:space="preserve">First </w:t>', "<w:t>run.</w:t>")
        + "<w:p/>"
        + paragraph("<w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break.</w:t>")
        + paragraph("<w:t>non</w:t><w:noBreakHyphen/><w:t>breaking</w:t>")
        + paragraph("<w:delText>deleted</w:delText>", "<w:instrText>PAGE</w:instrText>")
        + "<w:tbl><w:tr><w:tc>"
        + paragraph("<w:t>In a table.</w:t>")
        + "</w:tc></w:tr></w:tbl>"
    )
    document = read_document(write_docx(tmp_path, body), language="en")
    assert document.text == "First run.\n\nTab\tand\nbreak.\n\nnon-breaking\n\nIn a table."
    assert (document.encoding, document.metadata) == ("utf-8", {})


def test_text_box_paragraphs_come_once_before_their_host(tmp_path: Path) -> None:
    box = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:txbxContent>"
        + paragraph("<w:t>Boxed.</w:t>")
        + "</w:txbxContent></mc:Choice>"
        "<mc:Fallback><w:txbxContent>"
        + paragraph("<w:t>Boxed.</w:t>")
        + "</w:txbxContent></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    document = read_document(write_docx(tmp_path, paragraph("<w:t>Host.</w:t>", box)))
    assert document.text == "Boxed.\n\nHost."


def test_properties_page_breaks_and_archive_header(tmp_path: Path) -> None:
    body = "".join(
        paragraph(f"<w:t>{text}</w:t>") for text in [*ARCHIVE_HEADER, "Broken", "sentence."]
    )
    document = read_document(write_docx(tmp_path, body, core=CORE))
    assert document.text == "Broken sentence."
    assert document.metadata == {
        "title": "A memo",
        "author": "A. Clerk",
        "date": "1962-10-20T00:00:00Z",
        **ARCHIVE_METADATA,
    }


def test_a_member_that_unpacks_beyond_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx, "MAX_INPUT_BYTES", 1000)
    path = write_docx(tmp_path, paragraph(f"<w:t>{' ' * 2000}x</w:t>"))
    assert path.stat().st_size < 1000
    with pytest.raises(InputError, match="doc.docx: word/document.xml unpacks to more than"):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"PK\x03\x04 this is not really a zip archive", "is not a valid .docx file"),
        (b"plain text with a .docx name", "is not a valid .docx file"),
    ],
)
def test_broken_archives_are_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match="bad.docx") as caught:
        read_document(path)
    assert problem in caught.value.problem


def test_a_zip_without_a_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match="without word/document.xml"):
        read_document(path)


def test_hostile_xml_inside_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<w:document xmlns:w="x">&e;</w:document>',
        )
    with pytest.raises(InputError, match="evil.docx: XML with a DTD"):
        read_document(path)


def test_an_empty_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="contains no text"):
        read_document(write_docx(tmp_path, "<w:p/>"))
