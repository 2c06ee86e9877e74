"""Two translations into one language diverging on one row."""

from __future__ import annotations

from tests.test_qa_base import findings, outline


def test_wording_numbers_names_and_length():
    project = {
        "ru": ["Исходный текст.", "Исходный текст.", "Исходный текст."],
        "en-a": [
            "Gromyko met Kennedy on October 18.",
            "The talks went well.",
            "It was a long and useful talk today.",
        ],
        "en-b": [
            "Gromyko met Thompson on October 19.",
            "Negotiations proceeded smoothly.",
            "Useful.",
        ],
    }
    assert outline(findings(project, "two-translations")) == [
        (0, "minor", "name «Kennedy» is in en-a but not en-b", [("en-a.s1", 12, 19)]),
        (0, "major", "18 in en-a is 19 in en-b", [("en-a.s1", 31, 33), ("en-b.s1", 32, 34)]),
        (0, "minor", "name «Thompson» is in en-b but not en-a", [("en-b.s1", 12, 20)]),
        (
            1,
            "minor",
            "en-a and en-b word this very differently",
            [("en-a.s2", 0, 19), ("en-b.s2", 0, 31)],
        ),
        (
            2,
            "minor",
            "en-a and en-b word this very differently",
            [("en-a.s3", 0, 35), ("en-b.s3", 0, 6)],
        ),
        (
            2,
            "major",
            "en-b is much shorter than en-a here",
            [("en-b.s3", 0, 7), ("en-a.s3", 0, 36)],
        ),
    ]


def test_with_the_pivot_only_wording_is_compared_here():
    project = {
        "en-a": ["The talks went well on May 5."],
        "en-b": ["Negotiations proceeded smoothly on May 6."],
    }
    assert [f.message for f in findings(project, "two-translations")] == [
        "en-a and en-b word this very differently"
    ]


def test_a_part_checked_elsewhere_takes_over_the_diffs_made_here(monkeypatch):
    from tests.builders import make_project
    from transcompare.compare import divergence
    from transcompare.compare.qa import QAConfig, translations
    from transcompare.compare.qa.base import Context

    project = make_project(
        {
            "ru": ["Один.", "Два.", "Три."],
            "en-a": ["The first one said so.", "The second.", "A third one here."],
            "en-b": ["The first man said so.", "The second.", "A third man there."],
        }
    )
    config = QAConfig(use_embeddings=False, use_dictionary=False)
    divergence.row_diff(project, 2, "en-a", "en-b")
    held = translations.at_hand(Context(project, config, range(1, 3)))
    assert [(row, a, b) for row, a, b, _ in held] == [(2, "en-a", "en-b")]  # row 1 not diffed
    assert held[0][3] is divergence.row_diff(project, 2, "en-a", "en-b")

    divergence._DIFFS.clear()  # as in a fresh process
    part = Context(project, config, range(1, 3))
    translations.take(part, held)
    assert divergence.known_diff(part.cell(2, "en-a"), part.cell(2, "en-b")) == held[0][3]
    assert divergence.known_diff(part.cell(1, "en-a"), part.cell(1, "en-b")) is None
