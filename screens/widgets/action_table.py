"""Improvement actions as a table in the action-plan columns of seed 004 (Detta vill vi uppnå, …), and
the editor of one cell. Shared by the action plan (step 4b) and the follow-up (step 5).

Each column gets a share of the width and each cell is wrapped to it, at most a few lines with an ellipsis;
the full text is in the editor. The columns are rebuilt when the width changes, so the table always fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable

from hfs_tui.i18n import t
from hfs_tui.model import Action
from hfs_tui.safe_text import one_line, plain

from .forms import TextAreaPrompt, TextPrompt
from .wrapped_text import wrap_offsets

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


PLAN_COLUMNS = (
    Column("goal", "actions.col.goal", 4),
    Column("activities", "actions.col.activities", 4),
    Column("responsible", "actions.col.responsible", 3, long=False),
    Column("timeline", "actions.col.timeline", 3, long=False),
    Column("follow_up", "actions.col.follow_up", 3),
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

    def show_actions(self, actions: Sequence[Action], keep_action_id: int | None = None) -> None:
        self.actions = list(actions)
        self._rebuild(keep_action_id)

    def on_resize(self) -> None:
        if self.size.width != self._built_width:
            self._rebuild(self.selected_action.id if self.selected_action else None)

    def _rebuild(self, keep_action_id: int | None) -> None:
        if self.size.width <= 0:
            return  # not laid out yet: on_resize builds it
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
    screen: Screen, action: Action, column: Column, party_name: str, saved: Callable[[int], None]
) -> None:
    """Open the shared form dialog on one field of an action: multi-line for long text, one line for short.

    One save is one `update_action`; a refused save (an empty goal, a database error) keeps the dialog
    open with the typed text. `saved(action_id)` runs after a successful save.
    """

    def save(text: str) -> None:
        screen.app.store.update_action(action.id, **{column.field: text})

    title = f"{t(column.label)} · {party_name}"
    if column.field != "goal":
        title += f"\n”{one_line(action.goal, 90)}”"
    value = str(getattr(action, column.field))
    dialog = TextAreaPrompt(title, value, save=save) if column.long else TextPrompt(title, value, save=save)
    screen.app.push_screen(dialog, lambda text: saved(action.id) if text is not None else None)
