"""Word .docx files: the paragraphs of ``word/document.xml``, read with the standard library.

A .docx is a zip archive, so every member is read with a bound on its unpacked size (a small
file can unpack to gigabytes) and parsed by :mod:`transcompare.formats.xmlsafe`. Within a
paragraph (``w:p``) the text of runs (``w:t``) is kept, ``w:tab`` becomes a tab and
``w:br``/``w:cr`` a line break; deleted text, field codes and the fallback copy of
drawings are not part of ``w:t`` or are skipped. Title, author and date come from
``docProps/core.xml`` when present.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from transcompare.errors import InputError
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.importers.document import Document, from_flat_paragraphs
from transcompare.importers.xmlnames import local_name
from transcompare.userfiles import MAX_INPUT_BYTES, megabytes

DOCUMENT_PART = "word/document.xml"
PROPERTIES_PART = "docProps/core.xml"
_CHARACTERS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_SKIPPED = frozenset(("Fallback", "delText", "instrText"))
_PROPERTIES = {"title": "title", "creator": "author", "created": "date"}


def read_docx(path: Path, data: bytes) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _part(archive, DOCUMENT_PART, path)
            if body is None:
                raise InputError(path, f"is a zip archive without {DOCUMENT_PART}: not a .docx")
            properties = _part(archive, PROPERTIES_PART, path)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise InputError(path, f"is not a valid .docx file ({error})") from None
    except (NotImplementedError, RuntimeError) as error:  # unknown compression, encryption
        raise InputError(path, f"cannot be unpacked ({error})") from None
    paragraphs: list[str] = []
    _collect(parse_xml_bytes(body, path).getroot(), paragraphs, None)
    metadata = _properties(properties, path) if properties is not None else {}
    return from_flat_paragraphs(path, paragraphs, encoding="utf-8", metadata=metadata)


def _part(archive: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    """A member's bytes, or None if absent; refused when it unpacks beyond the size limit."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_INPUT_BYTES:
        raise InputError(
            path, f"{name} unpacks to more than {megabytes(MAX_INPUT_BYTES)}: refused for safety"
        )
    with archive.open(info) as member:  # never yields more than the declared size
        return member.read()


def _collect(element: etree._Element, paragraphs: list[str], parts: list[str] | None) -> None:
    """Append the text of each ``w:p`` under ``element`` to ``paragraphs``; ``parts`` collects
    the text of the paragraph being read (a text box's paragraphs come before their host's)."""
    for child in element:
        name = local_name(child)
        if name == "p":
            own: list[str] = []
            _collect(child, paragraphs, own)
            paragraphs.append("".join(own))
        elif parts is not None and name == "t":
            parts.append(child.text or "")
        elif parts is not None and name in _CHARACTERS:
            parts.append(_CHARACTERS[name])
        elif name not in _SKIPPED:
            _collect(child, paragraphs, parts)


def _properties(data: bytes, path: Path) -> dict[str, str]:
    found = {}
    for element in parse_xml_bytes(data, path).getroot():
        key = _PROPERTIES.get(local_name(element))
        if key and element.text and element.text.strip():
            found[key] = element.text.strip()
    return found
