"""Shared fixtures: a fresh database file per test, closed after it, on a clock that only moves when told.

Every test that drives the app (an `async` test: Pilot) or compares a snapshot (`snap_compare`) is marked `ui`
here, so `pytest -m "not ui"` is the fast tier: the core, the store, the documents and the CLI.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import pytest

from hfs_tui.clock import FakeClock
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
UI_FIXTURES = {"snap_compare"}


def is_ui_test(item: pytest.Item) -> bool:
    """A test that runs the Textual app: a coroutine (every Pilot test is one) or one that compares a snapshot."""
    function = getattr(item, "function", None)
    fixtures = set(getattr(item, "fixturenames", ()))
    return inspect.iscoroutinefunction(function) or bool(fixtures & UI_FIXTURES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if is_ui_test(item):
            item.add_marker(pytest.mark.ui)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    """An empty hfs-tui database in tmp_path; `store.clock` is the test's FakeClock."""
    opened = Store.open(tmp_path / "t.db", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def sample_store(store: Store) -> Store:
    """The store with the fictional region review (Region Nordmark and Region Söderås) loaded."""
    load_sample(store, "region")
    return store


@pytest.fixture(autouse=True)
def documents_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's documents folder (the default export root) is a folder of the test, never the real one."""
    folder = tmp_path / "Dokument"
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(folder))
    return folder
