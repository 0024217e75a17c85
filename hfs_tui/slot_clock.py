"""One meeting's slots and their timers, replayed from persisted events: the rule every meeting screen shares.

The feedback, introductory and follow-up meetings run their slots the same way: space starts, pauses and
resumes the current slot; moving on asks first while the slot still has time left and then stops it;
going back pauses a running slot. Holding that rule here (no Textual) keeps the screens thin and alike.
"""

from __future__ import annotations

from .clock import Clock
from .model import Slot, TimerEvent, TimerEventKind
from .store import Store
from .timer import (
    SlotTimerState,
    TimerPhase,
    WarningLevel,
    WarningTracker,
    meeting_time_left,
    slot_state,
    toggle_event,
)

_UNDER_WAY = (TimerPhase.RUNNING, TimerPhase.PAUSED)


class SlotClock:
    """The current slot of a meeting and every slot's timer; writes go to the store before the state changes."""

    def __init__(self, store: Store, meeting_id: int, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.slots: list[Slot] = store.slots(meeting_id)
        self.events: dict[int, list[TimerEvent]] = store.timer_events(meeting_id)
        current = store.meeting(meeting_id).current_slot_id
        self.index = next((i for i, slot in enumerate(self.slots) if slot.id == current), 0)
        # Built from the state at (re)start: a warning already passed before a restart does not fire again.
        self._trackers = {slot.id: WarningTracker(self.state(slot)) for slot in self.slots}

    @property
    def slot(self) -> Slot:
        return self.slots[self.index]

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index + 1 >= len(self.slots)

    def state(self, slot: Slot | None = None) -> SlotTimerState:
        slot = slot or self.slot
        return slot_state(self.events[slot.id], slot.planned_minutes, self.clock())

    def meeting_left(self) -> float:
        return meeting_time_left([self.state(slot) for slot in self.slots])

    def new_warnings(self) -> list[WarningLevel]:
        """Warnings the current slot crossed since the last call (each fires once per slot)."""
        return self._trackers[self.slot.id].update(self.state())

    def toggle(self) -> TimerEvent:
        """Start, pause or resume the current slot (one key for all three). Raises StoreError."""
        return self._record(self.slot, toggle_event(self.state().phase))

    def time_left_if_under_way(self) -> float | None:
        """Seconds the current slot still has while it runs or is paused: moving on then asks first."""
        state = self.state()
        if state.phase in _UNDER_WAY and state.remaining_seconds > 0:
            return state.remaining_seconds
        return None

    def go_next(self) -> None:
        """Stop the current slot if it is under way, then move on. Raises StoreError (and stays) on failure."""
        if self.is_last:
            raise IndexError("no next slot")
        if self.state().phase in _UNDER_WAY:
            self._record(self.slot, TimerEventKind.STOP)
        self.index += 1

    def stop(self) -> None:
        """Stop the current slot if it is under way (the meeting ends). Raises StoreError on failure."""
        if self.state().phase in _UNDER_WAY:
            self._record(self.slot, TimerEventKind.STOP)

    def go_previous(self) -> None:
        """Pause the current slot if it runs (it can be resumed later), then go back."""
        if self.is_first:
            raise IndexError("no previous slot")
        if self.state().phase is TimerPhase.RUNNING:
            self._record(self.slot, TimerEventKind.PAUSE)
        self.index -= 1

    def _record(self, slot: Slot, kind: TimerEventKind) -> TimerEvent:
        event = self.store.add_timer_event(slot.id, kind, self.clock())
        self.events[slot.id].append(event)
        return event
