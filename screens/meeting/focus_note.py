"""One note in focus, large, for everyone to read while it is discussed (`f`; esc or f closes)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_tui.i18n import t
from hfs_tui.model import Note
from hfs_tui.safe_text import clean

from ..marks import CATEGORY_STYLE, CATEGORY_SYMBOL, category_label


class FocusNote(ModalScreen[None]):
    BINDINGS = [Binding("escape,f,enter", "close", t("meeting.focus_close"), show=False)]

    def __init__(self, note: Note, context: str) -> None:
        super().__init__()
        self.note = note
        self.context = context  # the question (or the meeting) the note belongs to

    def compose(self) -> ComposeResult:
        note = self.note
        with Vertical(id="focus-box"):
            mark = Text(f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}", style="bold")
            mark.stylize(CATEGORY_STYLE[note.category])
            yield Static(mark, id="focus-mark")
            yield Static(Text(clean(note.text), style="bold"), id="focus-text")
            yield Static(Text(self.context, style="italic"), id="focus-context")
            yield Static(Text(t("meeting.focus_hint")), id="focus-hint")

    def action_close(self) -> None:
        self.dismiss(None)
