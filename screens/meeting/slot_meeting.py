"""The slot meeting: what the feedback, introductory and follow-up meetings share.

Loading the meeting, its review and parties; the slot timer (derived from persisted events, the slot rule
in hfs_tui.slot_clock) with its warnings; moving between slots; the capture line and saving its notes;
leave, export and help. Every write goes to the store first and is shown only after it returned. The
screens add what differs: what they show for a slot, and where a note belongs.
"""

from __future__ import annotations

import re

from textual import events, on
from textual.widget import Widget

from hfs_tui.capture import capture_prefix, parse_capture
from hfs_tui.i18n import t
from hfs_tui.model import Category
from hfs_tui.pending import PendingNote
from hfs_tui.safe_text import one_line
from hfs_tui.slot_clock import SlotClock
from hfs_tui.timer import SlotTimerState, TimerPhase, WarningLevel, format_duration, pace

from ..marks import category_label
from ..widgets.capture_line import CaptureLine
from ..widgets.dialogs import ConfirmDialog
from ..widgets.timer_bar import TimerBar
from .pending_notes import PendingNotes

TICK_SECONDS = 0.5
_CAPTURE = re.compile(r"capture\('(\w+)'\)")
_WARNING_TEXT = {
    WarningLevel.TEN_MINUTES: "meeting.warning_ten",
    WarningLevel.TWO_MINUTES: "meeting.warning_two",
    WarningLevel.OVERTIME: "meeting.warning_overtime",
}

__all__ = ["PendingNote", "SlotMeeting"]


COMPACT_BELOW = 32  # terminal rows: below this the meeting screens use their compact layout


class SlotMeeting(PendingNotes):
    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.editing_note_id: int | None = None
        self.pending: list[PendingNote] = []

    # ------------------------------------------------------------ loading

    def load_meeting(self) -> None:
        """Read the meeting, its review and parties, and start the slot clock (call from on_mount)."""
        store = self.store
        self.meeting = store.meeting(self.meeting_id)
        self.review = store.review(self.meeting.review_id)
        self.parties = store.parties(self.review.id)
        self.party_by_id = {party.id: party for party in self.parties}
        self.slots = SlotClock(store, self.meeting_id, self.hfs_app.clock)
        self.capture_line.display = False
        # The size class from the app's size now, not after the first paint (a whole restyle then).
        self.set_class(self.app.size.height < COMPACT_BELOW, "-compact")
        if self.load_journal():  # notes a store refused before (even in an earlier run): offered again now
            self.call_after_refresh(self.offer_journal)

    def offer_journal(self) -> None:
        count = len(self.pending)
        self.notify(t("meeting.journal_found", count=count), timeout=4, markup=False)
        self.action_retry_notes()

    def start_ticking(self) -> None:
        self.set_interval(TICK_SECONDS, self.refresh_timer)

    def on_resize(self) -> None:
        # Small terminals (80x24): fewer lines for the question and notes, more for the answers.
        self.set_class(self.size.height < COMPACT_BELOW, "-compact")

    @property
    def slot(self):
        return self.slots.slot

    @property
    def help_title(self) -> str:
        return self.meeting.title

    # ---------------------------------------------------- what differs

    @property
    def current_question_id(self) -> int | None:
        """The question a new note belongs to (None: the note belongs to the slot only)."""
        return None

    def slot_pace(self, state: SlotTimerState):
        return pace(state, 0, 0)

    def after_slot_step(self) -> None:
        """The slot changed: store the place and show the new slot."""
        raise NotImplementedError

    def home_widget(self) -> Widget:
        """What takes the focus when the capture line closes."""
        raise NotImplementedError

    def show_notes(self, keep_note_id: int | None = None) -> None:
        raise NotImplementedError

    # -------------------------------------------------------------- timer

    def show_place(self) -> None:
        slot_line = t(
            "meeting.slot_of", number=self.slots.index + 1, count=len(self.slots.slots), title=self.slot.title
        )
        self.query_one(TimerBar).show_place(self.review.title, self.meeting.title, slot_line)

    def refresh_timer(self) -> None:
        state = self.slots.state()
        for level in self.slots.new_warnings():
            self.warn(level)
        bar = self.query_one(TimerBar)
        bar.show_time(state, self.slot_pace(state), self.slots.meeting_left(), ended=self.meeting.ended_at is not None)

    def warn(self, level: WarningLevel) -> None:
        overtime = level == WarningLevel.OVERTIME
        self.notify(t(_WARNING_TEXT[level]), severity="error" if overtime else "warning", timeout=8, markup=False)
        if self.hfs_app.bell_enabled:
            self.app.bell()

    def action_toggle_timer(self) -> None:
        if self.store_ok(self.slots.toggle):
            self.refresh_timer()

    def action_next_slot(self) -> None:
        if self.slots.is_last:
            self.notify(t("meeting.last_slot"), timeout=3, markup=False)
            return
        left = self.slots.time_left_if_under_way()
        if left is None:
            self._next_slot_confirmed(True)
            return
        question = t("meeting.confirm_next_slot", title=one_line(self.slot.title), time=format_duration(left))
        self.app.push_screen(ConfirmDialog(question), self._next_slot_confirmed)

    def _next_slot_confirmed(self, confirmed: bool | None) -> None:
        if confirmed and self.store_ok(self.slots.go_next):
            self.after_slot_step()

    def action_previous_slot(self) -> None:
        """Back to the previous slot; a running slot is paused there (it can be resumed), so this asks first."""
        if self.slots.is_first:
            self.notify(t("meeting.first_slot"), timeout=3, markup=False)
            return
        if self.slots.state().phase is not TimerPhase.RUNNING:
            self._previous_slot_confirmed(True)
            return
        question = t("meeting.confirm_previous_slot", title=one_line(self.slot.title))
        self.app.push_screen(ConfirmDialog(question), self._previous_slot_confirmed)

    def _previous_slot_confirmed(self, confirmed: bool | None) -> None:
        if confirmed and self.store_ok(self.slots.go_previous):
            self.after_slot_step()

    def save_position(self) -> None:
        self.store_ok(self.store.set_meeting_position, self.meeting_id, self.slot.id, self.current_question_id)

    # ------------------------------------------------------------ capture

    @property
    def capture_line(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    def action_capture(self, category: str) -> None:
        self.editing_note_id = None
        self.open_capture(capture_prefix(Category(category)), t("meeting.capture_placeholder"))

    def open_capture(self, stored: str, placeholder: str) -> None:
        line = self.capture_line
        line.placeholder = placeholder
        line.set_stored(stored)
        line.display = True
        # Focus now, not later (Widget.focus queues it): the keys typed right after the mark must reach the line,
        # not the screen, where `d` deletes and `o` switches the owner of the selected note.
        self.set_focus(line)

    def on_key(self, event: events.Key) -> None:
        """Keys in a burst (a fast typist, tmux, a macro) were all queued for the widget that had the focus
        before the capture line opened, and the app looks up their bindings only later, when the line has the
        focus and swallows them. So the screen opens the line itself, in key order, and hands the keys that
        follow to it: the text is kept as typed, and never reaches the screen's keys (`d` deletes a note)."""
        line = self.capture_line
        if not line.display:
            category = self.capture_keys().get(event.key)
            if category is not None:
                event.stop()
                event.prevent_default()
                self.action_capture(category)
        elif self.focused is line and (event.key == "enter" or (event.is_printable and event.character)):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                line.submit()
            else:
                line.insert_text_at_cursor(event.character or "")

    def capture_keys(self) -> dict[str, str]:
        """Key -> category of the screen's capture keys, from its key table (the one place keys are defined)."""
        found = {}
        for key_action in getattr(self, "KEY_ACTIONS", ()):
            match = _CAPTURE.fullmatch(key_action.action)
            if match:
                found.update({key.strip(): match.group(1) for key in key_action.key.split(",")})
        return found

    def close_capture(self) -> None:
        line = self.capture_line
        line.set_stored("")
        line.display = False
        self.editing_note_id = None
        self.home_widget().focus()

    @on(CaptureLine.Captured)
    def save_capture(self, event: CaptureLine.Captured) -> None:
        category, text = parse_capture(event.text)
        if not text:
            return
        if self.editing_note_id is not None:
            note = self.run_store(self.store.edit_note, self.editing_note_id, text, category)
            if note is None:
                event.line.give_back(event.text)  # the edit stays in the line: enter tries again
                return
            self.show_status(t("meeting.edited"))
            self.close_capture()
            self.show_notes(keep_note_id=note.id)
            return
        new = PendingNote(
            self.meeting_id, self.default_owner(category), category, text, self.slot.id, self.current_question_id
        )
        self.pending.append(new)  # each note on its own: a refused one waits, never merged into the next
        saved = self.save_pending()
        if len(saved) > 1:
            self.show_status(t("meeting.pending_saved", count=len(saved)))
        elif saved and new not in self.pending:
            self.show_status(t("meeting.saved", category=category_label(category)))
        self.show_notes(keep_note_id=saved[-1].id if saved else None)
        self.after_notes_added()

    def after_notes_added(self) -> None:
        """Notes were added (the meeting screen gives the notes more room when they fill theirs)."""

    def default_owner(self, category: Category) -> int:
        """Whose note a new one is: the party whose slot runs; a good example to take home (`*`) belongs to
        the learner, the party that is not being reviewed in this slot. A slot of no party: the first party."""
        reviewed = self.slot.party_id
        if reviewed is None:
            return self.parties[0].id
        if category is Category.GOOD_EXAMPLE:
            return next((p.id for p in self.parties if p.id != reviewed), reviewed)
        return reviewed

    # --------------------------------------------------------------- misc

    def action_leave(self) -> None:
        if self.capture_line.display:
            self.close_capture()
        elif not self.ask_before_leaving(lambda: self.app.pop_screen()):
            self.app.pop_screen()

    def action_end_meeting(self) -> None:
        if self.meeting.ended_at is not None:
            self.notify(t("meeting.already_ended"), timeout=3, markup=False)
            return
        self.app.push_screen(ConfirmDialog(t("meeting.confirm_end")), self._end_confirmed)

    def _end_confirmed(self, confirmed: bool | None) -> None:
        """Stop the slot under way, then store the end: the minutes carry the actual end time."""
        if not confirmed or not self.store_ok(self.slots.stop):
            return
        ended = self.run_store(self.store.set_meeting_ended, self.meeting_id, self.hfs_app.clock())
        if ended is not None:
            self.meeting = ended
            self.notify(t("meeting.ended"), timeout=4, markup=False)
        self.refresh_timer()

    def action_export(self) -> None:
        self.hfs_app.open_export(self.review.id, self.meeting_id)
