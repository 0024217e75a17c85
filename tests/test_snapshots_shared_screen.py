"""What participants see on a shared screen: the meeting in both high-contrast themes, in Swedish and English.

Look at every picture as someone in a video call would (1280x720, compressed): can you read the timer,
the + / − marks and the category words from across the room?
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import enter_text

from hfs_tui import i18n
from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Sign
from hfs_tui.sample import load_sample
from hfs_tui.settings import Settings
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
THEMES = ("hfs-contrast-dark", "hfs-contrast-light")
NOTES = {
    "sv": (
        "+ Tydlig uppföljning varje tertial",
        "- Ingen skriftlig rapport till styrgruppen",
        "* Hälsoläget-panelen med CNI",
        "! Uppföljningen behöver en mottagare",
        "> Skriv uppdrag för processledarna [klart 2027]",
    ),
    "en": (
        "+ Clear follow-up every four months",
        "- No written report to the steering group",
        "* The health panel with CNI",
        "! Follow-up needs someone who reads it",
        "> Write the process leaders' assignment [done 2027]",
    ),
}


def english_review(store: Store) -> int:
    """A review created in English, with answers and assessments typed in English (the sample is Swedish)."""
    review = store.create_review("region", "Region North", "Region South", language="en")
    north, south = store.parties(review.id)
    question = store.questions(review.id)[1]
    store.set_answer(
        question.id,
        north.id,
        "Yes. The action plan for health-promoting care 2025–2027 was adopted by "
        "the health committee in December 2024. It follows the HFS network's format: goal, prioritised "
        "activities, responsible, timeline and follow-up of the goal.",
    )
    store.set_answer(
        question.id,
        south.id,
        "There is no separate action plan. The goals are part of the regional plan "
        "and the health-care business plan for 2026, with three goals for the area.",
    )
    store.add_assessment(question.id, north.id, south.id, Sign.PLUS, "The plan follows the network's format.")
    store.add_assessment(question.id, north.id, south.id, Sign.MINUS, "Several goals lack measurable indicators.")
    store.add_assessment(question.id, south.id, north.id, Sign.PLUS, "The goals are part of ordinary management.")
    store.add_assessment(question.id, south.id, north.id, Sign.MINUS, "No view of the staff or population perspective.")
    return review.id


@pytest.fixture
def shared_app(tmp_path):
    """make(theme, language) -> (app, clock); the language is set before the app exists and reset afterwards."""

    def make(theme: str, language: str):
        i18n.set_language(language)
        clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
        store = Store.open(tmp_path / "snap.db", clock=clock)
        review_id = english_review(store) if language == "en" else load_sample(store, "region").id
        store.close()
        app = make_app(
            tmp_path / "snap.db", review_id=review_id, clock=clock, bell=False, settings=Settings(theme=theme)
        )
        return app, clock

    yield make
    i18n.set_language("sv")


def meeting_under_way(app, clock, language):
    """Question 2, the slot running with 8:45 left (the warning colour), notes of every category, one selected."""

    async def run_before(pilot):
        await pilot.press("n", "space")
        clock.advance(81 * 60 + 15)
        for line in NOTES[language]:
            await pilot.press(line[0])
            await enter_text(pilot, line[1:])  # the capture line gets the rest in one call, then enter
        await pilot.press("escape", "r", "up", "r", "s", "up")
        app.screen.refresh_timer()
        app.clear_notifications()
        await pilot.pause()

    return run_before


class TestSharedScreen:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("language", ["sv", "en"])
    @pytest.mark.parametrize("theme", THEMES)
    def test_meeting_under_way(self, snap_compare, shared_app, theme, language, size):
        app, clock = shared_app(theme, language)
        assert snap_compare(app, terminal_size=SIZES[size], run_before=meeting_under_way(app, clock, language))

    @pytest.mark.parametrize("language", ["sv", "en"])
    @pytest.mark.parametrize("theme", THEMES)
    def test_presenter_view_under_way(self, snap_compare, shared_app, theme, language):
        """The participants' view at the size of a 720p share: timer, question, this slot's notes, no labels."""
        app, clock = shared_app(theme, language)
        before = meeting_under_way(app, clock, language)

        async def run_before(pilot):
            await before(pilot)
            await pilot.press("v")
            app.screen.clear_status()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZES["160x45"], run_before=run_before)

    @pytest.mark.parametrize("theme", THEMES)
    def test_overtime_reads_as_overtime_without_colour(self, snap_compare, shared_app, theme):
        app, clock = shared_app(theme, "sv")

        async def run_before(pilot):
            await pilot.press("space")
            clock.advance(92 * 60 + 5)
            app.screen.refresh_timer()
            await pilot.pause()
            app.clear_notifications()  # the three warnings' toasts: the picture is about the timer itself
            await pilot.pause()

        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    @pytest.mark.parametrize("language", ["sv", "en"])
    def test_too_small_window_says_make_it_larger(self, snap_compare, shared_app, language):
        app, _ = shared_app("hfs-contrast-dark", language)
        assert snap_compare(app, terminal_size=(60, 20))
