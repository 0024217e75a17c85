"""Opening checks a file read-only first: what is refused (foreign, damaged, newer) is left byte-identical,
an up-to-date file is opened without the full integrity check, and an older hfs-tui file is migrated once."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.store import Store, StoreError, schema


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path) -> str:
    """Open `path`, expect a one-line refusal, and check the file is unchanged and no file was made beside it.

    A WAL-mode file (our own, from a newer version) may get the empty -wal/-shm files any SQLite reader makes.
    """
    before = digest(path)
    wal_mode = path.read_bytes()[18:20] == b"\x02\x02"
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StoreError) as excinfo:
        Store.open(path)
    assert digest(path) == before
    made = sorted({p.name for p in path.parent.iterdir()} - set(siblings))
    assert made == ([f"{path.name}-shm", f"{path.name}-wal"] if wal_mode and made else [])
    message = str(excinfo.value)
    assert "\n" not in message and str(path) in message
    return message


@pytest.fixture
def statements(monkeypatch) -> Iterator[list[str]]:
    """Every SQL statement any connection runs from here on."""
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    yield seen


def test_a_foreign_sqlite_file_with_tables_is_left_byte_identical(tmp_path: Path):
    path = tmp_path / "fakturor.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    assert "inte en hfs-tui-databas" in refused(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # never switched to WAL
    conn.close()


def test_a_file_marked_by_another_program_is_refused_even_without_tables(tmp_path: Path):
    path = tmp_path / "annan.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    assert "annat program" in refused(path)


def test_random_bytes_are_refused_untouched(tmp_path: Path):
    path = tmp_path / "brus.db"
    path.write_bytes(os.urandom(64 * 1024))
    assert "skadad" in refused(path)


def test_a_damaged_database_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "skadad.db"
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    assert "skadad" in refused(path)


def test_a_newer_user_version_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "nyare.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert "nyare version" in refused(path)


def test_an_unknown_newer_migration_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "framtid.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [schema.MIGRATION_SET, "m999_from_the_future", "2027-01-01"],
    )
    conn.commit()
    conn.close()
    assert "nyare version" in refused(path)


def test_an_empty_existing_file_is_initialised_with_our_identity(tmp_path: Path):
    path = tmp_path / "tom.db"
    path.touch()
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert (
        conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == len(schema.KNOWN_MIGRATIONS) == 5
    )
    conn.close()


def test_an_up_to_date_file_opens_without_the_full_integrity_check_and_writes_nothing(tmp_path: Path, statements):
    path = tmp_path / "vår.db"
    store = Store.open(path)
    store.create_review("region", "A", "B")
    store.close()
    statements.clear()
    before = digest(path)
    Store.open(path).close()
    assert not [s for s in statements if s.startswith(("PRAGMA quick_check", "PRAGMA integrity_check"))]
    assert not [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "CREATE", "ALTER"))]
    assert digest(path) == before


def old_file(path: Path) -> None:
    """A database as the first release of hfs-tui left it: only m001 applied, user_version 0."""
    db = Database(sqlite3.connect(path))
    schema.migrations.apply(db, stop_before="m002_release_meeting_fields")
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db.conn.commit()
    db.close()


def test_an_older_file_is_checked_once_then_migrated_keeping_every_row(tmp_path: Path, clock, statements):
    path = tmp_path / "gammal.db"
    old_file(path)
    conn = sqlite3.connect(path)  # rows as the first release wrote them
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(
        """INSERT INTO reviews (id, title, template, created_at) VALUES (1, 'R', 'region', '2025-01-01');
        INSERT INTO parties (id, review_id, key, name) VALUES (1, 1, 'a', 'A'), (2, 1, 'b', 'B');
        INSERT INTO meetings (id, review_id, kind, title, created_at) VALUES (1, 1, 'feedback', 'M', '2025-01-01');
        INSERT INTO notes (id, meeting_id, party_id, category, text, in_report, share, created_at, updated_at)
            VALUES (7, 1, 1, 'action', 'Skriv uppdrag', 1, 'network', '2025-01-01', '2025-01-02');
        INSERT INTO note_history (note_id, meeting_id, op, before, at)
            VALUES (7, 1, 'edit', '{"text": "x", "category": "action", "deleted_at": null}', '2025-01-02');
        INSERT INTO actions (id, review_id, party_id, note_id, goal, created_at, updated_at)
            VALUES (3, 1, 1, 7, 'Skriv uppdrag', '2025-01-03', '2025-01-03');"""
    )
    conn.commit()
    conn.close()
    statements.clear()
    store = Store.open(path, clock=clock)
    try:
        assert len([s for s in statements if s.startswith("PRAGMA quick_check")]) == 1  # once, for the new schema
        note = store.note(7)
        assert (note.text, note.in_report, note.share, note.released_at) == (
            "Skriv uppdrag",
            True,
            Share.NETWORK,
            "2025-01-02",
        )
        assert store.db.execute("SELECT COUNT(*) FROM note_history").fetchone()[0] == 1  # the rebuild did not cascade
        action = store.action(3)
        assert (action.note_id, action.note_state, action.in_report) == (7, "live", False)
        assert store.add_note(1, 1, Category.NOTE, "ny").id == 8  # ids go on after the rebuilt table's rows
        store.db.execute(
            "INSERT INTO notes (meeting_id, party_id, category, text, created_at, updated_at)"
            " VALUES (1, 1, 'decision', 'Beslut: ja', 'x', 'x')"
        )  # the schema takes the new category
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert store.meeting_of_kind(1, MeetingKind.FEEDBACK).place == ""
    finally:
        store.close()
    statements.clear()
    Store.open(path).close()
    assert not [s for s in statements if s.startswith("PRAGMA quick_check")]  # and not again
