"""Is an existing file an hfs-tui database this program may open? Checked read-only, before anything writes.

A foreign SQLite file, a damaged one, or one from a newer hfs-tui is refused and left byte-identical: this
runs on a `mode=ro` connection, so nothing (not even the switch to WAL) has touched the file yet.

Cost: the identity checks read the header and `sqlite_master` only (fast on any size). The full
`PRAGMA quick_check` (214 ms on a 38 MB file) runs only once per new schema, that is when migrations are
about to be applied to an existing database; a damaged page met later surfaces as SQLITE_CORRUPT on the read
that meets it, which the store reports as "the database is damaged" (failures.kind).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..i18n import t
from . import schema
from .failures import open_error


def needs_check(path: Path) -> bool:
    """A file with content (or a write-ahead log with content) is checked; a new or 0-byte file is initialised."""
    wal = path.with_name(path.name + "-wal")
    return (path.exists() and path.stat().st_size > 0) or (wal.exists() and wal.stat().st_size > 0)


def check_existing(path: Path, busy_timeout_s: float) -> None:
    """Raise a one-line StoreError unless `path` is an hfs-tui database of this version or older."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=busy_timeout_s)
    except sqlite3.Error as error:
        raise open_error(path, error) from error
    try:
        _check(conn, path)
    except sqlite3.Error as error:
        raise open_error(path, error) from error
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, path: Path) -> None:
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    migrations_table = schema.migrations.migrations_table
    if application_id not in (0, schema.APPLICATION_ID):
        raise StoreError(t("error.db.foreign_marked", path=path, id=application_id))
    if application_id != schema.APPLICATION_ID and tables - {migrations_table}:
        raise StoreError(t("error.db.foreign", path=path))
    if user_version > schema.SCHEMA_VERSION:
        raise StoreError(t("error.db.newer", path=path))
    applied: set[str] = set()
    if migrations_table in tables:
        applied = {
            row[0]
            for row in conn.execute(
                f"SELECT name FROM [{migrations_table}] WHERE migration_set = ?", [schema.MIGRATION_SET]
            )
        }
    if applied - schema.KNOWN_MIGRATIONS:
        raise StoreError(t("error.db.newer", path=path))
    if schema.KNOWN_MIGRATIONS - applied and tables - {migrations_table}:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]  # once per new schema, before migrating
        if check != "ok":
            raise StoreError(t("error.db.damaged", path=path, reason=" ".join(str(check).split())))
