"""The follow-up's keys on its notes, the feedback meeting's keys: e edits, d deletes, u undoes, r puts the
note in the report, s releases it to the network, o gives it to the other party.

The follow-up shows two things one can select: the action table and the note list (tab moves between
them). e, r and s act on what has the focus: a note in the note list, otherwise the selected action (whose
report and network flags are the owner's, as a note's). Every write goes to the store before it shows.
"""

from __future__ import annotations

from hfs_tui.i18n import t
from hfs_tui.model import Note

from ..meeting.note_actions import NoteActions
from ..widgets.note_list import NoteList


class FollowUpNotes(NoteActions):
    """The shared note keys, for a slot meeting with a NoteList next to another selectable widget."""

    @property
    def notes_focused(self) -> bool:
        return isinstance(self.focused, NoteList)

    def selected_note(self) -> Note | None:
        """The note the keys act on: the selected one of the note list, when the list has the focus (on
        the action table d and o would otherwise act on a note nobody is looking at)."""
        note_id = self.query_one(NoteList).selected_note_id if self.notes_focused else None
        if note_id is None:
            self.notify(t("followup.no_note_selected"), timeout=3, markup=False)
            return None
        return self.run_store(self.store.note, note_id)
