"""TSV export: one line per row, a column per witness, then status and confidence.

The first line names the columns (``row``, the witness ids, ``status``, ``confidence``). A
cell's sentences are joined by a space. Tabs, line breaks and backslashes inside text are
escaped as ``\\t``, ``\\n``, ``\\r`` and ``\\\\`` so every row stays on one line.
"""

from __future__ import annotations

import os

from transcompare.formats.storage import atomic_write
from transcompare.model import Project

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def tsv_text(project: Project) -> str:
    lines = ["\t".join(["row", *project.witness_ids, "status", "confidence"])]
    for number, row in enumerate(project.rows, start=1):
        cells = [escape(project.cell_text(row, w)) for w in project.witness_ids]
        lines.append("\t".join([str(number), *cells, row.status, repr(float(row.confidence))]))
    return "\n".join(lines) + "\n"


def write_tsv(project: Project, out: str | os.PathLike[str]) -> None:
    atomic_write(out, tsv_text(project).encode("utf-8"))
