"""Atomic saves that never damage the existing file, the backup, and autosave/recovery."""

from __future__ import annotations

import os
import stat

import pytest

from tests.test_tei import sample_project
from transcompare.errors import InputError
from transcompare.formats import autosave, storage, tei
from transcompare.formats.storage import atomic_write, backup_path
from transcompare.formats.tei import read_project, write_project


def test_write_replace_and_backup(tmp_path):
    path = tmp_path / "p.xml"
    atomic_write(path, b"one", backup=True)
    assert not backup_path(path).exists()
    atomic_write(path, b"two", backup=True)
    assert (path.read_bytes(), backup_path(path).read_bytes()) == (b"two", b"one")
    assert backup_path(path).name == "p.xml.bak"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.xml", "p.xml.bak"]


def test_the_file_mode_is_kept(tmp_path):
    path = tmp_path / "p.xml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _disk_full(*args, **kwargs):
    raise OSError(28, "No space left on device")


def _replace_all_but_the_project(real):
    def replace(source, target):
        if str(target).endswith("p.xml"):
            _disk_full()
        real(source, target)

    return replace


@pytest.mark.parametrize(
    ("step", "failing"),
    [
        ("fsync", lambda real: _disk_full),
        ("replace", lambda real: _disk_full),
        ("replace", _replace_all_but_the_project),  # the backup is written, the save is not
    ],
)
def test_a_save_killed_half_way_leaves_the_old_file(tmp_path, monkeypatch, step, failing):
    path = tmp_path / "p.xml"
    write_project(sample_project(), path)
    before = path.read_bytes()
    monkeypatch.setattr(storage.os, step, failing(getattr(os, step)))
    project = sample_project()
    project.metadata["title"] = "New title"
    with pytest.raises(InputError, match="No space left on device"):
        write_project(project, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert {p.name for p in tmp_path.iterdir()} <= {"p.xml", "p.xml.bak"}  # no temporary file
    assert read_project(path).metadata["title"] == "Gromyko–Kennedy"


def test_a_serializer_failing_half_way_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.xml"
    write_project(sample_project(), path)
    before = path.read_bytes()

    def broken(project):
        raise RuntimeError("serializer died")

    monkeypatch.setattr(tei, "project_to_xml", broken)
    with pytest.raises(RuntimeError):
        write_project(sample_project(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.xml"]


def test_a_write_interrupted_inside_the_file_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.xml"
    path.write_bytes(b"precious")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(storage.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, b"new content that never fully lands")
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["p.xml"]


def test_saving_into_a_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        atomic_write(tmp_path / "nowhere" / "p.xml", b"x")
    assert caught.value.path.endswith("p.xml")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(autosave.DATA_DIR_VARIABLE, str(tmp_path / "data"))
    return tmp_path / "data"


def test_autosave_paths(data_dir, tmp_path):
    a = autosave.autosave_path(tmp_path / "a" / "project.xml")
    b = autosave.autosave_path(tmp_path / "b" / "project.xml")
    assert a.parent == b.parent == data_dir / "autosave"
    assert a != b and a.name.startswith("project-")
    assert autosave.autosave_path(None).name == f"untitled-{os.getpid()}.xml"
    assert autosave.autosave_path(tmp_path / "a" / "project.xml") == a


def test_autosave_recover_and_discard(data_dir, tmp_path):
    project_path = tmp_path / "work.xml"
    assert autosave.find_recoverable() == []
    saved = autosave.write_autosave(sample_project(), project_path)
    untitled = autosave.write_autosave(sample_project())
    found = {r.autosave: r.project_path for r in autosave.find_recoverable()}
    assert found == {saved: project_path.resolve(), untitled: None}
    assert read_project(saved).metadata["title"] == "Gromyko–Kennedy"
    autosave.discard_autosave(saved)
    autosave.discard_autosave(saved)  # twice is fine
    assert [r.autosave for r in autosave.find_recoverable()] == [untitled]


def test_a_damaged_sidecar_is_ignored(data_dir):
    saved = autosave.write_autosave(sample_project())
    saved.with_suffix(".json").write_text("{not json")
    assert autosave.find_recoverable() == []
