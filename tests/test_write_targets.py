"""Nothing the app writes ever replaces (or opens) a device, a named pipe, a folder or a symlink loop: one
line instead, and the thing stays as it was (found by an adversarial tester: /dev/full became a file)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hfs_tui import settings
from hfs_tui.errors import ExportError, HfsError, SettingsError
from hfs_tui.files import write_atomic
from hfs_tui.sample import load_sample
from hfs_tui.store import Store
from hfs_tui.store.bundle import export_bundle
from hfs_tui.store.publish import publish


@pytest.fixture(params=["fifo", "loop", "folder"])
def target(request, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    if request.param == "fifo":
        os.mkfifo(path)
    elif request.param == "loop":
        path.symlink_to(path)
    else:
        path.mkdir()
    return path


def kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


def test_write_atomic_refuses_anything_but_a_regular_file(target: Path):
    before = kind(target)
    with pytest.raises(ExportError, match=target.name):
        write_atomic(target, "text")
    assert kind(target) == before
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left


def test_bundle_and_publish_refuse_it_too(target: Path, tmp_path: Path):
    store = Store.open(tmp_path / "t.db")
    review = load_sample(store, "region")
    before = kind(target)
    with pytest.raises(HfsError):
        export_bundle(store.db, review.id, target)
    with pytest.raises(HfsError):
        publish(store.db, target)
    store.close()
    assert kind(target) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(f".{target.name}.")]


def test_a_settings_file_that_is_a_pipe_is_one_line_not_a_hang(tmp_path: Path):
    pipe = tmp_path / "settings.toml"
    os.mkfifo(pipe)
    with pytest.raises(SettingsError, match="ingen vanlig fil"):
        settings.load(pipe)
