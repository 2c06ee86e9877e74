"""The window's menus and actions, declared as one table.

Each action has a stable name (``window.actions["merge_rows"]``), a menu text, its shortcuts and
the window method it calls. Help → Keyboard shortcuts is generated from these same actions.
Menus whose entries depend on the project (recent files, reference witness, export formats) are
filled by the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class Spec:
    name: str
    text: str
    slot: str
    """A window method, or ``HELPER.METHOD`` for one of the window's helpers (``files``,
    ``issues``, ``editing``)."""
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    tip: str = ""


SEPARATOR = None

MENUS: dict[str, list[Spec | None]] = {
    "&File": [
        Spec("new", "&New project…", "files.new_project", (StandardKey.New,)),
        Spec("open", "&Open…", "files.choose_and_open", (StandardKey.Open,)),
        Spec("open_corpus", "Open corpus &folder…", "files.choose_corpus_folder"),
        Spec("open_bundled", "Open the &bundled corpus", "files.open_bundled_corpus"),
        SEPARATOR,
        Spec("save", "&Save", "files.save", (StandardKey.Save,)),
        Spec("save_as", "Save &as…", "files.save_as", ("Ctrl+Shift+S",)),
        SEPARATOR,
        Spec("quit", "&Quit", "close", ("Ctrl+Q",)),
    ],
    "&Edit": [
        Spec(
            "shift_up",
            "Shift sentence &up",
            "editing.shift_up",
            ("Alt+Up",),
            tip="Move the first sentence of the cell to the end of the row above",
        ),
        Spec(
            "shift_down",
            "Shift sentence &down",
            "editing.shift_down",
            ("Alt+Down",),
            tip="Move the last sentence of the cell to the start of the row below",
        ),
        Spec(
            "merge_rows",
            "&Merge rows",
            "editing.merge_rows",
            ("Ctrl+M",),
            tip="Merge the selected rows, or this row with the next",
        ),
        Spec(
            "split_row",
            "S&plit row",
            "editing.split_row",
            ("Ctrl+Shift+M",),
            tip="Split the row before the clicked sentence",
        ),
        Spec("insert_row", "&Insert empty row", "editing.insert_row", ("Ctrl+I",)),
        SEPARATOR,
        Spec("split_sentence", "Split &sentence…", "editing.split_sentence", ("Ctrl+K",)),
        Spec(
            "merge_sentences",
            "&Join sentence with the next",
            "editing.merge_sentences",
            ("Ctrl+J",),
        ),
        SEPARATOR,
        Spec(
            "confirm",
            "&Confirm rows",
            "editing.toggle_confirmed",
            ("Ctrl+Return",),
            tip="Confirm the selected rows (again to unconfirm); re-alignment keeps them",
        ),
        Spec("realign", "&Re-align from here", "editing.realign", ("Ctrl+R",)),
        SEPARATOR,
        Spec("annotate", "&Add issue…", "issues.annotate_cell", ("Ctrl+E",)),
        Spec(
            "annotate_row", "Add issue on the whole &row…", "issues.annotate_row", ("Ctrl+Shift+E",)
        ),
    ],
    "&Go": [
        Spec("next_issue", "&Next issue", "issues.next_issue", ("F8",)),
        Spec("previous_issue", "&Previous issue", "issues.previous_issue", ("Shift+F8",)),
        Spec(
            "next_doubtful",
            "Next &doubtful row",
            "next_doubtful",
            ("F9",),
            tip="The next unconfirmed row with low alignment confidence",
        ),
        Spec("previous_doubtful", "Previous doubtful &row", "previous_doubtful", ("Shift+F9",)),
        Spec("go_to_row", "&Go to row…", "go_to_row", ("Ctrl+G",)),
    ],
    "&View": [
        Spec(
            "show_diffs",
            "Highlight word &differences",
            "set_highlighting",
            ("Ctrl+D",),
            checkable=True,
        ),
        Spec(
            "show_unmatched",
            "Highlight &unmatched words",
            "set_highlighting",
            ("Ctrl+U",),
            checkable=True,
        ),
        SEPARATOR,
        Spec("zoom_in", "Zoom &in", "zoom_in", ("Ctrl+=", "Ctrl++")),
        Spec("zoom_out", "Zoom &out", "zoom_out", ("Ctrl+-",)),
        Spec("zoom_reset", "&Normal size", "zoom_reset", ("Ctrl+0",)),
        Spec("dark_theme", "&Dark theme", "toggle_theme", ("Ctrl+Shift+T",), checkable=True),
        SEPARATOR,
    ],
    "&Tools": [
        Spec("run_checks", "Run &QA checks", "issues.run_checks", ("F5",)),
    ],
    "&Help": [
        Spec("shortcuts", "&Keyboard shortcuts", "show_shortcuts", ("F1",)),
        Spec("about", "&About TransCompare", "show_about"),
    ],
}
EDIT_ACTIONS = tuple(spec.name for spec in MENUS["&Edit"] if spec)
"""Actions disabled while a task runs or no project is open (also the view's context menu)."""


def _slot(window: QMainWindow, spec: Spec) -> Callable[..., object]:
    target: object = window
    for part in spec.slot.split("."):
        target = getattr(target, part)
    return target  # type: ignore[return-value]


def build_menus(window: QMainWindow) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Create every action and menu; return them by name (menus by their plain title)."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for title, specs in MENUS.items():
        menu = window.menuBar().addMenu(title)
        menus[title.replace("&", "")] = menu
        for spec in specs:
            if spec is None:
                menu.addSeparator()
                continue
            action = QAction(spec.text, window)
            action.setShortcuts([QKeySequence(key) for key in spec.keys])
            action.setCheckable(spec.checkable)
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip or spec.text.replace("&", ""))
            slot = _slot(window, spec)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            actions[spec.name] = action
    return actions, menus
