"""Reusable dialogs: confirm (yes/no) and help. Each returns its answer with `dismiss`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Label, Static

from hfs_tui.i18n import t
from hfs_tui.safe_text import plain

from ..keys import APP_KEYS, KeyAction, app_key_actions


class ConfirmDialog(ModalScreen[bool]):
    """Asks before anything destructive or meeting-advancing; `y`/`enter` yes, `n`/`escape` no."""

    BINDINGS = [
        Binding("y,j", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="dialog-question")
            with Horizontal(id="dialog-buttons"):
                yield Button(Text(t("confirm.yes") + " (j)"), id="yes", variant="warning")
                yield Button(Text(t("confirm.no") + " (n)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class HelpTable(DataTable):
    """The help's rows: Home and End go to the first and last key (a DataTable's go sideways)."""

    BINDINGS = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    """Every key of the screen it was opened from: its key table, the app-wide keys it does not list, and
    any other binding of the screen or the app (so nothing that works is missing). The list scrolls
    (↑ ↓, PageUp/PageDown, Home/End) and fits 80x24."""

    BINDINGS = [Binding("escape,question_mark,q", "close", show=False)]

    def __init__(self, title: str, actions: tuple[KeyAction, ...], others: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.help_title = title
        # the app-wide keys too: F2 (theme), ctrl+p (palette), tab …
        self.actions = actions + app_key_actions((a.action for a in actions), palette=False)
        self.others = tuple(others)  # (key, description) of bindings outside the key tables

    @property
    def keys(self) -> set[str]:
        """Every key the help lists (Textual key names)."""
        listed = {key.strip() for action in self.actions for key in action.key.split(",")}
        return listed | {key for key, _ in self.others}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help-dialog"):
            yield Label(Text(f"{t('help.title')}: {self.help_title}"), id="help-title")
            table: DataTable[Text] = HelpTable(id="help-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(t("help.col.key"), t("help.col.action"))
            for action in self.actions:
                table.add_row(Text(action.display), Text(t(action.label)))
            for key, description in self.others:
                table.add_row(Text(key), Text(description))
            yield table
            yield Label(Text(t("help.close")), id="help-close")

    def on_mount(self) -> None:
        self.query_one("#help-table", DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def other_bindings(screen: Screen, actions: tuple[KeyAction, ...]) -> list[tuple[str, str]]:
    """The screen's and the app's active bindings that no key table lists (Textual's own, a widget's
    screen-level key): what the help adds so that it lists every key that works on the screen."""
    listed = {key.strip() for action in actions + APP_KEYS for key in action.key.split(",")}
    others = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node not in (screen, screen.app) or binding.system or key in listed:
            continue
        others.append((key, binding.description or binding.action))
    return others
