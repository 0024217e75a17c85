"""The feedback meeting: both answers side by side, slot timers, keyboard note capture.

The screen holds only where it is (slot, question) and caches what it reads; every write goes to the
store first and is shown only after it returned, and the timer is derived from persisted events.
"""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from hfs_tui.capture import capture_prefix, parse_capture
from hfs_tui.i18n import t
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.safe_text import one_line, plain
from hfs_tui.store import StoreError
from hfs_tui.slot_clock import SlotClock
from hfs_tui.timer import SlotTimerState, WarningLevel, format_duration, pace

from ..dialogs import ConfirmDialog, HelpScreen
from ..keys import MEETING_KEYS, bindings
from .agenda_panel import AgendaPanel
from .answer_column import AnswerColumn
from .capture_line import CaptureLine
from .note_list import NoteList, category_label
from .timer_bar import TimerBar

TICK_SECONDS = 0.5
_WARNING_TEXT = {
    WarningLevel.TEN_MINUTES: "meeting.warning_ten",
    WarningLevel.TWO_MINUTES: "meeting.warning_two",
    WarningLevel.OVERTIME: "meeting.warning_overtime",
}


class MeetingScreen(Screen[None]):
    KEY_ACTIONS = MEETING_KEYS
    BINDINGS = bindings(MEETING_KEYS)

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.editing_note_id: int | None = None
        self.hide_other_internal = False

    # ------------------------------------------------------------ building

    def compose(self) -> ComposeResult:
        yield TimerBar(id="timer-bar")
        yield Static(id="question")
        with Horizontal(id="columns"):
            yield AnswerColumn(id="column-a")
            yield AnswerColumn(id="column-b")
            yield AgendaPanel(id="agenda")
        with Vertical(id="notes-panel"):
            yield Static(Text(t("meeting.notes_title")), id="notes-title")
            yield NoteList(id="notes")
            yield CaptureLine(placeholder=t("meeting.capture_placeholder"), id="capture", select_on_focus=False)
        yield Footer()

    def on_mount(self) -> None:
        store = self.app.store
        self.meeting = store.meeting(self.meeting_id)
        self.review = store.review(self.meeting.review_id)
        self.parties = store.parties(self.review.id)
        self.party_by_id = {party.id: party for party in self.parties}
        # The introductory meeting agrees on the questions rather than walking them: its notes belong to
        # no question, and the agreements are shown where the answers would be.
        self.is_intro = self.meeting.kind == MeetingKind.INTRO
        self.questions = [] if self.is_intro else store.questions(self.review.id, selected_only=True)
        self.answers = store.answers(self.review.id)
        self.assessments = defaultdict(list)
        for assessment in store.assessments(self.review.id):
            self.assessments[(assessment.question_id, assessment.party_id)].append(assessment)
        self.documents = defaultdict(list)
        for party in self.parties:
            for document in store.documents(party.id):
                self.documents[(document.question_id, party.id)].append(document)
        self.slot_clock = SlotClock(store, self.meeting_id, self.app.clock)
        self.question_index = _index_of(self.questions, self.meeting.current_question_id)
        self.query_one("#capture", Input).display = False
        self.show_slot()
        self.show_question()
        self.query_one(NoteList).focus()
        self.set_interval(TICK_SECONDS, self.refresh_timer)

    def on_resize(self) -> None:
        # Small terminals (80x24): fewer lines for the question and notes, more for the answers.
        self.set_class(self.size.height < 32, "-compact")

    # -------------------------------------------------------------- showing

    @property
    def slot(self):
        return self.slot_clock.slot

    @property
    def slot_index(self) -> int:
        return self.slot_clock.index

    @property
    def question(self):
        return self.questions[self.question_index] if self.questions else None

    def slot_state(self, slot) -> SlotTimerState:
        return self.slot_clock.state(slot)

    def show_slot(self) -> None:
        slot_line = t("meeting.slot_of", number=self.slot_index + 1, count=len(self.slot_clock.slots), title=self.slot.title)
        self.query_one(TimerBar).show_place(self.review.title, self.meeting.title, slot_line)
        for column_id, party in zip(("#column-a", "#column-b"), self.parties):
            self.query_one(column_id).set_class(party.id == self.slot.party_id, "-focus-party")
        self.refresh_timer()

    def show_question(self) -> None:
        question = self.question
        for column in self.query(AnswerColumn):
            column.display = question is not None
        self.query_one(AgendaPanel).display = self.is_intro
        if question is None:
            self.query_one("#question", Static).update(Text(t("meeting.intro_heading" if self.is_intro else "meeting.no_questions")))
            if self.is_intro:
                store = self.app.store
                parties = [(party, store.members(party.id)) for party in self.parties]
                self.query_one(AgendaPanel).show_agreements(store.review(self.review.id), parties, store.questions(self.review.id))
            self.show_notes()
            return
        heading = Text()
        heading.append(f"{question.number}. ", style="bold")
        heading.append(plain(question.text, style="bold"))
        if question.sub_questions:
            # One wrapped line of sub-questions keeps the answers visible on an 80x24 screen.
            heading.append("\n")
            heading.append(plain("   " + "  ·  ".join(question.sub_questions), style="italic"))
        self.query_one("#question", Static).update(heading)
        party_a, party_b = self.parties
        for column_id, party, reviewer in (("#column-a", party_a, party_b), ("#column-b", party_b, party_a)):
            self.query_one(column_id, AnswerColumn).show_answer(
                party,
                reviewer,
                self.answers.get((question.id, party.id)),
                self.documents.get((question.id, party.id), ()),
                self.assessments.get((question.id, party.id), ()),
            )
        self.show_notes()
        self.refresh_timer()

    def show_notes(self, keep_note_id: int | None = None) -> None:
        question_id = self.question.id if self.question else None
        notes = self.app.store.notes(self.meeting_id, question_id=question_id)
        title = t("meeting.notes_title" if self.question else "meeting.notes_of_meeting")
        if self.hide_other_internal and self.slot.party_id is not None:
            shown = [n for n in notes if n.party_id == self.slot.party_id or n.share == Share.NETWORK]
            if len(shown) < len(notes):
                other = next(p for p in self.parties if p.id != self.slot.party_id)
                title += " · " + t("meeting.hidden_internal", count=len(notes) - len(shown), party=one_line(other.name))
            notes = shown
        self.query_one("#notes-title", Static).update(Text(title))
        self.query_one(NoteList).show_notes(notes, self.party_by_id, keep_note_id)

    def refresh_timer(self) -> None:
        state = self.slot_clock.state()
        for level in self.slot_clock.new_warnings():
            self.warn(level)
        slot_pace = pace(state, self.question_index, len(self.questions))
        self.query_one(TimerBar).show_time(state, slot_pace, self.slot_clock.meeting_left())

    def warn(self, level: WarningLevel) -> None:
        severity = "error" if level == WarningLevel.OVERTIME else "warning"
        self.notify(t(_WARNING_TEXT[level]), severity=severity, timeout=8, markup=False)
        if self.app.bell_enabled:
            self.app.bell()

    # ------------------------------------------------------------- moving

    def move_to(self, question_index: int | None = None, slot_changed: bool = False) -> None:
        if question_index is not None:
            self.question_index = question_index
        question_id = self.question.id if self.question else None
        self._write(self.app.store.set_meeting_position, self.meeting_id, self.slot.id, question_id)
        if slot_changed:
            self.show_slot()
        self.show_question()

    def action_next_question(self) -> None:
        if self.question_index + 1 >= len(self.questions):
            self.notify(t("meeting.last_question"), timeout=2, markup=False)
            return
        self.move_to(question_index=self.question_index + 1)

    def action_previous_question(self) -> None:
        if self.question_index == 0:
            self.notify(t("meeting.first_question"), timeout=2, markup=False)
            return
        self.move_to(question_index=self.question_index - 1)

    def action_toggle_timer(self) -> None:
        if self._write(self.slot_clock.toggle) is not False:
            self.refresh_timer()

    def action_next_slot(self) -> None:
        if self.slot_clock.is_last:
            self.notify(t("meeting.last_slot"), timeout=3, markup=False)
            return
        left = self.slot_clock.time_left_if_under_way()
        if left is not None:
            question = t("meeting.confirm_next_slot", title=one_line(self.slot.title), time=format_duration(left))
            self.app.push_screen(ConfirmDialog(question), self._next_slot_confirmed)
        else:
            self._next_slot_confirmed(True)

    def _next_slot_confirmed(self, confirmed: bool | None) -> None:
        if confirmed and self._write(self.slot_clock.go_next) is not False:
            self.move_to(slot_changed=True)

    def action_previous_slot(self) -> None:
        if self.slot_clock.is_first:
            self.notify(t("meeting.first_slot"), timeout=3, markup=False)
        elif self._write(self.slot_clock.go_previous) is not False:
            self.move_to(slot_changed=True)

    # ------------------------------------------------------------ capture

    def action_capture(self, category: str) -> None:
        self.editing_note_id = None
        self.open_capture(capture_prefix(Category(category)), t("meeting.capture_placeholder"))

    def open_capture(self, value: str, placeholder: str) -> None:
        line = self.query_one("#capture", CaptureLine)
        line.placeholder = placeholder
        line.set_stored(value)
        line.display = True
        line.focus()

    def close_capture(self) -> None:
        line = self.query_one("#capture", CaptureLine)
        line.set_stored("")
        line.display = False
        self.editing_note_id = None
        self.query_one(NoteList).focus()

    @on(CaptureLine.Captured)
    def save_capture(self, event: CaptureLine.Captured) -> None:
        category, text = parse_capture(event.text)
        if not text:
            return
        store = self.app.store
        try:
            if self.editing_note_id is not None:
                note = store.edit_note(self.editing_note_id, text, category)
                self.notify(t("meeting.edited"), timeout=2, markup=False)
                self.close_capture()
            else:
                note = store.add_note(
                    self.meeting_id,
                    self.slot.party_id or self.parties[0].id,
                    category,
                    text,
                    slot_id=self.slot.id,
                    question_id=self.question.id if self.question else None,
                )
                self.notify(t("meeting.saved", category=category_label(category)), timeout=2, markup=False)
        except StoreError as error:
            # The typed text goes back into the line, so nothing is lost; the facilitator can try again.
            event.line.give_back(event.text)
            self.notify(t("error.store", message=str(error)), severity="error", markup=False)
            return
        self.show_notes(keep_note_id=note.id)

    # -------------------------------------------------------- note actions

    def selected_note(self):
        note_id = self.query_one(NoteList).selected_note_id
        if note_id is None:
            self.notify(t("meeting.no_note_selected"), timeout=3, markup=False)
            return None
        return self.app.store.note(note_id)

    def action_select_note(self, delta: int) -> None:
        self.query_one(NoteList).action_move(delta)

    def action_edit_note(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.editing_note_id = note.id
            self.open_capture(capture_prefix(note.category) + note.text, t("meeting.edit_placeholder"))

    def action_delete_note(self) -> None:
        note = self.selected_note()
        if note is not None and self._write(self.app.store.delete_note, note.id) is not False:
            self.notify(t("meeting.deleted"), timeout=4, markup=False)
            self.show_notes()

    def action_undo(self) -> None:
        result = self._write(self.app.store.undo_last_change, self.meeting_id)
        if result is None:
            self.notify(t("meeting.nothing_to_undo"), timeout=2, markup=False)
        elif result is not False:
            op, note = result
            self.notify(t("meeting.undone_delete" if op == "delete" else "meeting.undone_edit"), timeout=3, markup=False)
            self.jump_to_question(note.question_id)
            self.show_notes(keep_note_id=note.id)

    def action_toggle_report(self) -> None:
        note = self.selected_note()
        if note is not None:
            self._update_flags(note.id, in_report=not note.in_report)

    def action_toggle_share(self) -> None:
        note = self.selected_note()
        if note is not None:
            share = Share.INTERNAL if note.share == Share.NETWORK else Share.NETWORK
            self._update_flags(note.id, share=share)
            # Releasing a note to the network is the owner's decision: say it plainly every time.
            key = "meeting.now_shared" if share == Share.NETWORK else "meeting.now_internal"
            self.notify(t(key, party=one_line(self.party_by_id[note.party_id].name)), timeout=4, markup=False)

    def action_switch_owner(self) -> None:
        note = self.selected_note()
        if note is not None:
            other = next(p for p in self.parties if p.id != note.party_id)
            self._update_flags(note.id, party_id=other.id)

    def _update_flags(self, note_id: int, **flags) -> None:
        if self._write(self.app.store.set_note_flags, note_id, **flags) is not False:
            self.show_notes(keep_note_id=note_id)

    def _write(self, method, *args, **kwargs):
        """Run a store write; on failure say so in one line and return False (nothing is shown as done)."""
        try:
            return method(*args, **kwargs)
        except StoreError as error:
            self.notify(t("error.store", message=str(error)), severity="error", markup=False)
            return False

    def jump_to_question(self, question_id: int | None) -> None:
        index = _index_of(self.questions, question_id)
        if question_id is not None and index != self.question_index:
            self.move_to(question_index=index)

    # ---------------------------------------------------------------- misc

    def action_leave(self) -> None:
        if self.query_one("#capture", Input).display:
            self.close_capture()
        else:
            self.app.pop_screen()

    def action_toggle_presenter(self) -> None:
        """What the participants need and nothing else: no footer, the capture line only while typing."""
        self.toggle_class("-presenter")
        if self.has_class("-presenter"):
            self.notify(t("meeting.presenter_on"), timeout=3, markup=False)

    def action_toggle_hide_internal(self) -> None:
        """While one party's slot runs, hide the other party's internal notes from the shared screen."""
        self.hide_other_internal = not self.hide_other_internal
        key = "meeting.hide_internal_on" if self.hide_other_internal else "meeting.hide_internal_off"
        self.notify(t(key), timeout=3, markup=False)
        self.show_notes()

    def action_export(self) -> None:
        self.app.open_export(self.review.id, self.meeting_id)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.meeting.title, self.KEY_ACTIONS))


def _index_of(items, item_id: int | None) -> int:
    """Position of the item with `item_id`, or 0 when it is gone (e.g. a question was deselected)."""
    return next((index for index, item in enumerate(items) if item.id == item_id), 0)
