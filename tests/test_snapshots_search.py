"""SVG snapshots of the search screen and the meeting's other-reviews dialog (look at them as pictures)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Input

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}


@pytest.fixture
def two_reviews(tmp_path):
    """Two sample reviews; the first (renamed) released a good example and a strength on question 1."""
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "snap.db", clock=clock)
    earlier = load_sample(store, "region")
    store.update_review(earlier.id, title="Region Österby och Region Västerå 2025")
    later = load_sample(store, "region")
    meeting = store.meeting_of_kind(earlier.id, MeetingKind.FEEDBACK)
    a, b = store.parties(earlier.id)
    question = store.questions(earlier.id)[0]
    for party, category, text, release in (
        (a, Category.GOOD_EXAMPLE, "Styrgrupp med direktören som ordförande, fyra möten om året", True),
        (b, Category.STRENGTH, "Tydligt [b]uppdrag[/b] för processledarna", True),
        (a, Category.IMPROVEMENT, "Internt: budgeten för 2026 är inte klar", False),
    ):
        note = store.add_note(meeting.id, party.id, category, text, question_id=question.id)
        if release:
            store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    store.close()
    return tmp_path / "snap.db", later.id, clock


class TestSearch:
    @pytest.mark.parametrize("size", SIZES)
    def test_hits_with_their_snippet_under_each(self, snap_compare, two_reviews, size):
        path, _later, clock = two_reviews

        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            pilot.app.screen.query_one(Input).value = "styrgrupp ordförande"
            await pilot.press("enter")
            await pilot.pause()

        app = make_app(path, clock=clock, bell=False)
        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_ctrl_n_in_the_meeting_shows_what_other_reviews_released(self, snap_compare, two_reviews, size):
        path, later, clock = two_reviews

        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()

        app = make_app(path, review_id=later, clock=clock, bell=False)
        assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
