"""Every screen's keys as data: one table feeds the Footer, the `?` help screen and the command palette.

A key contract that lives in one place cannot disagree with itself: a test walks each screen and checks
that what the Footer shows is also in the palette and on the help screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from hfs_tui.i18n import t


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


def bindings(actions: tuple[KeyAction, ...]) -> list[Binding]:
    return [action.binding() for action in actions]


APP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

HOME_KEYS = (
    KeyAction("enter", "open_review", "key.open_review", key_display="⏎"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
    KeyAction("question_mark", "help", "key.help", key_display="?"),
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
    KeyAction("v", "toggle_presenter", "key.presenter"),
    KeyAction("i", "toggle_hide_internal", "key.hide_internal", show=False),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("escape", "leave", "key.leave", key_display="esc"),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)
