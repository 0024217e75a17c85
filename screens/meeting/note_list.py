"""The notes captured for the current question: category mark and word, owner, report and share flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding

from hfs_tui.i18n import t
from hfs_tui.model import Category, Note, Party, Share
from hfs_tui.safe_text import one_line

from ..wrapped_text import WrappedText

CATEGORY_SYMBOL = {
    Category.STRENGTH: "+",
    Category.IMPROVEMENT: "−",
    Category.GOOD_EXAMPLE: "*",
    Category.LESSON: "!",
    Category.ACTION: ">",
    Category.NOTE: "·",
}
# Named styles that follow the theme (screens/themes.py): bold, in a colour readable on dark and light.
CATEGORY_STYLE = {category: f"hfs.{category.value}" for category in Category}


def category_label(category: Category) -> str:
    return t(f"category.{category.value}")


def note_row(note: Note, owner: Party) -> Text:
    """Mark and word first (never colour alone), then the text, then owner and flags in a dim tail."""
    row = Text()
    row.append(f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}: ", style=CATEGORY_STYLE[note.category])
    row.append(one_line(note.text))
    flags = [
        one_line(owner.name, 24),
        ("✓ " + t("meeting.in_report")) if note.in_report else t("meeting.not_in_report"),
        t("meeting.shared") if note.share == Share.NETWORK else t("meeting.internal"),
    ]
    row.append("  (" + " · ".join(flags) + ")", style="italic" if note.in_report else "hfs.muted")
    return row


class NoteList(WrappedText):
    """Up/down select a note; the screen's keys act on the selected one. Enter opens the capture line."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("enter", "screen.capture('note')", show=False),
    ]

    note_ids: list[int] = []

    def show_notes(self, notes: Sequence[Note], parties: Mapping[int, Party], keep_note_id: int | None = None) -> None:
        self.note_ids = [note.id for note in notes]
        if not notes:
            self.show([Text(t("meeting.no_notes"), style="italic")])
            self.highlight(None)
            return
        self.show([note_row(note, parties[note.party_id]) for note in notes])
        target = keep_note_id if keep_note_id in self.note_ids else self.note_ids[-1]
        self.highlight(self.note_ids.index(target))

    def action_move(self, delta: int) -> None:
        if self.highlighted_block is not None:
            self.highlight(max(0, min(len(self.note_ids) - 1, self.highlighted_block + delta)))

    @property
    def selected_note_id(self) -> int | None:
        if self.highlighted_block is None or not self.note_ids:
            return None
        return self.note_ids[self.highlighted_block]
