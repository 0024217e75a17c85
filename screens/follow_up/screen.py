"""The follow-up meeting (step 5, about a year later, 2–3 h): what improved thanks to the learning process,
and how the improvement work is sustained.

One slot per party with its own timer (the slot rule is shared: hfs_tui.slot_clock). In a party's slot the
screen walks that party's actions: status (1 done, 2 partly, 3 not started), what was achieved and how the
work is sustained; next to them last year's plan and last year's strengths and improvement areas.
Notes can be captured as in the feedback meeting; every write goes to the store before it is shown.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from hfs_tui.i18n import t
from hfs_tui.model import ActionStatus, MeetingKind, Share
from hfs_tui.safe_text import one_line

from ..keys import FOLLOW_UP_KEYS, bindings
from ..widgets.action_table import ActionTable, edit_action_field
from ..widgets.capture_line import CaptureLine
from ..widgets.note_list import NoteList
from ..widgets.selection import block_at
from ..widgets.timer_bar import TimerBar
from .notes import FollowUpNotes
from .panels import FOLLOW_UP_COLUMNS, LastYear, next_status, plan_text, status_label


class FollowUpTable(ActionTable):
    """The follow-up's action table: ⏎ writes a plain note, as everywhere in a meeting (e edits the cell);
    a click selects a cell, a second click on it edits it."""

    BINDINGS = [Binding("enter", "screen.capture('note')", show=False)]


class FollowUpNoteList(NoteList):
    """The slot's notes; a click selects one (the keys then act on it)."""

    def on_click(self, event: events.Click) -> None:
        block = block_at(self, event)
        if block is not None and block < len(self.note_ids):
            self.highlight(block)


class FollowUpScreen(FollowUpNotes):
    KEY_ACTIONS = FOLLOW_UP_KEYS
    BINDINGS = bindings(FOLLOW_UP_KEYS)

    def compose(self) -> ComposeResult:
        yield TimerBar(id="timer-bar")
        yield Static(id="followup-title")
        yield FollowUpTable(FOLLOW_UP_COLUMNS, id="followup-table")
        yield Static(Text(t("followup.no_actions")), id="followup-empty")
        yield Static(id="followup-plan")
        yield LastYear(id="last-year")
        yield FollowUpNoteList(id="followup-notes")
        yield CaptureLine(placeholder=t("meeting.capture_placeholder"), id="followup-capture", select_on_focus=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_meeting()
        self.last_year = self.store.review_notes(self.review.id, MeetingKind.FEEDBACK)
        self.show_slot()
        self.start_ticking()

    # -------------------------------------------------------------- showing

    def owns(self, party_id: int) -> bool:
        """In a party's slot only that party's things are shown; a slot without a party shows everything."""
        return self.slots.slot.party_id in (None, party_id)

    def home_widget(self) -> Widget:
        return self.query_one(ActionTable)

    def after_slot_step(self) -> None:
        self.save_position()
        self.show_slot(first_column=True)

    def show_slot(self, first_column: bool = False) -> None:
        self.show_place()
        self.query_one(LastYear).show_notes([n for n in self.last_year if self.owns(n.party_id)])
        self.show_actions(first_column=first_column)
        self.show_notes()
        self.refresh_timer()
        table = self.query_one(ActionTable)
        if table.display:
            table.focus()

    def show_actions(self, keep_action_id: int | None = None, first_column: bool = False) -> None:
        actions = [a for a in self.store.actions(self.review.id) if self.owns(a.party_id)]
        table = self.query_one(ActionTable)
        table.show_actions(actions, keep_action_id, first_column)
        table.display = bool(actions)
        self.query_one("#followup-empty").display = not actions
        self.query_one("#followup-plan").display = bool(actions)
        slot = self.slots.slot
        owner = self.party_by_id.get(slot.party_id) if slot.party_id is not None else None
        title = Text(t("followup.actions_of", party=one_line(owner.name)) if owner else slot.title, style="bold")
        if actions:
            done = sum(a.status is not ActionStatus.OPEN for a in actions)
            minutes = max(1, round(slot.planned_minutes / len(actions)))
            title.append(" · " + t("followup.progress", done=done, count=len(actions)), style="not bold")
            title.append(" · " + t("followup.per_action", minutes=minutes), style="not bold")
        self.query_one("#followup-title", Static).update(title)
        self.show_plan()

    def show_plan(self) -> None:
        """The selected cell in full (the table may have cut it), then last year's plan for that action."""
        table = self.query_one(ActionTable)
        detail = Text("\n").join([table.selected_text(), plan_text(table.selected_action)])
        self.query_one("#followup-plan", Static).update(detail)

    @on(DataTable.CellHighlighted, "#followup-table")
    def _highlighted(self) -> None:
        self.show_plan()

    def show_notes(self, keep_note_id: int | None = None) -> None:
        notes = [n for n in self.store.notes(self.meeting_id) if n.slot_id == self.slots.slot.id]
        note_list = self.query_one(NoteList)
        note_list.show_notes(notes, self.party_by_id, keep_note_id, self.pending_rows)
        note_list.display = bool(notes or self.pending)

    # ------------------------------------------------------------- actions

    def action_set_status(self, status: str) -> None:
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
            return
        if self.store_ok(self.store.update_action, action.id, status=status):
            self.notify(t("followup.status_set", status=status_label(ActionStatus(status))), timeout=2, markup=False)
            self.show_actions(keep_action_id=action.id)

    def action_cycle_status(self) -> None:
        action = self.query_one(ActionTable).selected_action
        if action is not None:
            self.action_set_status(next_status(action.status).value)
        else:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)

    @on(DataTable.CellSelected, "#followup-table")
    def _cell_selected(self) -> None:
        self.action_edit_cell()

    def action_edit_selected(self) -> None:
        """e edits what is selected: the note when the note list has the focus, else the action's cell."""
        if self.notes_focused:
            self.edit_selected_note()
        else:
            self.action_edit_cell()

    def action_toggle_report(self) -> None:
        if self.notes_focused:
            self.toggle_note_report()
            return
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
        elif self._action_flags(action.id, in_report=not action.in_report):
            key = "actions.now_in_report" if not action.in_report else "actions.now_not_in_report"
            self.notify(t(key, party=one_line(self.party_by_id[action.party_id].name)), timeout=3, markup=False)

    def action_toggle_share(self) -> None:
        if self.notes_focused:
            self.toggle_note_share()
            return
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
            return
        share = Share.INTERNAL if action.share == Share.NETWORK else Share.NETWORK
        if self._action_flags(action.id, share=share):
            key = "actions.now_shared" if share == Share.NETWORK else "actions.now_internal"
            self.notify(t(key, party=one_line(self.party_by_id[action.party_id].name)), timeout=4, markup=False)

    def _action_flags(self, action_id: int, **flags) -> bool:
        if not self.store_ok(self.store.set_action_flags, action_id, **flags):
            return False
        self.show_actions(keep_action_id=action_id)
        return True

    def action_edit_cell(self) -> None:
        table = self.query_one(ActionTable)
        action = table.selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
        elif table.selected_column.field == "status":
            self.action_cycle_status()
        else:
            owner = self.party_by_id[action.party_id]
            name = one_line(owner.name)
            column = table.selected_column
            if column.field == "goal":  # agreed a year ago: the follow-up writes what was achieved (goal: shift+tab)
                column = next(c for c in FOLLOW_UP_COLUMNS if c.field == "outcome")
            edit_action_field(self, action, column, name, self._edited, FOLLOW_UP_COLUMNS)

    def _edited(self, action_id: int) -> None:
        self.notify(t("actions.saved"), timeout=2, markup=False)
        self.show_actions(keep_action_id=action_id)
