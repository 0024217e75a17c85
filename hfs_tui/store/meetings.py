"""Meetings, their slots and the slot timers' events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..clock import from_iso, to_iso
from ..errors import StoreError
from ..i18n import t
from ..model import Category, Meeting, MeetingKind, Note, Share, Slot, TimerEvent, TimerEventKind
from . import rows
from .connection import StoreBase

_NOTE_FIELDS = (
    "id, meeting_id, slot_id, question_id, party_id, category, text, in_report, share,"
    " created_at, updated_at, deleted_at, released_at"
)
_CATEGORIES = {c.value: c for c in Category}
_SHARES = {s.value: s for s in Share}


class MeetingsMixin(StoreBase):
    def meetings(self, review_id: int) -> list[Meeting]:
        return [
            rows.meeting(r)
            for r in self.db.query("SELECT * FROM meetings WHERE review_id = ? ORDER BY id", [review_id])
        ]

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
            self.db.table("meetings").update(
                meeting_id, {"current_slot_id": slot_id, "current_question_id": question_id}
            )

    def set_meeting_held_on(self, meeting_id: int, held_on: str | None) -> None:
        with self.transaction():
            self.db.table("meetings").update(meeting_id, {"held_on": held_on})

    def set_meeting_place(self, meeting_id: int, place: str) -> Meeting:
        """Where the meeting is held (plats): a room, a town or "Teams"."""
        with self.transaction():
            self.meeting(meeting_id)
            self.db.table("meetings").update(meeting_id, {"place": place.strip()})
        return self.meeting(meeting_id)

    def set_meeting_secretary(self, meeting_id: int, secretary: str) -> Meeting:
        """Who keeps the minutes (sekreterare); empty: the facilitator does."""
        with self.transaction():
            self.meeting(meeting_id)
            self.db.table("meetings").update(meeting_id, {"secretary": " ".join(secretary.split())})
        return self.meeting(meeting_id)

    def set_meeting_ended(self, meeting_id: int, ended_at: datetime | None) -> Meeting:
        """End the meeting explicitly at `ended_at` (UTC), or reopen it with None."""
        with self.transaction():
            self.meeting(meeting_id)
            self.db.table("meetings").update(meeting_id, {"ended_at": None if ended_at is None else to_iso(ended_at)})
        return self.meeting(meeting_id)

    def attendance(self, meeting_id: int) -> set[int]:
        """The ids of the members present at the meeting.

        Everyone in both parties' teams is present unless marked absent: a row in `attendance` exists only for a
        member whose presence was set, with `present` 0 or 1. So a member added later counts as present too.
        """
        review_id = self.meeting(meeting_id).review_id
        found = self._rows(
            """SELECT m.id FROM members m JOIN parties p ON p.id = m.party_id
               LEFT JOIN attendance a ON a.member_id = m.id AND a.meeting_id = ?
               WHERE p.review_id = ? AND COALESCE(a.present, 1) = 1""",
            [meeting_id, review_id],
        )
        return {row["id"] for row in found}

    def set_present(self, meeting_id: int, member_id: int, present: bool) -> None:
        """Mark a member of the meeting's review present or absent."""
        with self.transaction():
            review_id = self.meeting(meeting_id).review_id
            belongs = self._one(
                "SELECT 1 FROM members m JOIN parties p ON p.id = m.party_id WHERE m.id = ? AND p.review_id = ?",
                [member_id, review_id],
            )
            if belongs is None:
                raise StoreError(t("error.member_not_in_meeting", id=member_id))
            self.db.execute(
                """INSERT INTO attendance (meeting_id, member_id, present) VALUES (?, ?, ?)
                   ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = excluded.present""",
                [meeting_id, member_id, int(present)],
            )

    def meeting_notes(self, meeting_id: int) -> list[Note]:
        """The meeting's live notes, oldest first, for its documents: the same as `notes(meeting_id)`, read as plain
        tuples (no row dictionaries) with each category and share level looked up once, since an export of a long
        meeting reads every note."""
        found = self.db.execute(
            f"SELECT {_NOTE_FIELDS} FROM notes WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id", [meeting_id]
        )
        categories, shares = _CATEGORIES, _SHARES
        return [
            Note(i, m, slot, q, party, categories[c], text, bool(r), shares[sh], created, updated, deleted, released)
            for i, m, slot, q, party, c, text, r, sh, created, updated, deleted, released in found.fetchall()
        ]

    def slots(self, meeting_id: int) -> list[Slot]:
        return [
            rows.slot(r)
            for r in self.db.query("SELECT * FROM slots WHERE meeting_id = ? ORDER BY position", [meeting_id])
        ]

    def update_slot(self, slot_id: int, title: str | None = None, planned_minutes: int | None = None) -> None:
        fields: dict[str, Any] = {}
        if title is not None:
            fields["title"] = title
        if planned_minutes is not None:
            if planned_minutes <= 0:
                raise StoreError(t("error.slot_minutes"))
            fields["planned_minutes"] = planned_minutes
        with self.transaction():
            self.db.table("slots").update(slot_id, fields)

    def add_timer_event(self, slot_id: int, kind: TimerEventKind, at: datetime | None = None) -> TimerEvent:
        """Record a timer event; it is never stored earlier than the slot's last event.

        If the system clock was set back (stored events lie in the future), the new event takes the last
        event's time, so in the stored order (time, then id) it still comes last and every press changes the
        state; the pure timer never counts negative time.
        """
        moment = at or self.clock()
        with self.transaction():
            for row in self._rows("SELECT at FROM timer_events WHERE slot_id = ?", [slot_id]):
                try:
                    earlier = from_iso(row["at"])
                except (TypeError, ValueError):  # an unreadable time is skipped, as the timer skips it
                    continue
                moment = max(moment, earlier)
            at_text = to_iso(moment)
            event_id = self._insert("timer_events", {"slot_id": slot_id, "kind": kind.value, "at": at_text})
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
