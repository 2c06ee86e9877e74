"""Building and serialising the XML that TransCompare writes (TEI, TMX, XLIFF).

Output is deterministic (the same project gives the same bytes) and indented for people to
read, but indentation never touches mixed content: an element's whitespace is only rewritten
when it holds nothing but child elements and the caller has not marked it as text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree

from transcompare.errors import TransCompareError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9_.\-]")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


class UnwritableProject(TransCompareError):
    """The project holds something the file format cannot store (the save is refused, so
    nothing on disk changes)."""


def check_xml_text(where: str, *values: str) -> None:
    """Refuse strings XML 1.0 cannot hold (control characters, lone surrogates)."""
    for value in values:
        bad = _NOT_XML.search(value)
        if bad:
            raise UnwritableProject(
                f"{where} holds the character U+{ord(bad.group()):04X} at position "
                f"{bad.start()}, which XML files cannot store"
            )


def is_language_tag(value: str) -> bool:
    """True if ``value`` fits ``xml:lang`` (the XML Schema ``language`` type)."""
    return bool(_LANGUAGE.fullmatch(value))


_SPECIAL_NAMES = {"xml_id": XML_ID, "xml_lang": XML_LANG, "xml_space": f"{{{XML_NS}}}space"}


def sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str | None
) -> etree._Element:
    """A child element with optional text. Attributes whose value is None are left out;
    ``xml_id``, ``xml_lang`` and ``xml_space`` stand for the ``xml:`` attributes."""
    element = etree.SubElement(parent, tag)
    try:
        for name, value in attributes.items():
            if value is not None:
                element.set(_SPECIAL_NAMES.get(name, name), value)
        if text:
            element.text = text
    except ValueError as error:  # lxml refuses characters XML cannot hold
        raise UnwritableProject(f"cannot write XML: {error}") from None
    return element


def indent(element: etree._Element, keep: Collection[str] = (), level: int = 0) -> None:
    """Indent element-only content with two spaces a level; elements whose tag is in ``keep``
    (mixed content such as paragraphs) are left exactly as they are."""
    if element.tag in keep or not len(element):
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        indent(child, keep, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def serialize(root: etree._Element) -> bytes:
    """UTF-8 bytes with an XML declaration and a final newline."""
    try:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
    except ValueError as error:
        raise UnwritableProject(f"cannot write XML: {error}") from None


class IdAllocator:
    """Fresh ``xml:id`` values that avoid every id already taken in the document."""

    def __init__(self, taken: Collection[str] = ()) -> None:
        self.taken = set(taken)

    def fresh(self, base: str) -> str:
        name = _NOT_NAME_CHAR.sub("_", base)
        if not name or not (name[0].isalpha() or name[0] == "_"):
            name = "_" + name
        candidate, number = name, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{name}-{number}"
        self.taken.add(candidate)
        return candidate
