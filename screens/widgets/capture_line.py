"""The capture line: Enter hands the typed line over in key order.

Input's own Enter runs as a binding in the app's task, while the next characters go on arriving in
the input's queue; a fast typist (or a burst of keys) could then save one note with the next one's
text in it. Handling Enter in the input's own key handler keeps every note exactly as typed.

The line is a `SafeInput`: a note opened for editing is shown with its control characters as
visible symbols, and `Captured.text` is the text to store (the note's own characters where untouched).
"""

from __future__ import annotations

from textual import events
from textual.message import Message

from ..keys import CAPTURE_LINE_KEYS, bindings
from .editors import SafeInput


class CaptureLine(SafeInput):
    # while typing, the Footer says what esc does here: back to browsing the notes (the screen's leave)
    KEY_ACTIONS = CAPTURE_LINE_KEYS
    BINDINGS = bindings(CAPTURE_LINE_KEYS)

    class Captured(Message):
        def __init__(self, line: CaptureLine, text: str) -> None:
            super().__init__()
            self.line = line
            self.text = text

        @property
        def control(self) -> CaptureLine:
            """Lets handlers select the line with `@on(CaptureLine.Captured, "#id")`."""
            return self.line

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler (the subclass comes first); prevent_default keeps
        # Input from handling this Enter, every other key goes on to it.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.submit()

    def submit(self) -> None:
        """Hand the line over (as Enter does) and start the next one empty."""
        text = self.stored_value
        self.set_stored("")
        self.post_message(self.Captured(self, text))

    def give_back(self, text: str) -> None:
        """Put text that could not be saved back in front of whatever was typed since."""
        typed = self.stored_value
        self.set_stored(f"{text} {typed}".rstrip() if typed else text)
