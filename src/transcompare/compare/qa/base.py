"""What every QA check shares: the finding record, the settings, and a context that reads the
project once for all checks.

A finding's ``key`` identifies it across re-alignment, save and load: it is made from the
check, the spans (witness, sentence id, offsets) and the message, never from the row index.
Messages therefore say nothing that changes when other rows change (no row numbers, no
document-wide statistics), so a dismissed finding stays dismissed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from transcompare.compare.cells import Cell, cell, language_of
from transcompare.compare.crosslingual import Matcher, MatchSettings
from transcompare.model import TEXT, Project, Sentence, Span

NEUTRAL, MINOR, MAJOR, CRITICAL = "neutral", "minor", "major", "critical"

Place = tuple[str, str, int, int]
"""Where a word is: witness, sentence, start and end, the fields of a :class:`Span` as a plain
tuple. What a part of the rows gathers for a report is sent from the process that gathered it:
plain tuples go and come back several times as fast as records."""


@dataclass(frozen=True)
class Finding:
    """One problem a check found: where (``targets``), how bad, and what."""

    check: str
    severity: str
    message: str
    row: int
    targets: tuple[Span, ...]
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", finding_key(self.check, self.targets, self.message))


def finding_key(check: str, targets: tuple[Span, ...], message: str) -> str:
    """A stable identity: ``check:hash`` of the spans and the normalised message."""
    spans = ";".join(
        f"{s.witness}/{s.sentence}/{s.start}-{s.end}" for s in sorted(targets, key=place)
    )
    text = re.sub(r"\s+", " ", message).strip().casefold()
    digest = hashlib.sha1(f"{check}\x1f{spans}\x1f{text}".encode()).hexdigest()[:16]
    return f"{check}:{digest}"


def place(span: Span) -> Place:
    """A span's fields as a plain tuple, in the order spans are sorted by."""
    return span.witness, span.sentence, span.start, span.end


@dataclass(frozen=True)
class GlossaryTerm:
    """A required rendering (``source`` → ``target``), or a forbidden ``target`` (everywhere
    when ``source`` is empty)."""

    source: str
    target: str
    forbidden: bool = False


@dataclass(frozen=True)
class UserRule:
    """When ``source`` (a regular expression; empty = always) matches a source sentence, the
    target cell must match ``target`` — or must not, when ``forbid``."""

    source: str
    target: str
    forbid: bool = False
    severity: str = MINOR
    message: str = ""


@dataclass(frozen=True)
class QAConfig:
    checks: frozenset[str] | None = None
    """Check ids to run (``None``: all)."""
    include_dismissed: bool = False
    glossary: tuple[GlossaryTerm, ...] = ()
    rules: tuple[UserRule, ...] = ()
    length_factor: float = 2.0
    """A target this many times shorter or longer than the text's usual ratio is suspect."""
    min_length: int = 30
    """Cells shorter than this (characters, the longer side) are not judged by length."""
    max_cell_sentences: int = 2
    empty_run: int = 3
    low_confidence: float = 0.3
    divergence: float = 0.5
    """Two translations whose word diff scores at least this are reported as diverging."""
    term_min_rows: int = 3
    use_embeddings: bool = True
    """Let word embeddings find renderings of terms (slower: loads the embedding model)."""
    use_dictionary: bool = True
    """Let an installed English–Russian dictionary find renderings of terms."""


DEFAULTS = QAConfig()


class Context:
    """The project as the checks read it, with cells and pairings worked out once.

    A context may cover some of the rows only (``rows``): the checks then look at those rows
    and no others, so that parts of a long document can be checked in separate processes.
    """

    def __init__(self, project: Project, config: QAConfig, rows: range | None = None) -> None:
        self.project = project
        self.config = config
        self.pivot = project.pivot
        self.rows = range(len(project.rows)) if rows is None else rows
        self._cells: dict[str, list[Cell]] = {}

    def part(self, rows: range) -> Context:
        """A context over some of this one's rows, with their cells taken from this one's (the
        whole-document checks need them all anyway: they are made once)."""
        part = Context(self.project, self.config, rows)
        start, end = rows.start - self.rows.start, rows.stop - self.rows.start
        part._cells = {w: self.cells(w)[start:end] for w in self.project.witness_ids}
        return part

    def cell(self, row: int, witness: str) -> Cell:
        return self.cells(witness)[row - self.rows.start]

    def cells(self, witness: str) -> list[Cell]:
        """The cell of one witness in each of the context's rows, made once for all checks."""
        found = self._cells.get(witness)
        if found is None:
            rows = self.project.rows
            found = self._cells[witness] = [cell(self.project, rows[r], witness) for r in self.rows]
        return found

    @cached_property
    def matcher(self) -> Matcher:
        """Word correspondence across languages, with the evidence the config allows."""
        settings = MatchSettings(
            use_embeddings=self.config.use_embeddings, use_dictionary=self.config.use_dictionary
        )
        return Matcher(settings)

    def language(self, witness: str) -> str:
        return self._languages[witness]

    @cached_property
    def _languages(self) -> dict[str, str]:
        return {w.id: language_of(w.language) for w in self.project.witnesses}

    def pairs(self) -> list[tuple[str, str]]:
        """The pivot (the original, normally) with each other witness."""
        return [(self.pivot, w) for w in self.project.witness_ids if w != self.pivot]

    def filled_rows(self, first: str, second: str) -> Iterator[tuple[int, Cell, Cell]]:
        """Each row where both witnesses have text, with their two cells (rows where one side
        is empty are the omission check's)."""
        for row, a, b in zip(self.rows, self.cells(first), self.cells(second), strict=True):
            if a and b:
                yield row, a, b

    def same_language_pairs(self) -> list[tuple[str, str]]:
        """Every two witnesses in one language (two translations, or a text and its revision)."""
        ids = self.project.witness_ids
        return [
            (a, b)
            for i, a in enumerate(ids)
            for b in ids[i + 1 :]
            if self.language(a) == self.language(b)
        ]

    def sentences(self) -> list[tuple[int, str, Sentence]]:
        """Every comparable sentence of every witness in the context's rows, with its row
        index."""
        return self._sentences

    @cached_property
    def _sentences(self) -> list[tuple[int, str, Sentence]]:
        found = []
        for witness in self.project.witnesses:
            for sentence in witness.sentences:
                if sentence.kind == TEXT:
                    row = self.project.row_of(witness.id, sentence.id)
                    if row in self.rows:
                        found.append((row, witness.id, sentence))
        return sorted(found, key=lambda item: item[0])


def span(witness: str, sentence: Sentence, start: int = 0, end: int | None = None) -> Span:
    """A span of a sentence (the whole sentence by default)."""
    return Span(witness, sentence.id, start, len(sentence.text) if end is None else end)
