"""File → Export: every format of the core, written in a worker, errors shown to the user."""

from __future__ import annotations

import pytest

from transcompare.ui import services


@pytest.mark.parametrize("exporter", services.exporters(), ids=lambda e: e.format)
def test_every_export_format_writes_a_file(qtbot, window, ui_messages, tmp_path, exporter):
    path = tmp_path / f"out{exporter.suffix}"
    window.files.export(exporter, path)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)
    assert ui_messages.errors == []
    assert path.stat().st_size > 0
    assert window.statusBar().currentMessage() == f"Exported {path}"


def test_export_menu_lists_every_format(window):
    labels = [action.text() for action in window.files.export_menu.actions()]
    assert labels == [exporter.label for exporter in services.exporters()]
    assert "HTML report" in labels and "TMX translation memory" in labels


def test_export_failure_is_reported(qtbot, window, ui_messages, tmp_path):
    [tsv] = [e for e in services.exporters() if e.format == "tsv"]
    window.files.export(tsv, tmp_path / "missing" / "out.tsv")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)
    assert len(ui_messages.errors) == 1 and "out.tsv" in ui_messages.errors[0]
