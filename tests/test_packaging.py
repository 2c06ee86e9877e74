"""The wheel ships every package and the bundled data: pyproject lists packages explicitly (so
that resources/ and corpora/ can be mapped into the package), and this keeps the list complete."""

from __future__ import annotations

import importlib.resources
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.glob("transcompare/**/__init__.py")
    }
    assert found - listed == set()


def test_bundled_corpus_and_resources_are_importable():
    corpus = importlib.resources.files("transcompare.corpora") / "gromyko-kennedy-1962"
    assert (corpus / "corpus.toml").is_file()
    assert importlib.resources.files("transcompare.resources").is_dir()
