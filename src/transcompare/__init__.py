"""TransCompare: align an original and its translations, show where they diverge, annotate issues.

The core (model, segmentation, import, alignment, comparison, QA, formats) is plain Python and
never imports Qt; ``transcompare.ui`` is a thin PySide6 layer over it.
"""

__version__ = "0.1.0"
