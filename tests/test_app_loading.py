"""How the app loads: each screen's stylesheet when the screen is first shown, `demo` straight into the meeting
(home built only when the meeting is left), a store handed in used as it is, and the idle WAL checkpoint."""

from __future__ import annotations

from pathlib import Path

from hfs_tui.screens.home.screen import HomeScreen
from hfs_tui.screens.meeting import MeetingScreen

from hfs_tui import styles
from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)


def loaded(app) -> set[str]:
    return {Path(path).name for path, _ in app.stylesheet.source}


def seeded(path: Path, clock) -> int:
    store = Store.open(path, clock=clock)
    review_id = load_sample(store).id
    store.close()
    return review_id


def test_every_stylesheet_loads_at_start_or_with_a_screen() -> None:
    named = set(styles.AT_START) | {sheet for sheets in styles.OF_SCREEN.values() for sheet in sheets}
    assert set(styles.every_sheet()) == named


async def test_home_reads_only_the_start_sheets_and_the_meeting_reads_its_own_when_opened(tmp_path, clock) -> None:
    review_id = seeded(tmp_path / "t.db", clock)
    app = make_app(tmp_path / "t.db", clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert loaded(app) >= set(styles.AT_START)
        assert not loaded(app) & {"meeting.tcss", "actions.tcss", "answers.tcss", "export.tcss"}
        app.open_meeting(review_id, MeetingKind.FEEDBACK)
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "meeting.tcss" in loaded(app)
        assert app.screen.query_one("#timer-bar").styles.height.value == 4  # a meeting.tcss rule applies


async def test_demo_opens_the_meeting_alone_and_leaving_it_goes_home(tmp_path, clock) -> None:
    review_id = seeded(tmp_path / "t.db", clock)
    app = make_app(tmp_path / "t.db", review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2  # the default screen and home: the meeting is gone
        await pilot.press("enter")  # the review's meeting again, on top of home
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_store_handed_in_is_the_app_store(tmp_path, clock) -> None:
    store = Store.open(tmp_path / "t.db", clock=clock)
    app = make_app(store, clock=clock, bell=False)
    assert app.store is store
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_checkpoint_copies_the_log_into_the_file_and_keeps_every_note(tmp_path, clock) -> None:
    path = tmp_path / "t.db"
    store = Store.open(path, clock=clock)
    review_id = load_sample(store).id
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    assert store.checkpoint()
    for index in range(20):
        store.add_note(meeting.id, slot.party_id, Category.STRENGTH, f"Anteckning {index}", slot_id=slot.id)
    reader = Store.open(path, clock=clock)  # a second connection: a checkpoint must not disturb it
    assert store.checkpoint()
    busy, log, copied = store.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert (busy, log) == (0, copied)  # everything in the log is in the database file
    assert store.checkpoint()  # nothing new: nothing to do
    assert len(reader.notes(meeting.id)) == 20
    reader.close()
    store.close()
    again = Store.open(path, clock=clock)
    assert [note.text for note in again.notes(meeting.id)] == [f"Anteckning {index}" for index in range(20)]
    again.close()
