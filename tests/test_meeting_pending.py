"""Notes the store refused survive the program: the journal beside the database, offered at the next start."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.widgets.dialogs import ConfirmDialog
from hfs_tui.screens.widgets.note_list import NoteList

from hfs_tui import pending
from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind
from hfs_tui.pending import PendingNote
from hfs_tui.sample import load_sample
from hfs_tui.store import Store, StoreError

SIZE = (120, 36)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path, clock):
    path = tmp_path / "pending.db"
    store = Store.open(path, clock=clock)
    review = load_sample(store, "region")
    store.close()
    return path, review.id


def open_app(db_path, clock):
    path, review_id = db_path
    return make_app(path, review_id=review_id, clock=clock, bell=False)


def refuse(*args, **kwargs):
    raise StoreError("databasen kunde inte skriva (database or disk is full)")


def test_the_journal_keeps_other_meetings_skips_damaged_lines_and_goes_when_empty(tmp_path):
    path = pending.journal_path(tmp_path / "x.db")
    assert path == tmp_path / "x.db.pending.jsonl" and pending.load(path) == []
    assert pending.journal_path(":memory:") is None
    one = PendingNote(1, 7, Category.STRENGTH, "Första {not} [b]markup[/b] \x1b]0;x\x07", 3, 11)
    two = PendingNote(2, 8, Category.NOTE, "Andra mötets", None, None)
    pending.replace_meeting(path, 1, [one])
    pending.replace_meeting(path, 2, [two])
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    (again,) = pending.of_meeting(path, 1)
    assert (again.meeting_id, again.party_id, again.category, again.slot_id, again.question_id) == (
        1,
        7,
        one.category,
        3,
        11,
    )
    assert again.text == one.text, "the text comes back exactly as typed"
    pending.replace_meeting(path, 1, [])
    assert [n.text for n in pending.load(path)] == ["Andra mötets"]
    pending.replace_meeting(path, 2, [])
    assert not path.exists()
    assert not list(tmp_path.glob("*.tmp")), "no temporary file left behind"


async def test_a_refused_note_survives_a_restart_and_is_saved_at_the_next_start(db_path, clock, monkeypatch):
    path, review_id = db_path
    journal = pending.journal_path(path)
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app.store, "add_note", refuse)
        await pilot.press("plus", *"Får inte försvinna", "enter")
        await pilot.press("minus", *"Inte heller denna", "enter")
        assert len(app.screen.pending) == 2
        assert [n.text for n in pending.load(journal)] == ["Får inte försvinna", "Inte heller denna"]
        monkeypatch.undo()
    # The program is gone (as after a crash); the journal is still there.
    assert len(pending.load(journal)) == 2
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and not app.screen.pending
        assert not any("EJ SPARAD" in line for line in app.screen.query_one(NoteList).lines)
    assert not journal.exists()
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    notes = store.notes(meeting.id)
    assert [(n.category, n.text) for n in notes] == [
        (Category.STRENGTH, "Får inte försvinna"),
        (Category.IMPROVEMENT, "Inte heller denna"),
    ]
    assert {n.slot_id for n in notes} == {store.slots(meeting.id)[0].id}


async def test_a_journal_note_still_refused_at_the_start_stays_pending_and_shown(db_path, clock, monkeypatch):
    path, review_id = db_path
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    note = PendingNote(meeting.id, slot.party_id, Category.LESSON, "Väntar fortfarande", slot.id, None)
    pending.replace_meeting(pending.journal_path(path), meeting.id, [note])
    store.close()
    app = open_app(db_path, clock)
    monkeypatch.setattr(app.store, "add_note", refuse)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert [n.text for n in app.screen.pending] == ["Väntar fortfarande"]
        assert any("EJ SPARAD" in line for line in app.screen.query_one(NoteList).lines)
    assert [n.text for n in pending.load(pending.journal_path(path))] == ["Väntar fortfarande"]


async def test_ctrl_q_with_notes_not_saved_asks_first(db_path, clock, monkeypatch):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app.store, "add_note", refuse)
        await pilot.press("plus", *"Osparad", "enter", "escape")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.startswith("1 anteckningar är inte sparade")
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen) and app.is_running
        await pilot.press("ctrl+q", "j")
        await pilot.pause()
        assert not app.is_running


async def test_when_the_journal_cannot_be_written_either_leaving_says_the_note_is_lost(db_path, clock, monkeypatch):
    """Disk full: the store and the journal both refuse; ctrl+q must not promise the journal keeps the note."""
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app.store, "add_note", refuse)

        def no_space(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(pending, "replace_meeting", no_space)
        await pilot.press("plus", *"Osparad", "enter", "escape")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        assert "går förlorad om du lämnar" in app.screen.question
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen) and app.is_running
