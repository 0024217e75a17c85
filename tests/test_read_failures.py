"""A store READ that fails (disk I/O error, disk full, locked) anywhere in a screen is one line, never a traceback.

Writes are covered screen by screen in test_store_errors.py. Here the real connection under the store is
swapped for one whose statements raise `sqlite3.OperationalError` (all of them, or only those naming a
table), so the store's guard turns them into StoreErrors that no screen catches itself: opening a screen,
moving to another question, switching party or meeting, refreshing, searching. Each step must add exactly
one error line, leave the app running on a usable screen (a screen that failed while opening is closed
again), and nothing committed before, also in the same session, may be lost.
"""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from hfs_tui.screens import hfs_errors
from hfs_tui.screens.action_plan import ActionsScreen
from hfs_tui.screens.answers import AnswersScreen
from hfs_tui.screens.base import HfsScreen
from hfs_tui.screens.export import ExportScreen
from hfs_tui.screens.home import HomeScreen
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.search import SearchScreen
from hfs_tui.screens.search.related import ReleasedElsewhereDialog
from hfs_tui.screens.textual_compat import hfs_error_in
from hfs_tui.screens.widgets.capture_line import CaptureLine
from test_store_failures import FAULTS, FaultyConnection
from textual.message_pump import CallbackError
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store, StoreError

SIZE = (120, 36)
USER_TABLES = ("reviews", "parties", "members", "questions", "answers", "documents", "assessments", "notes", "actions")


class SomeStatementsFail(FaultyConnection):
    """Statements naming `only` (all of them when None) raise the error; the rest run."""

    def __init__(self, real: sqlite3.Connection, error: sqlite3.Error, only: str | None) -> None:
        super().__init__(real, error)
        self._only = only

    def execute(self, sql: str, *args):
        if self._only is None or self._only in sql:
            return super().execute(sql, *args)
        return self._real.execute(sql, *args)


@contextmanager
def failing(app, fault: str, only: str | None = None):
    real = app.store.db.conn
    app.store.db.conn = SomeStatementsFail(real, sqlite3.OperationalError(fault), only)
    try:
        yield
    finally:
        app.store.db.conn = real


def user_rows(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        return {(table, *row) for table in USER_TABLES for row in conn.execute(f"SELECT * FROM {table}")}
    finally:
        conn.close()


@pytest.fixture
def db(store: Store):
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    a, _ = store.parties(review.id)
    question = store.questions(review.id, selected_only=True)[0]
    store.add_note(meeting.id, a.id, Category.STRENGTH, "Tydlig styrgrupp", question_id=question.id)
    note = store.add_note(meeting.id, a.id, Category.ACTION, "Inför tertialsuppföljning", question_id=question.id)
    store.action_from_note(note.id)
    path = Path(store.path)
    store.close()
    return path, review.id, store.clock


async def one_line(pilot, fault: str, keys: tuple[str, ...], screen_type: type) -> str:
    """Press `keys` while reads fail: exactly one error line, on one line, naming the fault; still on `screen_type`."""
    app = pilot.app
    hfs_errors._last_shown.clear()  # each step must say its own line
    before = len(app._notifications)
    await pilot.press(*keys)

    def errors() -> list:
        return [n for n in list(app._notifications)[before:] if n.severity == "error"]

    for _ in range(20):  # a loaded machine may need more than one round for a message to bubble up
        await pilot.pause()
        if errors():
            break
    await pilot.pause()  # and a further round: anything more would be a second line
    new = errors()
    assert len(new) == 1, (keys, [n.message for n in new])
    assert FAULTS[fault] in new[0].message and "\n" not in new[0].message
    assert app.is_running
    assert isinstance(app.screen, screen_type), (keys, app.screen)
    return new[0].message


@pytest.mark.parametrize("fault", FAULTS)
async def test_home_opening_a_step_and_refreshing_survive_failing_reads(db, fault):
    path, review_id, clock = db
    before = user_rows(path)
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        with failing(app, fault):
            for keys in (("m",), ("enter",), ("2",), ("h",), ("ctrl+e",), ("1",), ("5",), ("u",)):
                await one_line(pilot, fault, keys, HomeScreen)
            hfs_errors._last_shown.clear()
            await pilot.resize_terminal(100, 30)  # the list is rebuilt for the new width
            await pilot.pause()
            assert [n.severity for n in app._notifications].count("error") >= 8
            assert app.is_running
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("m")  # the disk is back: the meeting opens
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    assert before <= user_rows(path)


@pytest.mark.parametrize(
    ("open_keys", "screen_type", "table"),
    [
        (("m",), MeetingScreen, "answers"),
        (("2",), AnswersScreen, "answers"),
        (("h",), ActionsScreen, "actions"),
        (("ctrl+e",), ExportScreen, "notes"),
    ],
)
@pytest.mark.parametrize("fault", FAULTS)
async def test_a_screen_that_fails_while_opening_is_closed_and_home_stays_usable(
    db, fault, open_keys, screen_type, table
):
    """The read that fails comes after the screen was pushed (its on_mount): one line, back on home."""
    path, review_id, clock = db
    before = user_rows(path)
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with failing(app, fault, only=f"FROM {table}"):
            message = await one_line(pilot, fault, open_keys, HomeScreen)
            assert message.startswith("Vyn kunde inte öppnas")
            assert not any(isinstance(s, screen_type) for s in app.screen_stack)
        await pilot.press(*open_keys)  # the same key again, now that the disk is back
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
    assert before <= user_rows(path)


@pytest.mark.parametrize("fault", FAULTS)
async def test_the_meeting_moving_searching_and_asking_others_survive_failing_reads(db, fault):
    path, review_id, clock = db
    before = user_rows(path)
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("plus")  # a note committed in this session, just before the disk fails
        app.screen.query_one(CaptureLine).value = "Sparad före felet"
        await pilot.press("enter", "escape")
        await pilot.pause()
        with failing(app, fault):
            await one_line(pilot, fault, ("n",), MeetingScreen)
            await one_line(pilot, fault, ("p",), MeetingScreen)
            await one_line(pilot, fault, ("i",), MeetingScreen)
            await one_line(pilot, fault, ("ctrl+n",), MeetingScreen)
            await one_line(pilot, fault, ("right_square_bracket", "j"), MeetingScreen)
        with failing(app, fault, only="notes"):
            await one_line(pilot, fault, ("n",), MeetingScreen)
        await pilot.press("ctrl+n")  # the disk is back: the dialog opens
        await pilot.pause()
        assert isinstance(app.screen, ReleasedElsewhereDialog)
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        with failing(app, fault):
            app.screen.query_one(Input).value = "styrgrupp"
            await one_line(pilot, fault, ("enter",), SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    after = user_rows(path)
    assert before <= after
    assert any(row[0] == "notes" and "Sparad före felet" in row for row in after)


@pytest.mark.parametrize("fault", FAULTS)
async def test_search_from_home_survives_a_failing_read_in_its_debounced_search(db, fault):
    """The search runs from a timer; Textual wraps a timer's error in a CallbackError: still one line."""
    path, _review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        with failing(app, fault):
            before = len(app._notifications)
            app.screen.query_one(Input).value = "styrgrupp"
            await pilot.pause(0.4)  # past the debounce: the timer's search has run (nothing timed is asserted)
            await pilot.pause()
            errors = [n for n in list(app._notifications)[before:] if n.severity == "error"]
            assert len(errors) == 1 and FAULTS[fault] in errors[0].message
        assert isinstance(app.screen, SearchScreen) and app.is_running
        await pilot.press("enter")  # the disk is back
        await pilot.pause()
        assert app.screen.hits


@pytest.mark.parametrize(
    ("open_screen", "screen_type", "keys"),
    [
        ("open_answers", AnswersScreen, [("2",), ("1",)]),
        ("open_actions", ActionsScreen, [("2",), ("I",)]),
        ("open_export", ExportScreen, [("m",)]),
    ],
)
@pytest.mark.parametrize("fault", FAULTS)
async def test_answers_action_plan_and_export_survive_failing_reads(db, fault, open_screen, screen_type, keys):
    path, review_id, clock = db
    before = user_rows(path)
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        getattr(app, open_screen)(review_id)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        with failing(app, fault):
            for step in keys:
                await one_line(pilot, fault, step, screen_type)
        await pilot.press(*keys[0])  # the disk is back: the same key works
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
    assert before <= user_rows(path)


def test_the_hfs_error_is_found_behind_textuals_wrappers():
    store_error = StoreError("databasen kunde inte läsas (disk I/O error)")
    try:
        try:
            raise store_error
        except StoreError as error:
            raise CallbackError(f"unable to run callback; {error}")  # noqa: B904 - as Textual's timer does
    except CallbackError as wrapped:
        assert hfs_error_in(wrapped) is store_error
    assert hfs_error_in(ValueError("x")) is None


async def test_an_error_that_is_not_an_hfs_error_still_ends_the_app_with_its_traceback(db):
    """Only the errors the user can act on are turned into a line: a bug is not hidden."""
    path, _review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.screen.action_search = lambda: 1 / 0  # type: ignore[method-assign]
            await pilot.press("slash")
            await pilot.pause()


class FailsInCompose(HfsScreen):
    def compose(self):
        raise StoreError("databasen kunde inte läsas (disk I/O error)")
        yield  # a generator, as a compose is


class DialogFailsLater(ModalScreen[None]):
    """A dialog without the mixin: its own message loop stops on the error, so it must be closed."""

    def compose(self):
        yield Static("dialog")

    def action_fail(self) -> None:
        raise StoreError("databasen kunde inte läsas (disk I/O error)")


async def test_a_screen_whose_compose_fails_and_a_dialog_whose_loop_stopped_are_closed(db):
    """The two ways Textual's own exception handler is reached (compose; a pump without the mixin)."""
    path, _review_id, clock = db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        app.push_screen(FailsInCompose())
        await pilot.pause()
        await pilot.pause()
        assert app.screen is home and app.is_running
        dialog = DialogFailsLater()
        app.push_screen(dialog)
        await pilot.pause()
        hfs_errors._last_shown.clear()
        dialog.call_later(dialog.action_fail)  # runs in the dialog's own pump
        # Not pilot.pause(): it would wait for the dialog, whose loop has stopped, to go idle.
        await asyncio.sleep(0.3)
        await pilot.pause()
        assert app.screen is home and app.is_running
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and all("disk I/O error" in m and "\n" not in m for m in errors)
        await pilot.press("slash")  # home still answers its keys
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
