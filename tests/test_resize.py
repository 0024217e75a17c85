"""Every screen works from 80x24 to 250x70 and survives rapid resizes; below 80x24 a clear message covers it."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.too_small import TooSmall
from hfs_tui.screens.widgets.dialogs import HelpScreen
from textual.widgets import Footer

from hfs_tui import i18n
from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

OPENERS = {
    "home": (None, lambda app, review_id: None),
    "meeting": ("meeting", lambda app, review_id: app.open_meeting(review_id, MeetingKind.FEEDBACK)),
    "setup": ("setup", lambda app, review_id: app.open_setup(review_id)),
    "answers": ("answers", lambda app, review_id: app.open_answers(review_id)),
    "actions": ("action_plan", lambda app, review_id: app.open_actions(review_id)),
    "follow_up": ("follow_up", lambda app, review_id: app.open_follow_up(review_id)),
    "export": ("export", lambda app, review_id: app.open_export(review_id)),
}
# Growing, shrinking, one axis at a time, below the minimum and back: what dragging a window corner does.
RAPID = [(80, 24), (250, 70), (81, 25), (120, 36), (79, 23), (200, 60), (80, 70), (250, 24), (60, 20), (160, 45)] * 3


@pytest.fixture
def review_db(tmp_path: Path):
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "t.db", clock=clock)
    review = load_sample(store, "region")
    store.close()
    return tmp_path / "t.db", review.id, clock


def cover_shown(app) -> bool:
    covers = app.screen.query(TooSmall)
    return bool(covers) and covers.first().display and covers.first().region.area > 0


async def open_screen(pilot, name: str, review_id: int):
    module, opener = OPENERS[name]
    if module is not None:
        importlib.import_module(f"hfs_tui.screens.{module}")  # a missing screen is a failure, never a skip
    opener(pilot.app, review_id)
    await pilot.pause()
    return pilot.app.screen


def assert_laid_out(app, size: tuple[int, int]) -> None:
    """The screen fills the window and its Footer sits on the last line, full width, with keys in it."""
    width, height = size
    assert app.screen.size == size
    footer = app.screen.query_one(Footer)
    assert footer.region.y == height - 1 and footer.region.width == width
    assert not cover_shown(app)


@pytest.mark.parametrize("name", OPENERS)
async def test_each_screen_survives_rapid_resizes_and_lays_out_at_both_ends(review_db, name):
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = await open_screen(pilot, name, review_id)
        for size in RAPID:  # no pause in between: the resize events pile up like a dragged window corner
            await pilot.resize_terminal(*size)
        await pilot.pause()
        assert app.is_running and app.screen is screen
        for size in ((80, 24), (250, 70)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert_laid_out(app, size)
            assert app.export_screenshot()  # the whole screen renders


async def test_the_meeting_keeps_its_answers_readable_after_resizing(review_db):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(250, 70)) as pilot:
        await pilot.press("space")
        for size in RAPID:
            await pilot.resize_terminal(*size)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        for column in screen.query("AnswerColumn"):
            assert column.region.height >= 5
            width = column.scrollable_content_region.width
            assert column.lines and max(len(line) for line in column.lines) <= width  # re-wrapped to the new width
        assert screen.query_one("#timer-digits").region.height >= 3  # the big timer is still there
        await pilot.press("n")  # and the keys still work
        assert screen.question_index == 1


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (250, 70)])
async def test_answer_lines_fit_beside_the_scrollbar_from_the_first_frame(review_db, size):
    """A long answer gets a scrollbar after it was wrapped; no line may end up under it or cut off."""
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for column in app.screen.query("AnswerColumn"):
            width = column.scrollable_content_region.width
            assert max(len(line) for line in column.lines) <= width
            assert not column.show_horizontal_scrollbar


@pytest.mark.parametrize(("language", "words"), [("sv", "Fönstret är för litet"), ("en", "The window is too small")])
async def test_below_80x24_a_make_the_window_larger_message_covers_the_screen(review_db, language, words):
    path, review_id, clock = review_db
    i18n.set_language(language)
    try:
        app = make_app(path, review_id=review_id, clock=clock, bell=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert not cover_shown(app)
            for size in ((79, 30), (100, 23), (40, 10)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                assert cover_shown(app), size
                cover = app.screen.query_one(TooSmall)
                assert cover.region.size == app.screen.size
                text = str(cover.render())
                assert words in text and f"{size[0]}×{size[1]}" in text and "80×24" in text
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert not cover_shown(app)
    finally:
        i18n.set_language("sv")


async def test_a_window_too_small_from_the_start_shows_the_message(review_db):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert cover_shown(app)


async def test_a_dialog_opened_while_too_small_is_covered_too(review_db):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert cover_shown(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not cover_shown(app)
        assert isinstance(app.screen, HelpScreen)
