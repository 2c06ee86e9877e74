"""Command line: ``transcompare [COMMAND] …`` (and ``python -m transcompare``).

Each command lives in its own module with ``register(subparsers)``; the parser it adds sets
``handler`` to a function taking the parsed arguments and returning an exit code. This module
only dispatches and turns user-facing errors into one-line messages with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from transcompare import __version__
from transcompare.errors import TransCompareError

EXIT_OK = 0
EXIT_BAD_INPUT = 2

COMMAND_MODULES = ("gui", "segment", "align", "project", "qa")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transcompare",
        description="Align an original and its translations sentence by sentence, show where "
        "they diverge, annotate issues, and export TEI, TMX, XLIFF and reports. "
        "With no command, opens the desktop application on the bundled corpus.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = __import__(f"transcompare.cli.{name}", fromlist=["register"])
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not arguments:
        arguments = ["gui"]
    args = parser.parse_args(arguments)
    try:
        return int(args.handler(args) or EXIT_OK)
    except TransCompareError as error:
        print(f"transcompare: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``transcompare segment … | head``): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
