"""Opening the file, checking it is ours, the connection's settings, and the one transaction helper.

The connection runs in WAL mode with `synchronous=FULL`, so a note that a write here has returned
for survives a crash or a power cut, and a second hfs-tui on the same file waits instead of corrupting it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from ..clock import Clock, system_clock, to_iso
from ..errors import StoreError
from ..i18n import t
from . import schema

BUSY_TIMEOUT_MS = 5000

Row = dict[str, Any]


class StoreBase:
    """What every part of the store shares: the database, its path and the clock."""

    def __init__(self, db: Database, path: str, clock: Clock = system_clock) -> None:
        self.db = db
        self.path = path
        self.clock = clock

    @classmethod
    def open(cls, path: str | Path, clock: Clock = system_clock) -> Self:
        """Open or create an hfs-tui database; refuse foreign, newer or damaged files with a clear message."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(t("error.db.is_folder", path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(t("error.db.no_folder", path=path, reason=error.strerror)) from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(t("error.db.cannot_open", path=path, reason=error)) from None
        db = Database(conn, execute_plugins=False)  # no third-party sqlite-utils plugins run on our file (and start-up skips scanning for them)
        try:
            _configure(db)
            _check_identity(db, path)
            schema.migrations.apply(db)
            if db.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
                db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")  # a write: only when needed
        except sqlite3.OperationalError as error:  # locked, read-only, unreadable: not a damaged file
            conn.close()
            raise StoreError(t("error.db.cannot_open", path=path, reason=error)) from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(t("error.db.damaged_file", path=path, reason=error)) from None
        except StoreError:
            conn.close()
            raise
        return cls(db, str(path), clock)

    @classmethod
    def memory(cls, clock: Clock = system_clock) -> Self:
        db = Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        schema.migrations.apply(db)
        return cls(db, ":memory:", clock)

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; a database failure (disk full, locked, read-only) becomes a one-line StoreError.

        The outermost one starts with BEGIN IMMEDIATE: it waits (busy_timeout) for another hfs-tui's write to
        finish, where a plain BEGIN that reads first fails at once with "database is locked" when it tries to write.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():  # nested: a savepoint
                    yield
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(t("error.db.write", reason=error)) from error

    def _now(self) -> str:
        return to_iso(self.clock())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return next(iter(self.db.query(sql, params)), None)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.db.query(sql, params))


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def _check_identity(db: Database, path: Path) -> None:
    """Refuse files that are another program's database, damaged, or from a newer hfs-tui."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = set(db.table_names())
    if application_id != schema.APPLICATION_ID and tables - {schema.migrations.migrations_table}:
        raise StoreError(t("error.db.foreign", path=path))
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise StoreError(t("error.db.damaged", path=path, reason=check))
    applied = {m.name for m in schema.migrations.applied(db)}
    newer = applied - schema.KNOWN_MIGRATIONS
    if newer:
        raise StoreError(t("error.db.newer", path=path))
