"""The export screen's widgets: the report agreement (notes with their flags), the document preview, the part boxes."""

from __future__ import annotations

from rich.cells import cell_len
from rich.markdown import Heading
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from rich.theme import Theme
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Checkbox, Static

from hfs_tui.i18n import t
from hfs_tui.minutes import MeetingRecord, markdown_parser
from hfs_tui.model import Note, Party, Share
from hfs_tui.safe_text import one_line, plain

from ..marks import CATEGORY_STYLE, CATEGORY_SYMBOL, category_label
from ..widgets.wrapped_text import WrappedText


def agreement_row(record: MeetingRecord, note: Note) -> Text:
    """Flags first, in words (never colour alone), then category, question and the note's text."""
    row = Text()
    if note.in_report:
        row.append(t("export.in_report"), style="hfs.plus")
    else:
        row.append(t("export.not_in_report"), style="hfs.muted")
    row.append("  ")
    if note.share is Share.NETWORK:
        row.append(t("export.network"), style="bold" if note.in_report else "hfs.muted")
    else:
        row.append(t("export.internal"), style="hfs.muted")
    question = record.question_of(note)
    where = t("export.question", number=question.number) if question else t("export.general")
    row.append(
        f"\n{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}", style=CATEGORY_STYLE[note.category]
    )
    row.append(f" · {one_line(where)}: ", style="italic")
    row.append(one_line(note.text))
    return row


def party_heading(party: Party, notes: list[Note]) -> Text:
    agreed = [n for n in notes if n.in_report]
    shared = sum(1 for n in agreed if n.share is Share.NETWORK)
    line = t("export.party_summary", party=one_line(party.name), in_report=len(agreed), count=len(notes), shared=shared)
    return plain(line, style="bold reverse")


class AgreementList(WrappedText):
    """Every live note of the meeting, grouped by owning party; up/down select, the screen's keys flag it.

    Party headings are blocks too, so `note_ids` holds None for them and moving skips them. Up and down
    select rather than scroll (the list scrolls to keep the selection in view).
    """

    BINDINGS = [Binding("up", "move(-1)", show=False), Binding("down", "move(1)", show=False)]

    note_ids: list[int | None] = []

    def show_record(self, record: MeetingRecord, keep_note_id: int | None = None) -> None:
        blocks: list[Text] = []
        self.note_ids = []
        for party in record.parties:
            notes = [n for n in record.live_notes if n.party_id == party.id]
            if not notes:
                continue
            blocks.append(party_heading(party, notes))
            self.note_ids.append(None)
            for note in notes:
                blocks.append(agreement_row(record, note))
                self.note_ids.append(note.id)
        if not blocks:
            self.note_ids = []
            self.show([Text(t("export.no_notes"), style="italic")])
            self.highlight(None)
            return
        previous_scroll = self.scroll_y
        self.show(blocks)
        self.scroll_to(y=previous_scroll, animate=False, immediate=True)
        ids = [i for i in self.note_ids if i is not None]
        target = keep_note_id if keep_note_id in ids else ids[0]
        self.highlight(self.note_ids.index(target))

    def action_move(self, delta: int) -> None:
        if self.highlighted_block is None:
            return
        index = self.highlighted_block + delta
        while 0 <= index < len(self.note_ids) and self.note_ids[index] is None:
            index += delta
        if 0 <= index < len(self.note_ids):
            self.highlight(index)
        elif delta < 0:
            self.scroll_home(animate=False)  # show the first party's heading above the first note

    @property
    def selected_note_id(self) -> int | None:
        if self.highlighted_block is None or not self.note_ids:
            return None
        return self.note_ids[self.highlighted_block]


class PartBox(Checkbox):
    """A checkbox whose mark shows its state as a glyph (✓ or blank), not by colour alone."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = "✓" if self.value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        super().watch_value()


class _Heading(Heading):
    """Every heading left-aligned, like the outline of the written file (Rich centres level 1)."""

    LEVEL_ALIGN = {tag: "left" for tag in Heading.LEVEL_ALIGN}


class PreviewMarkdown(RichMarkdown):
    """Rich's Markdown, parsed by the export's own parser (CommonMark, tables, raw HTML off, no linkify)
    and without hyperlinks: the text is the users', so nothing in it may become a link or an action."""

    elements = {**RichMarkdown.elements, "heading_open": _Heading}

    def __init__(self, markup: str) -> None:
        super().__init__("", hyperlinks=False)
        self.markup = markup
        self.parsed = markdown_parser().parse(markup)
        for token in self.parsed:
            if token.type == "inline" and token.children:
                _space_into_label(token.children)


def _space_into_label(children: list) -> None:
    """`**Datum:** tisdag`: the space after a bold label goes to the end of the label's own text.

    Drawn as separate runs, a run that starts with a space lost it where runs are placed one by one (the
    preview read "Datum:tisdag"); at the end of the bold run the space keeps its cell."""
    for index in range(1, len(children) - 1):
        before, close, after = children[index - 1], children[index], children[index + 1]
        if close.type == "strong_close" and before.type == "text" and after.type == "text":
            if after.content.startswith(" "):
                before.content += " "
                after.content = after.content[1:]


class DocumentView(ScrollView, can_focus=True):
    """The document rendered once per text and width, drawn line by line (Textual's Line API).

    Textual's Markdown widget mounts a widget per block: minutes of a 50-note meeting took seconds
    to show after every toggle. Rendering with Rich into strips takes a tenth of a second for 120 notes.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        self._strips: list[Strip] = []
        self._width = -1

    def show(self, markdown: str) -> None:
        if markdown != self.source:
            self.source, self._width = markdown, -1
            self._render_document()

    def on_resize(self) -> None:
        self._render_document()

    def notify_style_update(self) -> None:
        """A new theme: the rendered lines hold the old theme's colours, so render them again."""
        super().notify_style_update()
        self._width = -1
        self._render_document()

    def _render_document(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        console = self.app.console
        with console.use_theme(self._heading_styles()):
            lines = console.render_lines(PreviewMarkdown(self.source), console.options.update_width(width), pad=False)
        self._strips = [Strip(line) for line in lines]
        self.virtual_size = Size(width, len(self._strips))
        self.refresh()

    def _heading_styles(self) -> Theme:
        """Headings in the app theme's colours, bold and not underlined (an underline reads as a link)."""
        colours = self.app.theme_variables
        return Theme(
            {
                "markdown.h1": f"bold reverse {colours['text-primary']}",
                "markdown.h2": f"bold {colours['text-primary']}",
                "markdown.h3": f"bold {colours['text-accent']}",
                "markdown.item.bullet": colours["text-primary"],
                "markdown.table.border": colours["text-secondary"],
                "markdown.table.header": "bold",
            }
        )

    @property
    def lines(self) -> list[str]:
        """The rendered lines as plain text (what a reader sees, for tests)."""
        return [strip.text for strip in self._strips]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self._strips):
            return Strip.blank(width, self.rich_style)
        return self._strips[index].apply_style(self.rich_style).crop_extend(scroll_x, scroll_x + width, self.rich_style)


class DocumentPreview(Vertical):
    """The chosen document as the reader will see it: tabs (1-4) over the scrolling document."""

    titles: list[str] = []
    index = 0

    def compose(self) -> ComposeResult:
        yield Static(id="preview-tabs")
        yield DocumentView(id="preview-document")

    def show(self, titles: list[str], index: int, markdown: str) -> None:
        self.titles, self.index = titles, index
        self.show_tabs()
        self.query_one(DocumentView).show(markdown)

    def on_resize(self) -> None:
        self.show_tabs()

    def show_tabs(self) -> None:
        """One line of tabs, broken only between tabs when the pane is narrow."""
        width = self.query_one("#preview-tabs").content_size.width or 1000
        tabs, used = Text(), 0
        for number, title in enumerate(self.titles):
            label = f" {number + 1} {one_line(title, 24)} "
            if used and used + 1 + cell_len(label) > width:
                tabs.append("\n")
                used = 0
            elif used:
                tabs.append(" ")
                used += 1
            tabs.append(label, style="bold reverse" if number == self.index else "")
            used += cell_len(label)
        self.query_one("#preview-tabs", Static).update(tabs)

    @property
    def source(self) -> str:
        return self.query_one(DocumentView).source
