"""What the follow-up meeting shows next to the action table: each action's status as a cell, last year's
plan of the selected action, and last year's strengths and improvement areas of the party side by side.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal

from hfs_tui.i18n import t
from hfs_tui.model import Action, ActionStatus, Category, Note
from hfs_tui.safe_text import one_line, plain

from ..widgets.action_table import Column
from ..widgets.wrapped_text import WrappedText

STATUS_ORDER = (ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.PARTLY, ActionStatus.NOT_STARTED)
STATUS_SYMBOL = {
    ActionStatus.OPEN: "·",
    ActionStatus.DONE: "✓",
    ActionStatus.PARTLY: "◐",
    ActionStatus.NOT_STARTED: "✗",
}
# Named styles follow the theme (screens/themes.py); there is no named "error" style yet, so red stays fixed.
STATUS_STYLE = {
    ActionStatus.OPEN: "hfs.muted",
    ActionStatus.DONE: "hfs.plus",
    ActionStatus.PARTLY: "hfs.minus",
    ActionStatus.NOT_STARTED: "hfs.error",
}


def status_label(status: ActionStatus) -> str:
    return t(f"followup.status.{status.value}")


def status_cell(action: Action) -> Text:
    """Symbol and word, never colour alone."""
    return Text(f"{STATUS_SYMBOL[action.status]} {status_label(action.status)}", style=STATUS_STYLE[action.status])


def next_status(status: ActionStatus) -> ActionStatus:
    return STATUS_ORDER[(STATUS_ORDER.index(status) + 1) % len(STATUS_ORDER)]


FOLLOW_UP_COLUMNS = (
    Column("goal", "actions.col.goal", 4),
    Column("status", "followup.col.status", 3, render=status_cell),
    Column("outcome", "followup.col.outcome", 4),
    Column("sustain", "followup.col.sustain", 5),
)

_PLAN_FIELDS = (
    ("activities", "actions.col.activities"),
    ("responsible", "actions.col.responsible"),
    ("timeline", "actions.col.timeline"),
    ("follow_up", "actions.col.follow_up"),
)


def plan_text(action: Action | None) -> Text:
    """Last year's plan for the selected action, on as few lines as possible: label, then the user's text."""
    text = Text()
    text.append(t("followup.plan") + ": ", style="bold")
    if action is None:
        return text
    parts = [(label, getattr(action, field)) for field, label in _PLAN_FIELDS if getattr(action, field).strip()]
    for index, (label, value) in enumerate(parts):
        if index:
            text.append(" · ")
        text.append(t(label) + ": ", style="italic")
        text.append(one_line(value))
    if not parts:
        text.append("–", style="hfs.muted")
    return text


class LastYear(Horizontal):
    """The party's strengths and improvement areas from last year's feedback meeting, side by side."""

    def compose(self) -> ComposeResult:
        yield WrappedText(id="last-strengths")
        yield WrappedText(id="last-improvements")

    def show_notes(self, notes: Sequence[Note]) -> None:
        for widget_id, category, title in (
            ("#last-strengths", Category.STRENGTH, "followup.last_strengths"),
            ("#last-improvements", Category.IMPROVEMENT, "followup.last_improvements"),
        ):
            blocks = [Text(t(title), style="bold")]
            items = [note for note in notes if note.category is category]
            blocks += [plain(f"• {note.text}") for note in items] or [Text(t("followup.none"), style="italic")]
            self.query_one(widget_id, WrappedText).show(blocks)
