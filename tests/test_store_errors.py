"""A store that fails (disk I/O error, disk full, locked) is said in one line and the screen keeps working.

Each test makes every store write the screen uses raise `StoreError("disk I/O error")`, drives the screen's
keys one action at a time, and checks: exactly one error notification per action, the same screen still
open and the app running, and the database afterwards holds exactly what it held before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hfs_tui.screens.action_plan import ActionsScreen
from hfs_tui.screens.answers import AnswersScreen
from hfs_tui.screens.export import ExportScreen
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.widgets.dialogs import ConfirmDialog

from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store, StoreError

SIZE = (120, 36)
WRITES = (
    "add_note",
    "edit_note",
    "delete_note",
    "undo_last_change",
    "set_note_flags",
    "set_note_owner",
    "set_party_in_report",
    "set_meeting_position",
    "add_timer_event",
    "set_answer",
    "add_assessment",
    "update_assessment",
    "delete_assessment",
    "add_document",
    "rename_document",
    "remove_document",
    "import_answers",
    "import_assessments",
    "add_action",
    "update_action",
    "delete_action",
    "action_from_note",
    "actions_from_notes",
    "set_action_flags",
)


@pytest.fixture
def db(store: Store):
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    a, b = store.parties(review.id)
    question = store.questions(review.id, selected_only=True)[0]
    store.add_note(meeting.id, a.id, Category.ACTION, "Skriv uppdrag", question_id=question.id)
    store.add_note(meeting.id, a.id, Category.STRENGTH, "Tydlig styrgrupp", question_id=question.id)
    note = store.add_note(meeting.id, a.id, Category.ACTION, "Inför tertialsuppföljning", question_id=question.id)
    store.action_from_note(note.id)
    path = Path(store.path)
    store.close()
    return path, review.id, store.clock


def contents(db) -> tuple:
    path, review_id, clock = db
    store = Store.open(path, clock=clock)
    try:
        meetings = store.meetings(review_id)
        notes = [store.notes(m.id) for m in meetings]
        events = [store.timer_events(m.id) for m in meetings]
        return (
            notes,
            events,
            meetings,
            store.actions(review_id),
            store.answers(review_id),
            store.assessments(review_id),
            [store.documents(p.id) for p in store.parties(review_id)],
        )
    finally:
        store.close()


def fail_writes(app, monkeypatch) -> None:
    def disk_error(*args, **kwargs):
        raise StoreError("disk I/O error")

    for name in WRITES:
        monkeypatch.setattr(app.store, name, disk_error)


async def drive(pilot, screen_type, steps) -> None:
    """Each step is a key sequence that ends in one refused store write: one line, the screen stays."""
    app = pilot.app
    for keys in steps:
        before = {id(n) for n in app._notifications}  # a form opening clears the older ones
        await pilot.press(*keys)
        await pilot.pause()
        new = [n for n in app._notifications if id(n) not in before]
        assert [n.severity for n in new] == ["error"], (keys, [n.message for n in new])
        assert "disk I/O error" in new[0].message and "\n" not in new[0].message
        for _ in range(3):  # a dialog that kept the text open: close it (and throw the text away)
            if isinstance(app.screen, screen_type):
                break
            await pilot.press("j" if isinstance(app.screen, ConfirmDialog) else "escape")
            await pilot.pause()
        assert isinstance(app.screen, screen_type)
        assert app.is_running


async def test_the_meeting_keeps_working_when_the_store_fails(db, monkeypatch):
    before = contents(db)
    path, review_id, clock = db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        fail_writes(app, monkeypatch)
        steps = [
            ("space",),
            ("d",),
            ("r",),
            ("s",),
            ("o",),
            ("u",),
            ("right_square_bracket",),
            ("e", *" mer", "enter"),
            ("escape", "plus", *"Ny styrka", "enter"),
            ("escape", "n"),
        ]
        await drive(pilot, MeetingScreen, steps)
        monkeypatch.undo()
    assert contents(db) == before


async def test_the_answers_screen_keeps_working_when_the_store_fails(db, monkeypatch):
    before = contents(db)
    path, review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_answers(review_id)
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        fail_writes(app, monkeypatch)
        await drive(pilot, AnswersScreen, [("e", *" till", "ctrl+s"), ("plus", *"Bra", "enter")])
        monkeypatch.undo()
    assert contents(db) == before


async def test_the_action_plan_keeps_working_when_the_store_fails(db, monkeypatch):
    before = contents(db)
    path, review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_actions(review_id)
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        fail_writes(app, monkeypatch)
        await drive(pilot, ActionsScreen, [("d", "j"), ("a",), ("A",), ("r",), ("s",)])
        monkeypatch.undo()
    assert contents(db) == before


async def test_the_export_screen_keeps_working_when_the_store_fails(db, monkeypatch):
    before = contents(db)
    path, review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_export(review_id)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        fail_writes(app, monkeypatch)
        await drive(pilot, ExportScreen, [("r",), ("s",), ("o",), ("R",)])
        monkeypatch.undo()
    assert contents(db) == before
