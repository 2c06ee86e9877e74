"""The archive layout: a labelled metadata header in front of the text."""

from __future__ import annotations

import pytest

from tests.builders import ARCHIVE_HEADER
from transcompare.importers.archive import split_archive_header


def test_header_becomes_metadata_and_the_body_follows_contents() -> None:
    paragraphs = [
        "October 18, 1962",
        "From the cable",
        "Citation:",
        '"From the cable", October 18, 1962, Wilson Center Digital Archive',
        "Summary:",
        "First part.",
        "Second part.",
        "Credits:",
        "Leon Levy Foundation",
        "Original Language:",
        "Russian",
        "Contents:",
        "Translation - English",
        "Original Scan",
        "FROM THE CABLE",
        "October 18, 1962",
        "Text.",
    ]
    metadata, body = split_archive_header(paragraphs)
    assert metadata == {
        "date": "October 18, 1962",
        "title": "From the cable",
        "citation": '"From the cable", October 18, 1962, Wilson Center Digital Archive',
        "summary": "First part.\nSecond part.",
        "credits": "Leon Levy Foundation",
        "original_language": "Russian",
        "contents": "Translation - English\nOriginal Scan",
    }
    assert body == ["FROM THE CABLE", "October 18, 1962", "Text."]


def test_values_on_the_label_line_and_other_labels() -> None:
    paragraphs = [
        "18 октября 1962 г.",
        "Из телеграммы",
        "Citation: Archive, fond 1",
        "Translated by: A. Translator",
        "Original Language: Russian",
        "Contents: Back-translation - Russian",
        "Текст.",
    ]
    metadata, body = split_archive_header(paragraphs)
    assert metadata == {
        "date": "18 октября 1962 г.",
        "title": "Из телеграммы",
        "citation": "Archive, fond 1",
        "translator": "A. Translator",
        "original_language": "Russian",
        "contents": "Back-translation - Russian",
    }
    assert body == ["Текст."]


def test_without_contents_the_last_value_is_one_paragraph() -> None:
    metadata, body = split_archive_header(
        ["Citation:", "c", "Summary:", "s", "Credits:", "x", "Body."]
    )
    assert metadata == {"citation": "c", "summary": "s", "credits": "x"}
    assert body == ["Body."]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Summary:", "A text that has a summary.", "Credits:", "Me", "More text."],
        ["Just text.", "More text."],
        [f"Paragraph {n}." for n in range(30)]
        + ["Citation:", "c", "Summary:", "s", "Credits:", "x"],
    ],
)
def test_text_without_the_layout_is_left_whole(paragraphs: list[str]) -> None:
    assert split_archive_header(paragraphs) == ({}, paragraphs)


def test_labels_after_contents_belong_to_the_body() -> None:
    paragraphs = [*ARCHIVE_HEADER, "Source: the text"]
    metadata, body = split_archive_header(paragraphs)
    assert "source" not in metadata
    assert body == ["Source: the text"]
