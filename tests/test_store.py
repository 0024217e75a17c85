"""The store: every table round-trips through a closed and reopened file, opening refuses what is not ours,
imports are all or nothing, and two stores on one file neither corrupt it nor fail each other's writes."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from hfs_tui.clock import FakeClock
from hfs_tui.model import ActionStatus, Category, MeetingKind, Share, Sign, TimerEventKind
from hfs_tui.store import RECOVERABLE_DAYS, Store, StoreError, schema

DAY = 24 * 60 * 60


def reopen(store: Store) -> Store:
    store.close()
    return Store.open(store.path, clock=store.clock)


def one_line_error(excinfo: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(excinfo.value)
    assert "\n" not in message
    return message


@pytest.fixture
def review(store: Store):
    return store.create_review("region", "Region Nordmark", "Region Söderås")


@pytest.fixture
def feedback(store: Store, review):
    return store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)


# ------------------------------------------------------------------- round trips


def test_review_and_parties_round_trip(store: Store, review):
    party_a, party_b = store.parties(review.id)
    store.update_review(review.id, facilitator="Karin", confidentiality="Inga patientuppgifter", report_form="Intern")
    store.update_party(party_a.id, hours_estimate=12.5)
    store = reopen(store)
    try:
        again = store.review(review.id)
        assert (again.title, again.template, again.created_at) == (
            "Kollegialt lärande: Region Nordmark och Region Söderås",
            "region",
            "2026-03-10T09:00:00.000000+00:00",
        )
        assert (again.facilitator, again.confidentiality, again.report_form) == (
            "Karin",
            "Inga patientuppgifter",
            "Intern",
        )
        assert [(p.key, p.name, p.kind) for p in store.parties(review.id)] == [
            ("a", "Region Nordmark", "region"),
            ("b", "Region Söderås", "region"),
        ]
        assert store.party(party_a.id).hours_estimate == 12.5
        assert store.find_party(review.id, "region söderås").id == party_b.id
        assert [s.review.id for s in store.reviews()] == [review.id]
    finally:
        store.close()


def test_members_round_trip(store: Store, review):
    party = store.parties(review.id)[0]
    anna = store.add_member(party.id, "Anna Bergström", "processledare")
    erik = store.add_member(party.id, "Erik Holmgren")
    store.update_member(erik.id, "Erik Holmgren", "folkhälsostrateg")
    store = reopen(store)
    try:
        assert [(m.name, m.role) for m in store.members(party.id)] == [
            ("Anna Bergström", "processledare"),
            ("Erik Holmgren", "folkhälsostrateg"),
        ]
        store.remove_member(anna.id)
        assert [m.name for m in store.members(party.id)] == ["Erik Holmgren"]
    finally:
        store.close()


def test_questions_round_trip_with_sub_questions(store: Store, review):
    added = store.add_question(review.id, "Hur når ni ut?", ["Till vem?", "Hur ofta?"])
    store.update_question(added.id, "Hur når ni ut med [/] och ”citat”?", ["Till vem?"])
    store.set_question_selected(added.id, False)
    store = reopen(store)
    try:
        questions = store.questions(review.id)
        assert len(questions) == 18
        assert questions[0].sub_questions[:2] == ("Var i landstingets organisation?", "Finns det en styrgrupp?")
        last = store.question(added.id)
        assert (last.position, last.number, last.text, last.sub_questions, last.selected) == (
            18,
            "18",
            "Hur når ni ut med [/] och ”citat”?",
            ("Till vem?",),
            False,
        )
        assert added.id not in [q.id for q in store.questions(review.id, selected_only=True)]
    finally:
        store.close()


def test_answers_and_documents_round_trip(store: Store, review, clock: FakeClock):
    party = store.parties(review.id)[0]
    question = store.questions(review.id)[0]
    store.set_answer(question.id, party.id, "Först")
    clock.advance(60)
    store.set_answer(question.id, party.id, "- punkt\n\n**fet** [/] text")
    kept = store.add_document(party.id, "Handlingsplan 2025–2027", question.id)
    general = store.add_document(party.id, "Organisationsskiss")
    removed = store.add_document(party.id, "Utkast")
    store.remove_document(removed.id)
    store = reopen(store)
    try:
        answer = store.answers(review.id)[(question.id, party.id)]
        assert (answer.text, answer.updated_at) == ("- punkt\n\n**fet** [/] text", "2026-03-10T09:01:00.000000+00:00")
        assert store.documents(party.id) == [kept, general]
        assert general.question_id is None
    finally:
        store.close()


def test_assessments_round_trip(store: Store, review):
    party_a, party_b = store.parties(review.id)
    question = store.questions(review.id)[1]
    plus = store.add_assessment(question.id, party_a.id, party_b.id, Sign.PLUS, "  Tydlig plan  ")
    minus = store.add_assessment(question.id, party_a.id, party_b.id, Sign.MINUS, "Saknar mått")
    store.update_assessment(minus.id, Sign.MINUS, "Saknar mätbara mål")
    gone = store.add_assessment(question.id, party_b.id, party_a.id, Sign.PLUS, "tas bort")
    store.delete_assessment(gone.id)
    store = reopen(store)
    try:
        assert [(a.id, a.party_id, a.reviewer_party_id, a.sign, a.comment) for a in store.assessments(review.id)] == [
            (plus.id, party_a.id, party_b.id, Sign.PLUS, "Tydlig plan"),
            (minus.id, party_a.id, party_b.id, Sign.MINUS, "Saknar mätbara mål"),
        ]
    finally:
        store.close()


def test_a_party_cannot_assess_itself(store: Store, review):
    party = store.parties(review.id)[0]
    with pytest.raises(StoreError):
        store.add_assessment(store.questions(review.id)[0].id, party.id, party.id, Sign.PLUS, "bra")


def test_meetings_and_slots_round_trip(store: Store, review):
    intro, feedback, follow_up = store.meetings(review.id)
    assert [m.kind for m in (intro, feedback, follow_up)] == list(MeetingKind)
    slots = store.slots(feedback.id)
    question = store.questions(review.id)[3]
    store.set_meeting_position(feedback.id, slots[1].id, question.id)
    store.set_meeting_held_on(feedback.id, "2026-04-02")
    store.update_slot(slots[0].id, title="Återkoppling till Nordmark", planned_minutes=80)
    store = reopen(store)
    try:
        again = store.meeting(feedback.id)
        position = (again.current_slot_id, again.current_question_id, again.held_on)
        assert position == (slots[1].id, question.id, "2026-04-02")
        party_a, party_b = store.parties(review.id)
        assert [(s.position, s.title, s.planned_minutes, s.party_id) for s in store.slots(feedback.id)] == [
            (1, "Återkoppling till Nordmark", 80, party_a.id),
            (2, "Återkoppling till Region Söderås", 90, party_b.id),
        ]
        with pytest.raises(StoreError):
            store.update_slot(slots[0].id, planned_minutes=0)
    finally:
        store.close()


def test_timer_events_round_trip_in_order(store: Store, feedback, clock: FakeClock):
    first, second = store.slots(feedback.id)
    store.add_timer_event(first.id, TimerEventKind.START)
    clock.advance(600)
    store.add_timer_event(first.id, TimerEventKind.PAUSE)
    clock.advance(60)
    store.add_timer_event(first.id, TimerEventKind.RESUME)
    store = reopen(store)
    try:
        events = store.timer_events(feedback.id)
        assert [(e.kind, e.at) for e in events[first.id]] == [
            (TimerEventKind.START, "2026-03-10T09:00:00.000000+00:00"),
            (TimerEventKind.PAUSE, "2026-03-10T09:10:00.000000+00:00"),
            (TimerEventKind.RESUME, "2026-03-10T09:11:00.000000+00:00"),
        ]
        assert events[second.id] == []
    finally:
        store.close()


def test_notes_round_trip_with_flags(store: Store, review, feedback):
    party_a, party_b = store.parties(review.id)
    slot = store.slots(feedback.id)[0]
    question = store.questions(review.id)[0]
    note = store.add_note(feedback.id, party_a.id, Category.STRENGTH, "  Tydlig styrgrupp [/]  ", slot.id, question.id)
    store.add_note(feedback.id, party_a.id, Category.NOTE, "utan fråga", slot.id)
    # An owner switch withdraws the release (test_store_release.py), so the switch comes first and the flags after.
    store.set_note_flags(note.id, party_id=party_b.id)
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    store = reopen(store)
    try:
        again = store.note(note.id)
        assert (again.text, again.category, again.in_report, again.share, again.party_id, again.released_at) == (
            "Tydlig styrgrupp [/]",
            Category.STRENGTH,
            True,
            Share.NETWORK,
            party_b.id,
            "2026-03-10T09:00:00.000000+00:00",
        )
        assert (again.slot_id, again.question_id, again.deleted_at) == (slot.id, question.id, None)
        assert [n.id for n in store.notes(feedback.id, question_id=question.id)] == [note.id]
        assert len(store.review_notes(review.id, MeetingKind.FEEDBACK)) == 2
        with pytest.raises(StoreError):
            store.add_note(feedback.id, party_a.id, Category.NOTE, "   ")
    finally:
        store.close()


def test_note_history_edit_delete_and_undo_in_reverse_order(store: Store, review, feedback):
    party = store.parties(review.id)[0]
    note = store.add_note(feedback.id, party.id, Category.NOTE, "första")
    store.edit_note(note.id, "andra", Category.LESSON)
    store.delete_note(note.id)
    assert store.notes(feedback.id) == []
    assert store.notes(feedback.id, include_deleted=True)[0].deleted_at is not None
    history = list(store.db.query("SELECT op, undone_at FROM note_history ORDER BY id"))
    assert history == [{"op": "edit", "undone_at": None}, {"op": "delete", "undone_at": None}]

    op, restored = store.undo_last_change(feedback.id)
    assert (op, restored.text, restored.category, restored.deleted_at) == ("delete", "andra", Category.LESSON, None)
    op, restored = store.undo_last_change(feedback.id)
    assert (op, restored.text, restored.category) == ("edit", "första", Category.NOTE)
    assert store.undo_last_change(feedback.id) is None


def test_undo_works_across_a_reopen(store: Store, review, feedback):
    party = store.parties(review.id)[0]
    note = store.add_note(feedback.id, party.id, Category.IMPROVEMENT, "gammal text")
    store.edit_note(note.id, "ny text")
    store = reopen(store)
    try:
        op, restored = store.undo_last_change(feedback.id)
        assert (op, restored.text) == ("edit", "gammal text")
        assert store.note(note.id).text == "gammal text"
    finally:
        store.close()


def test_actions_round_trip_and_action_from_note_once(store: Store, review, feedback):
    party_a, party_b = store.parties(review.id)
    action = store.add_action(
        review.id,
        party_a.id,
        "Mätbara mål",
        activities="Välj indikatorer",
        responsible="Processledarna",
        timeline="Q3 2026",
        follow_up="Årsuppföljning",
    )
    store.update_action(action.id, status="partly", outcome="Hälften klart", sustain="I årshjulet")
    note = store.add_note(feedback.id, party_b.id, Category.ACTION, "Skriv uppdrag för processledarna")
    from_note = store.action_from_note(note.id)
    assert store.action_from_note(note.id).id == from_note.id
    removed = store.add_action(review.id, party_b.id, "tas bort")
    store.delete_action(removed.id)
    store = reopen(store)
    try:
        again = store.action(action.id)
        assert (again.goal, again.activities, again.responsible, again.timeline, again.follow_up) == (
            "Mätbara mål",
            "Välj indikatorer",
            "Processledarna",
            "Q3 2026",
            "Årsuppföljning",
        )
        assert (again.status, again.outcome, again.sustain) == (ActionStatus.PARTLY, "Hälften klart", "I årshjulet")
        assert [(a.party_id, a.goal, a.activities, a.note_id) for a in store.actions(review.id, party_b.id)] == [
            (party_b.id, "Skriv uppdrag för processledarna", "", note.id)
        ]
        assert len(store.actions(review.id)) == 2
    finally:
        store.close()


# ------------------------------------------------------------------- opening


def test_migrations_applied_twice_are_a_no_op(tmp_path: Path, clock: FakeClock):
    path = tmp_path / "twice.db"
    Store.open(path, clock=clock).close()
    first = sqlite3.connect(path)
    rows = first.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall()
    tables = first.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    first.close()
    Store.open(path, clock=clock).close()
    second = sqlite3.connect(path)
    assert second.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall() == rows
    assert second.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == tables
    second.close()
    assert [row[1:3] for row in rows] == [
        ("hfs_tui", "m001_initial"),
        ("hfs_tui", "m002_release_meeting_fields"),
        ("hfs_tui", "m003_decision_category"),
        ("hfs_tui", "m004_network_search_and_review_uid"),
        ("hfs_tui", "m005_meeting_secretary"),
    ]


def test_pragmas_wal_foreign_keys_and_full_sync(store: Store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert store.db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


def test_foreign_sqlite_file_is_refused_in_one_line(tmp_path: Path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as excinfo:
        Store.open(path)
    assert "inte en hfs-tui-databas" in one_line_error(excinfo)
    conn = sqlite3.connect(path)  # and the foreign file is left as it was
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]
    conn.close()


def test_file_of_random_bytes_is_refused(tmp_path: Path):
    path = tmp_path / "noise.db"
    path.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(StoreError) as excinfo:
        Store.open(path)
    assert str(path) in one_line_error(excinfo)


def test_damaged_database_is_refused(tmp_path: Path):
    path = tmp_path / "damaged.db"
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree: sqlite_master is gone
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as excinfo:
        Store.open(path)
    assert "skadad" in one_line_error(excinfo)


def test_database_from_a_newer_version_is_refused(tmp_path: Path):
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [schema.MIGRATION_SET, "m999_from_the_future", "2027-01-01"],
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as excinfo:
        Store.open(path)
    assert "nyare version" in one_line_error(excinfo)


def test_a_directory_is_refused(tmp_path: Path):
    with pytest.raises(StoreError) as excinfo:
        Store.open(tmp_path)
    assert "mapp" in one_line_error(excinfo)


def test_opening_while_another_program_is_writing_does_not_wait_or_fail(tmp_path: Path, monkeypatch):
    path = tmp_path / "busy.db"
    Store.open(path).close()
    monkeypatch.setattr("hfs_tui.store.connection.BUSY_TIMEOUT_MS", 100)
    writer = sqlite3.connect(path, isolation_level=None)  # e.g. a database browser with unsaved changes
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO reviews (title, template, created_at) VALUES ('x', 'blank', '2026-03-10')")
    try:
        opened = Store.open(path)
        assert opened.reviews() == []
        with pytest.raises(StoreError, match="används av ett annat program") as excinfo:
            opened.create_review("blank", "A", "B")
        assert isinstance(excinfo.value.__cause__, sqlite3.OperationalError)
        opened.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_locked_database_is_not_called_damaged(tmp_path: Path, monkeypatch):
    path = tmp_path / "locked.db"
    Store.open(path).close()
    monkeypatch.setattr("hfs_tui.store.connection.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as excinfo:
            Store.open(path)
        message = one_line_error(excinfo)
        assert "används av ett annat program" in message and "locked" in message
        assert "skadad" not in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_empty_file_becomes_a_new_database(tmp_path: Path):
    path = tmp_path / "empty.db"
    path.touch()
    opened = Store.open(path)
    assert opened.reviews() == []
    opened.close()


# ------------------------------------------------------------ transactions


def test_import_answers_rolls_back_when_the_input_fails_halfway(store: Store, review):
    party = store.parties(review.id)[0]
    first, second = store.questions(review.id)[:2]
    store.set_answer(first.id, party.id, "gammalt svar")

    def answers():
        yield first.id, "nytt svar", ("Nytt dokument",)
        yield second.id, "svar två", ()
        raise RuntimeError("the file reader failed")

    with pytest.raises(RuntimeError):
        store.import_answers(party.id, answers())
    assert {key: a.text for key, a in store.answers(review.id).items()} == {(first.id, party.id): "gammalt svar"}
    assert store.documents(party.id) == []


def test_import_answers_with_an_unknown_question_writes_nothing(store: Store, review):
    party = store.parties(review.id)[0]
    first = store.questions(review.id)[0]
    with pytest.raises(StoreError) as excinfo:
        store.import_answers(party.id, [(first.id, "svar", ("Dokument",)), (999_999, "fel fråga", ())])
    assert "FOREIGN KEY" in one_line_error(excinfo)
    assert store.answers(review.id) == {}
    assert store.documents(party.id) == []


def test_import_assessments_replaces_the_reviewers_marks_all_or_nothing(store: Store, review):
    party_a, party_b = store.parties(review.id)
    first = store.questions(review.id)[0]
    assert store.import_assessments(party_a.id, party_b.id, [(first.id, Sign.PLUS, "bra")]) == 1
    assert store.import_assessments(party_a.id, party_b.id, [(first.id, Sign.MINUS, "ersatt")]) == 1
    with pytest.raises(StoreError):
        store.import_assessments(party_a.id, party_b.id, [(first.id, Sign.PLUS, "ny"), (999_999, Sign.PLUS, "x")])
    assert [(a.sign, a.comment) for a in store.assessments(review.id)] == [(Sign.MINUS, "ersatt")]


def test_soft_deleted_review_can_be_restored_then_is_purged_after_30_days(store: Store, review, clock: FakeClock):
    store.delete_review(review.id)
    assert store.reviews() == []
    assert store.reviews(include_deleted=True)[0].review.deleted_at == "2026-03-10T09:00:00.000000+00:00"
    store.restore_review(review.id)
    assert [s.review.id for s in store.reviews()] == [review.id]

    store.delete_review(review.id)
    clock.advance((RECOVERABLE_DAYS - 1) * DAY)
    assert store.purge_deleted_reviews() == 0
    clock.advance(2 * DAY)
    assert store.purge_deleted_reviews() == 1
    assert store.reviews(include_deleted=True) == []
    assert store.questions(review.id) == []  # the review's rows go with it
    assert store.db.execute("SELECT COUNT(*) FROM slots").fetchone()[0] == 0


def test_move_and_remove_question_keep_positions_one_to_n(store: Store, review):
    ids = [q.id for q in store.questions(review.id)]
    store.move_question(ids[0], 2)
    store.move_question(ids[-1], -100)
    store.move_question(ids[5], 100)
    store.remove_question(ids[3])
    questions = store.questions(review.id)
    assert [q.position for q in questions] == list(range(1, len(ids)))
    expected = [ids[-1], ids[1], ids[2], ids[0]] + ids[4:5] + ids[6:-1] + [ids[5]]
    assert [q.id for q in questions] == expected


# -------------------------------------------------------------- two stores


def test_two_stores_on_one_file_interleaving_writes_keep_it_intact(store: Store, review, feedback):
    party = store.parties(review.id)[0]
    other = Store.open(store.path, clock=store.clock)
    try:
        for i in range(20):
            writer = store if i % 2 else other
            note = writer.add_note(feedback.id, party.id, Category.NOTE, f"anteckning {i}")
            (other if i % 2 else store).edit_note(note.id, f"ändrad {i}")
        assert len(other.notes(feedback.id)) == len(store.notes(feedback.id)) == 20
        assert other.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        other.close()


def test_two_stores_writing_at_once_wait_for_each_other_instead_of_failing(store: Store, review):
    """A write that reads first (add_question) must wait for the other store's write, not fail with 'locked'."""
    errors: list[Exception] = []
    both_open = threading.Barrier(2)

    def write(label: str) -> None:
        mine = Store.open(store.path)
        both_open.wait()
        try:
            for i in range(60):
                mine.add_question(review.id, f"{label} {i}")
        except Exception as error:  # noqa: BLE001 - collected and asserted on below
            errors.append(error)
        finally:
            mine.close()

    threads = [threading.Thread(target=write, args=(label,)) for label in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    questions = store.questions(review.id)
    assert [q.position for q in questions] == list(range(1, 17 + 120 + 1))
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
