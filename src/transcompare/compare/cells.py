"""A row's cell as plain, hashable data: the sentences one witness has in one row.

Comparisons take cells rather than the project so that their results can be cached by content
(a cell holds the sentence ids and texts, nothing else) and stay valid whatever happens to the
rows around them. Editorial gap marks ("/ ... /") are left out: they are never compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from transcompare.compare.tokens import NUMBER, WORD, Token, tokenize
from transcompare.model import TEXT, Project, Row, Span


@dataclass(frozen=True)
class SentenceText:
    witness: str
    id: str
    text: str


@dataclass(frozen=True)
class Cell:
    """The comparable sentences of one witness in one row, and that witness's language."""

    witness: str
    language: str
    sentences: tuple[SentenceText, ...]
    text: str = field(init=False, repr=False, compare=False)
    """The sentences joined by spaces."""

    def __post_init__(self) -> None:
        """The text, whether there is any, and the hash are worked out at once: every check
        asks for them in every row, and cells key the caches of every comparison."""
        object.__setattr__(self, "text", " ".join(s.text for s in self.sentences))
        filled = any(not s.text.isspace() and s.text for s in self.sentences)
        object.__setattr__(self, "_filled", filled)
        object.__setattr__(self, "_hash", hash((self.witness, self.language, self.sentences)))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined]

    def __bool__(self) -> bool:
        """A cell is false when it has no text (an empty side of the row)."""
        return self._filled  # type: ignore[attr-defined]

    def tokens(self) -> Iterator[tuple[SentenceText, Token]]:
        """Every token of the cell with the sentence it belongs to."""
        for sentence in self.sentences:
            for token in tokenize(sentence.text):
                yield sentence, token

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The words of the cell as written (numbers written in digits included)."""
        return tuple(t.text for _, t in self.tokens() if t.kind in (WORD, NUMBER))

    def whole(self) -> tuple[Span, ...]:
        """One span per sentence, covering it all."""
        return tuple(Span(s.witness, s.id, 0, len(s.text)) for s in self.sentences)


def cell(project: Project, row: Row | int, witness_id: str) -> Cell:
    """The cell of ``witness_id`` in ``row`` (an index or a row)."""
    if isinstance(row, int):
        row = project.rows[row]
    witness = project.witness(witness_id)
    sentences = []
    for sentence_id in row.ids(witness_id):
        sentence = witness.sentence(sentence_id)
        if sentence.kind == TEXT:
            sentences.append(SentenceText(witness_id, sentence_id, sentence.text))
    return Cell(witness_id, language_of(witness.language), tuple(sentences))


def language_of(code: str) -> str:
    """The primary language subtag, lower case (``ru-RU`` → ``ru``)."""
    return code.split("-")[0].split("_")[0].lower()
