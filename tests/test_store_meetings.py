"""Per-meeting fields (place, explicit end, attendance), the party's adjuster, and timer events that keep their
order when the system clock is set back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hfs_tui.clock import FakeClock
from hfs_tui.model import MeetingKind, TimerEventKind
from hfs_tui.slot_clock import SlotClock
from hfs_tui.store import Store, StoreError
from hfs_tui.timer import TimerPhase


@pytest.fixture
def feedback(store: Store):
    review = store.create_review("region", "Region Nordmark", "Region Söderås")
    return store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)


def reopened(store: Store) -> Store:
    store.close()
    return Store.open(store.path, clock=store.clock)


def test_place_and_explicit_end_round_trip(store: Store, feedback):
    assert (feedback.place, feedback.ended_at) == ("", None)
    assert store.set_meeting_place(feedback.id, "  Teams ").place == "Teams"
    store.set_meeting_ended(feedback.id, datetime(2026, 4, 2, 15, 30, tzinfo=UTC))
    store = reopened(store)
    try:
        again = store.meeting(feedback.id)
        assert (again.place, again.ended_at) == ("Teams", "2026-04-02T15:30:00.000000+00:00")
        assert store.set_meeting_ended(feedback.id, None).ended_at is None  # reopened
        with pytest.raises(StoreError, match="finns inte"):
            store.set_meeting_place(999_999, "x")
    finally:
        store.close()


def test_everyone_in_the_teams_is_present_until_marked_absent(store: Store, feedback):
    party_a, party_b = store.parties(feedback.review_id)
    anna = store.add_member(party_a.id, "Anna")
    erik = store.add_member(party_b.id, "Erik")
    assert store.attendance(feedback.id) == {anna.id, erik.id}
    store.set_present(feedback.id, erik.id, False)
    later = store.add_member(party_b.id, "Karin")  # joined the team after attendance was taken
    store = reopened(store)
    try:
        assert store.attendance(feedback.id) == {anna.id, later.id}
        store.set_present(feedback.id, erik.id, True)
        assert store.attendance(feedback.id) == {anna.id, erik.id, later.id}
        other_meeting = store.meeting_of_kind(feedback.review_id, MeetingKind.INTRO)
        store.set_present(other_meeting.id, anna.id, False)
        assert anna.id in store.attendance(feedback.id)  # attendance is per meeting
        assert store.db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 2
    finally:
        store.close()


def test_a_member_of_another_review_cannot_be_marked(store: Store, feedback):
    other = store.create_review("region", "Region Väster", "Region Öster")
    stranger = store.add_member(store.parties(other.id)[0].id, "Okänd")
    with pytest.raises(StoreError, match="hör inte till"):
        store.set_present(feedback.id, stranger.id, False)
    assert store.db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 0


def test_the_party_adjuster_round_trips(store: Store, feedback):
    party = store.parties(feedback.review_id)[0]
    assert party.adjuster == ""
    store.update_party(party.id, adjuster="Karin Lund")
    store = reopened(store)
    try:
        assert store.party(party.id).adjuster == "Karin Lund"
    finally:
        store.close()


def test_events_stored_in_the_future_still_come_before_a_new_press(store: Store, feedback, clock: FakeClock):
    """The clock was an hour ahead when the slot started, then set right: every press still changes the state."""
    slot = store.slots(feedback.id)[0]
    ahead = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)  # the test clock stands at 09:00
    store.add_timer_event(slot.id, TimerEventKind.START, ahead)
    timer = SlotClock(store, feedback.id, clock)
    assert timer.state().phase is TimerPhase.RUNNING
    phases = []
    for _ in range(3):
        event = timer.toggle()
        assert event.at >= "2026-03-10T10:00:00"  # never stored before the last event
        phases.append(timer.state().phase)
        clock.advance(30)
    assert phases == [TimerPhase.PAUSED, TimerPhase.RUNNING, TimerPhase.PAUSED]
    store = reopened(store)  # and a restart replays the same order
    try:
        events = store.timer_events(feedback.id)[slot.id]
        assert [e.kind for e in events] == [
            TimerEventKind.START,
            TimerEventKind.PAUSE,
            TimerEventKind.RESUME,
            TimerEventKind.PAUSE,
        ]
        assert SlotClock(store, feedback.id, clock).state().phase is TimerPhase.PAUSED
    finally:
        store.close()


def test_an_ordinary_event_keeps_its_own_time(store: Store, feedback, clock: FakeClock):
    slot = store.slots(feedback.id)[0]
    store.add_timer_event(slot.id, TimerEventKind.START)
    clock.advance(90)
    assert store.add_timer_event(slot.id, TimerEventKind.PAUSE).at == "2026-03-10T09:01:30.000000+00:00"
