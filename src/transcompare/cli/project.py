"""``transcompare new``, ``export`` and ``validate``: make, convert and check project files.

* ``new FILES… -o PROJECT.xml`` imports, segments and aligns the files (or the versions a corpus
  folder's ``corpus.toml`` names) and saves a project.
* ``export INPUT --to FORMAT -o OUT`` writes a project as TEI, publication TEI, TMX, XLIFF, TSV
  or an HTML report; with ``--from wmt-mqm`` or ``--from biomqm`` the input is another tool's
  MQM evaluation, imported as a project (``--to tei`` saves it for review in the app).
* ``validate FILE`` checks a TEI file against TEI P5 (``tei_all``) and the project profile,
  printing ``FILE:LINE: problem`` lines; exit code 0 when valid, 1 when not, 2 when the file
  cannot be read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from transcompare import mqm
from transcompare.cli.console import run_showing_progress
from transcompare.errors import InputError
from transcompare.formats.convert import EXPORT_FORMATS, INPUT_FORMATS, PROJECT, export, read_input
from transcompare.formats.report import divergence_highlights
from transcompare.formats.tei import write_project
from transcompare.formats.validate import validate_file
from transcompare.model import ORIGINAL, TRANSLATION, Project
from transcompare.pipeline import WitnessSource, build_project, open_corpus
from transcompare.progress import Task

EXIT_INVALID = 1
WEIGHTS = {"current": mqm.SEVERITY_WEIGHTS, "legacy": mqm.LEGACY_SEVERITY_WEIGHTS}


def register(subparsers: argparse._SubParsersAction) -> None:
    new = subparsers.add_parser(
        "new",
        help="import, segment and align files into a new project",
        description="Import each file as one version of the document (text, TEI or .docx), "
        "split it into sentences, align the versions and save the project as TEI XML.",
    )
    new.add_argument(
        "files",
        nargs="+",
        type=Path,
        help="the versions, original first if any, or one corpus folder",
    )
    new.add_argument("-o", "--output", required=True, type=Path, help="project file to write")
    new.add_argument(
        "--pivot",
        help="id of the version the others are aligned to "
        "(default: the original, else the first file)",
    )
    new.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="L",
        help="language of each file, in order (give once for all files)",
    )
    new.add_argument(
        "--id",
        action="append",
        default=[],
        dest="ids",
        metavar="ID",
        help="witness id of each file, in order (default: from language and name)",
    )
    new.add_argument(
        "--original",
        type=Path,
        metavar="FILE",
        help="the file that is the original (the others are translations)",
    )
    new.add_argument("--title", help="project title")
    new.set_defaults(handler=run_new)

    export_parser = subparsers.add_parser(
        "export",
        help="write a project as TEI, TMX, XLIFF, TSV or an HTML report",
        description="Read a project (or, with --from, an MQM evaluation from another tool) and "
        "write it in another format. Importing an evaluation: --from wmt-mqm reads a "
        "WMT/Anthea MQM TSV file (spans marked <v>…</v>), --from biomqm a Bio-MQM JSON file "
        "(character offsets); use --to tei to save it as a project for review.",
    )
    export_parser.add_argument("input", type=Path, help="project file (or evaluation file)")
    export_parser.add_argument("--to", required=True, choices=EXPORT_FORMATS, help="output format")
    export_parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help="file to write (XLIFF with several target languages adds -LANG before the suffix)",
    )
    export_parser.add_argument(
        "--from",
        dest="source_format",
        choices=INPUT_FORMATS,
        default=PROJECT,
        help="input format (default: project)",
    )
    export_parser.add_argument(
        "--src-lang", default="und", help="source language of an imported evaluation"
    )
    export_parser.add_argument(
        "--tgt-lang", default="und", help="target language of an imported evaluation"
    )
    export_parser.add_argument(
        "--pairs",
        choices=("all", "pivot"),
        default="all",
        help="TMX: one unit per row with every version (all), or one per "
        "row and pivot–version pair (pivot)",
    )
    export_parser.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="WITNESS=CODE",
        help="TMX/XLIFF: language code to write for a witness",
    )
    export_parser.add_argument(
        "--weights",
        choices=tuple(WEIGHTS),
        default="current",
        help="HTML: MQM severity weights (current: critical 25, legacy: critical 10)",
    )
    export_parser.set_defaults(handler=run_export)

    validate = subparsers.add_parser(
        "validate",
        help="check a TEI file against TEI P5 and the project profile",
        description="Validate a TEI file against the official TEI P5 tei_all schema and the "
        "project profile (unique ids, pointers that resolve, links with two targets, no nested "
        "sentences). Prints one line per problem with its line number. Exit code: 0 valid, "
        "1 invalid, 2 unreadable.",
    )
    validate.add_argument("file", type=Path, help="the TEI file")
    validate.set_defaults(handler=run_validate)


def _per_file(values: Sequence[str], files: Sequence[Path], option: str) -> list[str | None]:
    if not values:
        return [None] * len(files)
    if len(values) == 1 and option == "--lang":
        return list(values) * len(files)
    if len(values) != len(files):
        raise InputError(
            None, f"give {option} once per file ({len(files)} files, {len(values)} values)"
        )
    return list(values)


def run_new(args: argparse.Namespace) -> int:
    if len(args.files) == 1 and args.files[0].is_dir():
        project = run_showing_progress(_corpus(args))
    else:
        project = run_showing_progress(_from_files(args))
    if args.title:
        project.metadata["title"] = args.title
    project.record(f"Created from {', '.join(p.name for p in args.files)}")
    write_project(project, args.output)
    print(f"{args.output}: {len(project.witnesses)} versions, {len(project.rows)} rows")
    return 0


def _corpus(args: argparse.Namespace) -> Task[Project]:
    """A corpus folder: its ``corpus.toml`` says what the per-file options would."""
    if args.lang or args.ids or args.original or args.pivot:
        raise InputError(
            args.files[0],
            "a corpus folder names its versions, languages and pivot in its corpus.toml; "
            "--lang, --id, --original and --pivot are for files",
        )
    return open_corpus(args.files[0])


def _from_files(args: argparse.Namespace) -> Task[Project]:
    languages = _per_file(args.lang, args.files, "--lang")
    ids = _per_file(args.ids, args.files, "--id")
    original = args.original.resolve() if args.original else None
    if original and original not in [f.resolve() for f in args.files]:
        raise InputError(args.original, "--original must be one of the files")
    sources = [
        WitnessSource(
            path=path,
            id=witness_id,
            language=language,
            role=ORIGINAL if path.resolve() == original else TRANSLATION,
        )
        for path, language, witness_id in zip(args.files, languages, ids, strict=True)
    ]
    return build_project(sources, args.pivot)


def _languages(values: Sequence[str]) -> dict[str, str]:
    result = {}
    for value in values:
        witness, separator, code = value.partition("=")
        if not separator or not witness or not code:
            raise InputError(None, f"--language {value!r}: expected WITNESS=CODE")
        result[witness] = code
    return result


def run_export(args: argparse.Namespace) -> int:
    project = read_input(args.input, args.source_format, args.src_lang, args.tgt_lang)
    pairs = None
    if args.pairs == "pivot":
        pairs = [(project.pivot, w) for w in project.witness_ids if w != project.pivot]
    highlights = divergence_highlights(project) if args.to == "html" else None
    written = export(
        project,
        args.to,
        args.output,
        pairs=pairs,
        languages=_languages(args.language),
        weights=WEIGHTS[args.weights],
        highlights=highlights,
    )
    for path in written:
        print(path)
    return 0


def run_validate(args: argparse.Namespace) -> int:
    problems = validate_file(args.file)
    for problem in problems:
        location = f"{args.file}:{problem.line}" if problem.line else str(args.file)
        print(f"{location}: {problem.message}")
    if problems:
        count = len(problems)
        print(f"{args.file}: invalid ({count} problem{'' if count == 1 else 's'})")
        return EXIT_INVALID
    print(f"{args.file}: valid")
    return 0
