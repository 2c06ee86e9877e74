"""File commands of the main window: new, open (project, corpus folder or texts), save, save as,
export, recent files, and asking to save unsaved changes.

Import, opening and export run as tasks in the window's task bar; saving the project is quick
and happens at once. Every failure reaches the user in a dialog (:mod:`.messages`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from transcompare.errors import TransCompareError
from transcompare.model import Project
from transcompare.progress import Task
from transcompare.ui import messages, services
from transcompare.ui.new_project_dialog import NewProjectDialog
from transcompare.ui.settings import add_recent_file, clear_recent_files, recent_files

if TYPE_CHECKING:
    from transcompare.ui.main_window import MainWindow

PROJECT_FILTER = "TransCompare projects (*.xml *.tei);;All files (*)"
PROJECT_SUFFIXES = (".xml", ".tei")


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recent_menu: QMenu | None = None

    # --- menus ---------------------------------------------------------------------------

    def add_menus(self, file_menu: QMenu) -> None:
        """Insert Open recent and Export into the File menu (before Save)."""
        before = self.window.actions["save"]
        self.recent_menu = QMenu("Open &recent", file_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertMenu(before, self.recent_menu)
        self.export_menu = QMenu("&Export", file_menu)
        for exporter in services.exporters():
            action = self.export_menu.addAction(exporter.label)
            action.triggered.connect(lambda _=False, e=exporter: self.choose_export(e))
        self.export_menu.setEnabled(bool(self.export_menu.actions()))
        file_menu.insertMenu(self.window.actions["quit"], self.export_menu)
        file_menu.insertSeparator(self.window.actions["quit"])

    def _fill_recent(self) -> None:
        assert self.recent_menu is not None
        self.recent_menu.clear()
        for name in recent_files():
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.open_paths([Path(n)]))
        self.recent_menu.addSeparator()
        clear = QAction("Clear list", self.recent_menu)
        clear.triggered.connect(clear_recent_files)
        self.recent_menu.addAction(clear)

    # --- opening ---------------------------------------------------------------------------

    def _load(self, title: str, factory: Callable[[], Task[Project]], path: Path | None) -> None:
        """Run a task that makes a project and show the result (after asking to save)."""
        if not self.maybe_save():
            return
        shown = self.window.tasks.run(title, factory, lambda project: self._loaded(project, path))
        if not shown:
            self.window.show_message("Wait until the current task finishes, or cancel it")

    def _loaded(self, project: Project, path: Path | None) -> None:
        self.window.set_project(project, path)
        if path is not None:
            add_recent_file(path)

    def open_project(self, path: Path) -> None:
        self._load(f"Opening {path.name}", lambda: services.open_project_task(path), path)

    def open_corpus(self, folder: Path) -> None:
        self._load(f"Importing {folder.name}", lambda: services.corpus_task(folder), None)

    def open_bundled_corpus(self) -> None:
        self.open_corpus(services.bundled_corpus_folder())

    def new_project(self, paths: list[Path] | None = None) -> None:
        dialog = NewProjectDialog(paths, self.window)
        if messages.run_dialog(dialog):
            sources, pivot, metadata = dialog.sources(), dialog.pivot_id(), dialog.metadata()
            self._load(
                "Importing", lambda: services.new_project_task(sources, pivot, metadata), None
            )

    def open_paths(self, paths: list[Path]) -> None:
        """Open what was dropped or named: a project file, a corpus folder, or texts to import."""
        if len(paths) == 1 and paths[0].is_dir():
            self.open_corpus(paths[0])
        elif len(paths) == 1 and paths[0].suffix.lower() in PROJECT_SUFFIXES:
            self.open_project(paths[0])
        else:
            self.new_project(paths)

    def choose_and_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open project", "", PROJECT_FILTER)
        if name:
            self.open_paths([Path(name)])

    def choose_corpus_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self.window, "Open corpus folder")
        if name:
            self.open_corpus(Path(name))

    # --- saving ----------------------------------------------------------------------------

    def save_to(self, path: Path) -> bool:
        window = self.window
        if window.project is None:
            return False
        try:
            services.save_project(window.project, path)
        except TransCompareError as error:
            messages.show_error(window, "Save failed", str(error))
            return False
        window.path = path
        window.stack.setClean()
        window.autosaver.discard()
        window._update_title()
        add_recent_file(path)
        window.show_message(f"Saved {path}")
        return True

    def save(self) -> bool:
        if self.window.path is None:
            return self.save_as()
        return self.save_to(self.window.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self.window, "Save project", "", PROJECT_FILTER)
        return bool(name) and self.save_to(Path(name))

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user said so)."""
        window = self.window
        if window.project is None or window.stack.isClean():
            return True
        name = window.path.name if window.path else "this project"
        answer = messages.ask_save_changes(window, name)
        if answer == messages.SAVE:
            return self.save()
        if answer == messages.DISCARD:
            window.autosaver.discard()
            return True
        return False

    # --- export ----------------------------------------------------------------------------

    def choose_export(self, exporter: services.Exporter) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, f"Export {exporter.label}", "", f"{exporter.label} (*{exporter.suffix})"
        )
        if name:
            self.export(exporter, Path(name))

    def export(self, exporter: services.Exporter, path: Path) -> None:
        window = self.window
        if window.project is None:
            return
        project = window.project
        window.tasks.run(
            f"Exporting {exporter.label}",
            lambda: services.export_task(exporter, project, path),
            lambda _: window.show_message(f"Exported {path}"),
        )
