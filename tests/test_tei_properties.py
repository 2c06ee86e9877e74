"""Property tests of the project file: random projects (Cyrillic, XML-special characters, odd
whitespace, text outside sentences, empty cells, issues, dismissed findings, a change log)
survive save → load unchanged in every field, save → load → save gives the same bytes, and
every file written is valid TEI."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tei_checks import project_state, schema_errors, tei_schema  # noqa: F401
from transcompare.formats.tei import project_from_xml, project_to_xml
from transcompare.model import (
    AUTOMATIC,
    CONFIRMED,
    GAP,
    OPEN,
    ORIGINAL,
    RESOLVED,
    SEVERITIES,
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

_XML_CHARACTERS = st.characters(
    min_codepoint=0x20, exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"
)
_SPECIAL = st.sampled_from(list("абвгдеёжЖЯ &<>\"']]>\t\n\r  «»—…"))
text = st.text(st.one_of(_SPECIAL, _XML_CHARACTERS), max_size=12)
space = st.lists(st.sampled_from([" ", "\n", "\r\n", "\t", "\u00a0", "\n\n"]), max_size=3).map(
    "".join
)
timestamp = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.isoformat(timespec="seconds"))
maybe_timestamp = st.one_of(st.just(""), timestamp)


@st.composite
def witnesses(draw, witness_id: str) -> Witness:
    paragraphs = draw(st.lists(st.lists(st.tuples(text, st.booleans()), max_size=4), max_size=4))
    count = sum(map(len, paragraphs))
    next_number = count + 1 + draw(st.integers(0, 5))
    numbers = draw(st.permutations(range(1, next_number)))[:count]
    parts, sentences, position = [], [], 0
    paragraph_number = draw(st.integers(0, 2))

    def take(piece: str) -> None:
        nonlocal position
        parts.append(piece)
        position += len(piece)

    take(draw(st.one_of(space, text)))
    for paragraph in paragraphs:
        for index, (sentence_text, gap) in enumerate(paragraph):
            if index:
                take(draw(st.one_of(space, text)))
            number = numbers[len(sentences)]
            sentences.append(
                Sentence(
                    f"{witness_id}.s{number}",
                    sentence_text,
                    position,
                    position + len(sentence_text),
                    paragraph_number,
                    GAP if gap else TEXT,
                )
            )
            take(sentence_text)
        take(draw(st.one_of(space, text)))
        paragraph_number += draw(st.integers(1, 2))
    return Witness(
        witness_id,
        draw(st.sampled_from(["ru", "en", "en-GB", "", "Russian!", "рус"])),
        draw(st.sampled_from([ORIGINAL, TRANSLATION, "reference"])),
        draw(text),
        draw(text),
        draw(text),
        draw(st.dictionaries(text, text, max_size=3)),
        "".join(parts),
        sentences,
        next_number,
    )


@st.composite
def rows(draw, all_witnesses: list[Witness]) -> list[Row]:
    """Each witness's sentences cut into the same number of consecutive (maybe empty) runs."""
    total = sum(len(w.sentences) for w in all_witnesses)
    count = draw(st.integers(1 if total else 0, total + 2))
    if not count:
        return []
    cells: dict[str, list[tuple[str, ...]]] = {}
    for witness in all_witnesses:
        ids = [s.id for s in witness.sentences]
        cuts = sorted(
            draw(st.lists(st.integers(0, len(ids)), min_size=count - 1, max_size=count - 1))
        )
        bounds = [0, *cuts, len(ids)]
        cells[witness.id] = [tuple(ids[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    result = []
    for index in range(count):
        status = draw(st.sampled_from([AUTOMATIC, CONFIRMED]))
        result.append(
            Row(
                {w.id: cells[w.id][index] for w in all_witnesses},
                status,
                draw(st.floats(0, 1)),
                draw(text) if status == CONFIRMED else "",
            )
        )
    return result


@st.composite
def annotations(draw, all_witnesses: list[Witness]) -> list[Annotation]:
    sentences = [(w.id, s) for w in all_witnesses for s in w.sentences]
    if not sentences:
        return []
    result = []
    for number in range(draw(st.integers(0, 3))):
        spans = []
        for witness_id, sentence in draw(
            st.lists(st.sampled_from(sentences), min_size=1, max_size=3)
        ):
            start = draw(st.integers(0, len(sentence.text)))
            end = draw(st.integers(start, len(sentence.text)))
            spans.append(Span(witness_id, sentence.id, start, end))
        result.append(
            Annotation(
                f"ann{number + 1}",
                tuple(spans),
                draw(st.sampled_from(["accuracy/omission", "style", "", "custom/thing", "x y"])),
                draw(st.sampled_from([*SEVERITIES, ""])),
                draw(text),
                draw(text),
                draw(maybe_timestamp),
                draw(maybe_timestamp),
                draw(st.sampled_from([OPEN, RESOLVED])),
                draw(st.sampled_from(["", "qa:numbers", "import:wmt-mqm"])),
            )
        )
    return result


@st.composite
def projects(draw) -> Project:
    ids = draw(
        st.lists(
            st.sampled_from(["ru", "en-a", "en-b", "de_1"]), min_size=1, max_size=3, unique=True
        )
    )
    all_witnesses = [draw(witnesses(witness_id)) for witness_id in ids]
    return Project(
        all_witnesses,
        draw(rows(all_witnesses)),
        draw(annotations(all_witnesses)),
        draw(st.dictionaries(text, text, max_size=3)),
        draw(st.sampled_from(ids)),
        draw(st.sets(text, max_size=3)),
        draw(st.lists(st.builds(LogEntry, timestamp, text, text), max_size=3)),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_random_projects_round_trip_exactly(project):
    assert project.check() == []
    data = project_to_xml(project)
    loaded = project_from_xml(data)
    assert project_state(loaded) == project_state(project)
    assert project_to_xml(loaded) == data


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(projects())
def test_random_projects_are_valid_tei(tei_schema, project):  # noqa: F811
    assert schema_errors(project_to_xml(project)) == []
