"""The desktop application: a thin PySide6 layer over the Qt-free core.

Rules for editors of this package: views only show a :class:`~transcompare.model.Project` and
turn gestures into :mod:`transcompare.edits` pushed on the undo stack (:mod:`.commands`); long
work runs as core tasks in :mod:`.workers`; every call into the rest of the core goes through
:mod:`.services`. Nothing outside this package imports Qt.
"""
