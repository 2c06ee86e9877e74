"""Inputs built by hand for tests: witnesses and projects from lists of paragraphs of sentences,
and the labelled header that archive downloads put in front of a text."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence

from transcompare.model import TRANSLATION, Project, Sentence, Witness, one_to_one_rows

ARCHIVE_HEADER = ["Citation:", "c", "Summary:", "s", "Contents:", "Translation - English"]
"""An archive header as paragraphs: label lines, each followed by its value."""
ARCHIVE_METADATA = {"citation": "c", "summary": "s", "contents": "Translation - English"}
"""The metadata read from :data:`ARCHIVE_HEADER`."""


def make_witness(
    witness_id: str, language: str, paragraphs: Sequence[Sequence[str]], role: str = TRANSLATION
) -> Witness:
    """A witness whose paragraphs are the given sentences joined by spaces."""
    witness = Witness(witness_id, language, role=role)
    parts: list[str] = []
    sentences: list[Sentence] = []
    position = 0
    for number, paragraph in enumerate(paragraphs):
        if number:
            parts.append("\n\n")
            position += 2
        for index, text in enumerate(paragraph):
            if index:
                parts.append(" ")
                position += 1
            sentences.append(
                Sentence(witness.new_sentence_id(), text, position, position + len(text), number)
            )
            parts.append(text)
            position += len(text)
    witness.text = "".join(parts)
    witness.sentences = sentences
    return witness


def make_project(sentences: Mapping[str, Sequence[str]]) -> Project:
    """One witness per key (its language is the id's first two letters), aligned 1:1."""
    witnesses = [make_witness(w, w[:2], [texts]) for w, texts in sentences.items()]
    project = Project(witnesses)
    project.set_rows(one_to_one_rows(project))
    return project


def project_state(project: Project) -> tuple:
    """Everything an edit may change, deep-copied, for before/after comparisons (the change
    log by what was done, without the time)."""
    witnesses = [(w.sentences, w.next_number, w.title, w.metadata) for w in project.witnesses]
    log = [(entry.who, entry.what) for entry in project.log]
    return copy.deepcopy(
        (project.rows, witnesses, project.annotations, project.dismissed, project.metadata, log)
    )
