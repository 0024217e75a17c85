"""The slot timer: state is replayed from persisted events, so these tests record events at the
times a FakeClock gives and check what the meeting screen would show."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hfs_tui.clock import FakeClock, to_iso
from hfs_tui.model import TimerEvent, TimerEventKind
from hfs_tui.timer import (
    Pace,
    SlotTimerState,
    TimerPhase,
    WarningLevel,
    WarningTracker,
    format_duration,
    meeting_time_left,
    pace,
    slot_state,
    toggle_event,
)

START, PAUSE, RESUME, STOP = (
    TimerEventKind.START,
    TimerEventKind.PAUSE,
    TimerEventKind.RESUME,
    TimerEventKind.STOP,
)
MIN = 60


class Slot:
    """Records timer events at the fake clock's time, with increasing ids, like the store would."""

    def __init__(self, planned_minutes: int = 90) -> None:
        self.clock = FakeClock(datetime(2025, 3, 14, 9, 0, tzinfo=UTC))
        self.planned_minutes = planned_minutes
        self.events: list[TimerEvent] = []

    def record(self, kind: TimerEventKind, at: str | None = None) -> None:
        stamp = at if at is not None else to_iso(self.clock())
        self.events.append(TimerEvent(id=len(self.events) + 1, slot_id=1, kind=kind, at=stamp))

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def state(self, events: list[TimerEvent] | None = None) -> SlotTimerState:
        chosen = self.events if events is None else events
        return slot_state(chosen, self.planned_minutes, self.clock())


def running_for(seconds: float, planned_minutes: int = 90) -> SlotTimerState:
    slot = Slot(planned_minutes)
    slot.record(START)
    slot.advance(seconds)
    return slot.state()


def test_no_events_is_not_started_with_full_time():
    state = Slot().state()
    assert state.phase is TimerPhase.NOT_STARTED
    assert state.elapsed_seconds == 0
    assert state.display == "90:00"


def test_display_at_exact_start_is_full_planned_time():
    state = running_for(0)
    assert state.phase is TimerPhase.RUNNING
    assert state.display == "90:00"
    assert state.level is WarningLevel.NORMAL


def test_counts_down_from_90_minutes():
    slot = Slot()
    slot.record(START)
    slot.advance(0.5)
    assert slot.state().display == "89:59"
    slot.advance(60.5)
    assert slot.state().elapsed_seconds == pytest.approx(61)
    assert slot.state().remaining_seconds == pytest.approx(90 * MIN - 61)
    assert slot.state().display == "88:59"
    slot.advance(30 * MIN)
    assert slot.state().display == "58:59"


def test_pause_and_resume_exclude_the_pause():
    slot = Slot()
    slot.record(START)
    slot.advance(10 * MIN)
    slot.record(PAUSE)
    slot.advance(30 * MIN)
    paused = slot.state()
    assert paused.phase is TimerPhase.PAUSED
    assert paused.elapsed_seconds == pytest.approx(10 * MIN)
    slot.record(RESUME)
    slot.advance(5 * MIN)
    resumed = slot.state()
    assert resumed.phase is TimerPhase.RUNNING
    assert resumed.elapsed_seconds == pytest.approx(15 * MIN)
    assert resumed.display == "75:00"


def test_stop_freezes_elapsed_time():
    slot = Slot()
    slot.record(START)
    slot.advance(20 * MIN)
    slot.record(STOP)
    slot.advance(60 * MIN)
    state = slot.state()
    assert state.phase is TimerPhase.STOPPED
    assert state.elapsed_seconds == pytest.approx(20 * MIN)


def test_resume_after_stop_reopens_the_slot():
    slot = Slot()
    slot.record(START)
    slot.advance(20 * MIN)
    slot.record(STOP)
    slot.advance(60 * MIN)
    slot.record(RESUME)
    slot.advance(1 * MIN)
    state = slot.state()
    assert state.phase is TimerPhase.RUNNING
    assert state.elapsed_seconds == pytest.approx(21 * MIN)


def test_events_out_of_order_give_the_same_state():
    slot = Slot()
    for kind, gap in ((START, 7 * MIN), (PAUSE, 3 * MIN), (RESUME, 11 * MIN), (PAUSE, 2 * MIN)):
        slot.record(kind)
        slot.advance(gap)
    slot.record(RESUME)
    slot.advance(4 * MIN)
    in_order = slot.state()
    assert in_order.elapsed_seconds == pytest.approx(22 * MIN)
    assert slot.state(list(reversed(slot.events))) == in_order
    shuffled = [slot.events[i] for i in (2, 4, 0, 3, 1)]
    assert slot.state(shuffled) == in_order


def test_events_at_the_same_instant_are_ordered_by_id():
    slot = Slot()
    slot.record(START)
    slot.advance(5 * MIN)
    slot.record(STOP)
    slot.record(RESUME)  # same time as the stop, later id: the slot is reopened
    slot.advance(5 * MIN)
    state = slot.state(list(reversed(slot.events)))
    assert state.phase is TimerPhase.RUNNING
    assert state.elapsed_seconds == pytest.approx(10 * MIN)


def test_times_with_another_utc_offset_mean_the_same_instant():
    slot = Slot()
    slot.record(START, at="2025-03-14T10:00:00+01:00")  # 09:00 UTC, the clock's start
    slot.advance(3 * MIN)
    assert slot.state().elapsed_seconds == pytest.approx(3 * MIN)


def test_naive_now_is_taken_as_utc():
    slot = Slot()
    slot.record(START)
    slot.advance(3 * MIN)
    naive_now = slot.clock().replace(tzinfo=None)
    assert slot_state(slot.events, 90, naive_now).elapsed_seconds == pytest.approx(3 * MIN)


def test_a_clock_behind_the_recorded_start_counts_no_time():
    slot = Slot()
    slot.record(START, at="2025-03-14T09:05:00+00:00")  # five minutes after the clock's now
    state = slot.state()
    assert state.elapsed_seconds == 0
    assert state.display == "90:00"


def test_nonsensical_events_are_ignored():
    clean, damaged = Slot(), Slot()
    clean.record(START)
    damaged.record(PAUSE)  # before any start
    damaged.record(STOP)  # before any start
    damaged.record(RESUME)  # before any start
    damaged.record(START)
    damaged.record(START, at="not a time")
    for slot in (clean, damaged):
        slot.advance(4 * MIN)
    damaged.record(START)  # a second start must not restart the count
    damaged.record(RESUME)  # resume while running
    clean.record(PAUSE)
    damaged.record(PAUSE)
    for slot in (clean, damaged):
        slot.advance(2 * MIN)
    damaged.record(PAUSE)  # pause while paused
    damaged.record(STOP)
    clean.record(STOP)
    for slot in (clean, damaged):
        slot.advance(1 * MIN)
    damaged.record(PAUSE)  # after stop
    damaged.record(START)  # after stop
    damaged.record(STOP)  # stop while stopped
    damaged.advance(1 * MIN)
    clean.advance(1 * MIN)
    assert damaged.state() == clean.state()
    assert clean.state() == SlotTimerState(TimerPhase.STOPPED, 90 * MIN, 4 * MIN)


def test_levels_change_exactly_at_the_thresholds():
    assert running_for(80 * MIN - 1).level is WarningLevel.NORMAL
    assert running_for(80 * MIN).level is WarningLevel.TEN_MINUTES
    assert running_for(88 * MIN - 1).level is WarningLevel.TEN_MINUTES
    assert running_for(88 * MIN).level is WarningLevel.TWO_MINUTES
    at_end = running_for(90 * MIN)
    assert (at_end.level, at_end.display) == (WarningLevel.TWO_MINUTES, "00:00")


def test_overtime_display_and_level():
    just_over = running_for(90 * MIN + 0.5)
    assert (just_over.level, just_over.display) == (WarningLevel.OVERTIME, "+00:00")
    five = running_for(90 * MIN + 5)
    assert five.level is WarningLevel.OVERTIME
    assert five.display == "+00:05"
    assert five.overtime_seconds == pytest.approx(5)
    assert five.remaining_seconds == pytest.approx(-5)
    assert running_for(93 * MIN + 12).display == "+03:12"
    assert running_for(90 * MIN + 61 * MIN).display == "+61:00"


def test_no_overtime_before_the_end():
    assert running_for(30 * MIN).overtime_seconds == 0


def test_each_warning_fires_once():
    slot = Slot()
    slot.record(START)
    tracker = WarningTracker(slot.state())
    slot.advance(79 * MIN)
    assert tracker.update(slot.state()) == []
    slot.advance(1 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.TEN_MINUTES]
    slot.advance(1)
    assert tracker.update(slot.state()) == []
    assert tracker.update(slot.state()) == []
    slot.advance(8 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.TWO_MINUTES]
    slot.advance(1)
    assert tracker.update(slot.state()) == []
    slot.advance(2 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.OVERTIME]
    slot.advance(10 * MIN)
    assert tracker.update(slot.state()) == []


def test_a_jump_across_several_thresholds_fires_them_in_order():
    slot = Slot()
    slot.record(START)
    tracker = WarningTracker(slot.state())
    slot.advance(89 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.TEN_MINUTES, WarningLevel.TWO_MINUTES]
    slot.advance(2 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.OVERTIME]


def test_tracker_built_after_restart_does_not_refire_a_passed_warning():
    slot = Slot()
    slot.record(START)
    slot.advance(85 * MIN)  # the app restarts here, 5 minutes left
    tracker = WarningTracker(slot.state())
    assert tracker.update(slot.state()) == []
    slot.advance(2 * MIN)
    assert tracker.update(slot.state()) == []
    slot.advance(1 * MIN)
    assert tracker.update(slot.state()) == [WarningLevel.TWO_MINUTES]


def test_progress_clamps_to_zero_and_one():
    assert Slot().state().progress == 0.0
    assert running_for(45 * MIN).progress == pytest.approx(0.5)
    assert running_for(120 * MIN).progress == 1.0
    assert running_for(5, planned_minutes=0).progress == 1.0


def test_space_key_toggles_start_pause_resume():
    assert toggle_event(TimerPhase.NOT_STARTED) is START
    assert toggle_event(TimerPhase.RUNNING) is PAUSE
    assert toggle_event(TimerPhase.PAUSED) is RESUME
    assert toggle_event(TimerPhase.STOPPED) is RESUME


@pytest.mark.parametrize(
    ("elapsed_minutes", "behind_minutes"),
    [(25, -5), (30, 0), (35, 0), (40, 0), (45, 5)],
)
def test_pace_ahead_on_plan_or_behind(elapsed_minutes, behind_minutes):
    # 90 minutes over 9 questions: question 4 (index 3) owns minutes 30 to 40.
    result = pace(running_for(elapsed_minutes * MIN), question_index=3, question_count=9)
    assert result.question_number == 4
    assert result.seconds_per_question == pytest.approx(10 * MIN)
    assert result.behind_seconds == pytest.approx(behind_minutes * MIN)


def test_pace_with_no_questions_is_neutral():
    assert pace(running_for(50 * MIN), 0, 0) == Pace(0, 0, 0.0, 0.0)


def test_meeting_time_left_ignores_overtime_of_other_slots():
    states = [running_for(60 * MIN), running_for(100 * MIN), Slot().state()]
    assert meeting_time_left(states) == pytest.approx(30 * MIN + 90 * MIN)
    assert meeting_time_left([]) == 0


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (309, "05:09"),
        (309.9, "05:09"),
        (59 * MIN + 59, "59:59"),
        (3600, "1:00:00"),
        (3909, "1:05:09"),
        (-309, "-05:09"),
        (-0.4, "00:00"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text
