"""Filling the list widgets of the docks (findings, issues)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def replace_items(tree: QTreeWidget, items: list[QTreeWidgetItem]) -> None:
    """Put ``items`` in place of a list's items, all at once: ``QTreeWidget.clear()`` and
    adding items one by one update the list for each item, which takes seconds for the tens
    of thousands of findings a long document can have."""
    tree.invisibleRootItem().takeChildren()
    tree.addTopLevelItems(items)
