"""What every `hfs-tui` command shares: where the database is, opening the store for one command, CommandError."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from .errors import HfsError

if TYPE_CHECKING:
    from .store import Store

APP_NAME = "hfs-tui"
DB_ENV = "HFS_TUI_DB"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "hfs-tui.db"


def demo_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


def resolve_db(arg: str | None, demo: bool = False) -> Path:
    """`--db` wins, then HFS_TUI_DB, then the user data directory; the demo never touches the real file."""
    if arg:
        return Path(arg).expanduser()
    if demo:
        return demo_db_path()
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser() if env else default_db_path()


class CommandError(HfsError):
    """A command that cannot run as asked (one line)."""


class open_store:  # noqa: N801 - used like a function: `with open_store(path) as store:`
    """Open the store for one command and always close it (the store is imported only here)."""

    def __init__(self, path: Path) -> None:
        from .store import Store

        self.store = Store.open(path)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()
