"""The notes captured for the current question: category mark and word, owner, report and share flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hfs_tui.i18n import t
from hfs_tui.model import Category, Note, Party, Share
from hfs_tui.safe_text import one_line

CATEGORY_SYMBOL = {
    Category.STRENGTH: "+",
    Category.IMPROVEMENT: "−",
    Category.GOOD_EXAMPLE: "*",
    Category.LESSON: "!",
    Category.ACTION: ">",
    Category.NOTE: "·",
}
CATEGORY_COLOUR = {
    Category.STRENGTH: "green",
    Category.IMPROVEMENT: "dark_orange",
    Category.GOOD_EXAMPLE: "cyan",
    Category.LESSON: "magenta",
    Category.ACTION: "bright_blue",
    Category.NOTE: "",
}


def category_label(category: Category) -> str:
    return t(f"category.{category.value}")


def note_row(note: Note, owner: Party) -> Text:
    """Mark and word first (never colour alone), then the text, then owner and flags in a dim tail."""
    row = Text()
    row.append(f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}: ", style=f"bold {CATEGORY_COLOUR[note.category]}")
    row.append(one_line(note.text))
    flags = [
        one_line(owner.name, 24),
        ("✓ " + t("meeting.in_report")) if note.in_report else t("meeting.not_in_report"),
        t("meeting.shared") if note.share == Share.NETWORK else t("meeting.internal"),
    ]
    row.append("  (" + " · ".join(flags) + ")", style="italic" if note.in_report else "dim italic")
    return row


class NoteList(OptionList):
    """Up/down select a note; the screen's keys act on the highlighted one.

    Enter opens the capture line for a plain note, as it does everywhere on the meeting screen.
    """

    BINDINGS = [Binding("enter", "screen.capture('note')", show=False)]

    def show(self, notes: Sequence[Note], parties: Mapping[int, Party], keep_note_id: int | None = None) -> None:
        self.clear_options()
        if not notes:
            self.add_option(Option(Text(t("meeting.no_notes"), style="italic"), id="empty", disabled=True))
            return
        self.add_options([Option(note_row(note, parties[note.party_id]), id=str(note.id)) for note in notes])
        ids = [note.id for note in notes]
        target = keep_note_id if keep_note_id in ids else ids[-1]
        self.highlighted = ids.index(target)

    @property
    def selected_note_id(self) -> int | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.id == "empty" else int(option.id)
