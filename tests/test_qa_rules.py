"""User rules: a source pattern and what the target must, or must not, then contain."""

from __future__ import annotations

import pytest

from tests.test_qa_base import findings, outline
from transcompare.compare.qa import UserRule, read_rules
from transcompare.errors import InputError

RULES = (
    UserRule(r"\bСССР\b", r"\b(USSR|Soviet Union)\b", severity="major", message="СССР is the USSR"),
    UserRule("", r"\bRussians\b", forbid=True, severity="minor"),
)


def test_rules():
    found = findings(
        {
            "ru": ["СССР и США.", "Русские.", "СССР."],
            "en": ["Russia and the US.", "The Russians.", "The Soviet Union."],
        },
        "user-rule",
        rules=RULES,
    )
    assert outline(found) == [
        (0, "major", "СССР is the USSR in en", [("ru.s1", 0, 4)]),
        (1, "minor", "«\\bRussians\\b» found in en", [("en.s2", 4, 12)]),
    ]


def test_read_rules(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text(
        "# rules\n\\bСССР\\b\t\\b(USSR|Soviet Union)\\b\tmajor\tСССР is the USSR\n"
        "\t!\\bRussians\\b\n",
        encoding="utf-8",
    )
    assert read_rules(path) == RULES


@pytest.mark.parametrize(
    ("line", "problem"),
    [("just one column", "expected"), ("a\tb\tbad", "severity"), ("(\tb", "bad pattern")],
)
def test_bad_rules_are_input_errors(tmp_path, line, problem):
    path = tmp_path / "rules.tsv"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"line 1: {problem}"):
        read_rules(path)
