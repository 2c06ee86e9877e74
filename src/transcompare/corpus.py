"""Corpus manifests: a folder of witness files described by ``corpus.toml``.

    title = "…"
    pivot = "ru"                 # optional: the witness the others are aligned through
    [[witness]]
    id = "ru"                    # optional: made from the language and file name
    file = "ru-backtranslation.txt"
    language = "ru"              # optional: detected
    role = "original"            # original | translation (the default)
    title = "…"  translator = "…"  source = "…"  encoding = "…"   # all optional

Files are named relative to the folder and must stay inside it. Keys not listed here are
ignored, so a manifest may carry notes of its own.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from transcompare.errors import InputError
from transcompare.model import ORIGINAL, TRANSLATION, is_ncname
from transcompare.pipeline import WitnessSource
from transcompare.userfiles import read_bytes, utf8_text

MANIFEST = "corpus.toml"
BUNDLED = "gromyko-kennedy-1962"
_ROLES = (ORIGINAL, TRANSLATION)
_OPTIONAL_TEXT = ("id", "language", "encoding", "title", "translator", "source")


@dataclass
class Corpus:
    title: str
    pivot: str
    sources: list[WitnessSource]
    folder: Path


def bundled_corpus() -> Path:
    """The folder of the corpus that ships with TransCompare."""
    return Path(str(files("transcompare.corpora") / BUNDLED))


def read_corpus(folder: str | os.PathLike[str]) -> Corpus:
    """Read ``folder/corpus.toml`` (``folder`` may also be the manifest itself)."""
    folder = Path(folder)
    manifest = folder if folder.suffix == ".toml" else folder / MANIFEST
    folder = manifest.parent
    data = read_bytes(manifest, missing="no such file: a corpus folder needs a corpus.toml")
    try:
        table = tomllib.loads(utf8_text(manifest, data))
    except tomllib.TOMLDecodeError as error:
        raise InputError(manifest, f"is not valid TOML ({error})") from None
    witnesses = table.get("witness")
    if not isinstance(witnesses, list) or not witnesses:
        raise InputError(manifest, "lists no [[witness]]")
    sources = [
        _source(manifest, folder, number, entry) for number, entry in enumerate(witnesses, 1)
    ]
    ids = [source.id for source in sources if source.id]
    if len(set(ids)) != len(ids):
        raise InputError(manifest, "two witnesses have the same id")
    pivot = _text(manifest, table, "pivot", "the manifest")
    if pivot and pivot not in ids:
        raise InputError(manifest, f"pivot {pivot!r} is not the id of a witness")
    return Corpus(_text(manifest, table, "title", "the manifest"), pivot, sources, folder)


def _source(manifest: Path, folder: Path, number: int, entry: Any) -> WitnessSource:
    where = f"witness {number}"
    if not isinstance(entry, dict):
        raise InputError(manifest, f"{where} is not a table")
    file = _text(manifest, entry, "file", where)
    if not file:
        raise InputError(manifest, f"{where} has no file")
    path = folder / file
    if Path(file).is_absolute() or not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(manifest, f"{where}: file {file!r} is outside the corpus folder")
    values = {key: _text(manifest, entry, key, where) for key in _OPTIONAL_TEXT}
    if values["id"] and not is_ncname(values["id"]):
        raise InputError(manifest, f"{where}: id {values['id']!r} is not an XML name")
    role = _text(manifest, entry, "role", where) or TRANSLATION
    if role not in _ROLES:
        raise InputError(manifest, f"{where}: role must be one of {', '.join(_ROLES)}")
    return WitnessSource(
        path=path,
        id=values["id"] or None,
        language=values["language"] or None,
        role=role,
        encoding=values["encoding"] or None,
        title=values["title"],
        translator=values["translator"],
        source=values["source"],
    )


def _text(manifest: Path, table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise InputError(manifest, f"{where}: {key} must be a string")
    return value.strip()
