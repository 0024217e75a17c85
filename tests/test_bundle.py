"""A review moves between facilitators: export, import with new ids, refusals in one line."""

from __future__ import annotations

import sqlite3

import pytest

from hfs_tui.cli import main
from hfs_tui.model import Category, MeetingKind, Share, Sign, TimerEventKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store
from hfs_tui.store.bundle import BundleError, export_bundle, import_bundle, review_tables
from hfs_tui.store.search import search


def full_review(store: Store) -> int:
    """The sample review with a bit of everything: members, documents, timer events, notes, history, actions."""
    review = load_sample(store, "region")
    parties = store.parties(review.id)
    questions = store.questions(review.id)
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    store.add_member(parties[0].id, "Anna", "processledare")
    store.add_document(parties[0].id, "Handlingsplan", questions[0].id)
    store.import_assessments(parties[1].id, parties[0].id, [(questions[2].id, Sign.MINUS, "Saknar mål")])
    store.add_timer_event(slot.id, TimerEventKind.START)
    store.add_timer_event(slot.id, TimerEventKind.PAUSE)
    first = store.add_note(meeting.id, parties[0].id, Category.ACTION, "Bilda styrgrupp", slot.id, questions[1].id)
    store.edit_note(first.id, "Bilda en styrgrupp")
    store.set_note_flags(first.id, in_report=True, share=Share.NETWORK)
    gone = store.add_note(meeting.id, parties[1].id, Category.LESSON, "Borttagen lärdom", slot.id, questions[1].id)
    store.delete_note(gone.id)
    store.action_from_note(first.id)
    store.set_meeting_position(meeting.id, slot.id, questions[1].id)
    return review.id


def canonical(store: Store, review_id: int) -> dict[str, list[tuple]]:
    """Every table's rows of the review with ids replaced by their row's position, so two copies compare."""
    db = store.db
    position: dict[tuple[str, int], int] = {}
    rows: dict[str, list[dict]] = {}
    tables = review_tables(db)
    for table, refs in tables:
        if table == "reviews":
            selected = list(db.query("SELECT * FROM reviews WHERE id = ?", [review_id]))
        else:
            selected = [
                row
                for row in db.query(f"SELECT * FROM {table} ORDER BY rowid")
                if any((parent, row[column]) in position for column, parent in refs.items())
            ]
        for index, row in enumerate(selected):
            if "id" in row:  # a link table (attendance) has a composite key and no id
                position[(table, row["id"])] = index
        rows[table] = selected
    extra = {("meetings", "current_slot_id"): "slots", ("meetings", "current_question_id"): "questions"}
    result = {}
    for table, refs in tables:
        out = []
        for row in rows[table]:
            values = []
            for column, value in row.items():
                if column == "id":
                    continue
                parent = refs.get(column) or extra.get((table, column))
                values.append((column, position.get((parent, value)) if parent and value is not None else value))
            out.append(tuple(values))
        result[table] = out
    return result


def test_round_trip_into_an_empty_database_keeps_every_table_up_to_ids(store, tmp_path):
    review_id = full_review(store)
    store.create_review("vardcentral", "Annan A", "Annan B")  # another review: not in the bundle
    path = export_bundle(store.db, review_id, tmp_path / "review.hfs")
    target = Store.open(tmp_path / "target.db")
    try:
        target.create_review("blank", "Finns X", "Finns Y")  # ids in the target differ from the source
        new_id = import_bundle(target.db, path)
        assert new_id != review_id
        before, after = canonical(store, review_id), canonical(target, new_id)
        for table in before:
            assert after[table] == before[table], table
        assert len(before["notes"]) == 2 and len(before["note_history"]) == 2 and len(before["timer_events"]) == 2
        assert len(before["actions"]) == 1 and len(before["members"]) >= 2 and len(before["documents"]) >= 1
        meeting = target.meeting_of_kind(new_id, MeetingKind.FEEDBACK)
        assert target.question(meeting.current_question_id).review_id == new_id
        assert [h.review_id for h in search(target.db, "styrgrupp") if h.kind == "note"] == [new_id]  # indexed
        assert target.undo_last_change(meeting.id)[0] == "delete"  # the history works in its new home
    finally:
        target.close()


def test_the_same_review_twice_is_refused_unless_replace(store, tmp_path):
    review_id = full_review(store)
    path = export_bundle(store.db, review_id, tmp_path / "review.hfs")
    with pytest.raises(BundleError, match="finns redan"):
        import_bundle(store.db, path)  # into its own database: the uid is there
    count = store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    new_id = import_bundle(store.db, path, replace=True)
    assert [r.review.id for r in store.reviews()] == [new_id]
    assert store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == count


def test_an_import_that_fails_half_way_leaves_nothing(store, tmp_path, monkeypatch):
    review_id = full_review(store)
    path = export_bundle(store.db, review_id, tmp_path / "review.hfs")
    target = Store.open(tmp_path / "target.db")
    try:
        target.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON note_history BEGIN SELECT RAISE(ABORT, 'boom'); END")
        with pytest.raises(BundleError, match="boom"):
            import_bundle(target.db, path)
        for table in ("reviews", "parties", "questions", "notes", "search_index"):
            assert target.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    finally:
        target.close()


def test_truncated_damaged_foreign_and_newer_bundles_are_refused(store, tmp_path):
    review_id = full_review(store)
    path = export_bundle(store.db, review_id, tmp_path / "review.hfs")
    data = path.read_bytes()
    target = Store.open(tmp_path / "target.db")
    cases = {}
    cases["truncated.hfs"] = data[: len(data) // 2]
    cases["cut_page.hfs"] = data[:-4096]
    cases["empty.hfs"] = b""
    cases["text.hfs"] = b"# Svar\n" * 50
    damaged = bytearray(data)
    for offset in range(4096 * 3, min(len(data), 4096 * 6)):
        damaged[offset] = 0x5A
    cases["damaged.hfs"] = bytes(damaged)
    try:
        for name, content in cases.items():
            (tmp_path / name).write_bytes(content)
            with pytest.raises(BundleError) as error:
                import_bundle(target.db, tmp_path / name)
            assert "\n" not in str(error.value) and name in str(error.value)
        foreign = tmp_path / "foreign.hfs"
        sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.commit()
        with pytest.raises(BundleError, match="inte en granskningsfil"):
            import_bundle(target.db, foreign)
        with pytest.raises(BundleError, match="inte en granskningsfil"):
            import_bundle(target.db, tmp_path / "target.db")  # a whole database is not a bundle
        newer = tmp_path / "newer.hfs"
        newer.write_bytes(data)
        conn = sqlite3.connect(newer)
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('hfs_tui', 'm999_future', 'x')"
        )
        conn.commit()
        conn.close()
        with pytest.raises(BundleError, match="nyare version"):
            import_bundle(target.db, newer)
        with pytest.raises(BundleError, match="finns inte"):
            import_bundle(target.db, tmp_path / "missing.hfs")
        assert target.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    finally:
        target.close()
    assert path.read_bytes() == data  # importing never writes the bundle itself


def test_cli_bundle_export_and_import(tmp_path, capsys):
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    store = Store.open(source)
    review_id = full_review(store)
    store.close()
    out = tmp_path / "review.hfs"
    assert main(["--db", str(source), "bundle", "export", str(review_id), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert main(["bundle", "import", str(out), "--db", str(target)]) == 0
    assert "Region Nordmark" in capsys.readouterr().out
    assert main(["bundle", "import", str(out), "--db", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--replace" in err
    assert main(["bundle", "import", str(out), "--db", str(target), "--replace"]) == 0
    out.write_bytes(out.read_bytes()[:5000])
    assert main(["bundle", "import", str(out), "--db", str(target)]) == 1
    assert "skadad" in capsys.readouterr().err
    assert main(["--db", str(source), "bundle", "export", "finns inte", "--out", str(out)]) == 1
