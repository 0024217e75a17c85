"""Meetings, their slots and the slot timers' events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..clock import to_iso
from ..errors import StoreError
from ..i18n import t
from ..model import Meeting, MeetingKind, Slot, TimerEvent, TimerEventKind
from . import rows
from .connection import StoreBase


class MeetingsMixin(StoreBase):
    def meetings(self, review_id: int) -> list[Meeting]:
        return [rows.meeting(r) for r in self.db.query("SELECT * FROM meetings WHERE review_id = ? ORDER BY id", [review_id])]

    def meeting(self, meeting_id: int) -> Meeting:
        row = self._one("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise StoreError(t("error.meeting_missing", id=meeting_id))
        return rows.meeting(row)

    def meeting_of_kind(self, review_id: int, kind: MeetingKind) -> Meeting:
        row = self._one(
            "SELECT * FROM meetings WHERE review_id = ? AND kind = ? ORDER BY id LIMIT 1", [review_id, kind.value]
        )
        if row is None:
            raise StoreError(t("error.meeting_kind_missing", id=review_id, kind=kind.value))
        return rows.meeting(row)

    def set_meeting_position(self, meeting_id: int, slot_id: int | None, question_id: int | None) -> None:
        """Remember where the meeting is, so a restart opens it on the same slot and question."""
        with self.transaction():
            self.db["meetings"].update(meeting_id, {"current_slot_id": slot_id, "current_question_id": question_id})

    def set_meeting_held_on(self, meeting_id: int, held_on: str | None) -> None:
        with self.transaction():
            self.db["meetings"].update(meeting_id, {"held_on": held_on})

    def slots(self, meeting_id: int) -> list[Slot]:
        return [rows.slot(r) for r in self.db.query("SELECT * FROM slots WHERE meeting_id = ? ORDER BY position", [meeting_id])]

    def update_slot(self, slot_id: int, title: str | None = None, planned_minutes: int | None = None) -> None:
        fields: dict[str, Any] = {}
        if title is not None:
            fields["title"] = title
        if planned_minutes is not None:
            if planned_minutes <= 0:
                raise StoreError(t("error.slot_minutes"))
            fields["planned_minutes"] = planned_minutes
        with self.transaction():
            self.db["slots"].update(slot_id, fields)

    def add_timer_event(self, slot_id: int, kind: TimerEventKind, at: datetime | None = None) -> TimerEvent:
        at_text = to_iso(at or self.clock())
        with self.transaction():
            event_id = self.db["timer_events"].insert({"slot_id": slot_id, "kind": kind.value, "at": at_text}).last_pk
        return TimerEvent(event_id, slot_id, kind, at_text)

    def timer_events(self, meeting_id: int) -> dict[int, list[TimerEvent]]:
        """Every slot's timer events, keyed by slot id, in the order they happened."""
        found = self.db.query(
            """SELECT e.* FROM timer_events e JOIN slots s ON s.id = e.slot_id
               WHERE s.meeting_id = ? ORDER BY e.at, e.id""",
            [meeting_id],
        )
        events: dict[int, list[TimerEvent]] = {slot.id: [] for slot in self.slots(meeting_id)}
        for r in found:
            events[r["slot_id"]].append(TimerEvent(r["id"], r["slot_id"], TimerEventKind(r["kind"]), r["at"]))
        return events
