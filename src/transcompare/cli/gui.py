"""``transcompare gui [FILES…] [--screenshot PNG]``: the desktop application.

Qt is imported only when the command runs, so ``transcompare --help`` and the other commands
never load it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from transcompare.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop application",
        description="Open the desktop application on a project file, a corpus folder (with a "
        "corpus.toml), or texts to import (the first is the original). With no file, open the "
        "bundled Gromyko–Kennedy corpus.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="a project, a corpus folder, or the texts of a new project",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the window once loading has finished, save it as PNG, exit",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    for path in args.files:
        if not path.exists():
            raise InputError(path, "no such file or folder")
    from transcompare.ui.app import run as run_application

    return run_application(list(args.files), args.screenshot)
