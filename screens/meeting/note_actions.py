"""The note keys every slot meeting shares: e edits, d deletes, u undoes, r in the report, s released to
the network, o to the other party. Feedback, introductory and follow-up meetings use the same code.

A screen says which note the keys act on (`selected_note`) and what happens after an undo
(`after_undo`); every write goes to the store before it shows (`run_store` / `store_ok`).
"""

from __future__ import annotations

from hfs_tui.capture import capture_prefix
from hfs_tui.i18n import t
from hfs_tui.model import Note, Share
from hfs_tui.safe_text import one_line

from ..widgets.note_list import NoteList, owner_switched_text
from .slot_meeting import SlotMeeting


class NoteActions(SlotMeeting):
    NO_NOTE = "meeting.no_note_selected"  # i18n key said when no note is selected

    def selected_note(self) -> Note | None:
        """The note the keys act on: the note list's selected one (read fresh from the store)."""
        note_id = self.query_one(NoteList).selected_note_id
        if note_id is None:
            self.notify(t(self.NO_NOTE), timeout=3, markup=False)
            return None
        return self.run_store(self.store.note, note_id)

    def after_undo(self, note: Note) -> None:
        """What a screen does once an undo brought `note` back (the meeting moves to its question)."""

    def edit_selected_note(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.editing_note_id = note.id
            self.open_capture(capture_prefix(note.category) + note.text, t("meeting.edit_placeholder"))

    def action_delete_note(self) -> None:
        note = self.selected_note()
        if note is not None and self.store_ok(self.store.delete_note, note.id):
            self.show_status(t("meeting.deleted"))
            self.show_notes()

    def action_undo(self) -> None:
        result = self.run_store(self.store.undo_last_change, self.meeting_id, failed=False)
        if result is None:
            self.notify(t("meeting.nothing_to_undo"), timeout=2, markup=False)
        elif result is not False:
            op, note = result
            self.show_status(t("meeting.undone_delete" if op == "delete" else "meeting.undone_edit"))
            self.after_undo(note)
            self.show_notes(keep_note_id=note.id)

    def toggle_note_report(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.set_note_flags(note.id, in_report=not note.in_report)

    def toggle_note_share(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        share = Share.INTERNAL if note.share == Share.NETWORK else Share.NETWORK
        if self.set_note_flags(note.id, share=share):
            # Releasing a note to the network is the owner's decision: said plainly every time.
            key = "meeting.now_shared" if share == Share.NETWORK else "meeting.now_internal"
            # A toast, not the status line: the whole sentence matters and the status line is short at 80x24.
            self.notify(t(key, party=one_line(self.party_by_id[note.party_id].name)), timeout=4, markup=False)

    def action_switch_owner(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        other = next(p for p in self.parties if p.id != note.party_id)
        result = self.run_store(self.store.set_note_owner, note.id, other.id)
        if result is not None:
            _updated, withdrawn = result
            if withdrawn:  # an agreement was undone: said where it cannot be missed
                self.notify(owner_switched_text(other, withdrawn), severity="warning", timeout=6, markup=False)
            else:
                self.show_status(owner_switched_text(other, withdrawn))
            self.show_notes(keep_note_id=note.id)

    def set_note_flags(self, note_id: int, **flags: object) -> bool:
        if not self.store_ok(self.store.set_note_flags, note_id, **flags):
            return False
        self.show_notes(keep_note_id=note_id)
        return True
