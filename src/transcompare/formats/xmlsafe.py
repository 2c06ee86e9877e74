"""The one way TransCompare parses XML: no DTD, no entity expansion, no network, bounded size.

A file with a DOCTYPE (the carrier of XXE and "billion laughs" attacks) is refused
outright rather than parsed with entities left unexpanded: TEI needs no DTD, and a clear refusal
is safer than a document whose text silently lost its entity references.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from transcompare.errors import InputError
from transcompare.userfiles import check_size, read_bytes

MAX_XML_BYTES = 256 * 1024 * 1024


def _any_width(word: str) -> bytes:
    """A byte pattern for ``word`` in UTF-8 or UTF-16 (a NUL byte may follow each letter)."""
    return rb"\x00?".join(re.escape(letter.encode()) for letter in word)


# Looked for before parsing, so that libxml2 never sees a declaration it might act on.
_DECLARATION = re.compile(_any_width("<!DOCTYPE") + b"|" + _any_width("<!ENTITY"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> etree._ElementTree:
    """Parse XML held in memory; any problem becomes an InputError naming ``path``."""
    check_size(path, len(data), MAX_XML_BYTES)
    if not data.strip():
        raise InputError(path, "the file is empty")
    if _DECLARATION.search(data):
        raise InputError(path, "XML with a DTD or entity declarations is refused for safety")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"not well-formed XML: {error}") from None
    return tree


def parse_xml_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read and parse an XML file safely."""
    return parse_xml_bytes(read_bytes(path, MAX_XML_BYTES), path)
