"""The aligned view and its window: painting and sizing cells, zoom, themes, highlighting
switches, hover, the overview strip, navigation, the shortcuts panel and remembered settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.builders import make_project
from transcompare.edits import SetConfirmed
from transcompare.model import Row, Sentence
from transcompare.ui.cell_content import cell_content
from transcompare.ui.cell_delegate import CellDelegate
from transcompare.ui.main_window import MainWindow
from transcompare.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

LONG = Sentence("en.s1", "word " * 60, 0, 300, 0)
SHORT = Sentence("en.s2", "Short.", 301, 307, 0)


def test_cell_height_grows_with_text_and_narrower_columns(qapp):
    delegate, font = CellDelegate(), QFont("DejaVu Sans", 10)
    short = delegate.cell_height(cell_content([SHORT]), font, 400)
    wide = delegate.cell_height(cell_content([LONG]), font, 400)
    narrow = delegate.cell_height(cell_content([LONG]), font, 200)
    two = delegate.cell_height(cell_content([SHORT, SHORT]), font, 400)
    assert short < wide < narrow
    assert two > short


def test_sentence_under_a_point(qapp):
    delegate, font = CellDelegate(), QFont("DejaVu Sans", 10)
    content = cell_content([SHORT, LONG])
    cell = QRect(0, 0, 300, 400)
    assert delegate.sentence_at(content, font, cell, 10, 8) == 0
    assert delegate.sentence_at(content, font, cell, 10, 40) == 1
    assert delegate.sentence_at(content, font, cell, 10, 399) == -1
    assert delegate.sentence_at(cell_content([]), font, cell, 10, 8) == -1


def test_rows_are_measured_only_on_screen(qtbot, window):
    project = make_project({"en": [f"Sentence number {i} " * (1 + i % 5) for i in range(2000)]})
    window.set_project(project)
    view = window.view
    qtbot.waitUntil(lambda: view.sizer.visible_rows().stop > 5)
    visible = view.sizer.visible_rows()
    assert visible.stop < 200
    header = view.verticalHeader()
    default = header.defaultSectionSize()
    assert header.sectionSize(1999) == default
    qtbot.waitUntil(
        lambda: header.sectionSize(visible.start) == view.sizer.row_height(visible.start)
    )


def test_zoom_changes_the_font_and_row_heights(qtbot, window):
    view = window.view
    size = view.font().pointSizeF()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    assert view.font().pointSizeF() == size + 2
    qtbot.waitUntil(lambda: view.rowHeight(0) == view.sizer.row_height(0))
    tall = view.rowHeight(0)
    window.actions["zoom_out"].trigger()
    qtbot.waitUntil(lambda: view.rowHeight(0) < tall)
    window.actions["zoom_reset"].trigger()
    assert view.font().pointSizeF() == 10
    assert [s.toString() for s in window.actions["zoom_in"].shortcuts()] == ["Ctrl+=", "Ctrl++"]


def test_dark_theme_changes_palette_and_cells(window):
    window.actions["dark_theme"].trigger()
    base = QApplication.instance().palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 60
    assert window.view.delegate.theme.name == "dark"
    window.actions["dark_theme"].trigger()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).lightness() > 200


def test_highlighting_switches_and_reference_menu(window):
    assert window.model.show_diffs
    window.actions["show_diffs"].trigger()
    assert not window.model.show_diffs
    window.actions["show_unmatched"].trigger()
    assert window.model.show_unmatched is window.actions["show_unmatched"].isChecked()
    choices = [a.text() for a in window.reference_menu.actions()]
    assert choices == ["First version of each language", "ru [ru]", "en [en]"]
    window.reference_menu.actions()[2].trigger()
    assert window.model.reference == "en"


def test_row_header_shows_status_as_colour(window):
    SetConfirmed([1]).apply(window.project)
    colour = window.model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.BackgroundRole)
    assert colour == QColor(window.view.delegate.theme.confirmed)


def test_hover_marks_the_row_and_the_sentence(qtbot, window):
    view = window.view
    rect = view.visualRect(window.model.index(1, 1))
    QTest.mouseMove(view.viewport(), QPoint(rect.left() + 12, rect.top() + 10))
    qtbot.waitUntil(lambda: view.delegate.hover == (1, 1, 0))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12, rect.top() + 10)
    )
    assert view.current_sentence() == (1, "en", "en.s2")


def test_overview_click_jumps(qtbot, window):
    project = make_project({"en": [f"Line {i}." for i in range(300)]})
    window.set_project(project)
    strip = window.pane.overview
    qtbot.waitUntil(lambda: len(strip.values) == 300)
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, strip.height() - 1))
    assert window.view.currentIndex().row() == 299
    assert strip.row_at(0) == 0


def test_overview_values_follow_rows(qtbot, window):
    strip = window.pane.overview
    window.actions["insert_row"].trigger()
    qtbot.waitUntil(lambda: len(strip.values) == 4)
    SetConfirmed([0]).apply(window.project)
    qtbot.waitUntil(lambda: strip.values[0][1] is True)


@pytest.mark.parametrize("action, expected", [("next_doubtful", 2), ("previous_doubtful", 0)])
def test_doubtful_rows(window, action, expected):
    window.project.rows[1] = Row(window.project.rows[1].cells, confidence=0.9)
    window.view.go_to(1, 0)
    window.actions[action].trigger()
    assert window.view.currentIndex().row() == expected


def test_go_to_row(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (3, True))
    window.actions["go_to_row"].trigger()
    assert window.view.currentIndex().row() == 2


def test_shortcuts_panel_lists_the_real_actions(qtbot, window):
    rows = shortcut_rows(window.menuBar())
    assert ("Edit", "Merge rows", "Ctrl+M") in rows
    assert ("Go", "Previous issue", "Shift+F8") in rows
    assert ("Edit", "Redo", "Ctrl+Shift+Z, Ctrl+Y") in rows
    assert ("File", "Quit", "Ctrl+Q") in rows
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_shortcut_keys_are_unique(window):
    keys = [key for _, _, text in shortcut_rows(window.menuBar()) for key in text.split(", ")]
    assert len(keys) == len(set(keys))


def test_layout_and_view_settings_are_remembered(qtbot, window):
    window.actions["zoom_in"].trigger()
    window.actions["dark_theme"].trigger()
    window.actions["show_unmatched"].setChecked(False)
    window.set_highlighting()
    window.save_settings()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.view.font().pointSizeF() == window.view.font().pointSizeF()
    assert again.view.delegate.theme.name == "dark"
    assert not again.model.show_unmatched
    again.set_theme("light")
    again.save_settings()


def test_edit_actions_are_in_the_cell_context_menu_and_undo_starts_disabled(window):
    names = [action.text() for action in window.view.actions()]
    assert "&Merge rows" in names and "&Add issue…" in names
    assert not window.actions["undo"].isEnabled()
    window.view.go_to(0, 0)
    window.actions["merge_rows"].trigger()
    assert window.actions["undo"].isEnabled()


def test_the_overview_is_drawn_once_its_rows_are_all_read(qtbot, window, monkeypatch):
    from transcompare.ui import overview

    monkeypatch.setattr(overview, "CHUNK", 100)
    strip = window.pane.overview
    drawn = []
    render = strip._render
    monkeypatch.setattr(strip, "_render", lambda: drawn.append(len(strip._dirty)) or render())
    window.set_project(make_project({"en": [f"Line {i}." for i in range(300)]}))
    qtbot.waitUntil(lambda: bool(drawn) and not strip._dirty)
    qtbot.wait(50)
    assert set(drawn) == {0}


def test_the_overview_waits_while_a_long_task_runs(qtbot, window):
    strip = window.pane.overview
    window.highlighter.hold_background(True)
    window.set_project(make_project({"en": [f"Line {i}." for i in range(300)]}))
    qtbot.wait(300)
    assert len(strip._dirty) == 300
    window.highlighter.hold_background(False)
    qtbot.waitUntil(lambda: not strip._dirty)
