"""SVG snapshots of the export screen (look at them as pictures before accepting)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}


@pytest.fixture
def export_app(tmp_path, monkeypatch):
    """The sample's feedback meeting with notes in every state of the agreement, opened on the meeting screen.

    The default folder is under the user's documents folder: a fixed name here, so the picture is stable.
    """
    monkeypatch.chdir("/")
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: "/home/facilitator/Dokument")
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "snap.db", clock=clock)
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    party_a, party_b = store.parties(review.id)
    q1, q2 = store.questions(review.id)[:2]
    for party, category, question, text, flags in (
        (
            party_a,
            Category.STRENGTH,
            q1,
            "Tydlig uppföljning varje tertial",
            {"in_report": True, "share": Share.NETWORK},
        ),
        (party_a, Category.IMPROVEMENT, q2, "Ingen skriftlig rapport till styrgruppen", {"in_report": True}),
        (party_a, Category.NOTE, q2, "Texten [@click=app.quit]x[/] visas som den skrevs", {}),
        (party_b, Category.GOOD_EXAMPLE, q1, "Hälsoläget-panelen med CNI", {"in_report": True}),
    ):
        note = store.add_note(meeting.id, party.id, category, text, question_id=question.id)
        if flags:
            store.set_note_flags(note.id, **flags)
    store.close()
    return make_app(tmp_path / "snap.db", review_id=review.id, clock=clock, bell=False)


class TestExport:
    @pytest.mark.parametrize("size", SIZES)
    def test_agreement_beside_the_preview_of_the_minutes(self, snap_compare, export_app, size):
        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()

        assert snap_compare(export_app, terminal_size=SIZES[size], run_before=run_before)

    def test_network_summary_after_releasing_a_note(self, snap_compare, export_app):
        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("ctrl+e", "down", "s", "4")
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()

        assert snap_compare(export_app, terminal_size=(120, 36), run_before=run_before)
