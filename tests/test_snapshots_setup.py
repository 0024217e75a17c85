"""SVG snapshots of the home list, the new-review form and the step-1 setup (look at them as pictures)."""

from __future__ import annotations

import pytest

from hfs_tui.app import make_app
from hfs_tui.model import MeetingKind
from hfs_tui.sample import find_sample, load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}


@pytest.fixture
def app_on(tmp_path, clock):
    """An app on a database prepared by `prepare(store)`; the FakeClock keeps dates stable."""

    def build(prepare=lambda store: None):
        store = Store.open(tmp_path / "snap.db", clock=clock)
        prepare(store)
        store.close()
        return make_app(tmp_path / "snap.db", clock=clock, bell=False)

    return build


def three_reviews(store: Store) -> None:
    region = load_sample(store, "region")
    load_sample(store, "vardcentral")
    store.set_meeting_held_on(store.meeting_of_kind(region.id, MeetingKind.FEEDBACK).id, "2026-04-02")
    fresh = store.create_review("vardcentral", "Vårdcentralen Granen", "Vårdcentralen [/] Tallen")
    store.set_meeting_held_on(store.meeting_of_kind(fresh.id, MeetingKind.INTRO).id, "2026-03-12")


def vardcentral(store: Store) -> None:
    review = load_sample(store, "vardcentral")
    store.set_question_selected(store.questions(review.id)[2].id, False)
    store.set_meeting_held_on(store.meeting_of_kind(review.id, MeetingKind.INTRO).id, "2026-03-12")


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


class TestHome:
    @pytest.mark.parametrize("size", SIZES)
    def test_lists_reviews_with_step_and_next_meeting(self, snap_compare, app_on, size):
        assert snap_compare(app_on(three_reviews), terminal_size=SIZES[size])

    def test_empty_database_says_how_to_begin(self, snap_compare, app_on):
        assert snap_compare(app_on(), terminal_size=(80, 24))

    @pytest.mark.parametrize("size", SIZES)
    def test_new_review_form(self, snap_compare, app_on, size):
        async def run_before(pilot):
            await pilot.press("n", "down", "enter", *"Vårdcentralen Granen", "enter")
            await settle(pilot)

        assert snap_compare(app_on(), terminal_size=SIZES[size], run_before=run_before)

    def test_new_review_form_keeps_text_and_shows_the_error(self, snap_compare, app_on):
        async def run_before(pilot):
            await pilot.press("n", "enter", *"Region Nordmark", "enter", *"region nordmark", "ctrl+s")
            await settle(pilot)

        assert snap_compare(app_on(), terminal_size=(80, 24), run_before=run_before)

    def test_deleted_reviews_can_be_restored(self, snap_compare, app_on):
        async def run_before(pilot):
            await pilot.press("d", "j")
            await settle(pilot)
            pilot.app.clear_notifications()
            await pilot.press("u")
            await settle(pilot)

        assert snap_compare(app_on(three_reviews), terminal_size=(120, 36), run_before=run_before)


class TestSetup:
    @pytest.mark.parametrize("size", SIZES)
    def test_parties_and_teams(self, snap_compare, app_on, size):
        async def run_before(pilot):
            await pilot.press("1", "down", "down", "down")
            await settle(pilot)

        assert snap_compare(app_on(vardcentral), terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_questions_with_one_deselected(self, snap_compare, app_on, size):
        async def run_before(pilot):
            await pilot.press("1", "2", "down", "down")
            await settle(pilot)

        assert snap_compare(app_on(vardcentral), terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_confidentiality_report_time_and_dates(self, snap_compare, app_on, size):
        async def run_before(pilot):
            await pilot.press("1", "3")
            await settle(pilot)

        assert snap_compare(app_on(vardcentral), terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_meetings_place_secretary_and_attendance(self, snap_compare, app_on, size):
        def prepare(store: Store) -> None:
            vardcentral(store)
            review = find_sample(store, "vardcentral")
            feedback = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
            store.set_meeting_place(feedback.id, "Teams")
            store.set_meeting_secretary(feedback.id, "Sara Lind")
            member = store.members(store.parties(review.id)[0].id)[0]
            store.set_present(feedback.id, member.id, False)

        async def run_before(pilot):
            await pilot.press("1", "4", "down", "down", "down")
            await settle(pilot)

        assert snap_compare(app_on(prepare), terminal_size=SIZES[size], run_before=run_before)

    def test_member_form_lists_the_roles(self, snap_compare, app_on):
        async def run_before(pilot):
            await pilot.press("1", "n", "enter", *"Sara Lind", "enter", *"vård")
            await settle(pilot)

        assert snap_compare(app_on(vardcentral), terminal_size=(80, 24), run_before=run_before)

    def test_question_editor_one_sub_question_per_line(self, snap_compare, app_on):
        async def run_before(pilot):
            await pilot.press("1", "2", "e")
            await settle(pilot)

        assert snap_compare(app_on(vardcentral), terminal_size=(80, 24), run_before=run_before)
