"""The names and conventions of TransCompare's TEI profile, shared by its writer and reader.

Changing anything here changes the project file format: bump :data:`FORMAT_VERSION` and teach
the reader the old version. ``EDITORIAL_DECLARATION`` is written into every project file so
that the file documents its own conventions.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from transcompare.formats.xmlwrite import sub

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
FORMAT_VERSION = 1
FORMAT_IDENT = "TransCompareProject"
APPLICATION_IDENT = "TransCompare"

MQM_TAXONOMY, SEVERITY_TAXONOMY, STATUS_TAXONOMY = "mqm", "sev", "alignStatus"
EMPTY = "empty"
"""``ptr/@type`` of a witness's placeholder for empty cells."""
ALIGNMENT = "alignment"
DISMISSED = "dismissed-findings"
ISSUES = "translation-issues"
NEXT_NUMBER = "nextSentenceNumber"
ASSESSMENT, STATE, ORIGIN, COUNTERPART = "assessment", "state", "origin", "counterpart"

STRING_RANGE = re.compile(r"#string-range\(\s*([^,\s)]+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")
_W3C_DATE = re.compile(
    r"(-?\d{4,})-(\d{2})-(\d{2})"
    r"(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?"
    r"(?:Z|[+-](\d{2}):(\d{2}))?"
)

EDITORIAL_DECLARATION = (
    "This is a TransCompare project file (format version {version}). Each witness is one TEI "
    "document whose body paragraphs (p, with n = paragraph number) hold its sentences (s, with "
    'xml:id; s type="gap" marks an editorial elision); the text of all paragraphs in order is '
    "the witness text exactly, and whitespace between paragraphs is layout only.",
    'Alignment: one N-way linkGrp type="alignment". Each row of the side-by-side view is a '
    "link whose target has one pointer per witness, in listWit order: a sentence, an "
    "intermediate ptr (xml:id) listing several consecutive sentences, or, for an empty cell "
    "(1:0 and 0:1 rows, and rows with every cell empty), the witness's placeholder "
    'ptr type="empty", which points at the witness in listWit. A project with a single witness '
    "pads each link with that witness's placeholder so that every link has two targets. "
    "@ana points into the alignStatus taxonomy, @cert is the aligner's confidence as a "
    "decimal in [0, 1], @resp names who confirmed the row.",
    "Issues: listAnnotation/annotation; @target is the first marked span as "
    "#string-range(sentence id, offset, length) counted in characters of the sentence text, "
    'and ptr type="counterpart" gives further spans (e.g. the original wording). The note '
    'type="assessment" points into the mqm and sev taxonomies with @ana and holds the comment; '
    'note type="state" is open or resolved; note type="origin" says where the issue came '
    "from (qa:CHECK, import:FORMAT). Dismissed automatic findings are the items of "
    'list type="dismissed-findings".',
)


def t(name: str) -> str:
    """The qualified name of a TEI element."""
    return f"{{{TEI_NS}}}{name}"


def add(
    parent: etree._Element, name: str, text: str | None = None, **attributes: str | None
) -> etree._Element:
    """A TEI child element (see :func:`xmlwrite.sub`)."""
    return sub(parent, t(name), text, **attributes)


def is_w3c_date(value: str) -> bool:
    """True if ``value`` is an XML Schema date or dateTime (what ``@when`` accepts)."""
    match = _W3C_DATE.fullmatch(value)
    if not match:
        return False
    year, month, day, hour, minute, second, tz_hour, tz_minute = match.groups()
    if int(year) == 0:
        return False
    try:
        date(max(1, min(int(year), 9999)), int(month), int(day))
    except ValueError:
        return False
    return (
        int(hour or 0) < 24
        and int(minute or 0) < 60
        and int(second or 0) < 60
        and int(tz_hour or 0) <= 14
        and int(tz_minute or 0) < 60
    )
