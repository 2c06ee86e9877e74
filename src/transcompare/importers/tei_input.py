"""A plain TEI P5 document imported as one witness (TransCompare projects are read elsewhere).

What is read, namespaced or not:

* paragraphs: every ``p``, ``head``, ``ab``, ``l``, ``item`` and similar block under ``text``'s
  ``body`` (all bodies of a ``group``); bare text between blocks is ignored;
* sentences: a paragraph with ``<s>`` elements keeps that segmentation, and any text of it
  outside every ``<s>`` becomes a sentence of its own, so nothing is lost; paragraphs without
  ``<s>`` are segmented like plain text;
* inside a block, whitespace is collapsed as XML intends, ``<lb/>`` is a line break,
  ``<choice>`` shows its regularised/corrected/expanded reading, ``<gap/>`` becomes an
  elision mark; the content of ``<note>`` (footnotes, editorial comments), ``<fw>`` (running
  heads) and ``<del>`` is left out, because it is not part of the running text that a
  translation renders and would cut sentences in two;
* metadata from ``teiHeader``: title, author, translator, date, source; the language from
  ``xml:lang`` on ``text`` or the root, else from ``langUsage``.

Parsing goes through :mod:`transcompare.formats.xmlsafe`, which refuses DTDs and entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from transcompare.errors import InputError
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.importers.document import GAP_MARK, Document, assemble
from transcompare.importers.xmlnames import local_name

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BLOCKS = frozenset(
    ("p", "head", "ab", "l", "item", "cell", "dateline", "salute", "signed", "byline", "trailer")
    + ("speaker", "stage", "s")
)
_LEFT_OUT = frozenset(("note", "fw", "del", "teiHeader", "facsimile"))
_READING_PREFERENCE = ("reg", "corr", "expan")
_TOKENS = re.compile(r"\s+|\S+")


def read_tei(path: Path, data: bytes) -> Document:
    root = parse_xml_bytes(data, path).getroot()
    name = local_name(root)
    if name == "teiCorpus":
        raise InputError(
            path, "is a TEI corpus of several documents (a project?); import one TEI document"
        )
    if name != "TEI":
        raise InputError(path, f"is XML but not a TEI document (its root element is <{name}>)")
    text = _child(root, "text")
    if text is None:
        raise InputError(path, "is a TEI document without a <text> element")
    bodies = [body for body in text.iter() if local_name(body) == "body" and not _inside_body(body)]
    bodies = bodies or [text]
    paragraphs: list[str] = []
    sentences: list[list[tuple[int, int]]] = []
    for body in bodies:
        for block in _blocks(body):
            is_sentence = local_name(block) == "s"
            builder = _Builder()
            builder.walk(block, inside_sentence=is_sentence)
            paragraph, spans = builder.result(whole_sentence=is_sentence)
            if paragraph:
                paragraphs.append(paragraph)
                sentences.append(_cover(paragraph, spans) if spans else [])
    return assemble(
        path,
        paragraphs,
        metadata=_metadata(root),
        language=_language(root, text),
        encoding=(root.getroottree().docinfo.encoding or "utf-8").lower(),
        sentences=sentences if any(sentences) else None,
    )


def _inside_body(element: etree._Element) -> bool:
    """True for the body of a text embedded in another body (``floatingText``)."""
    return any(local_name(ancestor) == "body" for ancestor in element.iterancestors())


def _child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """The first descendant reached by following child names, or None."""
    for name in path:
        if element is None:
            return None
        element = next((child for child in element if local_name(child) == name), None)
    return element


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraph-like elements under a container, in document order."""
    for child in container:
        name = local_name(child)
        if name in _BLOCKS:
            yield child
        elif name and name not in _LEFT_OUT:
            yield from _blocks(child)


class _Builder:
    """Collects a block's text with XML whitespace collapsed, recording ``<s>`` spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.space = False  # whitespace seen since the last character written
        self.glue = False  # inside a word broken by <lb break="no"/>
        self.spans: list[tuple[int, int]] = []

    def add(self, text: str | None) -> None:
        for token in _TOKENS.findall(text or ""):
            if token.isspace():
                self.space = not self.glue and self.length > 0
            else:
                if self.space and not self.parts[-1].endswith("\n"):
                    self._write(" ")
                self.space = self.glue = False
                self._write(token)

    def line_break(self, glue: bool) -> None:
        self.space = False
        self.glue = glue
        if not glue and self.length and not self.parts[-1].endswith("\n"):
            self._write("\n")

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def walk(self, element: etree._Element, inside_sentence: bool) -> None:
        """Write the content of ``element`` (not its tail)."""
        self.add(element.text)
        for child in element:
            self._element(child, inside_sentence)
            self.add(child.tail)

    def _element(self, child: etree._Element, inside_sentence: bool) -> None:
        name = local_name(child)
        if not name or name in _LEFT_OUT:
            return
        if name == "lb":
            self.line_break(glue=child.get("break") == "no")
        elif name == "gap":
            self.add(f" {GAP_MARK} ")
        elif name == "choice":
            self.walk(_reading(child), inside_sentence)
        elif name == "s" and not inside_sentence:
            start = self.length
            self.walk(child, inside_sentence=True)
            self.spans.append((start, self.length))
        else:
            self.walk(child, inside_sentence)

    def result(self, whole_sentence: bool) -> tuple[str, list[tuple[int, int]]]:
        """The block's text and its sentence spans, trimmed of whitespace."""
        text = "".join(self.parts).rstrip()
        spans = [(0, len(text))] if whole_sentence else self.spans
        trimmed = []
        for start, end in spans:
            end = min(end, len(text))
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                trimmed.append((start, end))
        return text, trimmed


def _reading(choice: etree._Element) -> etree._Element:
    """The reading of a ``<choice>`` to show: regularised, corrected or expanded if offered."""
    children = [child for child in choice if local_name(child)]
    for preferred in _READING_PREFERENCE:
        for child in children:
            if local_name(child) == preferred:
                return child
    return children[0] if children else choice


def _cover(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans plus one span for each stretch of text that no span holds."""
    covered: list[tuple[int, int]] = []
    position = 0
    for start, end in [*sorted(spans), (len(text), len(text))]:
        for match in re.finditer(r"\S(?:.*\S)?", text[position:start], re.DOTALL):
            covered.append((position + match.start(), position + match.end()))
        if start < end:
            covered.append((start, end))
        position = max(position, end)
    return covered


def _text_of(element: etree._Element | None) -> str:
    if element is None:
        return ""
    builder = _Builder()
    builder.walk(element, inside_sentence=True)
    return builder.result(whole_sentence=False)[0]


def _metadata(root: etree._Element) -> dict[str, str]:
    title_statement = _child(root, "teiHeader", "fileDesc", "titleStmt")
    found = {
        "title": _text_of(_child(title_statement, "title")),
        "author": _text_of(_child(title_statement, "author")),
        "date": _text_of(_child(root, "teiHeader", "fileDesc", "publicationStmt", "date")),
        "source": _text_of(_child(root, "teiHeader", "fileDesc", "sourceDesc")),
    }
    if title_statement is not None:
        for statement in title_statement:
            if (
                local_name(statement) == "respStmt"
                and "transl" in _text_of(_child(statement, "resp")).lower()
            ):
                names = [_text_of(child) for child in statement if local_name(child) != "resp"]
                found["translator"] = ", ".join(name for name in names if name)
    return {key: value for key, value in found.items() if value}


def _language(root: etree._Element, text: etree._Element) -> str:
    declared = text.get(_XML_LANG) or root.get(_XML_LANG)
    if declared:
        return declared
    usage = _child(root, "teiHeader", "profileDesc", "langUsage")
    if usage is not None:
        for language in usage:
            if local_name(language) == "language" and language.get("ident"):
                return language.get("ident", "")
    return ""
