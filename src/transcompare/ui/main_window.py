"""The main window: the aligned view, the issue/QA/MQM docks, menus, status bar and task bar.

It holds the open project, its file path and the undo stack, whose clean state *is* the saved
state: ``cleanChanged`` drives the window-modified marker and the autosave, and a successful save
calls ``setClean``. Opening, saving and exporting live in :class:`.files.FileActions`; alignment
edits in :class:`.editing.EditController`; issues and findings in :class:`.issues.IssueActions`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QMessageBox

from transcompare import __version__
from transcompare.model import Project
from transcompare.ui import services
from transcompare.ui.aligned_view import AlignedPane
from transcompare.ui.autosave import Autosaver
from transcompare.ui.editing import EditController
from transcompare.ui.files import FileActions
from transcompare.ui.findings_dock import FindingsDock
from transcompare.ui.highlights import Highlighter
from transcompare.ui.issues import IssueActions
from transcompare.ui.issues_dock import IssuesDock
from transcompare.ui.menus import EDIT_ACTIONS, build_menus
from transcompare.ui.settings import settings
from transcompare.ui.shortcuts_dialog import ShortcutsDialog
from transcompare.ui.summary_dock import SummaryDock
from transcompare.ui.table_model import AlignmentModel
from transcompare.ui.task_bar import TaskBar
from transcompare.ui.theme import DARK, LIGHT, THEMES, apply_theme

DOUBTFUL = 0.5
"""Rows below this confidence (and not confirmed) are the ones Go → Next doubtful row visits."""
DEFAULT_POINTS = 10.0
DOCK_HEIGHT = 230


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.path: Path | None = None
        self.stack = QUndoStack(self)
        self.highlighter = Highlighter(services.compare_row, self)
        self.model = AlignmentModel(self.highlighter, self)
        self.pane = AlignedPane(self.model, self.highlighter, self)
        self.view = self.pane.view
        self.setCentralWidget(self.pane)
        self.tasks = TaskBar(self)
        self.statusBar().addPermanentWidget(self.tasks)
        self.editing = EditController(self.view, self.stack, self.tasks, lambda: self.project, self)
        self.editing.message.connect(self.show_message)
        self.issues_dock, self.findings_dock = IssuesDock(self), FindingsDock(self)
        self.summary_dock = SummaryDock(self)
        self._add_docks()
        self.files = FileActions(self)
        self.issues = IssueActions(self)
        self.actions, self.menus = build_menus(self)
        self._add_dynamic_menus()
        self.autosaver = Autosaver(self)
        self.stack.cleanChanged.connect(self._clean_changed)
        self.tasks.busy_changed.connect(lambda _busy: self._update_actions())
        self.tasks.busy_changed.connect(self.highlighter.hold_background)
        self.view.doubleClicked.connect(self._double_clicked)
        self.setAcceptDrops(True)
        self._restore_settings()
        self._update_actions()
        self._update_title()

    # --- layout --------------------------------------------------------------------------

    def _add_docks(self) -> None:
        area = Qt.DockWidgetArea.BottomDockWidgetArea
        for dock in (self.issues_dock, self.findings_dock, self.summary_dock):
            self.addDockWidget(area, dock)
        self.tabifyDockWidget(self.issues_dock, self.findings_dock)
        self.tabifyDockWidget(self.findings_dock, self.summary_dock)
        self.issues_dock.raise_()
        self.resizeDocks([self.issues_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _add_dynamic_menus(self) -> None:
        edit = self.menus["Edit"]
        undo = self.stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        first = edit.actions()[0]
        edit.insertActions(first, [undo, redo])
        edit.insertSeparator(first)
        self.actions["undo"], self.actions["redo"] = undo, redo
        self.files.add_menus(self.menus["File"])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.actions[name] for name in EDIT_ACTIONS])
        view = self.menus["View"]
        self.reference_menu = view.addMenu("Compare &with")
        for dock in (self.issues_dock, self.findings_dock, self.summary_dock):
            view.addAction(dock.toggleViewAction())

    def _fill_reference_menu(self) -> None:
        """One radio entry per witness, plus "first of each language"."""
        self.reference_menu.clear()
        group = QActionGroup(self.reference_menu)
        choices = [("First version of each language", "")]
        choices += (
            [(f"{w.title or w.id} [{w.language}]", w.id) for w in self.project.witnesses]
            if self.project
            else []
        )
        for text, witness_id in choices:
            action = QAction(text, group)
            action.setCheckable(True)
            action.setChecked(witness_id == self.model.reference)
            action.triggered.connect(lambda _=False, w=witness_id: self.set_reference(w))
            self.reference_menu.addAction(action)

    # --- the project -----------------------------------------------------------------------

    def set_project(
        self, project: Project | None, path: Path | None = None, modified: bool = False
    ) -> None:
        """Show a project (from a file at ``path``, or unsaved); the undo history starts anew."""
        self._follow_events(self.project, follow=False)
        self.project, self.path = project, path
        self.stack.clear()
        self.model.set_project(project)
        for dock in (self.issues_dock, self.findings_dock, self.summary_dock):
            dock.set_project(project)
        self._follow_events(project, follow=True)
        self._fill_reference_menu()
        if modified:
            self.stack.resetClean()
        self._update_actions()
        self._update_title()
        self.autosaver.project_changed()
        if project is not None and self.model.rowCount():
            self.view.go_to(0, 0)
            services.prepare_qa(project)

    def _follow_events(self, project: Project | None, follow: bool) -> None:
        if project is None:
            return
        for signal, slot in (
            (project.events.annotations_changed, self._annotations_changed),
            (project.events.dismissed_changed, self.findings_dock.refresh),
        ):
            (signal.connect if follow else signal.disconnect)(slot)

    def _annotations_changed(self) -> None:
        self.issues_dock.refresh()
        self.summary_dock.refresh()

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self.autosaver.clean_changed(clean)

    def _update_title(self) -> None:
        if self.project is None:
            name = "No project"
        elif self.path is not None:
            name = self.path.name
        else:
            name = self.project.metadata.get("title") or "Untitled project"
        self.setWindowTitle(f"{name}[*] — TransCompare")
        self.setWindowModified(not self.stack.isClean())

    def _update_actions(self) -> None:
        editable = self.project is not None and not self.tasks.busy
        for name in EDIT_ACTIONS:
            self.actions[name].setEnabled(editable)
        self.actions["undo"].setEnabled(editable and self.stack.canUndo())
        self.actions["redo"].setEnabled(editable and self.stack.canRedo())
        for name in ("save", "save_as", "run_checks"):
            self.actions[name].setEnabled(self.project is not None)
        self.findings_dock.run_button.setEnabled(editable)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # --- view and navigation commands ---------------------------------------------------

    def set_highlighting(self) -> None:
        self.model.set_highlighting(
            self.actions["show_diffs"].isChecked(),
            self.actions["show_unmatched"].isChecked(),
            self.model.reference,
        )

    def set_reference(self, witness_id: str) -> None:
        self.model.set_highlighting(self.model.show_diffs, self.model.show_unmatched, witness_id)
        self._fill_reference_menu()

    def zoom_in(self) -> None:
        self.view.zoom(+1)

    def zoom_out(self) -> None:
        self.view.zoom(-1)

    def zoom_reset(self) -> None:
        self.view.set_point_size(DEFAULT_POINTS)

    def toggle_theme(self) -> None:
        self.set_theme(DARK.name if self.actions["dark_theme"].isChecked() else LIGHT.name)

    def set_theme(self, name: str) -> None:
        theme = THEMES.get(name, LIGHT)
        apply_theme(QApplication.instance(), theme)
        self.pane.set_theme(theme)
        self.actions["dark_theme"].setChecked(theme is DARK)

    def _step_row(self, step: int, wanted) -> None:
        if self.project is None or not self.project.rows:
            return
        count = len(self.project.rows)
        start = self.view.currentIndex().row()
        for offset in range(1, count + 1):
            row = (start + step * offset) % count
            if wanted(self.project.rows[row]):
                self.view.go_to(row)
                return
        self.show_message("No such row")

    def next_doubtful(self) -> None:
        self._step_row(+1, lambda row: not row.confirmed and row.confidence < DOUBTFUL)

    def previous_doubtful(self) -> None:
        self._step_row(-1, lambda row: not row.confirmed and row.confidence < DOUBTFUL)

    def go_to_row(self) -> None:
        if self.project is None or not self.project.rows:
            return
        row, ok = QInputDialog.getInt(
            self, "Go to row", "Row:", self.view.currentIndex().row() + 1, 1, len(self.project.rows)
        )
        if ok:
            self.view.go_to(row - 1)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menuBar(), self).show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About TransCompare",
            f"TransCompare {__version__}\nAlign an original and its translations, see where "
            "they diverge, and annotate translation issues.",
        )

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.issues.annotate(index.row(), self.model.witness_id(index.column()))

    # --- drag and drop, settings, closing --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.files.open_paths(paths))

    def _restore_settings(self) -> None:
        stored = settings()
        geometry, state = stored.value("window/geometry"), stored.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)
        for name, key in (("show_diffs", "view/diffs"), ("show_unmatched", "view/unmatched")):
            self.actions[name].setChecked(str(stored.value(key, True)).lower() == "true")
        self.set_highlighting()
        self.view.set_point_size(float(stored.value("view/points", DEFAULT_POINTS)))
        self.set_theme(str(stored.value("view/theme", LIGHT.name)))

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/state", self.saveState())
        stored.setValue("view/diffs", self.model.show_diffs)
        stored.setValue("view/unmatched", self.model.show_unmatched)
        stored.setValue("view/points", self.view.font().pointSizeF())
        stored.setValue("view/theme", self.pane.view.delegate.theme.name)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.tasks.busy:
            self.tasks.cancel()
            self.tasks.worker.wait()
        self.save_settings()
        self.autosaver.discard()
        self.highlighter.shutdown()
        event.accept()
