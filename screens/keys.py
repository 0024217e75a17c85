"""Every screen's keys as data: one table feeds the Footer, the `?` help screen and the command palette.

A key contract that lives in one place cannot disagree with itself: a test walks each screen and checks
that what the Footer shows is also in the palette and on the help screen. What each key means across
screens (one key, one meaning) is in key_grammar.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

from hfs_tui.i18n import t

from .textual_compat import remerge_bindings


@dataclass(frozen=True)
class KeyAction:
    key: str  # Textual key name(s), comma-separated
    action: str  # action name on the screen (or "app." action)
    label: str  # i18n key of the short description
    show: bool = True  # shown in the Footer
    key_display: str | None = None
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            t(self.label),
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.action,
        )

    @property
    def display(self) -> str:
        return self.key_display or self.key.split(",")[0]


def bindings(actions: tuple[KeyAction, ...]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    return [action.binding() for action in actions]


def app_key_actions(screen_actions: Iterable[str], palette: bool = True) -> tuple[KeyAction, ...]:
    """The app-wide keys a screen does not list itself: the help screen and the palette add these.

    For the palette (`palette=True`) its own key is left out: it opens the palette, so listing it
    there would be circular. The help lists it.
    """
    listed = set(screen_actions)
    return tuple(a for a in APP_KEYS if a.action not in listed and not (palette and a.action == "app.command_palette"))


def relabel_bindings() -> None:
    """Rebuild the BINDINGS of every class with KEY_ACTIONS in the current language.

    Textual reads a class's BINDINGS once, when the class is defined: a screen imported before the
    language was chosen (a test, or a module imported early) would keep the other language in its
    Footer. The app calls this before it starts (the merge itself is in textual_compat).
    """
    classes, pending = [], [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if hasattr(cls, "KEY_ACTIONS"):
            classes.append(cls)
    for cls in classes:
        if "KEY_ACTIONS" in cls.__dict__:
            cls.BINDINGS = bindings(cls.KEY_ACTIONS)
    for cls in classes:
        remerge_bindings(cls)


CAPTURE_LINE_KEYS = (KeyAction("escape", "screen.leave", "key.capture_back", key_display="esc"),)

APP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("f2", "app.cycle_theme", "key.cycle_theme", show=False, key_display="F2"),
    KeyAction("ctrl+p", "app.command_palette", "key.palette", show=False, priority=True),
    # Every screen moves the focus with tab (Textual's Screen binds it; listed here so help shows it).
    KeyAction("tab", "app.focus_next", "key.next_area", key_display="tab", show=False),
    KeyAction("shift+tab", "app.focus_previous", "key.previous_area", key_display="shift+tab", show=False),
    KeyAction("ctrl+c,super+c", "screen.copy_text", "key.copy", key_display="ctrl+c", show=False),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

HOME_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("enter", "open_review", "home.key.open", key_display="⏎", show=False),
    KeyAction("n", "new_review", "home.key.new"),
    # The steps open with their number in the HFS method (4b, the action plan, has its letter).
    KeyAction("1", "setup", "home.key.setup", show=False),
    KeyAction("2", "answers", "home.key.answers", show=False),
    KeyAction("4,m", "meeting", "home.key.meeting", key_display="4", show=False),
    KeyAction("h", "actions", "home.key.actions", show=False),
    KeyAction("5", "follow_up", "home.key.follow_up", show=False),
    KeyAction("e", "rename", "home.key.rename"),
    KeyAction("d", "delete", "home.key.delete"),
    KeyAction("u", "deleted", "home.key.deleted"),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q", show=False),  # an 80-column Footer is full
    KeyAction("slash", "search", "search.key.search", key_display="/", show=False),
)

MEETING_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("n", "next_question", "key.next_question"),
    KeyAction("p", "previous_question", "key.previous_question"),
    KeyAction("space", "toggle_timer", "key.toggle_timer", key_display="space"),
    KeyAction("right_square_bracket", "next_slot", "key.next_slot", key_display="]"),
    KeyAction("left_square_bracket", "previous_slot", "key.previous_slot", key_display="[", show=False),
    KeyAction("plus", "capture('strength')", "key.capture_strength", key_display="+"),
    KeyAction("minus", "capture('improvement')", "key.capture_improvement", key_display="-"),
    KeyAction("asterisk", "capture('good_example')", "key.capture_good_example", key_display="*", show=False),
    KeyAction("exclamation_mark", "capture('lesson')", "key.capture_lesson", key_display="!", show=False),
    KeyAction("greater_than_sign", "capture('action')", "key.capture_action", key_display=">", show=False),
    KeyAction("enter", "capture('note')", "key.capture_note", key_display="⏎", show=False),
    KeyAction("up", "select_note(-1)", "key.select_previous_note", key_display="↑", show=False),
    KeyAction("down", "select_note(1)", "key.select_next_note", key_display="↓", show=False),
    KeyAction("e", "edit_note", "key.edit_note"),
    KeyAction("d", "delete_note", "key.delete_note"),
    KeyAction("u", "undo", "key.undo"),
    KeyAction("r", "toggle_report", "key.toggle_report"),
    KeyAction("s", "toggle_share", "key.toggle_share", show=False),
    KeyAction("o", "switch_owner", "key.switch_owner", show=False),
    KeyAction("ctrl+r", "retry_notes", "key.retry_notes", key_display="ctrl+r", show=False),
    KeyAction("v", "toggle_presenter", "key.presenter"),
    KeyAction("f", "focus_note", "key.focus_note", show=False),
    KeyAction("z", "toggle_notes_room", "key.notes_room", show=False),
    KeyAction("c", "toggle_only_slot", "key.only_slot", show=False),
    KeyAction("i", "toggle_hide_internal", "key.hide_internal", show=False),
    KeyAction("X", "end_meeting", "key.end_meeting", key_display="X", show=False),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("escape", "leave", "key.leave", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
    KeyAction("slash", "search", "search.key.search", key_display="/", show=False),
    KeyAction("ctrl+n", "released_elsewhere", "related.key.open", key_display="ctrl+n", show=False),
)

SETUP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("enter", "edit", "setup.key.edit", key_display="⏎", show=False),
    KeyAction("e", "edit", "setup.key.edit"),
    KeyAction("n", "add", "setup.key.add"),
    KeyAction("d", "remove", "setup.key.remove"),
    KeyAction("space", "toggle", "setup.key.toggle", key_display="space", show=False),
    KeyAction("shift+up,ctrl+up,alt+up", "move(-1)", "setup.key.move_up", key_display="shift+↑", show=False),
    KeyAction("shift+down,ctrl+down,alt+down", "move(1)", "setup.key.move_down", key_display="shift+↓", show=False),
    KeyAction("left", "next_tab(-1)", "setup.key.previous_tab", key_display="←", show=False),
    KeyAction("right", "next_tab(1)", "setup.key.next_tab", key_display="→", show=False),
    KeyAction("1", "show_tab('team')", "setup.tab.team", show=False),
    KeyAction("2", "show_tab('questions')", "setup.tab.questions", show=False),
    KeyAction("3", "show_tab('agreements')", "setup.tab.agreements", show=False),
    KeyAction("4", "show_tab('meetings')", "setup.tab.meetings", show=False),
    KeyAction("o", "move_party", "setup.key.move_party"),
    KeyAction("m", "meeting", "setup.key.meeting"),
    KeyAction("escape", "back", "setup.key.back", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q", show=False),
)

ANSWERS_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("e", "edit_answer", "answers.key.edit_answer"),
    KeyAction("plus", "add_assessment('+')", "answers.key.add_plus", key_display="+"),
    KeyAction("minus", "add_assessment('-')", "answers.key.add_minus", key_display="-"),
    KeyAction("ctrl+o", "import_file", "answers.key.import_file", key_display="ctrl+o"),
    KeyAction("D", "add_document", "answers.key.add_document", key_display="D", show=False),
    KeyAction("1", "show_party(0)", "answers.key.party_a", show=False),
    KeyAction("2", "show_party(1)", "answers.key.party_b", show=False),
    KeyAction("tab", "app.focus_next", "answers.key.next_panel", key_display="tab", show=False),
    KeyAction("shift+tab", "app.focus_previous", "key.previous_area", key_display="shift+tab", show=False),
    KeyAction("enter", "edit_item", "answers.key.edit_item", key_display="⏎", show=False),
    KeyAction("t", "toggle_sign", "answers.key.toggle_sign", show=False),
    KeyAction("d", "delete_item", "answers.key.delete_item", show=False),
    KeyAction("escape", "back", "answers.key.back", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

ACTIONS_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("e,enter", "edit_cell", "actions.key.edit", key_display="e ⏎"),
    KeyAction("n", "new_action", "actions.key.new"),
    KeyAction("d", "delete_action", "actions.key.delete"),
    KeyAction("a", "adopt", "actions.key.adopt"),
    KeyAction("A", "adopt_all", "actions.key.adopt_all", key_display="A", show=False),
    KeyAction("r", "toggle_report", "actions.key.report"),
    KeyAction("s", "toggle_share", "actions.key.share", show=False),
    KeyAction("I", "toggle_improvements", "actions.key.improvements", key_display="I", show=False),
    KeyAction("1", "show_party(0)", "actions.key.party_a", show=False),
    KeyAction("2", "show_party(1)", "actions.key.party_b", show=False),
    KeyAction("tab", "app.focus_next", "actions.key.focus", key_display="tab", show=False),
    KeyAction("shift+tab", "app.focus_previous", "key.previous_area", key_display="shift+tab", show=False),
    KeyAction("escape", "leave", "actions.key.back", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

# The follow-up is a meeting: its keys are the feedback meeting's (space, ] [, ⏎ and + - * ! > notes,
# e d u r s o on the selected note) and the status of the selected action (1 2 3 0, t cycles).
FOLLOW_UP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("space", "toggle_timer", "key.toggle_timer", key_display="space"),
    KeyAction("right_square_bracket", "next_slot", "key.next_slot", key_display="]"),
    KeyAction("left_square_bracket", "previous_slot", "key.previous_slot", key_display="[", show=False),
    KeyAction("t", "cycle_status", "followup.key.status"),
    KeyAction("1", "set_status('done')", "followup.key.done", show=False),
    KeyAction("2", "set_status('partly')", "followup.key.partly", show=False),
    KeyAction("3", "set_status('not_started')", "followup.key.not_started", show=False),
    KeyAction("0", "set_status('open')", "followup.key.open", show=False),
    KeyAction("e", "edit_selected", "followup.key.edit"),
    KeyAction("enter", "capture('note')", "key.capture_note", key_display="⏎", show=False),
    KeyAction("plus", "capture('strength')", "key.capture_strength", key_display="+", show=False),
    KeyAction("minus", "capture('improvement')", "key.capture_improvement", key_display="-", show=False),
    KeyAction("asterisk", "capture('good_example')", "key.capture_good_example", key_display="*", show=False),
    KeyAction("exclamation_mark", "capture('lesson')", "key.capture_lesson", key_display="!", show=False),
    KeyAction("greater_than_sign", "capture('action')", "key.capture_action", key_display=">", show=False),
    KeyAction("tab", "app.focus_next", "followup.key.focus", key_display="tab", show=False),
    KeyAction("shift+tab", "app.focus_previous", "key.previous_area", key_display="shift+tab", show=False),
    KeyAction("d", "delete_note", "key.delete_note", show=False),
    KeyAction("u", "undo", "key.undo", show=False),
    KeyAction("r", "toggle_report", "key.toggle_report", show=False),  # an 80-column Footer is full
    KeyAction("s", "toggle_share", "key.toggle_share", show=False),
    KeyAction("o", "switch_owner", "key.switch_owner", show=False),
    KeyAction("ctrl+r", "retry_notes", "key.retry_notes", key_display="ctrl+r", show=False),
    KeyAction("X", "end_meeting", "key.end_meeting", key_display="X", show=False),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("escape", "leave", "followup.key.leave", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

EXPORT_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("r", "toggle_report", "export.key.report"),
    KeyAction("s", "toggle_share", "export.key.share"),
    KeyAction("o", "switch_owner", "export.key.owner", show=False),
    KeyAction("R", "toggle_party", "export.key.party_report", key_display="R", show=False),
    KeyAction("up", "select_note(-1)", "export.key.previous_note", key_display="↑", show=False),
    KeyAction("down", "select_note(1)", "export.key.next_note", key_display="↓", show=False),
    KeyAction("1", "preview(0)", "export.key.preview_minutes", show=False),
    KeyAction("2", "preview(1)", "export.key.preview_report_a", show=False),
    KeyAction("3", "preview(2)", "export.key.preview_report_b", show=False),
    KeyAction("4", "preview(3)", "export.key.preview_network", show=False),
    KeyAction("5", "preview(4)", "export.key.preview_onepager", show=False),
    KeyAction("m", "next_meeting", "export.key.meeting", show=False),
    KeyAction("w", "write", "export.key.write"),
    KeyAction("W", "write_word", "export.key.write_word", key_display="W"),
    KeyAction("H", "write_handover", "export.key.write_handover", key_display="H", show=False),
    KeyAction("ctrl+s", "write", "export.key.write", key_display="ctrl+s", show=False),
    KeyAction("tab", "app.focus_next", "export.key.next_area", key_display="tab", show=False),
    KeyAction("shift+tab", "app.focus_previous", "export.key.previous_area", key_display="shift+tab", show=False),
    KeyAction("escape", "back", "export.key.back", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q", show=False),
)
