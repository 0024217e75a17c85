"""Every screen's keys as data: one table feeds the Footer, the `?` help screen and the command palette.

A key contract that lives in one place cannot disagree with itself: a test walks each screen and checks
that what the Footer shows is also in the palette and on the help screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

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


def app_key_actions(screen_actions: Iterable[str]) -> tuple[KeyAction, ...]:
    """The app-wide keys a screen does not list itself: the help screen and the palette add these.

    The palette key is left out: it opens the palette, so listing it there would be circular.
    """
    listed = set(screen_actions)
    return tuple(a for a in APP_KEYS if a.action not in listed and a.action != "app.command_palette")


def relabel_bindings() -> None:
    """Rebuild the BINDINGS of every class with KEY_ACTIONS in the current language.

    Textual reads a class's BINDINGS once, when the class is defined: a screen imported before the
    language was chosen (a test, or a module imported early) would keep the other language in its
    Footer. The app calls this before it starts; `_merge_bindings` is where Textual itself does it.
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
        cls._merged_bindings = cls._merge_bindings()


APP_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("f2", "app.cycle_theme", "key.cycle_theme", show=False, key_display="F2"),
    KeyAction("ctrl+p", "app.command_palette", "key.palette", show=False, priority=True),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q"),
)

HOME_KEYS = (
    KeyAction("question_mark", "help", "key.help", key_display="?"),
    KeyAction("enter", "open_review", "home.key.open", key_display="⏎", show=False),
    KeyAction("n", "new_review", "home.key.new"),
    KeyAction("s", "setup", "home.key.setup", show=False),
    KeyAction("a", "answers", "home.key.answers", show=False),
    KeyAction("m", "meeting", "home.key.meeting", show=False),
    KeyAction("h", "actions", "home.key.actions", show=False),
    KeyAction("f", "follow_up", "home.key.follow_up", show=False),
    KeyAction("r", "rename", "home.key.rename"),
    KeyAction("d", "delete", "home.key.delete"),
    KeyAction("u", "deleted", "home.key.deleted"),
    KeyAction("ctrl+e", "export", "key.export", key_display="ctrl+e", show=False),
    KeyAction("ctrl+q", "app.quit", "key.quit", key_display="ctrl+q", show=False),  # an 80-column Footer is full
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
