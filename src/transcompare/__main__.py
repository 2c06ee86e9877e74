"""``python -m transcompare`` runs the same command line as ``transcompare``."""

import sys

from transcompare.cli import main

sys.exit(main())
