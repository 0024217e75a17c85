"""A scrolling block of long text that wraps once per width and draws only the visible lines.

A Static re-wraps its whole content on every layout pass; for two 2,000-word answers that costs more
than a question change may take. This widget (Textual's Line API, like Textual's own Log) wraps to
line offsets once per text and width, and builds a line's segments only when that line is on screen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

_WORD = re.compile(r"\S+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells, as (start, end) offsets into `text`; long words are cut."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        # Most text is single-width throughout; then a word's length is its width (much faster).
        narrow = cell_len(paragraph) == len(paragraph)
        measure = len if narrow else cell_len
        start = end = position
        length = 0
        indent = len(paragraph) - len(paragraph.lstrip(" "))
        if indent:
            end, length = position + indent, indent
        for match in _WORD.finditer(paragraph):
            word_start, word_end = position + match.start(), position + match.end()
            size = measure(match.group())
            if length and length + 1 + size > width:
                lines.append((start, end))
                start, length = word_start, 0
            elif not length:
                start = word_start if not indent else start
            while size > width:  # a word wider than the line is cut into pieces
                cut = _cut_point(text, word_start, word_end, width - length if length else width, measure)
                lines.append((start, cut))
                start = word_start = cut
                size, length = measure(text[cut:word_end]), 0
            length += (1 if length else 0) + size
            end = word_end
        lines.append((start, end))
        position += len(paragraph) + 1
    return lines


def _cut_point(text: str, start: int, end: int, room: int, measure) -> int:
    used = 0
    for index in range(start, end):
        used += measure(text[index])
        if used > room:
            return max(index, start + 1)
    return end


class WrappedText(ScrollView, can_focus=True):
    """Shows a sequence of Rich Text blocks; one block may be highlighted (a selected note)."""

    COMPONENT_CLASSES = {"wrapped-text--highlight"}
    DEFAULT_CSS = """
    WrappedText {
        /* The lines are wrapped to the width left beside the scrollbar: keep that width the same whether or
           not the scrollbar shows, or a scrollbar appearing after the wrap cuts the line ends off. */
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    WrappedText > .wrapped-text--highlight {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks: list[Text] = []
        self._lines: list[tuple[int, int, int]] = []  # (block, start, end)
        self._first_line_of_block: list[int] = []
        self._strip_cache: dict[int, Strip] = {}
        self._wrapped_width = -1
        self.highlighted_block: int | None = None

    def show(self, blocks: Sequence[Text]) -> None:
        self._blocks = list(blocks)
        self._wrapped_width = -1
        self._rewrap()
        self.scroll_home(animate=False)

    @property
    def lines(self) -> list[str]:
        """The wrapped lines as plain text (what a reader sees, for tests)."""
        return [self._blocks[block].plain[start:end] for block, start, end in self._lines]

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        """A new theme: cached lines hold the old theme's colours (named `hfs.*` styles), so draw them again."""
        super().notify_style_update()
        self._strip_cache = {}

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines, self._first_line_of_block = [], []
        for number, block in enumerate(self._blocks):
            self._first_line_of_block.append(len(self._lines))
            self._lines += [(number, start, end) for start, end in wrap_offsets(block.plain, width)]
        self._strip_cache = {}
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _strip(self, index: int) -> Strip:
        strip = self._strip_cache.get(index)
        if strip is None:
            number, start, end = self._lines[index]
            block = self._blocks[number]
            if block.spans:
                segments = list(block[start:end].render(self.app.console))
            else:
                segments = [Segment(block.plain[start:end], self.app.console.get_style(block.style or ""))]
            strip = self._strip_cache[index] = Strip(segments)
        return strip

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        rich_style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, rich_style)
        if self.highlighted_block is not None and self._lines[index][0] == self.highlighted_block:
            rich_style += self.get_component_rich_style("wrapped-text--highlight")
        strip = self._strip(index).apply_style(rich_style)
        return strip.crop_extend(scroll_x, scroll_x + width, rich_style)

    def highlight(self, block: int | None) -> None:
        """Mark one block (the selected note) and scroll it into view."""
        self.highlighted_block = block
        if block is not None and block < len(self._first_line_of_block):
            first = self._first_line_of_block[block]
            following = block + 1 < len(self._first_line_of_block)
            last = (self._first_line_of_block[block + 1] if following else len(self._lines)) - 1
            height = self.scrollable_content_region.height
            if first < self.scroll_y:
                self.scroll_to(y=first, animate=False)
            elif last >= self.scroll_y + height:
                self.scroll_to(y=max(first, last - height + 1), animate=False)
        self.refresh()
