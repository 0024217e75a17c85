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
from . import identity, schema
from .failures import as_store_error, open_error

CHECKPOINT_AFTER_CHANGES = 20
"""Rows written since the last checkpoint before `checkpoint` does one: a few pages each, far below the
1,000 pages of log at which SQLite checkpoints by itself, and not so often that every note restarts the log."""

BUSY_TIMEOUT_MS = 2000
"""How long a write waits for another program's write lock before saying "in use by another program".

Short enough for a UI (a key press never freezes for long), long enough for another hfs-tui's write
(a few milliseconds) to finish first."""

Row = dict[str, Any]


class StoreBase:
    """What every part of the store shares: the database, its path and the clock."""

    def __init__(self, db: Database, path: str, clock: Clock = system_clock) -> None:
        self.db = db
        self.path = path
        self.clock = clock
        self._checkpointed_at = -CHECKPOINT_AFTER_CHANGES  # connection's total_changes at the last checkpoint

    @classmethod
    def open(cls, path: str | Path, clock: Clock = system_clock) -> Self:
        """Open or create an hfs-tui database; refuse foreign, newer or damaged files with a clear message.

        An existing file is checked read-only first (identity.check_existing), so a file that is refused is
        left byte-identical; only then is it opened for writing, switched to WAL and migrated.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(t("error.db.is_folder", path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(t("error.db.no_folder", path=path, reason=error.strerror)) from None
        if identity.needs_check(path):
            identity.check_existing(path, BUSY_TIMEOUT_MS / 1000)
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as error:
            raise open_error(path, error) from error
        db = Database(
            conn, execute_plugins=False
        )  # no third-party sqlite-utils plugins run on our file (and start-up skips scanning for them)
        try:
            _configure(db)
            schema.migrate(db)
        except sqlite3.Error as error:
            conn.close()
            raise open_error(path, error) from error
        except BaseException:
            conn.close()
            raise
        return cls(db, str(path), clock)

    @classmethod
    def memory(cls, clock: Clock = system_clock) -> Self:
        db = Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        schema.migrate(db)
        return cls(db, ":memory:", clock)

    def close(self) -> None:
        self.db.conn.close()

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file now, without waiting for any reader or writer.

        The app calls this when nobody is typing, so SQLite's auto-checkpoint (every 1,000 pages of log)
        does not land on a note's commit. PASSIVE never blocks and never fails a write; a checkpoint that
        cannot run (another program busy, a read-only disk) is simply tried again later: False then.
        Fewer than CHECKPOINT_AFTER_CHANGES rows written since the last one: nothing is done.
        """
        conn = self.db.conn
        changes = conn.total_changes
        if changes - self._checkpointed_at < CHECKPOINT_AFTER_CHANGES or conn.in_transaction:
            return True
        try:
            busy, _log, _copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return False
        if not busy:
            self._checkpointed_at = changes
        return not busy

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
            raise as_store_error(error, "error.db.write") from error

    def _now(self) -> str:
        return to_iso(self.clock())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return next(iter(self.db.query(sql, params)), None)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.db.query(sql, params))

    def _insert(self, table: str, record: Row) -> int:
        """Insert one row; its id."""
        last_pk = self.db.table(table).insert(record).last_pk
        assert isinstance(last_pk, int)
        return last_pk


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
