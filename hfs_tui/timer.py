"""The slot timer of the feedback meeting, derived only from persisted start/pause/resume/stop events.

Pure on purpose: no clock reads, no I/O. The caller passes `now`, so quitting or a crash and a
restart give exactly the same state from the same events, and tests can move time at will.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from hfs_tui.clock import from_iso
from hfs_tui.model import TimerEvent, TimerEventKind


class TimerPhase(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class WarningLevel(StrEnum):
    NORMAL = "normal"
    TEN_MINUTES = "ten_minutes"
    TWO_MINUTES = "two_minutes"
    OVERTIME = "overtime"


WARNING_THRESHOLDS_SECONDS = (600, 120)  # 10 and 2 minutes left

# Levels only ever get more urgent as a slot runs; the tracker relies on this order.
_LEVEL_ORDER = (
    WarningLevel.NORMAL,
    WarningLevel.TEN_MINUTES,
    WarningLevel.TWO_MINUTES,
    WarningLevel.OVERTIME,
)


def _whole_seconds(seconds: float) -> int:
    """Floor, after rounding to microseconds so float noise (4.999999999) never loses a second."""
    return math.floor(round(seconds, 6))


def _minutes_seconds(whole: int) -> str:
    minutes, secs = divmod(whole, 60)
    return f"{minutes:02d}:{secs:02d}"


@dataclass(frozen=True)
class SlotTimerState:
    phase: TimerPhase
    planned_seconds: int
    elapsed_seconds: float  # running time only: pauses excluded

    @property
    def remaining_seconds(self) -> float:
        return self.planned_seconds - self.elapsed_seconds

    @property
    def overtime_seconds(self) -> float:
        return max(0.0, self.elapsed_seconds - self.planned_seconds)

    @property
    def level(self) -> WarningLevel:
        if self.elapsed_seconds > self.planned_seconds:
            return WarningLevel.OVERTIME
        ten, two = WARNING_THRESHOLDS_SECONDS
        if self.remaining_seconds <= two:
            return WarningLevel.TWO_MINUTES
        if self.remaining_seconds <= ten:
            return WarningLevel.TEN_MINUTES
        return WarningLevel.NORMAL

    @property
    def progress(self) -> float:
        if self.planned_seconds <= 0:
            # A zero-length slot is "used up" once it has run at all; avoids dividing by zero.
            return 1.0 if self.elapsed_seconds > 0 else 0.0
        return min(1.0, max(0.0, self.elapsed_seconds / self.planned_seconds))

    @property
    def display(self) -> str:
        """mm:ss with minutes past 59 ("90:00"), so the big timer never changes shape mid-slot.

        Both the countdown and the overtime are floored: the countdown drops to 89:59 as soon as
        the timer runs, which shows the space key took effect; overtime counts up from +00:00.
        """
        if self.level is WarningLevel.OVERTIME:
            return "+" + _minutes_seconds(_whole_seconds(self.overtime_seconds))
        return _minutes_seconds(max(0, _whole_seconds(self.remaining_seconds)))


def _parsed(events: Sequence[TimerEvent]) -> list[tuple[datetime, int, TimerEventKind]]:
    """Sorted by time, then id; events whose time or kind cannot be read are dropped, not fatal."""
    readable = []
    for event in events:
        try:
            at = from_iso(event.at)
            kind = TimerEventKind(event.kind)
        except (TypeError, ValueError):
            continue
        readable.append((at, event.id, kind))
    readable.sort(key=lambda item: (item[0], item[1]))
    return readable


def _ran(since: datetime, until: datetime) -> float:
    """Never negative: a clock stepped backwards between two events must not eat running time."""
    return max(0.0, (until - since).total_seconds())


def slot_state(events: Sequence[TimerEvent], planned_minutes: int, now: datetime) -> SlotTimerState:
    """Replay the events; ones that make no sense in the current phase are skipped, never raised,
    so a damaged or doubled history (two clicks, a crash between writes) never stops the meeting.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    phase = TimerPhase.NOT_STARTED
    elapsed = 0.0
    running_since = now  # only read while RUNNING, when an event has set it

    for at, _id, kind in _parsed(events):
        if kind is TimerEventKind.START and phase is TimerPhase.NOT_STARTED:
            phase, running_since = TimerPhase.RUNNING, at
        elif kind is TimerEventKind.PAUSE and phase is TimerPhase.RUNNING:
            elapsed += _ran(running_since, at)
            phase = TimerPhase.PAUSED
        elif kind is TimerEventKind.RESUME and phase in (TimerPhase.PAUSED, TimerPhase.STOPPED):
            phase, running_since = TimerPhase.RUNNING, at
        elif kind is TimerEventKind.STOP and phase in (TimerPhase.RUNNING, TimerPhase.PAUSED):
            if phase is TimerPhase.RUNNING:
                elapsed += _ran(running_since, at)
            phase = TimerPhase.STOPPED
    if phase is TimerPhase.RUNNING:
        elapsed += _ran(running_since, now)
    return SlotTimerState(phase, max(0, planned_minutes * 60), elapsed)


_TOGGLE = {
    TimerPhase.NOT_STARTED: TimerEventKind.START,
    TimerPhase.RUNNING: TimerEventKind.PAUSE,
    TimerPhase.PAUSED: TimerEventKind.RESUME,
    TimerPhase.STOPPED: TimerEventKind.RESUME,
}


def toggle_event(phase: TimerPhase) -> TimerEventKind:
    """The one event the space key records, so start, pause and resume share a single key."""
    return _TOGGLE[phase]


class WarningTracker:
    """Fires each warning (10 min, 2 min, overtime) once per slot.

    Built from the state at (re)start so that thresholds already passed before a restart do not
    fire again. Levels never un-fire: if the planned time is raised, an earlier warning stays spent.
    """

    def __init__(self, initial: SlotTimerState) -> None:
        self._rank = _LEVEL_ORDER.index(initial.level)

    def update(self, state: SlotTimerState) -> list[WarningLevel]:
        """Every level crossed since the last update, least urgent first, so a long jump (a
        suspended laptop) still shows the 10-minute warning before the 2-minute one."""
        rank = _LEVEL_ORDER.index(state.level)
        if rank <= self._rank:
            return []
        crossed = list(_LEVEL_ORDER[self._rank + 1 : rank + 1])
        self._rank = rank
        return crossed


@dataclass(frozen=True)
class Pace:
    question_index: int  # 0-based among the selected questions
    question_count: int
    seconds_per_question: float
    behind_seconds: float  # > 0 behind plan, < 0 ahead of plan, 0 on plan

    @property
    def question_number(self) -> int:
        return self.question_index + 1


def pace(state: SlotTimerState, question_index: int, question_count: int) -> Pace:
    """Each selected question gets an equal share of the slot; being anywhere inside the current
    question's share counts as on plan, so the header does not flicker between ahead and behind."""
    if question_count <= 0:
        return Pace(question_index, 0, 0.0, 0.0)
    per_question = state.planned_seconds / question_count
    share_start = question_index * per_question
    share_end = share_start + per_question
    if state.elapsed_seconds > share_end:
        behind = state.elapsed_seconds - share_end
    elif state.elapsed_seconds < share_start:
        behind = state.elapsed_seconds - share_start
    else:
        behind = 0.0
    return Pace(question_index, question_count, per_question, behind)


def meeting_time_left(states: Sequence[SlotTimerState]) -> float:
    """Planned time still ahead: one slot's overtime does not borrow from the slots to come."""
    return sum(max(0.0, state.remaining_seconds) for state in states)


def format_duration(seconds: float) -> str:
    """h:mm:ss from an hour up, else mm:ss; truncated toward zero so "-00:00" never appears."""
    whole = _whole_seconds(abs(seconds))
    sign = "-" if seconds < 0 and whole > 0 else ""
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{sign}{hours}:{_minutes_seconds(rest)}"
    return sign + _minutes_seconds(rest)
