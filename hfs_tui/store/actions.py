"""Improvement actions (the action plan of step 4b, followed up in step 5), often made from `>` notes.

An action made from a note gets the note's text (NOTE_TEXT_FIELD says where), copies the note's `in_report`
(the party agreed it for the report) and keeps a copy of the text (`source_text`), so `Action.note_state`
can say when the note was edited or deleted since. Its `share` starts internal: releasing the action to the network is the owner's
own decision, as for notes. Deleting the note withdraws the action from the report; undoing the delete puts
it back (notes.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from ..i18n import t
from ..model import Action, ActionStatus, Share
from . import rows
from .meetings import MeetingsMixin
from .notes import NotesMixin

_ACTION_TEXT_FIELDS = ("activities", "responsible", "timeline", "follow_up", "outcome", "sustain")
NOTE_TEXT_FIELD = "goal"
"""Where action_from_note puts the note's text. Issue 9 item 5 wants "activities" (a `>` note is a
*prioritised activity*, seed 004, and the goal is the party's to write); that changes the action screen,
the follow-up and the reports, so it waits for their owners (branch store-activities makes the switch)."""


class ActionsMixin(NotesMixin, MeetingsMixin):
    def actions(self, review_id: int, party_id: int | None = None) -> list[Action]:
        sql = rows.ACTION_SELECT + " WHERE a.review_id = ? AND a.deleted_at IS NULL"
        params: list[Any] = [review_id]
        if party_id is not None:
            sql += " AND a.party_id = ?"
            params.append(party_id)
        return [rows.action(r) for r in self._rows(sql + " ORDER BY a.party_id, a.id", params)]

    def action(self, action_id: int) -> Action:
        row = self._one(rows.ACTION_SELECT + " WHERE a.id = ?", [action_id])
        if row is None:
            raise StoreError(t("error.action_missing", id=action_id))
        return rows.action(row)

    def add_action(self, review_id: int, party_id: int, goal: str, note_id: int | None = None, **fields: str) -> Action:
        if not goal.strip():
            raise StoreError(t("error.action_needs_goal"))
        now = self._now()
        record: dict[str, Any] = {
            "review_id": review_id,
            "party_id": party_id,
            "note_id": note_id,
            "goal": goal.strip(),
        }
        record.update(_action_fields(fields))
        record.update({"created_at": now, "updated_at": now})
        with self.transaction():
            action_id = self._insert("actions", record)
        return self.action(action_id)

    def action_from_note(self, note_id: int) -> Action:
        """Turn a meeting note (typically a `>` note) into its owner's improvement action, once.

        The note's text goes to NOTE_TEXT_FIELD, its `in_report` is copied, `share` starts internal.
        """
        note = self.note(note_id)
        existing = self._one(rows.ACTION_SELECT + " WHERE a.note_id = ? AND a.deleted_at IS NULL", [note_id])
        if existing is not None:
            return rows.action(existing)
        review_id = self.meeting(note.meeting_id).review_id
        now = self._now()
        record: dict[str, Any] = {
            "review_id": review_id,
            "party_id": note.party_id,
            "note_id": note.id,
            "goal": "",
            "activities": "",
            "source_text": note.text,
            "in_report": int(note.in_report),
            "share": Share.INTERNAL.value,
            "created_at": now,
            "updated_at": now,
        }
        record[NOTE_TEXT_FIELD] = note.text
        with self.transaction():
            action_id = self._insert("actions", record)
        return self.action(action_id)

    def actions_from_notes(self, note_ids: Iterable[int]) -> list[Action]:
        """Several notes into actions at once (all of a party's `>` notes): all of them or, on failure, none."""
        with self.transaction():
            return [self.action_from_note(note_id) for note_id in note_ids]

    def update_action(self, action_id: int, **fields: str) -> Action:
        record: dict[str, Any] = dict(_action_fields(fields))
        if "goal" in fields:
            if not fields["goal"].strip():
                raise StoreError(t("error.action_needs_goal"))
            record["goal"] = fields["goal"].strip()
        record["updated_at"] = self._now()
        with self.transaction():
            self.db.table("actions").update(action_id, record)
        return self.action(action_id)

    def set_action_flags(self, action_id: int, in_report: bool | None = None, share: Share | None = None) -> Action:
        """The owner's decisions on an action: in the party's report, released to the network.

        Setting `in_report` is the owner's latest word: an undo of the source note's delete no longer changes it.
        """
        record: dict[str, Any] = {"updated_at": self._now()}
        if in_report is not None:
            record["in_report"] = int(in_report)
            record["note_deleted_in_report"] = None
        if share is not None:
            record["share"] = Share(share).value
        with self.transaction():
            self.action(action_id)  # a missing action is an error, not a silent no-op
            self.db.table("actions").update(action_id, record)
        return self.action(action_id)

    def delete_action(self, action_id: int) -> None:
        with self.transaction():
            self.db.table("actions").update(action_id, {"deleted_at": self._now()})


def _action_fields(fields: dict[str, str]) -> dict[str, str]:
    unknown = set(fields) - set(_ACTION_TEXT_FIELDS) - {"goal", "status"}
    if unknown:
        raise ValueError(f"not action fields: {sorted(unknown)}")
    record = {key: fields[key] for key in _ACTION_TEXT_FIELDS if key in fields}
    if "status" in fields:
        record["status"] = ActionStatus(fields["status"]).value
    return record
