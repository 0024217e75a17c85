"""The form of one action: every column of it at once, each field under its column's name.

A new action is written in this form with all its fields, and editing a cell opens the same form with
the cursor in that cell's field, so it is always visible which column the text goes into. Saving is one
store call (`save(values)` with every field); a refusal keeps the form open with the typed text. The keys
are every editor's: ctrl+s saves, esc cancels (and asks first when something was changed), tab and
shift+tab move between the fields, ⏎ in a one-line field goes on to the next field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from hfs_tui.i18n import t

from .editors import SafeInput, SafeTextArea
from .forms import FormDialog


class ActionForm(FormDialog[dict[str, str] | None]):
    """`fields` are (field, i18n label, long); returns the saved values (None when cancelled)."""

    # tab, shift+tab and ⏎ (in a one-line field) move on before the next key is handed out: with them as
    # priority bindings, text typed right after them (a fast typist, a paste, tmux) lands in the next field.
    BINDINGS = [
        Binding("ctrl+s", "save", show=False),
        Binding("escape", "cancel", show=False),
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[tuple[str, str, bool]],
        values: dict[str, str] | None = None,
        *,
        focus: str | None = None,
        save: Callable[[dict[str, str]], Any],
    ) -> None:
        super().__init__(title, t("actions.form_hint"))
        self.fields = tuple(fields)
        self.values = dict(values or {})
        self.focus_field = focus or self.fields[0][0]
        self.save = save

    def compose_fields(self) -> ComposeResult:
        with VerticalScroll(id="action-form-fields"):
            for field, label, long in self.fields:
                value = self.values.get(field, "")
                yield Label(Text(t(label)), classes="form-label action-form-label")
                if long:
                    yield SafeTextArea(value, soft_wrap=True, tab_behavior="focus", id=f"field-{field}")
                else:
                    yield SafeInput(value, select_on_focus=False, id=f"field-{field}")

    def on_mount(self) -> None:
        super().on_mount()
        widget = self.query_one(f"#field-{self.focus_field}")
        widget.focus()
        if isinstance(widget, SafeTextArea):
            widget.move_cursor(widget.document.end)
        elif isinstance(widget, SafeInput):
            widget.cursor_position = len(widget.value)

    def current(self) -> dict[str, str]:
        values = {}
        for field, _label, long in self.fields:
            widget = self.query_one(f"#field-{field}")
            values[field] = widget.stored_text if long else widget.stored_value  # type: ignore[attr-defined]
        return values

    @property
    def is_changed(self) -> bool:
        return any(value != self.values.get(field, "") for field, value in self.current().items())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # ⏎ in a multi-line field is a new line: the binding steps aside and the field gets the key.
        if action == "next_field":
            return isinstance(self.focused, SafeInput)
        return True

    def action_next_field(self) -> None:
        ids = [f"field-{field}" for field, _label, _long in self.fields]
        focused = self.focused
        index = ids.index(focused.id) if focused is not None and focused.id in ids else -1
        if 0 <= index < len(ids) - 1:
            self.set_focus(self.query_one(f"#{ids[index + 1]}"))  # at once (Widget.focus waits a turn)
        else:
            self.action_save()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # handled by the ⏎ binding

    def action_save(self) -> None:
        values = self.current()
        if self.attempt(self.save, values):
            self.dismiss(values)
