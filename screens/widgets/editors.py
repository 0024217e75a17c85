"""Editors that never send stored text to the terminal raw.

Input and TextArea render their value as it is, so a stored answer holding `ESC ] 0 ; title BEL`
would retitle the terminal the moment it is opened for editing, and `ESC ] 52 ...` would write the
clipboard. These editors take the stored text, show `safe_text.to_editor(text)` (each control
character as one visible symbol) and give back `safe_text.from_editor(edited, stored)`: where the
user did not edit, exactly the stored characters come back. What the user types or pastes enters
the widget without control characters, so the widget's value never holds one.

Both take ctrl+a for select-all, as editors elsewhere do (Textual's own ctrl+a goes to the line start,
and an edit was appended to the old text): then typing replaces everything and backspace clears it.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit

from hfs_tui.safe_text import from_editor, strip_controls, to_editor


class SafeInput(Input):
    """A one-line editor for stored text: `stored_value` is what to save."""

    BINDINGS = [Binding("ctrl+a", "select_all", show=False)]

    def __init__(self, stored: str = "", **kwargs: Any) -> None:
        self.stored = stored
        super().__init__(to_editor(stored, single_line=True), **kwargs)

    def set_stored(self, stored: str) -> None:
        """Show another stored text (the editor starts over from it)."""
        self.stored = stored
        self.value = to_editor(stored, single_line=True)
        self.cursor_position = len(self.value)

    @property
    def stored_value(self) -> str:
        """The text to store: the stored characters where untouched, the typed ones elsewhere."""
        return from_editor(self.value, self.stored, single_line=True)

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insert, paste and delete goes through here: typed text never brings a control character in.
        super().replace(strip_controls(text, single_line=True), start, end)


class SafeTextArea(TextArea):
    """A multi-line editor for stored text: `stored_text` is what to save."""

    BINDINGS = [Binding("ctrl+a", "select_all", show=False)]

    def __init__(self, stored: str = "", **kwargs: Any) -> None:
        self.stored = stored
        super().__init__(to_editor(stored), **kwargs)

    @property
    def stored_text(self) -> str:
        return from_editor(self.text, self.stored)

    @property
    def is_changed(self) -> bool:
        return self.text != to_editor(self.stored)

    def edit(self, edit: Edit) -> Any:
        # Typing, pasting and undo all reach the document through `edit`.
        edit.text = strip_controls(edit.text)
        return super().edit(edit)
