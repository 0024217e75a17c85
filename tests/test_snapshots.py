"""SVG snapshots of what the meeting sees on the shared screen (look at them as pictures before accepting)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import enter_text

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.fixture
def meeting_app(tmp_path):
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "snap.db", clock=clock)
    review = load_sample(store, "region")
    store.close()
    return make_app(tmp_path / "snap.db", review_id=review.id, clock=clock, bell=False), clock


class TestMeeting:
    @pytest.mark.parametrize("size", SIZES)
    def test_opens_ready_to_start(self, snap_compare, meeting_app, size):
        app, _ = meeting_app
        assert snap_compare(app, terminal_size=SIZES[size])

    @pytest.mark.parametrize("size", SIZES)
    def test_running_slot_with_notes_near_the_end(self, snap_compare, meeting_app, size):
        app, clock = meeting_app

        async def run_before(pilot):
            await pilot.press("n", "space")
            clock.advance(81 * 60 + 15)
            for line in (
                "+ Tydlig uppföljning varje tertial",
                "- Ingen skriftlig rapport till styrgruppen",
                "* Hälsoläget-panelen med CNI",
                "> Skriv uppdrag för processledarna [klart 2027]",
            ):
                await pilot.press(line[0])
                await enter_text(pilot, line[1:])
            await pilot.press("escape", "r", "up", "r", "s")
            app.screen.refresh_timer()
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    def test_overtime_is_red_and_counts_up(self, snap_compare, meeting_app):
        app, clock = meeting_app

        async def run_before(pilot):
            await pilot.press("space")
            clock.advance(92 * 60 + 5)
            app.screen.refresh_timer()
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)

    def test_next_slot_asks_before_leaving_time_on_the_table(self, snap_compare, meeting_app):
        app, clock = meeting_app

        async def run_before(pilot):
            await pilot.press("space")
            clock.advance(30 * 60)
            await pilot.press("right_square_bracket")
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()

        assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_presenter_view_shows_only_what_participants_need(self, snap_compare, meeting_app, size):
        app, clock = meeting_app

        async def run_before(pilot):
            await pilot.press("space")
            clock.advance(23 * 60 + 40)
            for line in ("+ Styrgruppen har tydligt mandat", "* Årlig aktivitetsplan"):
                await pilot.press(line[0])
                await enter_text(pilot, line[1:])
            await pilot.press("escape", "v")
            app.screen.refresh_timer()
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
