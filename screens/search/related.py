"""In the meeting: what other reviews released to the network for this question, and `/` to search.

`ctrl+n` opens a dialog listing, for the current question, the notes other reviews of this database
released to the network (store.released_elsewhere: shared, in the report, not deleted, never of this
review), good examples and strengths first, each with its party and review, so the facilitator can say
"Region X solved this with …". The dialog only shows what it was given; the caller reads the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_tui.i18n import t
from hfs_tui.model import Question
from hfs_tui.safe_text import clean, one_line
from hfs_tui.store.related import ReleasedNote

from ..keys import KeyAction, bindings
from .screen import SearchScreen

if TYPE_CHECKING:
    from hfs_tui.store.search import SearchHit

    from ..meeting import MeetingScreen

RELATED_KEYS = (
    KeyAction("escape,ctrl+n,q", "close", "related.key.close", key_display="esc"),
    KeyAction("down,j", "scroll(1)", "related.key.down", key_display="↓", show=False),
    KeyAction("up,k", "scroll(-1)", "related.key.up", key_display="↑", show=False),
)


def notes_text(notes: Sequence[ReleasedNote]) -> Text:
    """The notes grouped by category in the given order; each note, then its party and review, dimmed."""
    text = Text()
    category = None
    for note in notes:
        if note.category != category:
            category = note.category
            if text:
                text.append("\n")
            text.append(t(f"category.{category.value}") + "\n", style="bold underline")
        for index, line in enumerate(clean(note.text).splitlines() or [""]):
            text.append(("• " if index == 0 else "  ") + line + "\n")
        text.append(f"  {one_line(note.party_name, 50)} · {one_line(note.review_title, 100)}\n", style="dim italic")
    text.rstrip()
    return text


class ReleasedElsewhereDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    ReleasedElsewhereDialog { align: center middle; }
    ReleasedElsewhereDialog #related-box {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ReleasedElsewhereDialog #related-title { text-style: bold; }
    ReleasedElsewhereDialog #related-scope { color: $text-muted; margin-bottom: 1; }
    ReleasedElsewhereDialog #related-notes { height: auto; max-height: 100%; }
    ReleasedElsewhereDialog #related-close { color: $text-muted; margin-top: 1; }
    """
    KEY_ACTIONS = RELATED_KEYS
    BINDINGS = bindings(RELATED_KEYS)

    def __init__(self, question: Question, notes: Sequence[ReleasedNote]) -> None:
        super().__init__()
        self.question = question
        self.notes = list(notes)

    def compose(self) -> ComposeResult:
        with Vertical(id="related-box"):
            heading = t("related.title", number=self.question.number)
            yield Static(Text(heading + " " + one_line(self.question.text, 80)), id="related-title")
            yield Static(Text(t("related.scope")), id="related-scope")
            with VerticalScroll(id="related-notes"):
                body = notes_text(self.notes) if self.notes else Text(t("related.none"))
                yield Static(body, id="related-list")
            yield Static(Text(t("related.close")), id="related-close")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#related-notes", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def show_released_elsewhere(screen: MeetingScreen, question: Question | None) -> None:
    """Open the dialog for `question` (the meeting's current one); a failing read is one line (base.py)."""
    if question is None:
        screen.notify(t("related.no_question"), timeout=3, markup=False)
        return
    notes = screen.store.released_elsewhere(question.id)
    screen.app.push_screen(ReleasedElsewhereDialog(question, notes))


def search_from_meeting(screen: MeetingScreen) -> None:
    """`/` in the meeting: search from this review's perspective; a hit of this review moves to its question."""

    def chosen(hit: SearchHit | None) -> None:
        if hit is not None and hit.review_id == screen.review.id and hit.question_id is not None:
            screen.jump_to_question(hit.question_id)

    screen.app.push_screen(SearchScreen(for_review_id=screen.review.id, open_hits=False), chosen)
