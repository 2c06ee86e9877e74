"""The project file: a TEI P5 ``teiCorpus`` that holds everything in a :class:`Project`.

Layout (the archival profile; the ``editorialDecl`` of every file states these rules too):

* ``teiHeader``: project metadata and the pivot (``notesStmt/note``), the people named by
  ``@resp``/``@who`` (``titleStmt/respStmt``), ``listWit`` of all witnesses (``@n`` = role,
  ``@corresp`` = the witness's ``TEI``), the format version (``appInfo/application
  ident="TransCompareProject"``), the taxonomies ``mqm``, ``sev`` and ``alignStatus``
  (``classDecl``) and the change log (``revisionDesc/change`` with ``@when`` and ``@who``).
* ``standOff``, before the ``TEI`` children: one N-way ``linkGrp type="alignment"`` where each
  row is a ``link`` with one pointer per witness in ``listWit`` order — a sentence id, an
  intermediate ``ptr`` for several sentences, or the witness's ``ptr type="empty"`` placeholder
  for an empty cell (the 1:0 / 0:1 convention; a one-witness project pads every link with its
  placeholder so links keep two targets); ``@ana`` status, ``@cert`` confidence (the float's
  shortest exact decimal), ``@resp`` who confirmed. Then ``listAnnotation`` of issues
  (``#string-range`` targets, ``note type="assessment"`` with ``@ana`` into ``mqm`` and ``sev``,
  ``note type="state"``, ``note type="origin"``, ``ptr type="counterpart"``, ``respStmt`` and
  ``revisionDesc`` for author and dates) and ``list type="dismissed-findings"``.
* One ``TEI`` per witness: its header (title; translator as ``respStmt``; source as
  ``msDesc/msIdentifier/idno`` for an original, ``bibl/idno`` otherwise; metadata notes; the
  next sentence number in ``segmentation``; ``langUsage``) and a body of ``<p n>`` holding
  ``<s xml:id>`` (``type="gap"`` for elision marks). The text of all ``<p>`` in order is the
  witness text exactly; whitespace between ``<p>`` elements is layout.

Reading checks the format version, parses into plain records (:mod:`tei_reader`), builds the
project and requires ``Project.check`` to pass; every problem is an InputError naming the file.
"""

from __future__ import annotations

import os

from transcompare.compare.bulk import collection_paused
from transcompare.formats.storage import atomic_write
from transcompare.formats.tei_reader import build_project, parse_record
from transcompare.formats.tei_writer import project_to_xml
from transcompare.formats.xmlsafe import parse_xml_bytes, parse_xml_file
from transcompare.model import Project

__all__ = ["project_from_xml", "project_to_xml", "read_project", "write_project"]


def write_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Save atomically, keeping the previous version as ``NAME.bak``; a project that cannot be
    written raises before the file is touched."""
    atomic_write(path, project_to_xml(project), backup=True)


def project_from_xml(data: bytes, path: str | os.PathLike[str] | None = None) -> Project:
    """Read a project from bytes; ``path`` only names the source in error messages."""
    with collection_paused():  # a whole document's objects, and no cycles among them
        return build_project(parse_record(parse_xml_bytes(data, path), path), path)


def read_project(path: str | os.PathLike[str]) -> Project:
    """Load a project file; any problem is an InputError naming the file."""
    with collection_paused():
        return build_project(parse_record(parse_xml_file(path), path), path)
