"""Project → TEI tree (the archival profile described in :mod:`transcompare.formats.tei`).

The writer refuses a project it could not read back (inconsistent rows, ids that clash,
characters XML cannot hold, timestamps that are not ISO 8601) with
:class:`~transcompare.formats.xmlwrite.UnwritableProject`, before anything is written.
Generated ids (documents, people, intermediate pointers, categories) never depend on anything
but the project, so saving the same project twice gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from lxml import etree

from transcompare import __version__, mqm
from transcompare.formats import xmlwrite
from transcompare.formats.tei_profile import (
    ALIGNMENT,
    APPLICATION_IDENT,
    ASSESSMENT,
    COUNTERPART,
    DISMISSED,
    EDITORIAL_DECLARATION,
    EMPTY,
    FORMAT_IDENT,
    FORMAT_VERSION,
    ISSUES,
    MQM_TAXONOMY,
    NEXT_NUMBER,
    ORIGIN,
    SEVERITY_TAXONOMY,
    STATE,
    STATUS_TAXONOMY,
    TEI_NS,
    add,
    is_w3c_date,
    t,
)
from transcompare.formats.xmlwrite import UnwritableProject
from transcompare.model import (
    AUTOMATIC,
    CONFIRMED,
    ORIGINAL,
    SEVERITIES,
    TEXT,
    Annotation,
    Project,
    Sentence,
    Witness,
    is_ncname,
)

SentenceAttributes = Callable[[Sentence], Mapping[str, str]]


def _when(value: str, where: str) -> str | None:
    if not value:
        return None
    if not is_w3c_date(value):
        raise UnwritableProject(f"{where}: {value!r} is not an ISO 8601 date and time")
    return value


def _pointers(ids: Iterable[str]) -> str:
    return " ".join(f"#{i}" for i in ids)


class _Taxonomy:
    """A classDecl taxonomy: the known values plus any others the project uses."""

    def __init__(self, name: str, ids: xmlwrite.IdAllocator) -> None:
        self.name, self._ids = name, ids
        self.refs: dict[str, str] = {}
        self.element = etree.Element(t("taxonomy"))
        self.element.set(xmlwrite.XML_ID, name)

    def add(self, value: str, label: str, parent: etree._Element | None = None) -> etree._Element:
        xml_id = self._ids.fresh(f"{self.name}.{value.replace('/', '.')}")
        self.refs[value] = xml_id
        category = add(
            self.element if parent is None else parent, "category", xml_id=xml_id, n=value
        )
        add(category, "catDesc", label)
        return category

    def ref(self, value: str) -> str:
        if value not in self.refs:
            self.add(value, value)
        return "#" + self.refs[value]


def _taken_ids(project: Project) -> list[str]:
    """The ids the project itself brings; they must be distinct XML names."""
    problems = project.check()
    if problems:
        raise UnwritableProject(f"the project is inconsistent: {problems[0]}")
    taken = [w.id for w in project.witnesses]
    taken += [s.id for w in project.witnesses for s in w.sentences]
    taken += [a.id for a in project.annotations]
    if len(set(taken)) != len(taken):
        raise UnwritableProject("witnesses, sentences and issues must have distinct ids")
    for xml_id in taken:
        if not is_ncname(xml_id):
            raise UnwritableProject(f"id {xml_id!r} is not an XML name")
    return taken


class _Writer:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.ids = xmlwrite.IdAllocator(_taken_ids(project))
        self.documents = {w.id: self.ids.fresh(f"doc-{w.id}") for w in project.witnesses}
        names = {e.who for e in project.log} | {r.confirmed_by for r in project.rows}
        names |= {a.author for a in project.annotations}
        self.people = {
            name: self.ids.fresh(f"ed{n}") for n, name in enumerate(sorted(names - {""}), start=1)
        }
        self.mqm = _Taxonomy(MQM_TAXONOMY, self.ids)
        for dimension in mqm.TYPOLOGY:
            parent = self.mqm.add(dimension.id, dimension.label)
            for category in dimension.subtypes:
                self.mqm.add(category.id, category.label, parent)
        self.severity = _Taxonomy(SEVERITY_TAXONOMY, self.ids)
        for severity in SEVERITIES:
            self.severity.add(severity, mqm.SEVERITY_LABELS[severity])
        self.status = _Taxonomy(STATUS_TAXONOMY, self.ids)
        self.status.add(AUTOMATIC, "Aligned automatically")
        self.status.add(CONFIRMED, "Confirmed by a person")

    def person(self, name: str) -> str | None:
        return "#" + self.people[name] if name else None

    def build(self) -> etree._Element:
        root = etree.Element(t("teiCorpus"), nsmap={None: TEI_NS})
        stand_off = self.stand_off()  # first, so that the taxonomies know every value used
        root.append(self.corpus_header())
        if len(stand_off):
            root.append(stand_off)
        for witness in self.project.witnesses:
            root.append(witness_document(witness, self.documents[witness.id]))
        return root

    def corpus_header(self) -> etree._Element:
        project = self.project
        header = etree.Element(t("teiHeader"))
        file_desc = add(header, "fileDesc")
        title_stmt = add(file_desc, "titleStmt")
        add(title_stmt, "title", project.metadata.get("title") or "TransCompare project")
        for name, xml_id in self.people.items():
            resp_stmt = add(title_stmt, "respStmt", xml_id=xml_id)
            add(resp_stmt, "resp", "editor")
            add(resp_stmt, "name", name)
        add(add(file_desc, "publicationStmt"), "p", "Working file of TransCompare.")
        notes = etree.Element(t("notesStmt"))
        if project.pivot:
            add(notes, "note", type="pivot", target="#" + project.pivot)
        _metadata_notes(notes, project.metadata)
        if len(notes):
            file_desc.append(notes)
        add_witness_list(file_desc, project.witnesses, self.documents, with_roles=True)
        encoding = add(header, "encodingDesc")
        app_info = add(encoding, "appInfo")
        version = re.match(r"\d+(\.\d+){0,3}", __version__)
        program = add(
            app_info,
            "application",
            ident=APPLICATION_IDENT,
            version=version.group() if version else "0",
        )
        add(program, "label", "TransCompare")
        file_format = add(app_info, "application", ident=FORMAT_IDENT, version=str(FORMAT_VERSION))
        add(file_format, "label", "TransCompare project format")
        editorial = add(encoding, "editorialDecl")
        for paragraph in EDITORIAL_DECLARATION:
            add(editorial, "p", paragraph.format(version=FORMAT_VERSION))
        class_decl = add(encoding, "classDecl")
        for taxonomy in (self.mqm, self.severity, self.status):
            class_decl.append(taxonomy.element)
        if project.log:
            revisions = add(header, "revisionDesc")
            for number, entry in enumerate(project.log, start=1):
                where = f"change {number}"
                xmlwrite.check_xml_text(where, entry.what, entry.who)
                add(
                    revisions,
                    "change",
                    entry.what,
                    when=_when(entry.when, where),
                    who=self.person(entry.who),
                )
        return header

    def stand_off(self) -> etree._Element:
        project = self.project
        stand_off = etree.Element(t("standOff"))
        if project.rows:
            stand_off.append(self.alignment())
        if project.annotations:
            issues = add(stand_off, "listAnnotation", type=ISSUES)
            for annotation in project.annotations:
                issues.append(self.annotation(annotation))
        if project.dismissed:
            dismissed = add(stand_off, "list", type=DISMISSED)
            for key in sorted(project.dismissed):
                xmlwrite.check_xml_text("a dismissed finding", key)
                add(dismissed, "item", key)
        return stand_off

    def alignment(self) -> etree._Element:
        project = self.project
        group = etree.Element(t("linkGrp"), type=ALIGNMENT)
        empty = {}
        for witness in project.witnesses:
            empty[witness.id] = self.ids.fresh(f"empty.{witness.id}")
            add(group, "ptr", xml_id=empty[witness.id], type=EMPTY, target="#" + witness.id)
        for number, row in enumerate(project.rows, start=1):
            targets = []
            for witness_id in project.witness_ids:
                ids = row.ids(witness_id)
                if len(ids) > 1:
                    ptr_id = self.ids.fresh(f"r{number}.{witness_id}")
                    add(group, "ptr", xml_id=ptr_id, target=_pointers(ids))
                    ids = (ptr_id,)
                targets.append(ids[0] if ids else empty[witness_id])
            if len(targets) == 1:
                targets.append(empty[project.witness_ids[0]])
            xmlwrite.check_xml_text(f"row {number}", row.status, row.confirmed_by)
            add(
                group,
                "link",
                target=_pointers(targets),
                ana=self.status.ref(row.status),
                cert=repr(float(row.confidence)),
                resp=self.person(row.confirmed_by),
            )
        return group

    def annotation(self, annotation: Annotation) -> etree._Element:
        where = f"issue {annotation.id}"
        if not annotation.spans:
            raise UnwritableProject(f"{where} marks no text")
        xmlwrite.check_xml_text(
            where, annotation.note, annotation.author, annotation.state, annotation.origin
        )
        ranges = [
            f"#string-range({s.sentence},{s.start},{s.end - s.start})" for s in annotation.spans
        ]
        element = etree.Element(t("annotation"), motivation="assessing", target=ranges[0])
        element.set(xmlwrite.XML_ID, annotation.id)
        if annotation.author:
            resp_stmt = add(element, "respStmt")
            add(resp_stmt, "resp", "annotator")
            add(resp_stmt, "name", annotation.author)
        changes = [
            (status, when)
            for status, when in (("created", annotation.created), ("modified", annotation.modified))
            if when
        ]
        if changes:
            revisions = add(element, "revisionDesc")
            for status, when in changes:
                who = self.person(annotation.author) if status == "created" else None
                add(revisions, "change", when=_when(when, where), status=status, who=who)
        ana = []
        if annotation.category:
            ana.append(self.mqm.ref(annotation.category))
        if annotation.severity:
            ana.append(self.severity.ref(annotation.severity))
        add(element, "note", annotation.note, type=ASSESSMENT, ana=" ".join(ana) or None)
        add(element, "note", annotation.state, type=STATE)
        if annotation.origin:
            add(element, "note", annotation.origin, type=ORIGIN)
        for counterpart in ranges[1:]:
            add(element, "ptr", type=COUNTERPART, target=counterpart)
        return element


def _metadata_notes(parent: etree._Element, metadata: Mapping[str, str]) -> None:
    for key, value in metadata.items():
        xmlwrite.check_xml_text(f"metadata {key!r}", key, value)
        add(parent, "note", value, type="metadata", n=key)


def add_witness_list(
    file_desc: etree._Element,
    witnesses: Iterable[Witness],
    documents: Mapping[str, str],
    with_roles: bool,
) -> None:
    """The ``sourceDesc/listWit`` naming each witness and pointing to its document (by id in
    ``documents``); the project file also keeps each witness's role (``@n``) so it reads back."""
    list_wit = add(add(file_desc, "sourceDesc"), "listWit")
    for witness in witnesses:
        add(
            list_wit,
            "witness",
            witness.title or witness.id,
            xml_id=witness.id,
            n=witness.role if with_roles else None,
            corresp="#" + documents[witness.id],
        )


def witness_document(
    witness: Witness, document_id: str, sentence_attributes: SentenceAttributes | None = None
) -> etree._Element:
    """One witness as a ``TEI`` element: its header and its text as paragraphs of sentences.
    ``sentence_attributes`` adds attributes to each ``<s>`` (the publication's ``@corresp``)."""
    xmlwrite.check_xml_text(f"the text of {witness.id}", witness.text)
    xmlwrite.check_xml_text(
        f"the description of {witness.id}",
        witness.title,
        witness.translator,
        witness.source,
        witness.language,
        witness.role,
    )
    tei = etree.Element(t("TEI"))
    tei.set(xmlwrite.XML_ID, document_id)
    if xmlwrite.is_language_tag(witness.language):
        tei.set(xmlwrite.XML_LANG, witness.language)
    header = add(tei, "teiHeader")
    file_desc = add(header, "fileDesc")
    title_stmt = add(file_desc, "titleStmt")
    add(title_stmt, "title", witness.title)
    if witness.translator:
        resp_stmt = add(title_stmt, "respStmt")
        add(resp_stmt, "resp", "translator")
        add(resp_stmt, "name", witness.translator)
    add(add(file_desc, "publicationStmt"), "p", f"Version {witness.id} of the document.")
    if witness.metadata:
        _metadata_notes(add(file_desc, "notesStmt"), witness.metadata)
    source_desc = add(file_desc, "sourceDesc")
    if witness.role == ORIGINAL:
        holder = add(add(source_desc, "msDesc"), "msIdentifier")
    else:
        holder = add(source_desc, "bibl")
    add(holder, "idno", witness.source)
    segmentation = add(add(add(header, "encodingDesc"), "editorialDecl"), "segmentation")
    declaration = add(
        segmentation, "p", "Sentences are marked with s; new sentence ids continue from number "
    )
    number = str(witness.next_number)
    add(declaration, "num", number, type=NEXT_NUMBER, value=number).tail = "."
    code = witness.language if xmlwrite.is_language_tag(witness.language) else "und"
    add(
        add(add(header, "profileDesc"), "langUsage"),
        "language",
        witness.language,
        ident=code if witness.language else "",
    )
    _witness_body(add(add(tei, "text"), "body"), witness, sentence_attributes)
    return tei


def _paragraphs(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Runs of consecutive sentences that share a paragraph number."""
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][0].paragraph == sentence.paragraph:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _witness_body(
    body: etree._Element, witness: Witness, sentence_attributes: SentenceAttributes | None
) -> None:
    """Cut the witness text into ``<p>`` elements at the first sentence of each paragraph, so
    the text between paragraphs stays inside the paragraph before it."""
    text = witness.text
    groups = _paragraphs(witness.sentences)
    if not groups:
        add(body, "p", text)
        return
    starts = [0] + [group[0].start for group in groups[1:]] + [len(text)]
    for number, group in enumerate(groups):
        paragraph = add(body, "p", n=str(group[0].paragraph + 1))
        position, last = starts[number], None
        for sentence in group:
            if sentence.start < position:
                raise UnwritableProject(f"{sentence.id}: sentences overlap or are out of order")
            between = text[position : sentence.start]
            if last is None:
                paragraph.text = between
            else:
                last.tail = between
            extra = dict(sentence_attributes(sentence)) if sentence_attributes else {}
            kind = sentence.kind if sentence.kind != TEXT else None
            last = add(paragraph, "s", sentence.text, xml_id=sentence.id, type=kind, **extra)
            position = sentence.end
        last.tail = text[position : starts[number + 1]]


def serialize_tei(root: etree._Element) -> bytes:
    """Indent a TEI tree (never inside paragraphs or blocks of text) and serialise it."""
    xmlwrite.indent(root, keep={t("p"), t("ab")})
    return xmlwrite.serialize(root)


def project_to_xml(project: Project) -> bytes:
    """The project file's bytes; the same project always gives the same bytes."""
    return serialize_tei(_Writer(project).build())
