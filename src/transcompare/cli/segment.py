"""``transcompare segment FILE``: import one file and print its sentences.

Text output is one sentence per line (line breaks inside a sentence become spaces), so it can
be fed to ``transcompare align --presegmented``; JSON output gives each sentence's id,
paragraph, offsets into the imported text, text and kind (``text`` or ``gap`` for an elision
mark). Output is always UTF-8, whatever the console's encoding.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from transcompare.cli.console import write_utf8
from transcompare.importers import load_witness
from transcompare.model import Witness
from transcompare.pipeline import WitnessSource


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "segment",
        help="import a file and print its sentences",
        description="Import a text, TEI or .docx file and print its sentences, one per line "
        "(or as JSON). Encoding and language are detected unless given.",
    )
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument("--lang", help="the text's language, e.g. en or ru (default: detected)")
    parser.add_argument(
        "--encoding", help="the encoding of a plain-text file, e.g. cp1251 (default: detected)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    witness = load_witness(WitnessSource(args.file, language=args.lang, encoding=args.encoding))
    write_utf8(as_json(witness) if args.format == "json" else as_lines(witness))
    return 0


def as_lines(witness: Witness) -> str:
    return "".join(" ".join(sentence.text.split()) + "\n" for sentence in witness.sentences)


def as_json(witness: Witness) -> str:
    records = [
        {
            "id": sentence.id,
            "paragraph": sentence.paragraph,
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
            "kind": sentence.kind,
        }
        for sentence in witness.sentences
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
