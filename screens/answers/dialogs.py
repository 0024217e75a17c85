"""The answers screen's own dialogs: a file prompt that completes paths, and the import preview.

Everything else it asks goes through the shared forms (screens/forms.py), which stay open with the
error when a save is refused, so typed text is never lost.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static

from hfs_tui.i18n import t
from hfs_tui.safe_text import has_control, plain

from ..widgets.dialogs import ConfirmDialog
from ..widgets.forms import TextPrompt
from ..widgets.wrapped_text import WrappedText


class PathSuggester(Suggester):
    """Completes a file path as it is typed (→ accepts), so nobody has to type a long path in full."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder, _, start = value.rpartition("/")
        directory = Path(os.path.expanduser(folder + "/" if folder or value.startswith("/") else "."))
        try:
            names = sorted(entry.name for entry in os.scandir(directory) if entry.name.startswith(start))
        except OSError:
            return None
        # A name with a control character is never suggested: the suggestion is drawn as it is.
        names = [n for n in names if (not n.startswith(".") or start.startswith(".")) and not has_control(n)]
        if not names or names[0] == start:
            return None
        completed = value[: len(value) - len(start)] + names[0]
        return completed + "/" if (directory / names[0]).is_dir() else completed


class PathPrompt(TextPrompt):
    """The shared one-line prompt, asking for a file and completing its path as it is typed."""

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).suggester = PathSuggester()


class ImportPreview(ConfirmDialog):
    """What a file would import, one line per question, to confirm (`j`) or cancel (`n`/`escape`)."""

    def __init__(self, question: str, lines: Sequence[Text]) -> None:
        super().__init__(question)
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="answers-preview"):
            yield Static(plain(self.question), id="dialog-question")
            yield WrappedText(id="preview-body")
            with Horizontal(id="dialog-buttons"):
                yield Button(Text(t("answers.preview_yes")), id="yes", variant="warning")
                yield Button(Text(t("confirm.no") + " (n)"), id="no", variant="primary")

    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]  # takes the event to prevent ConfirmDialog's
        event.prevent_default()  # not ConfirmDialog's focus on "no": the preview takes ↑ ↓, j and n answer anyway
        body = self.query_one(WrappedText)
        body.show(self.lines)
        body.focus()
