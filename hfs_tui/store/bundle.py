"""A review moves between facilitators: one self-contained SQLite file with everything of the review.

`export_bundle` writes the review's rows of every table that hangs off `reviews` by foreign keys
(parties, members, questions, answers, documents, assessments, meetings, slots, timer events, notes,
note history, actions, and any table added later that references them), keeping their ids, into a new
file with the hfs-tui schema and a `bundle_info` table. `import_bundle` brings it into another database
with new ids, in one transaction: all or nothing. The review keeps its `uid`, so the same review
imported twice is refused (unless `replace`). A bundle from a newer hfs-tui, a foreign file, or a
truncated or damaged one is refused with a one-line message.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .. import __version__
from ..i18n import t
from . import schema

BUNDLE_FORMAT = 1
ROOT = "reviews"
# References that are not declared as foreign keys (a meeting's place on the screen): remapped too.
EXTRA_REFERENCES = {("meetings", "current_slot_id"): "slots", ("meetings", "current_question_id"): "questions"}
_SQLITE_HEADER = b"SQLite format 3\x00"


class BundleError(Exception):
    """A problem the user can act on, said in one line."""


def review_tables(db: Database) -> list[tuple[str, dict[str, str]]]:
    """Tables reachable from `reviews` through foreign keys, parents first, each with {column: parent}."""
    references: dict[str, dict[str, str]] = {}
    for name in db.table_names():
        references[name] = {str(fk.column): fk.other_table for fk in db.table(name).foreign_keys}
    reachable = {ROOT}
    changed = True
    while changed:
        changed = False
        for name, refs in references.items():
            if name not in reachable and reachable & set(refs.values()):
                reachable.add(name)
                changed = True
    ordered: list[str] = []
    while len(ordered) < len(reachable):
        ready = sorted(
            name
            for name in reachable - set(ordered)
            if all(parent in ordered or parent == name for parent in references[name].values() if parent in reachable)
        )
        if not ready:  # a cycle of foreign keys: not in our schema
            raise BundleError(t("bundle.error.failed", reason="foreign-key cycle"))
        ordered.extend(ready)
    return [(name, {c: p for c, p in references[name].items() if p in reachable}) for name in ordered]


def _columns(db: Database, table: str, schema_name: str = "main") -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA {schema_name}.table_info({table})")]


@contextmanager
def _immediate(db: Database) -> Iterator[None]:
    """One write transaction (BEGIN IMMEDIATE), or a savepoint inside one already open."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
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


def _temporary_beside(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    current = os.umask(0)
    os.umask(current)
    os.chmod(name, 0o666 & ~current)
    return Path(name)


# ----------------------------------------------------------------------------------------- export


def export_bundle(db: Database, review_id: int, out_path: str | Path) -> Path:
    """Write the review into `out_path` (temporary file, then renamed into place; never over a device, pipe
    or folder)."""
    from ..files import check_write_target

    out_path = Path(out_path).expanduser()
    check_write_target(out_path)
    review = next(iter(db.query("SELECT id, uid, title FROM reviews WHERE id = ?", [review_id])), None)
    if review is None:
        raise BundleError(t("error.review_missing", id=review_id))
    try:
        temp = _temporary_beside(out_path)
    except OSError as error:
        raise BundleError(t("bundle.error.write", path=out_path, reason=error.strerror)) from None
    try:
        bundle = Database(sqlite3.connect(str(temp)), execute_plugins=False)
        try:
            schema.migrate(bundle)  # the store's schema, application_id and user_version (SCHEMA_VERSION)
            bundle.execute("CREATE TABLE bundle_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            exported_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            bundle.table("bundle_info").insert_all(
                [
                    {"key": "format", "value": str(BUNDLE_FORMAT)},
                    {"key": "review_uid", "value": review["uid"]},
                    {"key": "title", "value": review["title"]},
                    {"key": "exported_at", "value": exported_at},
                    {"key": "hfs_tui_version", "value": __version__},
                ]
            )
            bundle.conn.commit()
        finally:
            bundle.conn.close()
        _copy_review_into(db, review_id, temp)
        check = sqlite3.connect(str(temp))
        try:
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BundleError(t("bundle.error.write", path=out_path, reason="integrity_check"))
        finally:
            check.close()
        os.replace(temp, out_path)
    except sqlite3.Error as error:
        temp.unlink(missing_ok=True)
        raise BundleError(t("bundle.error.write", path=out_path, reason=error)) from None
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BundleError(t("bundle.error.write", path=out_path, reason=error.strerror)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out_path


def _copy_review_into(db: Database, review_id: int, bundle_path: Path) -> None:
    """Copy the review's rows, ids kept, from one consistent snapshot of the source."""
    conn = db.conn
    if conn.in_transaction:
        raise BundleError(t("bundle.error.failed", reason="export inside an open transaction"))
    conn.execute("ATTACH DATABASE ? AS bundle", [str(bundle_path)])
    try:
        conn.execute("BEGIN")
        try:
            for table, refs in review_tables(db):
                columns = [c for c in _columns(db, table) if c in set(_columns(db, table, "bundle"))]
                names = ", ".join(f'"{c}"' for c in columns)
                if table == ROOT:
                    where, params = "id = ?", [review_id]
                else:
                    where = " OR ".join(f'"{c}" IN (SELECT id FROM bundle."{p}")' for c, p in refs.items())
                    params = []
                conn.execute(
                    f'INSERT INTO bundle."{table}" ({names}) SELECT {names} FROM main."{table}" WHERE {where}', params
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE bundle")


# ----------------------------------------------------------------------------------------- import


def check_bundle(path: Path) -> None:
    """Refuse a missing, foreign, truncated or damaged file before SQLite reads any of it as data."""
    if not path.is_file():
        raise BundleError(t("bundle.error.missing", path=path))
    size = path.stat().st_size
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        raise BundleError(t("bundle.error.not_bundle", path=path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_count = header[24:28] == header[92:96]
    if page_size < 512 or size % page_size or (valid_count and pages * page_size != size):
        raise BundleError(t("bundle.error.damaged", path=path, reason=f"{size} bytes"))


def _open_checked(path: Path, original: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            raise BundleError(t("bundle.error.not_bundle", path=original))
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BundleError(t("bundle.error.damaged", path=original, reason=result))
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "bundle_info" not in tables or schema.migrations.migrations_table not in tables:
            raise BundleError(t("bundle.error.not_bundle", path=original))
        info = dict(conn.execute("SELECT key, value FROM bundle_info").fetchall())
        version = str(info.get("format", ""))
        applied = {
            row[0]
            for row in conn.execute(
                f"SELECT name FROM {schema.migrations.migrations_table} WHERE migration_set = ?",
                [schema.MIGRATION_SET],
            )
        }
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if (
            (version.isdigit() and int(version) > BUNDLE_FORMAT)
            or user_version > schema.SCHEMA_VERSION
            or applied - schema.KNOWN_MIGRATIONS
        ):
            raise BundleError(t("bundle.error.newer", path=original))
        if not version.isdigit() or conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] != 1:
            raise BundleError(t("bundle.error.not_bundle", path=original))
    except sqlite3.DatabaseError as error:
        conn.close()
        raise BundleError(t("bundle.error.damaged", path=original, reason=error)) from None
    except BaseException:
        conn.close()
        raise
    return conn


def import_bundle(db: Database, bundle_path: str | Path, *, replace: bool = False) -> int:
    """Bring the bundle's review into `db` with new ids, all or nothing; returns the new review id."""
    original = Path(bundle_path).expanduser()
    check_bundle(original)
    folder = tempfile.mkdtemp(prefix="hfs-bundle-")
    try:
        copy = Path(folder) / "bundle.hfs"
        shutil.copyfile(original, copy)  # checked and migrated as a copy: the file itself is never written
        conn = _open_checked(copy, original)
        try:
            source = Database(conn, execute_plugins=False)
            schema.migrate(source)  # an older bundle gets the newer columns (the copy, never the file)
            return _import_rows(db, source, replace)
        except sqlite3.DatabaseError as error:
            raise BundleError(t("bundle.error.damaged", path=original, reason=error)) from None
        finally:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _import_rows(db: Database, source: Database, replace: bool) -> int:
    uid = source.execute("SELECT uid FROM reviews").fetchone()[0]
    try:
        with _immediate(db):
            existing = next(iter(db.query("SELECT id, title FROM reviews WHERE uid = ?", [uid])), None)
            if existing is not None:
                if not replace:
                    raise BundleError(t("bundle.error.exists", title=existing["title"], id=existing["id"]))
                db.execute("DELETE FROM reviews WHERE id = ?", [existing["id"]])
            new_ids: dict[str, dict[int, int]] = {}
            deferred: list[tuple[str, str, str, int, int]] = []  # table, column, parent, new row id, old value
            for table, refs in review_tables(db):
                target_columns = set(_columns(db, table))
                has_id = "id" in target_columns  # a link table (attendance) has a composite key and no id
                mapping = new_ids.setdefault(table, {})
                order = "id" if has_id else "rowid"
                for row in source.query(f'SELECT * FROM "{table}" ORDER BY {order}'):
                    record = {k: v for k, v in row.items() if k in target_columns and k != "id"}
                    for column, parent in refs.items():
                        if record.get(column) is not None:
                            record[column] = new_ids[parent][record[column]]
                    later = {}
                    for (extra_table, column), parent in EXTRA_REFERENCES.items():
                        if extra_table == table and record.get(column) is not None:
                            later[column] = (parent, record[column])
                            record[column] = None
                    new_id = db.table(table).insert(record).last_rowid
                    if new_id is None:  # sqlite always gives a rowid; this keeps the type honest
                        raise sqlite3.DatabaseError(f"no row id for {table}")
                    if has_id:
                        mapping[row["id"]] = new_id
                    deferred.extend((table, c, p, new_id, old) for c, (p, old) in later.items())
            for table, column, parent, row_id, old in deferred:
                db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', [new_ids[parent].get(old), row_id])
            return new_ids[ROOT][next(iter(new_ids[ROOT]))]
    except KeyError as error:  # a reference to a row the bundle does not hold
        raise BundleError(t("bundle.error.failed", reason=f"missing row {error}")) from None
    except sqlite3.Error as error:
        raise BundleError(t("bundle.error.failed", reason=error)) from None
