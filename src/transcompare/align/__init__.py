"""Sentence alignment: beads of source and target sentences, with a confidence for each.

``align_texts`` aligns two lists of sentences, ``align_project`` every witness of a project
through its pivot (keeping confirmed rows), ``realign_stretch`` a run of rows. All three are
tasks (generators yielding progress); drive them with :func:`transcompare.progress.run`.
Nothing is loaded at import: the embedding model loads on first use.
"""

from __future__ import annotations

from transcompare.align.config import AlignConfig
from transcompare.align.multi import align_project, realign_stretch
from transcompare.align.problem import Alignment
from transcompare.align.texts import align_texts

__all__ = ["AlignConfig", "Alignment", "align_project", "align_texts", "realign_stretch"]
