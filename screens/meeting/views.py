"""The meeting screen's two views and its notes area: what is shown, for whom, and in how much room.

The facilitator's view keeps everything; the presenter view (v) shows what the participants should see.
Region heights come from the terminal size and this state only (notes_view), never from content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from hfs_tui.i18n import t
from hfs_tui.model import Note, Question, Share
from hfs_tui.safe_text import one_line

from ..widgets.note_list import NoteList
from ..widgets.timer_bar import Line, TimerBar
from .focus_note import FocusNote
from .notes_view import notes_room, question_height, shown_notes

if TYPE_CHECKING:  # a mixin of MeetingScreen: what it uses of the screen, for the type checker only
    from .slot_meeting import SlotMeeting as _Screen
else:
    _Screen = object

STATUS_SECONDS = 6


class MeetingViews(_Screen):
    """Mixed into MeetingScreen (before SlotMeeting): the notes area, its room, the two views and focus."""

    presenter = False
    only_slot = False  # the notes of the current slot only (a), else theirs first, the others after
    notes_level = 0  # 0 balanced, 1 notes larger (grows with the notes), 2 the notes take the body
    hide_other_internal = False
    hidden_notes = 0
    status_text = ""
    _status_timer = None

    if TYPE_CHECKING:  # defined by MeetingScreen

        @property
        def question(self) -> Question | None: ...

        def selected_note(self) -> Note | None: ...

    def show_notes(self, keep_note_id: int | None = None) -> None:
        question_id = self.question.id if self.question else None
        notes = self.store.notes(self.meeting_id, question_id=question_id)
        if self.hide_other_internal and self.slot.party_id is not None and not self.presenter:
            notes = [n for n in notes if n.party_id == self.slot.party_id or n.share == Share.NETWORK]
        shown = shown_notes(notes, self.slot, self.presenter, self.only_slot)
        self.hidden_notes = shown.hidden
        later_title = t("meeting.other_slots", count=len(shown.later))
        self.query_one(NoteList).show_notes(
            shown.current,
            self.party_by_id,
            keep_note_id,
            self.pending_rows,
            later=shown.later,
            later_title=later_title,
            quiet=self.presenter,
        )
        self.show_notes_title()

    def show_notes_title(self) -> None:
        """The notes' heading and status line: what is shown, and what just happened (no toast over the notes)."""
        line = Text()
        title = "meeting.notes_title" if self.question else "meeting.notes_of_meeting"
        line.append(t(title), style="bold")
        if not self.presenter:
            line.append(" · " + t("meeting.notes_only_slot" if self.only_slot else "meeting.notes_slot_first"))
            if self.only_slot and self.hidden_notes:
                line.append(" · " + t("meeting.notes_other_hidden", count=self.hidden_notes))
        if self.status_text:
            line.append("   ")
            line.append(self.status_text, style="bold")
        self.query_one("#notes-title", Line).show(line)

    def show_status(self, text: str) -> None:
        self.status_text = "✓ " + one_line(text)
        self.show_notes_title()
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(STATUS_SECONDS, self.clear_status)

    def clear_status(self) -> None:
        self.status_text = ""
        self._status_timer = None
        self.show_notes_title()

    # ------------------------------------------------------------- room

    def on_resize(self) -> None:
        # Textual calls SlotMeeting.on_resize too (every class's handler runs): only the regions here.
        self.size_regions()

    def size_regions(self) -> None:
        """Heights from the terminal size and the view state only, never from what is shown."""
        if not self.is_mounted:
            return
        # The participants come for the notes: the presenter view gives them the larger share at least.
        answers, notes = notes_room(max(self.notes_level, 1) if self.presenter else self.notes_level)
        self.query_one("#question").styles.height = question_height(self.app.size.height, self.presenter)
        columns = self.query_one("#columns")
        columns.display = answers > 0
        if answers:
            columns.styles.height = f"{answers}fr"
        self.query_one("#notes-panel").styles.height = f"{notes}fr"

    def after_notes_added(self) -> None:
        self.grow_notes_if_full()

    def grow_notes_if_full(self) -> None:
        """More notes than lines: the notes get the larger share (and keep it; z gives them the body)."""
        note_list = self.query_one(NoteList)
        if self.notes_level == 0 and len(note_list.lines) > note_list.scrollable_content_region.height:
            self.notes_level = 1
            self.size_regions()

    def action_toggle_notes_room(self) -> None:
        self.notes_level = 0 if self.notes_level == 2 else 2
        self.size_regions()
        self.show_status(t("meeting.notes_room_all" if self.notes_level == 2 else "meeting.notes_room_shared"))

    def action_toggle_only_slot(self) -> None:
        self.only_slot = not self.only_slot
        self.show_notes(keep_note_id=self.query_one(NoteList).selected_note_id)

    def action_focus_note(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        if self.question:
            context = f"{self.question.number}. {one_line(self.question.text)}"
        else:
            context = one_line(self.meeting.title)
        self.app.push_screen(FocusNote(note, context))

    def action_toggle_presenter(self) -> None:
        """The participants' view (v) or the facilitator's: the badge in the header says which is on.

        The presenter view shows the current slot's notes without owners or report and share labels, and
        no internal note of the party not being discussed; the facilitator's view keeps everything."""
        self.presenter = not self.presenter
        self.set_class(self.presenter, "-presenter")
        self.query_one(TimerBar).show_view(self.presenter)
        self.size_regions()
        self.show_notes(keep_note_id=self.query_one(NoteList).selected_note_id)

    def action_toggle_hide_internal(self) -> None:
        """While one party's slot runs, hide the other party's internal notes from the shared screen."""
        self.hide_other_internal = not self.hide_other_internal
        key = "meeting.hide_internal_on" if self.hide_other_internal else "meeting.hide_internal_off"
        self.notify(t(key), timeout=3, markup=False)
        self.show_notes()
