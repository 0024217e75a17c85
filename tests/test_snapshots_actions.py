"""SVG snapshots of the action plan and the follow-up meeting (look at them as pictures before accepting)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import enter_text

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}
YEAR = 365 * 24 * 3600


@pytest.fixture
def plan(tmp_path):
    """The region sample after its feedback meeting: notes of each kind, one action already planned."""
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "snap.db", clock=clock)
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    nordmark, soderas = store.parties(review.id)
    questions = store.questions(review.id)
    for party, category, question, text in (
        (nordmark, Category.STRENGTH, 0, "Tydlig styrgrupp med mandat"),
        (nordmark, Category.STRENGTH, 3, "Hälsoläget-panelen med CNI används i planeringen"),
        (nordmark, Category.IMPROVEMENT, 1, "Ingen skriftlig rapport till styrgruppen"),
        (nordmark, Category.IMPROVEMENT, 2, "Uppföljningen av levnadsvanor saknar indikatorer [/]"),
        (nordmark, Category.ACTION, 0, "Skriv uppdrag för processledarna"),
        (nordmark, Category.ACTION, 2, "Inför tertialsuppföljning av levnadsvanor i ledningssystemet"),
        (nordmark, Category.ACTION, 1, "Rapportera till styrgruppen [@click=app.quit]varje tertial[/]"),
        (soderas, Category.ACTION, 0, "Sprid Hälsoläget till alla vårdcentraler"),
    ):
        store.add_note(meeting.id, party.id, category, text, question_id=questions[question].id)
    first = next(n for n in store.notes(meeting.id) if n.category is Category.ACTION)
    action = store.action_from_note(first.id)
    store.update_action(
        action.id,
        activities="Ta fram en mall för uppdragen\nFörankra i ledningsgruppen",
        responsible="Processledarna",
        timeline="jan–mars 2027",
        follow_up="Uppdragen finns skrivna och beslutade",
    )
    store.close()
    return tmp_path / "snap.db", review.id, clock


class TestActions:
    @pytest.mark.parametrize("size", SIZES)
    def test_proposals_above_the_action_plan(self, snap_compare, plan, size):
        path, review_id, clock = plan
        app = make_app(path, clock=clock, bell=False)

        async def run_before(pilot):
            await pilot.pause()
            app.open_actions(review_id)
            await pilot.pause()
            await pilot.press("a")  # the selected proposal becomes the second action
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    def test_editing_a_cell_opens_the_form_of_the_action(self, snap_compare, plan):
        path, review_id, clock = plan
        app = make_app(path, clock=clock, bell=False)

        async def run_before(pilot):
            await pilot.pause()
            app.open_actions(review_id)
            await pilot.pause()
            await pilot.press("right", "enter")
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()

        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


class TestFollowUp:
    @pytest.mark.parametrize("size", SIZES)
    def test_running_slot_with_statuses_and_last_years_notes(self, snap_compare, plan, size):
        path, review_id, clock = plan
        store = Store.open(path, clock=clock)
        feedback = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
        store.actions_from_notes(n.id for n in store.notes(feedback.id) if n.category is Category.ACTION)
        store.close()
        clock.advance(YEAR)
        app = make_app(path, clock=clock, bell=False)

        async def run_before(pilot):
            await pilot.pause()
            app.open_follow_up(review_id)
            await pilot.pause()
            await pilot.press("space")
            clock.advance(25 * 60 + 10)
            await pilot.press("1", "down", "2", "down", "3", "up", "up", "right", "right", "e")
            await enter_text(pilot, "Uppdragen är skrivna och beslutade", submit="tab")
            await enter_text(pilot, "Revideras varje maj av ledningsgruppen", submit="ctrl+s")
            await pilot.press("exclamation_mark")
            await enter_text(pilot, "Uppföljningen gav struktur")
            await pilot.press("escape")
            app.screen.refresh_timer()
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
