"""Publish what owners released into a separate SQLite file for the HFS network, and merge such files.

The published file is an archive for Datasette (`datasette network.db -m metadata.json`), not an
hfs-tui database: it holds reviews (by their stable `uid`), parties, the selected questions, and only
the notes that are released (`share = 'network'`), in the report and not deleted, plus the actions whose
own flags say network (no action at all while the actions table has no `share` column). Nothing
internal, no member names, no facilitator, no answers or assessments. Publishing a review that is
already in the file replaces it; every write goes to a temporary file that is renamed into place.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from ..i18n import t
from .publish_meta import FORMAT, TOKENIZE, metadata
from .search import released_action_sql, released_note_sql

PUBLISH_MARK = "hfs-tui network archive"
_TABLES = ("actions", "notes", "questions", "parties", "reviews")  # children first, for deletes


class PublishError(Exception):
    """A problem the user can act on, said in one line."""


def _create_schema(out: Database) -> None:
    out.execute("CREATE TABLE archive_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    out.execute(
        """CREATE TABLE reviews (uid TEXT PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL,
           created_at TEXT NOT NULL, published_at TEXT NOT NULL)"""
    )
    out.execute(
        """CREATE TABLE parties (id TEXT PRIMARY KEY, review_uid TEXT NOT NULL REFERENCES reviews(uid),
           key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL)"""
    )
    out.execute(
        """CREATE TABLE questions (id TEXT PRIMARY KEY, review_uid TEXT NOT NULL REFERENCES reviews(uid),
           number INTEGER NOT NULL, text TEXT NOT NULL, sub_questions TEXT NOT NULL)"""
    )
    out.execute(
        """CREATE TABLE notes (id TEXT PRIMARY KEY, review_uid TEXT NOT NULL REFERENCES reviews(uid),
           party_id TEXT NOT NULL REFERENCES parties(id), question_id TEXT REFERENCES questions(id),
           meeting TEXT NOT NULL, category TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL)"""
    )
    out.execute(
        """CREATE TABLE actions (id TEXT PRIMARY KEY, review_uid TEXT NOT NULL REFERENCES reviews(uid),
           party_id TEXT NOT NULL REFERENCES parties(id), question_id TEXT REFERENCES questions(id),
           goal TEXT NOT NULL, activities TEXT NOT NULL, timeline TEXT NOT NULL, follow_up TEXT NOT NULL,
           status TEXT NOT NULL, outcome TEXT NOT NULL, sustain TEXT NOT NULL)"""
    )
    for table in ("parties", "questions", "notes", "actions"):
        out.execute(f"CREATE INDEX idx_{table}_review ON {table}(review_uid)")
    out.table("archive_info").insert_all(
        [{"key": "format", "value": str(FORMAT)}, {"key": "kind", "value": PUBLISH_MARK}]
    )


def _check_archive(out: Database, path: Path) -> None:
    try:
        info = dict(out.execute("SELECT key, value FROM archive_info").fetchall())
    except sqlite3.DatabaseError:
        raise PublishError(t("publish.error.not_archive", path=path)) from None
    if info.get("kind") != PUBLISH_MARK:
        raise PublishError(t("publish.error.not_archive", path=path))
    version = str(info.get("format", ""))
    if not version.isdigit() or int(version) > FORMAT:
        raise PublishError(t("publish.error.newer", path=path))


def _rows(db: Database, sql: str, params: Sequence[object] = ()) -> list[dict]:
    return list(db.query(sql, list(params)))


def released_rows(db: Database, review_ids: Iterable[int] | None = None) -> dict[str, list[dict]]:
    """The rows of the published tables for live reviews (all, or those given), ownership applied here only."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    where, params = "r.deleted_at IS NULL", []
    if review_ids is not None:
        ids = [int(i) for i in review_ids]
        where += f" AND r.id IN ({','.join('?' * len(ids)) or 'NULL'})"
        params = ids
    rows: dict[str, list[dict]] = {}
    rows["reviews"] = _rows(
        db,
        f"SELECT r.uid, r.title, r.template, r.created_at, ? AS published_at FROM reviews r WHERE {where}",
        [now, *params],
    )
    rows["parties"] = _rows(
        db,
        f"""SELECT r.uid || ':' || p.key AS id, r.uid AS review_uid, p.key, p.name, p.kind
            FROM parties p JOIN reviews r ON r.id = p.review_id WHERE {where}""",
        params,
    )
    rows["questions"] = _rows(
        db,
        f"""SELECT r.uid || ':q' || q.id AS id, r.uid AS review_uid, q.position AS number, q.text, q.sub_questions
            FROM questions q JOIN reviews r ON r.id = q.review_id WHERE {where} AND q.selected = 1""",
        params,
    )
    selected = "(SELECT 1 FROM questions sq WHERE sq.id = {col} AND sq.selected = 1)"
    rows["notes"] = _rows(
        db,
        f"""SELECT r.uid || ':n' || n.id AS id, r.uid AS review_uid, r.uid || ':' || p.key AS party_id,
                   CASE WHEN {selected.format(col="n.question_id")} THEN r.uid || ':q' || n.question_id END AS question_id,
                   m.kind AS meeting, n.category, n.text, n.created_at
            FROM notes n JOIN meetings m ON m.id = n.meeting_id JOIN reviews r ON r.id = m.review_id
            JOIN parties p ON p.id = n.party_id
            WHERE {where} AND {released_note_sql("n")}
            ORDER BY n.id""",
        params,
    )
    rows["actions"] = _rows(
        db,
        f"""SELECT r.uid || ':a' || ac.id AS id, r.uid AS review_uid, r.uid || ':' || p.key AS party_id,
                   CASE WHEN {selected.format(col="src.question_id")} THEN r.uid || ':q' || src.question_id END
                       AS question_id,
                   ac.goal, ac.activities, ac.timeline, ac.follow_up, ac.status, ac.outcome, ac.sustain
            FROM actions ac JOIN reviews r ON r.id = ac.review_id JOIN parties p ON p.id = ac.party_id
            LEFT JOIN notes src ON src.id = ac.note_id
            WHERE {where} AND ac.deleted_at IS NULL AND ({released_action_sql(db, "ac")})
            ORDER BY ac.id""",
        params,
    )
    return rows


def _put(out: Database, rows: dict[str, list[dict]]) -> None:
    """Replace every review in `rows` (by uid) with its new rows."""
    uids = [row["uid"] for row in rows["reviews"]]
    for table in _TABLES:
        key = "uid" if table == "reviews" else "review_uid"
        for uid in uids:
            out.execute(f"DELETE FROM {table} WHERE {key} = ?", [uid])
    for table in reversed(_TABLES):
        if rows.get(table):
            out.table(table).insert_all(rows[table])


def _finish(out: Database) -> None:
    """(Re)build the search index (Datasette finds `notes_fts`/`actions_fts` by itself) and compact."""
    for table, columns in (("notes", ["text"]), ("actions", ["goal", "activities", "outcome", "sustain"])):
        if out[f"{table}_fts"].exists():
            out.table(table).rebuild_fts()
        else:
            out.table(table).enable_fts(columns, tokenize=TOKENIZE)


def _write(out_path: Path, build, start_from: Path | None) -> None:
    """Build into a temporary file beside `out_path` (from a copy of `start_from`) and rename it into place."""
    out_path = out_path.expanduser()
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise PublishError(t("publish.error.no_folder", path=folder))
    from ..files import check_write_target

    check_write_target(out_path)  # a pipe or device there would hang or be replaced
    handle, temp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    current = os.umask(0)
    os.umask(current)
    os.chmod(temp, 0o666 & ~current)  # mkstemp makes 0600; a published file follows the umask
    try:
        conn = sqlite3.connect(str(temp))
        try:
            if start_from is not None:
                source = sqlite3.connect(f"file:{start_from}?mode=ro", uri=True)
                try:
                    source.backup(conn)
                finally:
                    source.close()
            out = Database(conn, execute_plugins=False)
            if start_from is None:
                _create_schema(out)
            else:
                _check_archive(out, start_from)
            with out.atomic():
                build(out)
            _finish(out)
            out.execute("VACUUM")
        finally:
            conn.close()
        os.replace(temp, out_path)
    except sqlite3.DatabaseError as error:
        temp.unlink(missing_ok=True)
        raise PublishError(t("publish.error.failed", path=out_path, reason=error)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def publish(db: Database, out_path: str | Path, review_ids: Iterable[int] | None = None) -> Path:
    """Publish the live reviews (or those given) into `out_path`, replacing them there if already published.

    Writes `metadata.json` beside the file for Datasette. Returns the archive's path.
    """
    out_path = Path(out_path)
    rows = released_rows(db, review_ids)
    start = out_path if out_path.exists() else None
    _write(out_path, lambda out: _put(out, rows), start)
    write_metadata(out_path)
    return out_path


def merge(inputs: Sequence[str | Path], out_path: str | Path) -> Path:
    """Merge published archives into one, keyed by review uid (a later file wins for the same review)."""
    out_path = Path(out_path)
    sources = [Path(p).expanduser() for p in inputs]
    for source in sources:
        if not source.is_file():
            raise PublishError(t("publish.error.missing", path=source))

    def build(out: Database) -> None:
        for source in sources:
            conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                archive = Database(conn, execute_plugins=False)
                _check_archive(archive, source)
                _put(out, {table: list(archive[table].rows) for table in _TABLES})
            except sqlite3.DatabaseError:
                raise PublishError(t("publish.error.not_archive", path=source)) from None
            finally:
                conn.close()

    _write(out_path, build, None)
    write_metadata(out_path)
    return out_path


def metadata_path(out_path: Path) -> Path:
    return out_path.with_name("metadata.json")


def write_metadata(out_path: Path) -> Path:
    from ..files import write_atomic

    path = metadata_path(out_path)
    write_atomic(path, json.dumps(metadata(out_path.stem), ensure_ascii=False, indent=2) + "\n")
    return path
