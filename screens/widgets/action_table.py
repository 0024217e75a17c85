"""Improvement actions as a table in the action-plan columns of seed 004 (Detta vill vi uppnå, …), and
the editor of one cell. Shared by the action plan (step 4b) and the follow-up (step 5).

Each column gets a share of the width and each cell is wrapped to it, at most a few lines with an ellipsis;
the full text is in the editor. The columns are rebuilt when the width changes, so the table always fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable

from hfs_tui.i18n import t
from hfs_tui.model import Action, NoteState, Share
from hfs_tui.safe_text import one_line, plain

from .action_form import ActionForm
from .wrapped_text import wrap_offsets

if TYPE_CHECKING:
    from ..base import HfsScreen

MAX_CELL_LINES = 3
MAX_HEADER_LINES = 3
MIN_COLUMN_WIDTH = 6


@dataclass(frozen=True)
class Column:
    field: str  # the Action attribute the column shows (and the store field a save writes)
    label: str  # i18n key of the header
    weight: int  # share of the table's width
    long: bool = True  # long text gets a multi-line editor, short text a one-line field
    render: Callable[[Action], Text] | None = None  # for columns that are not plain text (status)

    def cell(self, action: Action) -> Text:
        if self.render is not None:
            return self.render(action)
        value = str(getattr(action, self.field))
        return plain(value) if value.strip() else Text("–", style="hfs.muted")


def state_cell(action: Action) -> Text:
    """Whether the action is in its party's report and released, and how its source note stands now:
    a symbol and a word for each, never colour alone."""
    lines = [
        ("✓ " + t("actions.flag.in_report"), "hfs.plus")
        if action.in_report
        else ("· " + t("actions.flag.not_in_report"), "hfs.muted"),
        ("↗ " + t("actions.flag.network"), "hfs.plus")
        if action.share == Share.NETWORK
        else ("· " + t("actions.flag.internal"), "hfs.muted"),
    ]
    if action.note_state is NoteState.EDITED:
        lines.append(("✎ " + t("actions.note.edited_short"), "hfs.minus"))
    elif action.note_state is NoteState.DELETED:
        lines.append(("✗ " + t("actions.note.deleted_short"), "hfs.error"))
    return Text("\n").join(Text(text, style=style) for text, style in lines)


def state_line(action: Action) -> Text:
    """The same in one line, for the detail under the table."""
    words = [
        t("actions.flag.in_report" if action.in_report else "actions.flag.not_in_report"),
        t("actions.flag.network" if action.share == Share.NETWORK else "actions.flag.internal"),
        t(f"actions.note.{action.note_state.value}") if action.note_state else t("actions.note.none"),
    ]
    return Text(" · ".join(words), style="hfs.muted")


PLAN_COLUMNS = (
    Column("goal", "actions.col.goal", 4),
    Column("activities", "actions.col.activities", 4),
    Column("responsible", "actions.col.responsible", 3, long=False),
    Column("timeline", "actions.col.timeline", 3, long=False),
    Column("follow_up", "actions.col.follow_up", 3),
    Column("state", "actions.col.state", 3, render=state_cell),
)


def fit(text: Text, width: int, max_lines: int) -> Text:
    """`text` wrapped to `width` cells and cut to `max_lines` lines, the last one ending in … when cut."""
    offsets = wrap_offsets(text.plain, width)
    kept = offsets[:max_lines]
    lines = [text[start:end] for start, end in kept]
    if len(offsets) > max_lines:
        last = lines[-1]
        if last.cell_len >= width:
            last.right_crop(last.cell_len - width + 1)
        last.append("…")
    return Text("\n").join(lines)


def column_widths(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` cells by weight; every column keeps at least MIN_COLUMN_WIDTH."""
    total = max(total, MIN_COLUMN_WIDTH * len(weights))
    widths = [max(MIN_COLUMN_WIDTH, total * w // sum(weights)) for w in weights]
    widths[0] += max(0, total - sum(widths))
    return widths


class ActionTable(DataTable):
    """One row per action, one column per field; the cell cursor picks what `enter` edits."""

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.plan_columns = tuple(columns)
        self.actions: list[Action] = []
        self._built_width = -1

    def show_actions(
        self, actions: Sequence[Action], keep_action_id: int | None = None, first_column: bool = False
    ) -> None:
        """Show `actions`; the cursor stays on `keep_action_id` and its column, or goes to the first column
        (another party or slot: the column of the last one means nothing there)."""
        self.actions = list(actions)
        if first_column and self.is_mounted:
            self.cursor_coordinate = self.cursor_coordinate._replace(column=0)
        self._rebuild(keep_action_id)

    def on_resize(self) -> None:
        if self.size.width != self._built_width:
            self._rebuild(self.selected_action.id if self.selected_action else None)

    def _rebuild(self, keep_action_id: int | None) -> None:
        if self.size.width <= 0:
            self._built_width = -1  # not laid out (or hidden): the next on_resize builds it, at any width
            return
        self._built_width = self.size.width
        column = self.cursor_column
        scrollbar = self.styles.scrollbar_size_vertical
        room = self.size.width - scrollbar - 2 * self.cell_padding * len(self.plan_columns)
        widths = column_widths(room, [c.weight for c in self.plan_columns])
        headers = [fit(Text(t(c.label), style="bold"), w, MAX_HEADER_LINES) for c, w in zip(self.plan_columns, widths)]
        self.clear(columns=True)
        self.header_height = max(len(h.plain.split("\n")) for h in headers)
        for plan_column, header, width in zip(self.plan_columns, headers, widths):
            self.add_column(header, width=width, key=plan_column.field)
        for action in self.actions:
            cells = [fit(c.cell(action), w, MAX_CELL_LINES) for c, w in zip(self.plan_columns, widths)]
            height = max(len(cell.plain.split("\n")) for cell in cells)
            self.add_row(*cells, height=height, key=str(action.id))
        row = next((i for i, a in enumerate(self.actions) if a.id == keep_action_id), 0)
        self.move_cursor(row=row, column=column, animate=False)

    @property
    def selected_action(self) -> Action | None:
        if not self.actions:
            return None
        return self.actions[min(self.cursor_row, len(self.actions) - 1)]

    @property
    def selected_column(self) -> Column:
        return self.plan_columns[min(self.cursor_column, len(self.plan_columns) - 1)]

    def selected_text(self) -> Text:
        """The selected cell in full, under its column's name: what the wrapped cell may have cut."""
        text = Text()
        text.append(t(self.selected_column.label) + ": ", style="bold")
        if self.selected_action is not None:
            text.append_text(self.selected_column.cell(self.selected_action))
        return text


def edit_action_field(
    screen: HfsScreen,
    action: Action,
    column: Column,
    party_name: str,
    saved: Callable[[int], None],
    columns: Sequence[Column] = (),
) -> None:
    """Open the action's form with every editable column of `columns` (default: the plan's), the cursor in
    `column`'s field. One save is one `update_action` with every field; a refused save (an empty goal, a
    database error) keeps the form open with the typed text. `saved(action_id)` runs after a save.
    """

    def save(values: dict[str, str]) -> None:
        screen.store.update_action(action.id, **values)

    editable = [c for c in (columns or PLAN_COLUMNS) if c.render is None]
    title = t("actions.edit_title", party=party_name)
    if all(c.field != "goal" for c in editable):
        title += f"\n”{one_line(action.goal, 90)}”"
    fields = [(c.field, c.label, c.long) for c in editable]
    values = {c.field: str(getattr(action, c.field)) for c in editable}
    focus = column.field if column in editable else editable[0].field
    dialog = ActionForm(title, fields, values, focus=focus, save=save)
    screen.app.push_screen(dialog, lambda values: saved(action.id) if values is not None else None)


def new_action_form(screen: Screen, party_name: str, save: Callable[[dict[str, str]], Any]) -> ActionForm:
    """The form of a new action: every column of the plan, empty (the goal is the one it needs)."""
    fields = [(c.field, c.label, c.long) for c in PLAN_COLUMNS if c.render is None]
    return ActionForm(t("actions.new_title", party=party_name), fields, save=save)
