"""The follow-up meeting (step 5, about a year later, 2–3 h): what improved thanks to the learning process,
and how the improvement work is sustained.

One slot per party with its own timer (the slot rule is shared: hfs_tui.slot_clock). In a party's slot the
screen walks that party's actions: status (1 done, 2 partly, 3 not started), what was achieved and how the
work is sustained; next to them last year's plan and last year's strengths and improvement areas.
Notes can be captured as in the feedback meeting; every write goes to the store before it is shown.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from hfs_tui.capture import capture_prefix, parse_capture
from hfs_tui.i18n import t
from hfs_tui.model import ActionStatus, Category, MeetingKind
from hfs_tui.safe_text import one_line
from hfs_tui.slot_clock import SlotClock
from hfs_tui.store import StoreError
from hfs_tui.timer import WarningLevel, format_duration, pace

from .action_table import ActionTable, edit_action_field
from .dialogs import ConfirmDialog, HelpScreen
from .follow_up_panels import FOLLOW_UP_COLUMNS, LastYear, next_status, plan_text, status_label
from .keys import KeyAction, bindings
from .meeting.capture_line import CaptureLine
from .meeting.note_list import NoteList, category_label
from .meeting.timer_bar import TimerBar

TICK_SECONDS = 0.5
_WARNING_TEXT = {
    WarningLevel.TEN_MINUTES: "meeting.warning_ten",
    WarningLevel.TWO_MINUTES: "meeting.warning_two",
    WarningLevel.OVERTIME: "meeting.warning_overtime",
}

FOLLOW_UP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("space", "toggle_timer", "key.toggle_timer", key_display="space"),
    KeyAction("right_square_bracket", "next_slot", "key.next_slot", key_display="]"),
    KeyAction("left_square_bracket", "previous_slot", "key.previous_slot", key_display="[", show=False),
    KeyAction("s", "cycle_status", "followup.key.status"),
    KeyAction("1", "set_status('done')", "followup.key.done", show=False),
    KeyAction("2", "set_status('partly')", "followup.key.partly", show=False),
    KeyAction("3", "set_status('not_started')", "followup.key.not_started", show=False),
    KeyAction("0", "set_status('open')", "followup.key.open", show=False),
    KeyAction("e,enter", "edit_cell", "followup.key.edit", key_display="e ⏎"),
    KeyAction("c", "capture('note')", "followup.key.note", show=False),
    KeyAction("plus", "capture('strength')", "key.capture_strength", key_display="+", show=False),
    KeyAction("minus", "capture('improvement')", "key.capture_improvement", key_display="-", show=False),
    KeyAction("asterisk", "capture('good_example')", "key.capture_good_example", key_display="*", show=False),
    KeyAction("exclamation_mark", "capture('lesson')", "key.capture_lesson", key_display="!", show=False),
    KeyAction("greater_than_sign", "capture('action')", "key.capture_action", key_display=">", show=False),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("escape", "leave", "followup.key.leave", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)


class FollowUpScreen(Screen[None]):
    KEY_ACTIONS = FOLLOW_UP_KEYS
    BINDINGS = bindings(FOLLOW_UP_KEYS)

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield TimerBar(id="timer-bar")
        yield Static(id="followup-title")
        yield ActionTable(FOLLOW_UP_COLUMNS, id="followup-table")
        yield Static(Text(t("followup.no_actions")), id="followup-empty")
        yield Static(id="followup-plan")
        yield LastYear(id="last-year")
        yield NoteList(id="followup-notes")
        yield CaptureLine(placeholder=t("meeting.capture_placeholder"), id="followup-capture", select_on_focus=False)
        yield Footer()

    def on_mount(self) -> None:
        store = self.app.store
        self.meeting = store.meeting(self.meeting_id)
        self.review = store.review(self.meeting.review_id)
        self.parties = store.parties(self.review.id)
        self.party_by_id = {party.id: party for party in self.parties}
        self.last_year = store.review_notes(self.review.id, MeetingKind.FEEDBACK)
        self.slots = SlotClock(store, self.meeting_id, self.app.clock)
        self.query_one("#followup-capture", Input).display = False
        self.show_slot()
        self.set_interval(TICK_SECONDS, self.refresh_timer)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-compact")

    # -------------------------------------------------------------- showing

    def owns(self, party_id: int) -> bool:
        """In a party's slot only that party's things are shown; a slot without a party shows everything."""
        return self.slots.slot.party_id in (None, party_id)

    def show_slot(self) -> None:
        slot = self.slots.slot
        slot_line = t("meeting.slot_of", number=self.slots.index + 1, count=len(self.slots.slots), title=slot.title)
        self.query_one(TimerBar).show_place(self.review.title, self.meeting.title, slot_line)
        self.query_one(LastYear).show_notes([n for n in self.last_year if self.owns(n.party_id)])
        self.show_actions()
        self.show_notes()
        self.refresh_timer()
        table = self.query_one(ActionTable)
        if table.display:
            table.focus()

    def show_actions(self, keep_action_id: int | None = None) -> None:
        actions = [a for a in self.app.store.actions(self.review.id) if self.owns(a.party_id)]
        table = self.query_one(ActionTable)
        table.show_actions(actions, keep_action_id)
        table.display = bool(actions)
        self.query_one("#followup-empty").display = not actions
        self.query_one("#followup-plan").display = bool(actions)
        slot = self.slots.slot
        owner = self.party_by_id.get(slot.party_id)
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
        notes = [n for n in self.app.store.notes(self.meeting_id) if n.slot_id == self.slots.slot.id]
        note_list = self.query_one(NoteList)
        note_list.show_notes(notes, self.party_by_id, keep_note_id)
        note_list.display = bool(notes)

    def refresh_timer(self) -> None:
        for level in self.slots.new_warnings():
            self.notify(t(_WARNING_TEXT[level]), severity="error" if level is WarningLevel.OVERTIME else "warning",
                        timeout=8, markup=False)
            if self.app.bell_enabled:
                self.app.bell()
        state = self.slots.state()
        # Pace per question does not apply here; the title line gives the time per action instead.
        self.query_one(TimerBar).show_time(state, pace(state, 0, 0), self.slots.meeting_left())

    # --------------------------------------------------------------- timer

    def action_toggle_timer(self) -> None:
        if self._write(self.slots.toggle) is not False:
            self.refresh_timer()

    def action_next_slot(self) -> None:
        if self.slots.is_last:
            self.notify(t("meeting.last_slot"), timeout=3, markup=False)
            return
        left = self.slots.time_left_if_under_way()
        if left is None:
            self._move(self.slots.go_next)
            return
        question = t("meeting.confirm_next_slot", title=one_line(self.slots.slot.title), time=format_duration(left))
        self.app.push_screen(ConfirmDialog(question), lambda yes: self._move(self.slots.go_next) if yes else None)

    def action_previous_slot(self) -> None:
        if self.slots.is_first:
            self.notify(t("meeting.first_slot"), timeout=3, markup=False)
            return
        self._move(self.slots.go_previous)

    def _move(self, step) -> None:
        if self._write(step) is False:
            return
        self._write(self.app.store.set_meeting_position, self.meeting_id, self.slots.slot.id, None)
        self.show_slot()

    # ------------------------------------------------------------- actions

    def action_set_status(self, status: str) -> None:
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
            return
        if self._write(self.app.store.update_action, action.id, status=status) is not False:
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

    def action_edit_cell(self) -> None:
        table = self.query_one(ActionTable)
        action = table.selected_action
        if action is None:
            self.notify(t("followup.no_action_selected"), timeout=3, markup=False)
        elif table.selected_column.field == "status":
            self.action_cycle_status()
        else:
            owner = self.party_by_id[action.party_id]
            edit_action_field(self, action, table.selected_column, one_line(owner.name), self._edited)

    def _edited(self, action_id: int) -> None:
        self.notify(t("actions.saved"), timeout=2, markup=False)
        self.show_actions(keep_action_id=action_id)

    # ------------------------------------------------------------- capture

    def action_capture(self, category: str) -> None:
        line = self.query_one("#followup-capture", CaptureLine)
        line.set_stored(capture_prefix(Category(category)))
        line.display = True
        line.focus()

    @on(CaptureLine.Captured, "#followup-capture")
    def save_capture(self, event: CaptureLine.Captured) -> None:
        category, text = parse_capture(event.text)
        if not text:
            return
        slot = self.slots.slot
        owner = slot.party_id or self.parties[0].id
        note = self._write(self.app.store.add_note, self.meeting_id, owner, category, text, slot_id=slot.id)
        if note is False:
            event.line.give_back(event.text)  # nothing typed is lost
            return
        self.notify(t("meeting.saved", category=category_label(category)), timeout=2, markup=False)
        self.show_notes(keep_note_id=note.id)

    def close_capture(self) -> None:
        line = self.query_one("#followup-capture", CaptureLine)
        line.set_stored("")
        line.display = False
        self.query_one(ActionTable).focus()

    # ---------------------------------------------------------------- misc

    def _write(self, method, *args, **kwargs):
        """A store write; on failure one line in a notification and False (nothing is shown as done)."""
        try:
            return method(*args, **kwargs)
        except StoreError as error:
            self.notify(t("error.store", message=str(error)), severity="error", markup=False)
            return False

    def action_leave(self) -> None:
        if self.query_one("#followup-capture", Input).display:
            self.close_capture()
        else:
            self.app.pop_screen()

    def action_export(self) -> None:
        self.app.open_export(self.review.id, self.meeting_id)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.meeting.title, self.KEY_ACTIONS))
