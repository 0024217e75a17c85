"""The feedback meeting: both answers side by side, slot timers, keyboard note capture.

The screen holds only where it is (slot, question) and caches what it reads; every write goes to the
store first and is shown only after it returned, and the timer is derived from persisted events.
"""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Static

from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind, Question
from hfs_tui.safe_text import plain
from hfs_tui.timer import SlotTimerState, pace

from ..keys import MEETING_KEYS, bindings
from ..widgets.capture_line import CaptureLine
from ..widgets.note_list import NoteList
from ..widgets.timer_bar import Line, TimerBar
from .agenda_panel import AgendaPanel
from .answer_column import AnswerColumn
from .note_actions import NoteActions
from .views import MeetingViews

PREFETCH_AFTER_S = 0.3  # after a question change has settled, wrap the neighbours' answers


class MeetingScreen(MeetingViews, NoteActions):
    """The feedback and introductory meetings: a slot per party, walking the questions."""

    _prefetch_timer: Timer | None = None

    KEY_ACTIONS = MEETING_KEYS
    BINDINGS = bindings(MEETING_KEYS)

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self.hide_other_internal = False
        self.presenter = False
        self.only_slot = False  # the notes of the current slot only (a), else theirs first, the others after
        self.notes_level = 0  # 0 balanced, 1 notes larger (grows with the notes), 2 the notes take the body
        self.status_text = ""
        self._status_timer = None

    # ------------------------------------------------------------ building

    def compose(self) -> ComposeResult:
        yield TimerBar(id="timer-bar")
        yield Static(id="question")
        with Horizontal(id="columns"):
            yield AnswerColumn(id="column-a")
            yield AnswerColumn(id="column-b")
            yield AgendaPanel(id="agenda")
        with Vertical(id="notes-panel"):
            yield Line(id="notes-title")
            yield NoteList(id="notes")
            yield CaptureLine(placeholder=t("meeting.capture_placeholder"), id="capture", select_on_focus=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_meeting()
        store = self.store
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
        self.question_index = _index_of(self.questions, self.meeting.current_question_id)
        self.size_regions()
        self.show_slot()
        self.show_question()
        self.query_one(NoteList).focus()
        self.start_ticking()

    # -------------------------------------------------------------- showing

    @property
    def slot_index(self) -> int:
        return self.slots.index

    @property
    def question(self):
        return self.questions[self.question_index] if self.questions else None

    @property
    def current_question_id(self) -> int | None:
        return self.question.id if self.question else None

    def slot_state(self, slot) -> SlotTimerState:
        return self.slots.state(slot)

    def slot_pace(self, state: SlotTimerState):
        return pace(state, self.question_index, len(self.questions))

    def home_widget(self) -> Widget:
        return self.query_one(NoteList)

    def after_slot_step(self) -> None:
        # Each slot walks its own list of questions from the start, not from where the last slot ended.
        self.move_to(question_index=0, slot_changed=True)

    def show_slot(self) -> None:
        self.show_place()
        self.query_one(TimerBar).show_view(self.presenter)
        for column_id, party in zip(("#column-a", "#column-b"), self.parties):
            self.query_one(column_id).set_class(party.id == self.slot.party_id, "-focus-party")
        self.refresh_timer()

    def show_question(self) -> None:
        question = self.question
        for column in self.query(AnswerColumn):
            column.display = question is not None
        self.query_one(AgendaPanel).display = self.is_intro
        if question is None:
            self.query_one("#question", Static).update(
                Text(t("meeting.intro_heading" if self.is_intro else "meeting.no_questions")), layout=False
            )
            if self.is_intro:
                store = self.store
                parties = [(party, store.members(party.id)) for party in self.parties]
                self.query_one(AgendaPanel).show_agreements(
                    store.review(self.review.id), parties, store.questions(self.review.id)
                )
            self.show_notes()
            return
        heading = Text()
        heading.append(f"{question.number}. ", style="bold")
        heading.append(plain(question.text, style="bold"))
        if question.sub_questions:
            # One wrapped line of sub-questions keeps the answers visible on an 80x24 screen.
            heading.append("\n")
            heading.append(plain("   " + "  ·  ".join(question.sub_questions), style="italic"))
        self.query_one("#question", Static).update(heading, layout=False)  # its height is fixed
        self.each_answer(question, AnswerColumn.show_answer)
        self.show_notes()
        self.refresh_timer()
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_AFTER_S, self.prefetch_neighbours)

    def each_answer(self, question: Question, method) -> None:
        """`method(column, party, reviewer, answer, documents, assessments)` for both answer columns."""
        party_a, party_b = self.parties
        for column_id, party, reviewer in (("#column-a", party_a, party_b), ("#column-b", party_b, party_a)):
            key = (question.id, party.id)
            column = self.query_one(column_id, AnswerColumn)
            method(
                column,
                party,
                reviewer,
                self.answers.get(key),
                self.documents.get(key, ()),
                self.assessments.get(key, ()),
            )

    def prefetch_neighbours(self) -> None:
        """Once the screen has settled: wrap the answers of the questions before and after this one."""
        self._prefetch_timer = None
        for index in (self.question_index + 1, self.question_index - 1):
            if 0 <= index < len(self.questions):
                self.each_answer(self.questions[index], AnswerColumn.prefetch_answer)

    # ------------------------------------------------------------- moving

    def move_to(self, question_index: int | None = None, slot_changed: bool = False) -> None:
        if question_index is not None:
            self.question_index = question_index
        self.save_position()
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

    # ------------------------------------------------------------ capture and notes

    def action_select_note(self, delta: int) -> None:
        self.query_one(NoteList).action_move(delta)

    def action_edit_note(self) -> None:
        self.edit_selected_note()

    def action_toggle_report(self) -> None:
        self.toggle_note_report()

    def action_toggle_share(self) -> None:
        self.toggle_note_share()

    def after_undo(self, note) -> None:
        self.jump_to_question(note.question_id)

    def jump_to_question(self, question_id: int | None) -> None:
        index = _index_of(self.questions, question_id)
        if question_id is not None and index != self.question_index:
            self.move_to(question_index=index)

    # ----------------------------------------------- the network's memory (screens/search/related.py)

    def action_search(self) -> None:
        from ..search.related import search_from_meeting

        search_from_meeting(self)

    def action_released_elsewhere(self) -> None:
        from ..search.related import show_released_elsewhere

        show_released_elsewhere(self, self.question)


def _index_of(items, item_id: int | None) -> int:
    """Position of the item with `item_id`, or 0 when it is gone (e.g. a question was deselected)."""
    return next((index for index, item in enumerate(items) if item.id == item_id), 0)
