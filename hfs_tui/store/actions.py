"""Improvement actions (the action plan of step 4b, followed up in step 5), often made from `>` notes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from ..i18n import t
from ..model import Action, ActionStatus
from . import rows
from .meetings import MeetingsMixin
from .notes import NotesMixin

_ACTION_TEXT_FIELDS = ("activities", "responsible", "timeline", "follow_up", "outcome", "sustain")


class ActionsMixin(NotesMixin, MeetingsMixin):
    def actions(self, review_id: int, party_id: int | None = None) -> list[Action]:
        sql = "SELECT * FROM actions WHERE review_id = ? AND deleted_at IS NULL"
        params: list[Any] = [review_id]
        if party_id is not None:
            sql += " AND party_id = ?"
            params.append(party_id)
        return [rows.action(r) for r in self.db.query(sql + " ORDER BY party_id, id", params)]

    def action(self, action_id: int) -> Action:
        row = self._one("SELECT * FROM actions WHERE id = ?", [action_id])
        if row is None:
            raise StoreError(t("error.action_missing", id=action_id))
        return rows.action(row)

    def add_action(self, review_id: int, party_id: int, goal: str, note_id: int | None = None, **fields: str) -> Action:
        if not goal.strip():
            raise StoreError(t("error.action_needs_goal"))
        now = self._now()
        record = {"review_id": review_id, "party_id": party_id, "note_id": note_id, "goal": goal.strip()}
        record.update(_action_fields(fields))
        record.update({"created_at": now, "updated_at": now})
        with self.transaction():
            action_id = self.db["actions"].insert(record).last_pk
        return self.action(action_id)

    def action_from_note(self, note_id: int) -> Action:
        """Turn a meeting note (typically a `>` note) into its owner's improvement action, once."""
        note = self.note(note_id)
        existing = self._one("SELECT * FROM actions WHERE note_id = ? AND deleted_at IS NULL", [note_id])
        if existing is not None:
            return rows.action(existing)
        review_id = self.meeting(note.meeting_id).review_id
        return self.add_action(review_id, note.party_id, note.text, note_id=note.id)

    def actions_from_notes(self, note_ids: Iterable[int]) -> list[Action]:
        """Several notes into actions at once (all of a party's `>` notes): all of them or, on failure, none."""
        with self.transaction():
            return [self.action_from_note(note_id) for note_id in note_ids]

    def update_action(self, action_id: int, **fields: str) -> Action:
        record = _action_fields(fields)
        if "goal" in fields:
            if not fields["goal"].strip():
                raise StoreError(t("error.action_needs_goal"))
            record["goal"] = fields["goal"].strip()
        record["updated_at"] = self._now()
        with self.transaction():
            self.db["actions"].update(action_id, record)
        return self.action(action_id)

    def delete_action(self, action_id: int) -> None:
        with self.transaction():
            self.db["actions"].update(action_id, {"deleted_at": self._now()})


def _action_fields(fields: dict[str, str]) -> dict[str, str]:
    unknown = set(fields) - set(_ACTION_TEXT_FIELDS) - {"goal", "status"}
    if unknown:
        raise ValueError(f"not action fields: {sorted(unknown)}")
    record = {key: fields[key] for key in _ACTION_TEXT_FIELDS if key in fields}
    if "status" in fields:
        record["status"] = ActionStatus(fields["status"]).value
    return record
