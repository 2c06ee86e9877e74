"""Corpus manifests (corpus.toml): reading, defaults, and every way one can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcompare.corpus import bundled_corpus, read_corpus
from transcompare.errors import InputError
from transcompare.model import ORIGINAL, TRANSLATION
from transcompare.pipeline import WitnessSource

REPOSITORY_CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "gromyko-kennedy-1962"

MANIFEST = """
title = "Two versions"
pivot = "ru"
notes = "keys the reader does not know are ignored"

[[witness]]
id = "ru"
file = "ru.txt"
language = "ru"
role = "original"
title = "Оригинал"
encoding = "cp1251"

[[witness]]
file = "sub/en.txt"
translator = "T. Translator"
source = "Archive"
"""


def write_manifest(folder: Path, text: str) -> Path:
    path = folder / "corpus.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_corpus(tmp_path: Path) -> None:
    write_manifest(tmp_path, MANIFEST)
    corpus = read_corpus(tmp_path)
    assert (corpus.title, corpus.pivot, corpus.folder) == ("Two versions", "ru", tmp_path)
    assert corpus.sources == [
        WitnessSource(tmp_path / "ru.txt", "ru", "ru", ORIGINAL, "cp1251", "Оригинал", "", ""),
        WitnessSource(
            tmp_path / "sub" / "en.txt",
            None,
            None,
            TRANSLATION,
            None,
            "",
            "T. Translator",
            "Archive",
        ),
    ]


def test_the_manifest_itself_may_be_given(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, MANIFEST)
    assert read_corpus(manifest).folder == tmp_path


@pytest.mark.skipif(not REPOSITORY_CORPUS.exists(), reason="bundled corpus not present")
def test_the_bundled_corpus_manifest_is_sound() -> None:
    corpus = read_corpus(REPOSITORY_CORPUS)
    assert corpus.pivot in [source.id for source in corpus.sources]
    assert all(source.path.is_file() for source in corpus.sources)


def test_bundled_corpus_is_the_installed_folder() -> None:
    try:
        folder = bundled_corpus()
    except ModuleNotFoundError:
        pytest.skip("the package transcompare.corpora is not installed")
    assert folder.name == "gromyko-kennedy-1962"
    assert (folder / "corpus.toml").is_file()


WITNESS = '[[witness]]\nfile = "a.txt"\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title = ", "is not valid TOML"),
        ('title = "x"', "lists no [[witness]]"),
        ("witness = []", "lists no [[witness]]"),
        ("witness = [1]", "witness 1 is not a table"),
        ('[[witness]]\nid = "a"', "witness 1 has no file"),
        ('[[witness]]\nfile = "../outside.txt"', "witness 1: file '../outside.txt' is outside"),
        ('[[witness]]\nfile = "/etc/passwd"', "witness 1: file '/etc/passwd' is outside"),
        (WITNESS + 'id = "1st"', "witness 1: id '1st' is not an XML name"),
        (WITNESS + 'role = "source"', "witness 1: role must be one of original, translation"),
        (WITNESS + "language = 7", "witness 1: language must be a string"),
        (f'{WITNESS}id = "a"\n{WITNESS}id = "a"', "two witnesses have the same id"),
        (f'pivot = "b"\n{WITNESS}id = "a"', "pivot 'b' is not the id of a witness"),
        (f"title = 3\n{WITNESS}", "the manifest: title must be a string"),
    ],
)
def test_bad_manifest(tmp_path: Path, text: str, problem: str) -> None:
    write_manifest(tmp_path, text)
    with pytest.raises(InputError, match="corpus.toml") as caught:
        read_corpus(tmp_path)
    assert problem in caught.value.problem


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda folder: None, "no such file"),
        (lambda folder: (folder / "corpus.toml").mkdir(), "is a folder"),
        (lambda folder: (folder / "corpus.toml").write_bytes(b'title = "\xff"'), "not UTF-8"),
    ],
)
def test_unreadable_manifest(tmp_path: Path, make, problem: str) -> None:
    make(tmp_path)
    with pytest.raises(InputError, match="corpus.toml") as caught:
        read_corpus(tmp_path)
    assert problem in caught.value.problem
