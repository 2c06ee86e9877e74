"""``transcompare align SRC TGT``: align two texts and print beads, TSV, TMX or TEI.

A thin shell: it reads the files (as given, one sentence per line, or through the importers and
the segmenter), calls :func:`transcompare.align.align_texts` and writes the result. Problems
with the files are :class:`~transcompare.errors.InputError` and become one-line messages.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from transcompare.align import AlignConfig, align_texts
from transcompare.align.beads import format_beads
from transcompare.errors import InputError
from transcompare.formats.storage import atomic_write
from transcompare.model import ORIGINAL, TRANSLATION, Project, Row, Sentence, Witness
from transcompare.progress import run
from transcompare.userfiles import read_bytes, utf8_text

FORMATS = ("beads", "tsv", "tmx", "tei")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "align",
        help="align two texts sentence by sentence",
        description="Align a text (SRC) and its translation (TGT) sentence by sentence and "
        "write the alignment: beads (Vecalign/Bertalign format, one bead per line such as "
        "'[0, 1]:[0]'), TSV (source, target, confidence), TMX or a TEI project.",
    )
    parser.add_argument("src", metavar="SRC", type=Path, help="the original (or pivot) text")
    parser.add_argument("tgt", metavar="TGT", type=Path, help="the translation")
    parser.add_argument(
        "--src-lang", metavar="L", help="language of SRC as a tag such as 'ru' (default: detected)"
    )
    parser.add_argument(
        "--tgt-lang", metavar="L", help="language of TGT as a tag such as 'en' (default: detected)"
    )
    parser.add_argument(
        "--presegmented",
        action="store_true",
        help="each file is UTF-8 text with one sentence per line: line i (counting from 0) is "
        "sentence i; nothing is imported or segmented",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="beads",
        help="beads: one bead per line, every sentence once, in order (default); tsv: one row "
        "per bead with source text, target text and confidence; tmx: TMX 1.4b; tei: a "
        "TransCompare TEI project",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, help="write to this file (default: stdout)"
    )
    parser.set_defaults(handler=align_command)


def align_command(args: argparse.Namespace) -> int:
    from transcompare.importers.language import check_language_tag

    for tag in (args.src_lang, args.tgt_lang):
        if tag is not None:
            check_language_tag(tag)
    if args.presegmented:
        src = presegmented_witness(args.src, args.src_lang, ORIGINAL)
        tgt = presegmented_witness(args.tgt, args.tgt_lang, TRANSLATION, taken=src.id)
    else:
        src, tgt = imported_witnesses(args.src, args.tgt, args.src_lang, args.tgt_lang)
    for witness, path in ((src, args.src), (tgt, args.tgt)):
        if not witness.sentences:
            raise InputError(path, "has no sentences to align")
    alignment = run(
        align_texts(
            [s.text for s in src.sentences],
            [s.text for s in tgt.sentences],
            src.language,
            tgt.language,
            AlignConfig(),
            [s.paragraph for s in src.sentences],
            [s.paragraph for s in tgt.sentences],
        )
    )
    project = Project([src, tgt], pivot=src.id)
    project.set_rows(
        [
            Row(
                {
                    src.id: tuple(src.sentences[i].id for i in s),
                    tgt.id: tuple(tgt.sentences[j].id for j in t),
                },
                confidence=c,
            )
            for (s, t), c in zip(alignment.beads, alignment.confidence, strict=True)
        ]
    )
    write_output(project, alignment.beads, args.format, args.output)
    return 0


def read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 text file (a final newline ends the last line, it adds none)."""
    data = read_bytes(path)
    if b"\x00" in data:
        raise InputError(path, "is a binary file, not text with one sentence per line")
    text = utf8_text(path, data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def presegmented_witness(path: Path, language: str | None, role: str, taken: str = "") -> Witness:
    """A witness whose sentences are the file's lines, all in one paragraph; its id is the
    language code (with ``-2`` if ``taken`` already has it)."""
    lines = read_lines(path)
    text = "\n".join(lines)
    language = language or _detect(text)
    code = "".join(ch for ch in language.lower() if ch.isascii() and (ch.isalnum() or ch == "-"))
    witness_id = code if code[:1].isalpha() else "text"
    if witness_id == taken:
        witness_id += "-2"
    witness = Witness(witness_id, language, role=role, text=text)
    start = 0
    for line in lines:
        witness.sentences.append(
            Sentence(witness.new_sentence_id(), line, start, start + len(line), 0)
        )
        start += len(line) + 1
    return witness


def imported_witnesses(
    src: Path, tgt: Path, src_lang: str | None, tgt_lang: str | None
) -> tuple[Witness, Witness]:
    """Both files imported and segmented; the target's id is made distinct if need be."""
    from transcompare.importers import load_witness
    from transcompare.pipeline import WitnessSource

    first = load_witness(WitnessSource(path=src, language=src_lang, role=ORIGINAL))
    second = load_witness(WitnessSource(path=tgt, language=tgt_lang, role=TRANSLATION))
    if second.id == first.id:
        second = load_witness(
            WitnessSource(path=tgt, id=f"{first.id}-2", language=tgt_lang, role=TRANSLATION)
        )
    return first, second


def _detect(text: str) -> str:
    from transcompare.importers import detect_language

    return detect_language(text)


def write_output(
    project: Project,
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    output_format: str,
    out: Path | None,
) -> None:
    if output_format in ("tmx", "tei"):
        _emit(_xml(project, output_format), out)
        return
    if output_format == "beads":
        text = format_beads(beads)
    else:
        src, tgt = project.witness_ids
        text = "".join(
            f"{_cell(project, row, src)}\t{_cell(project, row, tgt)}\t{row.confidence:.3f}\n"
            for row in project.rows
        )
    _emit(text.encode("utf-8"), out)


def _cell(project: Project, row: Row, witness_id: str) -> str:
    return " ".join(project.cell_text(row, witness_id).split())


def _xml(project: Project, output_format: str) -> bytes:
    if output_format == "tmx":
        from transcompare.formats.tmx import tmx_to_xml

        return tmx_to_xml(project)
    from transcompare.formats.tei import project_to_xml

    return project_to_xml(project)


def _emit(data: bytes, out: Path | None) -> None:
    """Write to standard output, or save atomically to ``out``."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(out, data)
