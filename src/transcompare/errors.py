"""Errors that reach the user as one-line messages.

Every problem with a user's file is an :class:`InputError` that names the file and says what is
wrong with it; the CLI prints it and exits with code 2, the UI shows it in a dialog.
"""

from __future__ import annotations

from os import PathLike


class TransCompareError(Exception):
    """Base class for errors the application reports to the user instead of crashing."""


class InputError(TransCompareError):
    """A file (or argument) the user gave cannot be used as it is."""

    def __init__(self, path: str | PathLike[str] | None, problem: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class EditError(TransCompareError):
    """An edit cannot be applied to the project in its current state."""
