"""The notes captured for the current question: category mark and word, owner, report and share flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding

from hfs_tui.i18n import t
from hfs_tui.model import Category, Note, Party, Share
from hfs_tui.safe_text import one_line

from ..marks import CATEGORY_STYLE, CATEGORY_SYMBOL, category_label
from .wrapped_text import WrappedText


def note_row(note: Note, owner: Party) -> Text:
    """Mark and word first (never colour alone), then the text, then owner and flags in a dim tail."""
    row = Text()
    row.append(
        f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}: ", style=CATEGORY_STYLE[note.category]
    )
    row.append(one_line(note.text))
    flags = [
        one_line(owner.name, 24),
        ("✓ " + t("meeting.in_report")) if note.in_report else t("meeting.not_in_report"),
        t("meeting.shared") if note.share == Share.NETWORK else t("meeting.internal"),
    ]
    row.append("  (" + " · ".join(flags) + ")", style="italic" if note.in_report else "hfs.muted")
    return row


def pending_row(category: Category, text: str) -> Text:
    """A note the store refused: shown under the saved ones, marked, never mixed into another note."""
    row = Text()
    row.append(f"⚠ {t('meeting.not_saved')} ", style="hfs.minus")
    row.append(f"{CATEGORY_SYMBOL[category]} {category_label(category)}: ", style=CATEGORY_STYLE[category])
    row.append(one_line(text))
    return row


def owner_switched_text(owner: Party, withdrawn: bool) -> str:
    """What `o` did, in one line: a note handed to the other party is its internal note, out of the report;
    when the old owner had agreed or released it, the line says that this was withdrawn."""
    key = "meeting.owner_switched_internal" if withdrawn else "meeting.owner_switched"
    return t(key, party=one_line(owner.name))


class NoteList(WrappedText):
    """Up/down select a note; the screen's keys act on the selected one. Enter opens the capture line."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("enter", "screen.capture('note')", show=False),
    ]

    note_ids: list[int] = []

    def show_notes(
        self,
        notes: Sequence[Note],
        parties: Mapping[int, Party],
        keep_note_id: int | None = None,
        pending: Sequence[tuple[Category, str]] = (),
    ) -> None:
        """The saved notes (selectable), then the notes not saved yet (`pending`: category and text)."""
        self.note_ids = [note.id for note in notes]
        waiting = [pending_row(category, text) for category, text in pending]
        if not notes:
            self.show(waiting or [Text(t("meeting.no_notes"), style="italic")])
            self.highlight(None)
            return
        self.show([note_row(note, parties[note.party_id]) for note in notes] + waiting)
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
