"""From files to an aligned project, as the CLI and the application open them."""

from __future__ import annotations

import pytest

from transcompare.corpus import bundled_corpus
from transcompare.errors import InputError
from transcompare.pipeline import WitnessSource, build_project, open_corpus
from transcompare.progress import run


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return WitnessSource(path=path, language="en")


def test_build_project_imports_and_aligns(tmp_path):
    a = write(
        tmp_path / "a.txt", "The ship sailed at dawn. It carried 40 men.\n\nThey arrived in May."
    )
    b = write(
        tmp_path / "b.txt",
        "The ship sailed at dawn and it carried 40 men.\n\nThey arrived in May. Nobody was hurt.",
    )
    steps = []
    project = run(build_project([a, b]), steps.append)
    assert project.witness_ids == ["en-a", "en-b"]
    assert project.check() == []
    assert [row.shape(project.witness_ids) for row in project.rows] == [(2, 1), (1, 1), (0, 1)]
    assert steps and steps[0].message == "Importing a.txt"


def test_unknown_pivot_is_bad_input(tmp_path):
    source = write(tmp_path / "a.txt", "One sentence here.")
    with pytest.raises(InputError, match="no version 'xx'"):
        run(build_project([source], pivot="xx"))


@pytest.mark.slow
def test_bundled_corpus_opens_aligned_through_the_russian():
    project = run(open_corpus(bundled_corpus()))
    assert project.pivot == "ru"
    assert project.witness_ids == ["ru", "en-wilson", "en-revised"]
    assert project.check() == []
    shapes = {row.shape(project.witness_ids) for row in project.rows}
    assert (1, 1, 1) in shapes and (1, 2, 2) in shapes and (2, 1, 1) in shapes
    assert all(0.0 <= row.confidence <= 1.0 for row in project.rows)
