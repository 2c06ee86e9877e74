"""TEI tree → Project, in two steps: parse into plain records, then build and check the project.

The first step only reads XML (and knows the profile's element names); the second only knows
the model (and resolves pointers). Every problem is an InputError naming the file and, when it
can, the line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from lxml import etree

from transcompare.errors import InputError
from transcompare.formats.tei_profile import (
    ALIGNMENT,
    ASSESSMENT,
    COUNTERPART,
    DISMISSED,
    EMPTY,
    FORMAT_IDENT,
    FORMAT_VERSION,
    MQM_TAXONOMY,
    NEXT_NUMBER,
    NS,
    ORIGIN,
    SEVERITY_TAXONOMY,
    STATE,
    STATUS_TAXONOMY,
    STRING_RANGE,
    t,
)
from transcompare.formats.xmlwrite import XML_ID
from transcompare.model import (
    AUTOMATIC,
    OPEN,
    TEXT,
    TRANSLATION,
    Annotation,
    LogEntry,
    Project,
    Row,
    Sentence,
    Span,
    Witness,
)

Where = str | os.PathLike[str] | None
"""The file being read, named in error messages."""


@dataclass
class WitnessRecord:
    id: str
    role: str
    language: str = ""
    title: str = ""
    translator: str = ""
    source: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    next_number: int = 1
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class LinkRecord:
    line: int | None
    targets: list[str]
    """Pointer ids: sentences, intermediate pointers or placeholders."""
    status: str
    confidence: float
    confirmed_by: str


@dataclass
class AnnotationRecord:
    line: int | None
    id: str
    targets: list[str]
    """``#string-range(…)`` pointers, the first one first."""
    category: str
    severity: str
    note: str
    author: str
    created: str
    modified: str
    state: str
    origin: str


@dataclass
class ProjectRecord:
    """What a project file says, before pointers are resolved."""

    metadata: dict[str, str] = field(default_factory=dict)
    pivot: str = ""
    witnesses: list[WitnessRecord] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    """Placeholder ptr id → witness id."""
    groups: dict[str, list[str]] = field(default_factory=dict)
    """Intermediate ptr id → sentence ids."""
    links: list[LinkRecord] = field(default_factory=list)
    annotations: list[AnnotationRecord] = field(default_factory=list)
    dismissed: list[str] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)


def _problem(path: Where, line: int | None, problem: str) -> InputError:
    return InputError(path, f"line {line}: {problem}" if line else problem)


class _Parser:
    def __init__(self, tree: etree._ElementTree, path: Where) -> None:
        self.root, self.path = tree.getroot(), path
        self.people: dict[str, str] = {}
        self.categories: dict[str, tuple[str, str]] = {}

    def fail(self, element: etree._Element, problem: str) -> InputError:
        return _problem(self.path, getattr(element, "sourceline", None), problem)

    def one(self, parent: etree._Element, path: str) -> etree._Element:
        element = parent.find(path, NS)
        if element is None:
            name = etree.QName(parent).localname
            raise self.fail(parent, f"{name} lacks {path.replace('t:', '')}")
        return element

    def check_version(self) -> None:
        application = None
        if self.root.tag == t("teiCorpus"):
            application = self.root.find(
                f"t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='{FORMAT_IDENT}']", NS
            )
        if application is None:
            raise InputError(self.path, "not a TransCompare project")
        version = application.get("version", "")
        if version != str(FORMAT_VERSION):
            raise InputError(self.path, f"unsupported project version {version}")

    def record(self) -> ProjectRecord:
        self.check_version()
        header = self.one(self.root, "t:teiHeader")
        record = ProjectRecord()
        for element in header.iterfind("t:fileDesc/t:titleStmt/t:respStmt", NS):
            self.people[element.get(XML_ID, "")] = element.findtext("t:name", "", NS)
        for taxonomy in header.iterfind("t:encodingDesc/t:classDecl/t:taxonomy", NS):
            for element in taxonomy.iter(t("category")):
                self.categories[element.get(XML_ID, "")] = (
                    taxonomy.get(XML_ID),
                    element.get("n", ""),
                )
        for note in header.iterfind("t:fileDesc/t:notesStmt/t:note", NS):
            if note.get("type") == "pivot":
                record.pivot = self.fragment(note, note.get("target", ""))
            elif note.get("type") == "metadata":
                record.metadata[note.get("n", "")] = note.text or ""
        documents = {tei.get(XML_ID): tei for tei in self.root.iterfind("t:TEI", NS)}
        for element in header.iterfind("t:fileDesc/t:sourceDesc/t:listWit/t:witness", NS):
            tei = documents.get(self.fragment(element, element.get("corresp", "")))
            if tei is None:
                raise self.fail(element, "witness without its TEI document")
            record.witnesses.append(self.witness(element, tei))
        for change in header.iterfind("t:revisionDesc/t:change", NS):
            record.log.append(LogEntry(change.get("when", ""), self.who(change), change.text or ""))
        stand_off = self.root.find("t:standOff", NS)
        if stand_off is not None:
            self.stand_off(stand_off, record)
        return record

    def fragment(self, element: etree._Element, pointer: str) -> str:
        if not pointer.startswith("#"):
            raise self.fail(element, f"pointer {pointer!r} is not a local #id")
        return pointer[1:]

    def fragments(self, element: etree._Element, attribute: str) -> list[str]:
        return [self.fragment(element, p) for p in element.get(attribute, "").split()]

    def who(self, element: etree._Element, attribute: str = "who") -> str:
        pointer = element.get(attribute)
        if pointer is None:
            return ""
        name = self.people.get(self.fragment(element, pointer))
        if name is None:
            raise self.fail(element, f"@{attribute} {pointer} names nobody in the header")
        return name

    def category(self, element: etree._Element, pointer: str) -> tuple[str, str]:
        found = self.categories.get(self.fragment(element, pointer))
        if found is None:
            raise self.fail(element, f"{pointer} is not a category of the header")
        return found

    def witness(self, element: etree._Element, tei: etree._Element) -> WitnessRecord:
        header = self.one(tei, "t:teiHeader")
        file_desc = self.one(header, "t:fileDesc")
        record = WitnessRecord(element.get(XML_ID, ""), element.get("n", TRANSLATION))
        record.title = self.one(file_desc, "t:titleStmt/t:title").text or ""
        record.translator = file_desc.findtext("t:titleStmt/t:respStmt/t:name", "", NS)
        idno = self.one(file_desc, "t:sourceDesc").find(".//t:idno", NS)
        record.source = "" if idno is None else idno.text or ""
        for note in file_desc.iterfind("t:notesStmt/t:note[@type='metadata']", NS):
            record.metadata[note.get("n", "")] = note.text or ""
        number = header.find(f".//t:segmentation//t:num[@type='{NEXT_NUMBER}']", NS)
        if number is not None:
            try:
                record.next_number = int(number.get("value", ""))
            except ValueError:
                raise self.fail(number, "the next sentence number is not a number") from None
        record.language = header.findtext("t:profileDesc/t:langUsage/t:language", "", NS)
        self.body(self.one(tei, "t:text/t:body"), record)
        return record

    def body(self, body: etree._Element, record: WitnessRecord) -> None:
        """The witness text is the text of all paragraphs, in order; sentences are located by
        counting characters."""
        parts: list[str] = []
        position = 0

        def take(text: str) -> None:
            nonlocal position
            parts.append(text)
            position += len(text)

        for paragraph in body.iterfind("t:p", NS):
            take(paragraph.text or "")
            for child in paragraph:
                if isinstance(child.tag, str):  # comments and processing instructions: skipped
                    sentence = self.sentence(paragraph, child, position)
                    record.sentences.append(sentence)
                    take(sentence.text)
                take(child.tail or "")
        record.text = "".join(parts)

    def sentence(self, paragraph: etree._Element, element: etree._Element, start: int) -> Sentence:
        if element.tag != t("s") or len(element):
            raise self.fail(element, "paragraphs may hold only sentences of plain text")
        try:
            number = int(paragraph.get("n", ""))
        except ValueError:
            raise self.fail(paragraph, "a paragraph with sentences needs its number n") from None
        text = element.text or ""
        return Sentence(
            element.get(XML_ID, ""),
            text,
            start,
            start + len(text),
            number - 1,
            element.get("type", TEXT),
        )

    def stand_off(self, stand_off: etree._Element, record: ProjectRecord) -> None:
        for group in stand_off.iterfind(f"t:linkGrp[@type='{ALIGNMENT}']", NS):
            for element in group:
                if element.tag == t("ptr") and element.get("type") == EMPTY:
                    record.placeholders[element.get(XML_ID, "")] = self.fragment(
                        element, element.get("target", "")
                    )
                elif element.tag == t("ptr"):
                    record.groups[element.get(XML_ID, "")] = self.fragments(element, "target")
                elif element.tag == t("link"):
                    record.links.append(self.link(element))
        for element in stand_off.iterfind("t:listAnnotation/t:annotation", NS):
            record.annotations.append(self.annotation(element))
        for item in stand_off.iterfind(f"t:list[@type='{DISMISSED}']/t:item", NS):
            record.dismissed.append(item.text or "")

    def link(self, element: etree._Element) -> LinkRecord:
        status = AUTOMATIC
        for pointer in element.get("ana", "").split():
            taxonomy, value = self.category(element, pointer)
            if taxonomy == STATUS_TAXONOMY:
                status = value
        try:
            confidence = float(element.get("cert", "0"))
        except ValueError:
            raise self.fail(
                element, f"confidence {element.get('cert')!r} is not a number"
            ) from None
        return LinkRecord(
            element.sourceline,
            self.fragments(element, "target"),
            status,
            confidence,
            self.who(element, "resp"),
        )

    def annotation(self, element: etree._Element) -> AnnotationRecord:
        targets = element.get("target", "").split()
        targets += [
            p.get("target", "") for p in element.iterfind(f"t:ptr[@type='{COUNTERPART}']", NS)
        ]
        values = {MQM_TAXONOMY: "", SEVERITY_TAXONOMY: ""}
        assessment = element.find(f"t:note[@type='{ASSESSMENT}']", NS)
        for pointer in ("" if assessment is None else assessment.get("ana", "")).split():
            taxonomy, value = self.category(element, pointer)
            values[taxonomy] = value
        changes = {
            c.get("status"): c.get("when", "")
            for c in element.iterfind("t:revisionDesc/t:change", NS)
        }
        return AnnotationRecord(
            line=element.sourceline,
            id=element.get(XML_ID, ""),
            targets=targets,
            category=values[MQM_TAXONOMY],
            severity=values[SEVERITY_TAXONOMY],
            note="" if assessment is None else assessment.text or "",
            author=element.findtext("t:respStmt/t:name", "", NS),
            created=changes.get("created", ""),
            modified=changes.get("modified", ""),
            state=element.findtext(f"t:note[@type='{STATE}']", OPEN, NS),
            origin=element.findtext(f"t:note[@type='{ORIGIN}']", "", NS),
        )


def parse_record(tree: etree._ElementTree, path: Where = None) -> ProjectRecord:
    """Step one: the project file's content as plain records."""
    return _Parser(tree, path).record()


def _witnesses(record: ProjectRecord, path: Where) -> tuple[list[Witness], dict[str, str]]:
    """The witnesses, and the witness of every sentence id."""
    witnesses, owner = [], {}
    for item in record.witnesses:
        try:
            witness = Witness(
                item.id,
                item.language,
                item.role,
                item.title,
                item.translator,
                item.source,
                item.metadata,
                item.text,
                item.sentences,
                item.next_number,
            )
        except ValueError as error:
            raise InputError(path, str(error)) from None
        for sentence in item.sentences:
            if sentence.id in owner:
                raise InputError(path, f"sentence id {sentence.id} is used twice")
            owner[sentence.id] = item.id
        witnesses.append(witness)
    return witnesses, owner


def _rows(record: ProjectRecord, order: list[str], owner: dict[str, str], path: Where) -> list[Row]:
    rows = []
    for link in record.links:
        cells: dict[str, tuple[str, ...]] = dict.fromkeys(order, ())
        for target in link.targets:
            if target in record.placeholders:
                if record.placeholders[target] not in cells:
                    raise _problem(path, link.line, f"{target} stands for no known witness")
                continue
            for sentence_id in record.groups.get(target, [target]):
                if sentence_id not in owner:
                    raise _problem(
                        path, link.line, f"the alignment names no sentence {sentence_id}"
                    )
                cells[owner[sentence_id]] += (sentence_id,)
        rows.append(Row(cells, link.status, link.confidence, link.confirmed_by))
    return rows


def _annotations(record: ProjectRecord, owner: dict[str, str], path: Where) -> list[Annotation]:
    annotations = []
    for item in record.annotations:
        spans = []
        for target in item.targets:
            match = STRING_RANGE.fullmatch(target)
            if match is None:
                raise _problem(
                    path,
                    item.line,
                    f"issue target {target!r} is not #string-range(id,offset,length)",
                )
            sentence_id, offset, length = match.group(1), int(match.group(2)), int(match.group(3))
            if sentence_id not in owner:
                raise _problem(path, item.line, f"issue {item.id} marks no sentence {sentence_id}")
            spans.append(Span(owner[sentence_id], sentence_id, offset, offset + length))
        annotations.append(
            Annotation(
                item.id,
                tuple(spans),
                item.category,
                item.severity,
                item.note,
                item.author,
                item.created,
                item.modified,
                item.state,
                item.origin,
            )
        )
    return annotations


def build_project(record: ProjectRecord, path: Where = None) -> Project:
    """Step two: resolve pointers, build the project and insist that it is sound."""
    witnesses, owner = _witnesses(record, path)
    rows = _rows(record, [w.id for w in witnesses], owner, path)
    annotations = _annotations(record, owner, path)
    project = Project(
        witnesses, rows, annotations, record.metadata, record.pivot, record.dismissed, record.log
    )
    problems = project.check()
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise InputError(path, f"inconsistent project: {problems[0]}{more}")
    return project
