"""Meeting notes: capture, edit and delete with a history that undo walks back, and the report/share flags."""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError
from ..i18n import t
from ..model import Category, MeetingKind, Note, Share
from . import rows
from .connection import StoreBase


class NotesMixin(StoreBase):
    def add_note(
        self,
        meeting_id: int,
        party_id: int,
        category: Category,
        text: str,
        slot_id: int | None = None,
        question_id: int | None = None,
    ) -> Note:
        """Commit a note; only when this returns may the screen show it as saved."""
        text = text.strip()
        if not text:
            raise StoreError(t("error.note_empty"))
        now = self._now()
        with self.transaction():
            note_id = self._insert(
                "notes",
                {
                    "meeting_id": meeting_id,
                    "slot_id": slot_id,
                    "question_id": question_id,
                    "party_id": party_id,
                    "category": Category(category).value,
                    "text": text,
                    "in_report": 0,
                    "share": Share.INTERNAL.value,
                    "created_at": now,
                    "updated_at": now,
                },
            )
        return self.note(note_id)

    def note(self, note_id: int) -> Note:
        row = self._one("SELECT * FROM notes WHERE id = ?", [note_id])
        if row is None:
            raise StoreError(t("error.note_missing", id=note_id))
        return rows.note(row)

    def notes(self, meeting_id: int, question_id: int | None = None, include_deleted: bool = False) -> list[Note]:
        sql = "SELECT * FROM notes WHERE meeting_id = ?"
        params: list[Any] = [meeting_id]
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        return [rows.note(r) for r in self.db.query(sql + " ORDER BY id", params)]

    def review_notes(self, review_id: int, kind: MeetingKind | None = None) -> list[Note]:
        """Every live note of a review (optionally of one kind of meeting), oldest first."""
        sql = """SELECT n.* FROM notes n JOIN meetings m ON m.id = n.meeting_id
                 WHERE m.review_id = ? AND n.deleted_at IS NULL"""
        params: list[Any] = [review_id]
        if kind is not None:
            sql += " AND m.kind = ?"
            params.append(kind.value)
        return [rows.note(r) for r in self.db.query(sql + " ORDER BY n.id", params)]

    def edit_note(self, note_id: int, text: str, category: Category | None = None) -> Note:
        text = text.strip()
        if not text:
            raise StoreError(t("error.note_edit_empty"))
        note = self.note(note_id)
        fields = {"text": text, "category": Category(category or note.category).value, "updated_at": self._now()}
        with self.transaction():
            self._record_history(note, "edit")
            self.db.table("notes").update(note_id, fields)
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        """Soft delete; an action made from the note leaves the report with it (undo puts it back)."""
        note = self.note(note_id)
        with self.transaction():
            self._record_history(note, "delete")
            self.db.table("notes").update(note_id, {"deleted_at": self._now(), "updated_at": self._now()})
            self.db.execute(
                """UPDATE actions SET note_deleted_in_report = in_report, in_report = 0
                   WHERE note_id = ? AND deleted_at IS NULL AND note_deleted_in_report IS NULL""",
                [note_id],
            )

    def _record_history(self, note: Note, op: str) -> None:
        before = {"text": note.text, "category": note.category.value, "deleted_at": note.deleted_at}
        self.db.table("note_history").insert(
            {
                "note_id": note.id,
                "meeting_id": note.meeting_id,
                "op": op,
                "before": json.dumps(before, ensure_ascii=False),
                "at": self._now(),
            }
        )

    def undo_last_change(self, meeting_id: int) -> tuple[str, Note] | None:
        """Undo the meeting's most recent edit or delete that is not undone yet; works across restarts."""
        row = self._one(
            "SELECT * FROM note_history WHERE meeting_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [meeting_id],
        )
        if row is None:
            return None
        before = json.loads(row["before"])
        with self.transaction():
            self.db.table("notes").update(
                row["note_id"],
                {
                    "text": before["text"],
                    "category": before["category"],
                    "deleted_at": before["deleted_at"],
                    "updated_at": self._now(),
                },
            )
            self.db.table("note_history").update(row["id"], {"undone_at": self._now()})
            if row["op"] == "delete":  # the note's actions come back into the report as they were
                self.db.execute(
                    """UPDATE actions SET in_report = note_deleted_in_report, note_deleted_in_report = NULL
                       WHERE note_id = ? AND note_deleted_in_report IS NOT NULL""",
                    [row["note_id"]],
                )
        return row["op"], self.note(row["note_id"])

    def set_note_flags(
        self, note_id: int, in_report: bool | None = None, share: Share | None = None, party_id: int | None = None
    ) -> Note:
        """Set the report agreement and the network release, or switch the owner; returns the updated Note.

        Switching the owner (`party_id` of the other party) withdraws both in the same transaction: the new owner
        has agreed and released nothing yet. So a switch and a release are never one call (ValueError). The
        screen compares the returned Note with the one it had (or uses `set_note_owner`) to say it was withdrawn.
        `released_at` is set when the note becomes network, cleared when it becomes internal.
        """
        if party_id is not None:
            if in_report is not None or share is not None:
                raise ValueError("an owner switch withdraws the release: set flags in a separate call")
            return self.set_note_owner(note_id, party_id)[0]
        note = self.note(note_id)
        fields: dict[str, Any] = {"updated_at": self._now()}
        if in_report is not None:
            fields["in_report"] = int(in_report)
        if share is not None:
            fields["share"] = Share(share).value
            if share is Share.NETWORK and note.share is not Share.NETWORK:
                fields["released_at"] = self._now()
            elif share is Share.INTERNAL:
                fields["released_at"] = None
        with self.transaction():
            self.db.table("notes").update(note_id, fields)
        return self.note(note_id)

    def set_note_owner(self, note_id: int, party_id: int) -> tuple[Note, bool]:
        """Give the note to another party: it becomes internal and leaves the report (the `o` key).

        Returns the updated Note and whether a report agreement or a network release was withdrawn.
        """
        note = self.note(note_id)
        if party_id == note.party_id:
            return note, False
        withdrawn = note.in_report or note.share is Share.NETWORK
        fields = {
            "party_id": party_id,
            "in_report": 0,
            "share": Share.INTERNAL.value,
            "released_at": None,
            "updated_at": self._now(),
        }
        with self.transaction():
            self.db.table("notes").update(note_id, fields)
        return self.note(note_id), withdrawn

    def set_party_in_report(self, meeting_id: int, party_id: int, in_report: bool) -> int:
        """Agree all of one party's live notes of a meeting for its report at once, or withdraw them all.

        A withdrawn note is also made internal: only what is in the report may be shared with the network.
        Returns how many notes were changed.
        """
        if in_report:
            change, unchanged = "in_report = 1", "in_report = 1"
        else:
            change = "in_report = 0, share = 'internal', released_at = NULL"
            unchanged = "in_report = 0 AND share = 'internal'"
        sql = f"""UPDATE notes SET {change}, updated_at = ?
                  WHERE meeting_id = ? AND party_id = ? AND deleted_at IS NULL AND NOT ({unchanged})"""
        with self.transaction():
            return self.db.execute(sql, [self._now(), meeting_id, party_id]).rowcount
