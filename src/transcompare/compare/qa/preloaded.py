"""Imported by the fork server that starts the fresh processes of a QA run (see :mod:`.parts`):
the checks (this package) and the embedder's cache, through which every part reads its words'
vectors, are imported and the word analysers loaded there once, and every process the server
starts has them, instead of spending a few tenths of a second on them before its part."""

from transcompare.align import embed  # noqa: F401  (imported for the processes started)
from transcompare.compare import lexicon

lexicon.load_analysers()
