"""Imported by the fork server that starts the fresh processes of a QA run (see :mod:`.parts`):
the checks (this package) are imported and the word analysers loaded there once, and every
process the server starts has them, instead of spending a few tenths of a second on them before
its part."""

from transcompare.compare import lexicon

lexicon.load_analysers()
