"""The follow-up's keys on its notes, the feedback meeting's keys: e edits, d deletes, u undoes, r puts the
note in the report, s releases it to the network, o gives it to the other party.

The follow-up shows two things one can select: the action table and the note list (tab moves between
them). e, r and s act on what has the focus: a note in the note list, otherwise the selected action (whose
report and network flags are the owner's, as a note's). Every write goes to the store before it shows.
"""

from __future__ import annotations

from hfs_tui.capture import capture_prefix
from hfs_tui.i18n import t
from hfs_tui.model import Share
from hfs_tui.safe_text import one_line

from ..meeting.slot_meeting import SlotMeeting
from ..widgets.note_list import NoteList, owner_switched_text


class FollowUpNotes(SlotMeeting):
    """Note keys for a slot meeting with a NoteList next to another selectable widget."""

    @property
    def notes_focused(self) -> bool:
        return isinstance(self.focused, NoteList)

    def selected_note(self):
        """The note the keys act on: the selected one of the note list, when the list has the focus (on
        the action table d and o would otherwise act on a note nobody is looking at)."""
        note_id = self.query_one(NoteList).selected_note_id if self.notes_focused else None
        if note_id is None:
            self.notify(t("followup.no_note_selected"), timeout=3, markup=False)
            return None
        return self.run_store(self.store.note, note_id)

    def edit_note(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.editing_note_id = note.id
            self.open_capture(capture_prefix(note.category) + note.text, t("meeting.edit_placeholder"))

    def action_delete_note(self) -> None:
        note = self.selected_note()
        if note is not None and self.store_ok(self.store.delete_note, note.id):
            self.notify(t("meeting.deleted"), timeout=4, markup=False)
            self.show_notes()

    def action_undo(self) -> None:
        result = self.run_store(self.store.undo_last_change, self.meeting_id, failed=False)
        if result is None:
            self.notify(t("meeting.nothing_to_undo"), timeout=2, markup=False)
        elif result is not False:
            op, note = result
            key = "meeting.undone_delete" if op == "delete" else "meeting.undone_edit"
            self.notify(t(key), timeout=3, markup=False)
            self.show_notes(keep_note_id=note.id)

    def toggle_note_report(self) -> None:
        note = self.selected_note()
        if note is not None:
            self._note_flags(note.id, in_report=not note.in_report)

    def toggle_note_share(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        share = Share.INTERNAL if note.share == Share.NETWORK else Share.NETWORK
        if self._note_flags(note.id, share=share):
            # Releasing a note to the network is the owner's decision: said plainly every time.
            key = "meeting.now_shared" if share == Share.NETWORK else "meeting.now_internal"
            self.notify(t(key, party=one_line(self.party_by_id[note.party_id].name)), timeout=4, markup=False)

    def action_switch_owner(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        other = next(p for p in self.parties if p.id != note.party_id)
        result = self.run_store(self.store.set_note_owner, note.id, other.id)
        if result is not None:
            _updated, withdrawn = result
            self.notify(owner_switched_text(other, withdrawn), timeout=4, markup=False)
            self.show_notes(keep_note_id=note.id)

    def _note_flags(self, note_id: int, **flags) -> bool:
        if not self.store_ok(self.store.set_note_flags, note_id, **flags):
            return False
        self.show_notes(keep_note_id=note_id)
        return True
