"""SVG snapshots of the meeting in the facilitator's view and the presenter view, with several long notes.

Look at every picture as a participant in a 720p video share would: the presenter view must show the
timer, the question and the current slot's notes, and nothing of the facilitator's bookkeeping.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
VIEWS = ("facilitator", "presenter")
LONG_NOTES = (
    (
        Category.STRENGTH,
        "Styrgruppen har ett tydligt mandat från hälso- och sjukvårdsdirektören och följer upp "
        "handlingsplanen varje tertial, med processledarna som föredragande",
    ),
    (
        Category.IMPROVEMENT,
        "Ingen skriftlig rapport går till styrgruppen: det som sägs på mötena når inte "
        "verksamhetscheferna, och uppföljningen blir muntlig",
    ),
    (Category.LESSON, "Uppföljningen behöver en mottagare som läser den och som kan fatta beslut om resurser"),
    (Category.ACTION, "Skriv ett uppdrag för processledarna med mandat, mottagare och tidplan [klart 2027]"),
)


def seed(store: Store, review_id: int) -> None:
    """Long notes of the slot being discussed, an internal note of the other party, a note of the other slot."""
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    first, second = store.slots(meeting.id)
    question = store.questions(review_id, selected_only=True)[0]
    for number, (category, text) in enumerate(LONG_NOTES):
        note = store.add_note(meeting.id, first.party_id, category, text, slot_id=first.id, question_id=question.id)
        if number == 0:
            store.set_note_flags(note.id, in_report=True)
            store.set_note_flags(note.id, share=Share.NETWORK)
    store.add_note(
        meeting.id,
        second.party_id,
        Category.GOOD_EXAMPLE,
        "Hälsoläget-panelen med CNI per vårdcentral, som Söderås vill ta med sig hem",
        slot_id=first.id,
        question_id=question.id,
    )
    store.add_note(
        meeting.id,
        second.party_id,
        Category.NOTE,
        "Internt: Lena vill inte att detta sprids ännu",
        slot_id=first.id,
        question_id=question.id,
    )
    store.add_note(
        meeting.id,
        second.party_id,
        Category.STRENGTH,
        "Söderås egen styrka, antecknad i det andra passet",
        slot_id=second.id,
        question_id=question.id,
    )


@pytest.fixture
def seeded_app(tmp_path):
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "snap.db", clock=clock)
    review = load_sample(store, "region")
    seed(store, review.id)
    store.close()
    return make_app(tmp_path / "snap.db", review_id=review.id, clock=clock, bell=False), clock, review.id


class TestMeetingViews:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("view", VIEWS)
    def test_feedback_meeting_with_long_notes(self, snap_compare, seeded_app, view, size):
        app, clock, _ = seeded_app

        async def run_before(pilot):
            await pilot.press("space")
            clock.advance(23 * 60 + 40)
            if view == "presenter":
                await pilot.press("v")
            app.screen.refresh_timer()
            app.clear_notifications()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_notes_take_the_whole_body(self, snap_compare, seeded_app, size):
        app, _, _ = seeded_app

        async def run_before(pilot):
            await pilot.press("z")
            app.screen.clear_status()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_a_note_in_focus(self, snap_compare, seeded_app, size):
        app, _, _ = seeded_app

        async def run_before(pilot):
            await pilot.press("v", "up", "up", "up", "f")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("view", VIEWS)
    def test_introductory_meeting(self, snap_compare, seeded_app, view, size):
        app, _, review_id = seeded_app

        async def run_before(pilot):
            await pilot.pause()
            app.open_meeting(review_id, MeetingKind.INTRO)
            await pilot.pause()
            store = app.store
            intro = store.meeting_of_kind(review_id, MeetingKind.INTRO)
            slot = store.slots(intro.id)[0]
            for text in (
                "Vi besvarar alla frågor utom 13; fråga 13 tas upp på strategidagen i stället",
                "Rapporten skrivs som en gemensam text per fråga, med styrkor och förbättringsområden",
            ):
                store.add_note(intro.id, app.screen.parties[0].id, Category.NOTE, text, slot_id=slot.id)
            app.screen.show_notes()
            if view == "presenter":
                await pilot.press("v")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
