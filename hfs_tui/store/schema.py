"""The database schema as sqlite-utils migrations: the file's identity, the version, and applying them.

The schema is a user-facing interface (people open the file with sqlite-utils or Datasette), so the
README documents every column. The migrations are in `schema_migrations.py`; never edit one that has
shipped: add the next one.

Identity of a file: `PRAGMA application_id` is APPLICATION_ID ("HFST") and `PRAGMA user_version` is
SCHEMA_VERSION, the number of migrations this program knows (1 = m001 only, 3 = up to m003). A file whose
user_version is higher, or whose migrations table names a migration this program does not know, comes
from a newer hfs-tui and is refused before anything is written to it.
"""

from __future__ import annotations

from sqlite_utils import Database

from .schema_migrations import _SEARCH_SOURCES, MIGRATION_SET, migrations

__all__ = [
    "APPLICATION_ID",
    "KNOWN_MIGRATIONS",
    "MIGRATION_SET",
    "SCHEMA_VERSION",
    "_SEARCH_SOURCES",
    "ForeignKeyViolation",
    "migrate",
    "migrations",
]

APPLICATION_ID = 0x48465354  # "HFST": marks a file as an hfs-tui database

KNOWN_MIGRATIONS = frozenset(m.name for m in migrations._migrations)
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)  # written to PRAGMA user_version


class ForeignKeyViolation(Exception):
    """A migration left rows that point nowhere (never expected: the migration is then rolled back)."""


def migrate(db: Database) -> None:
    """Apply pending migrations with foreign keys off (a table rebuild must not cascade), check, switch them back on.

    Writes `application_id` and `user_version` only when they differ, so opening an up-to-date file writes nothing.
    """
    pending = migrations.pending(db)
    if pending:
        db.execute("PRAGMA foreign_keys = OFF")
        try:
            migrations.apply(db)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise ForeignKeyViolation(f"foreign key check failed after migrating: {broken[:3]}")
        finally:
            db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
