"""The notes captured for the current question: category mark and word, owner, report and share flags.

The list can hold a second group under a heading (the other slot's notes) and can leave the bookkeeping
out (`quiet`, the presenter view: no owner, no report or share labels). A click selects a note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding

from hfs_tui.i18n import t
from hfs_tui.model import Category, Note, Party, Share
from hfs_tui.safe_text import one_line

from ..marks import CATEGORY_STYLE, CATEGORY_SYMBOL, category_label
from .wrapped_text import WrappedText


def note_row(note: Note, owner: Party, quiet: bool = False) -> Text:
    """Mark and word first (never colour alone), then the text, then owner and flags in a dim tail
    (`quiet`: no tail, what the participants see)."""
    row = Text()
    row.append(
        f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}: ", style=CATEGORY_STYLE[note.category]
    )
    row.append(one_line(note.text))
    if quiet:
        return row
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
    note_blocks: list[int] = []  # the block each note is shown in (headings are blocks too); [] = the same index

    def show_notes(
        self,
        notes: Sequence[Note],
        parties: Mapping[int, Party],
        keep_note_id: int | None = None,
        pending: Sequence[tuple[Category, str]] = (),
        *,
        later: Sequence[Note] = (),
        later_title: str = "",
        quiet: bool = False,
    ) -> None:
        """The saved notes (selectable), then `later` under the heading `later_title` (the other slot's notes),
        then the notes not saved yet (`pending`: category and text)."""
        blocks: list[Text] = []
        self.note_ids, self.note_blocks = [], []
        for note in notes:
            self._add(blocks, note, parties, quiet)
        if later:
            heading = Text(later_title, style="hfs.muted")
            heading.stylize("bold")
            blocks.append(heading)
            for note in later:
                self._add(blocks, note, parties, quiet)
        waiting = [pending_row(category, text) for category, text in pending]
        if not self.note_ids:
            empty = t("meeting.no_notes_quiet" if quiet else "meeting.no_notes")  # no key hints on a shared screen
            self.show(waiting or [Text(empty, style="italic")])
            self.highlight(None)
            return
        self.show(blocks + waiting)
        target = keep_note_id if keep_note_id in self.note_ids else self.note_ids[len(notes) - 1 if notes else 0]
        self.select(self.note_ids.index(target))

    def _add(self, blocks: list[Text], note: Note, parties: Mapping[int, Party], quiet: bool) -> None:
        self.note_ids.append(note.id)
        self.note_blocks.append(len(blocks))
        blocks.append(note_row(note, parties[note.party_id], quiet))

    def _blocks_of_notes(self) -> list[int]:
        return self.note_blocks if self.note_blocks else list(range(len(self.note_ids)))

    @property
    def selected(self) -> int | None:
        """Index into note_ids of the highlighted note, None when none is."""
        blocks = self._blocks_of_notes()
        return blocks.index(self.highlighted_block) if self.highlighted_block in blocks else None

    def select(self, index: int) -> None:
        self.highlight(self._blocks_of_notes()[index])

    def action_move(self, delta: int) -> None:
        if self.selected is not None:
            self.select(max(0, min(len(self.note_ids) - 1, self.selected + delta)))

    def on_click(self, event: events.Click) -> None:
        """A click on a note selects it (a click on a heading or below the notes does nothing)."""
        offset = event.get_content_offset(self)
        block = None if offset is None else self.block_at(offset.y + round(self.scroll_y))
        blocks = self._blocks_of_notes()
        if block in blocks:
            self.select(blocks.index(block))
            self.focus()

    def block_at(self, line: int) -> int | None:
        """The block shown on wrapped line `line`, or None past the end."""
        lines = self._lines  # WrappedText's (block, start, end) per wrapped line
        return lines[line][0] if 0 <= line < len(lines) else None

    @property
    def selected_note_id(self) -> int | None:
        if self.selected is None or not self.note_ids:
            return None
        return self.note_ids[self.selected]
