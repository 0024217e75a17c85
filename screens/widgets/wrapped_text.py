"""A scrolling block of long text that wraps once per width and draws only the visible lines.

A Static re-wraps its whole content on every layout pass; for two 2,000-word answers that costs more
than a question change may take. This widget (Textual's Line API, like Textual's own Log) wraps to
line offsets once per text and width, and builds a line's segments only when that line is on screen.

What a question change costs here, and how it is kept small:
- wrapping: kept per (text, width) in a small LRU cache, so going back to a question (or to one that
  was `prefetch`ed) wraps nothing; a text not in the cache is wrapped lazily, the lines on screen and a
  margin first and the rest right after the first paint;
- drawing: the widget's style is computed once per render (not per line), and finished lines are kept
  per (text, line, width, style) in an LRU cache.
Nothing can go stale: a changed text or width is a different key (resize and edits need no bookkeeping),
and a new theme clears the rendered lines (their colours come from the theme).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

_WORD = re.compile(r"\S+")
WRAP_CACHE_SIZE = 12
"""Wrapped texts kept per widget: the question shown, its neighbours and a few widths (a resize)."""
STRIP_CACHE_SIZE = 600
"""Finished lines kept per widget: the screenful of the question shown and of its neighbours, scrolled a bit."""
LAZY_MARGIN = 40
"""Lines wrapped beyond the visible ones before the first paint of a text not yet wrapped."""

LAZY_TEXT = 4000
"""Characters left unwrapped after the visible lines from which wrapping them waits until after the paint."""

BlockKey = tuple


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells, as (start, end) offsets into `text`; long words are cut."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        # Most text is single-width throughout; then a word's length is its width (much faster).
        narrow = cell_len(paragraph) == len(paragraph)
        if narrow and _plain_prose(paragraph) and _wrap_prose(paragraph, width, position, lines):
            position += len(paragraph) + 1
            continue
        measure = len if narrow else cell_len
        start = end = position
        length = 0
        indent = len(paragraph) - len(paragraph.lstrip(" "))
        if indent:
            end, length = position + indent, indent
        for match in _WORD.finditer(paragraph):
            word_start, word_end = position + match.start(), position + match.end()
            size = measure(match.group())
            gap = measure(text[end:word_start]) if length else 0  # the spaces before it, as many as there are
            if length and length + gap + size > width:
                lines.append((start, end))
                start, length, gap = word_start, 0, 0
            elif not length:
                start = word_start if not indent else start
            while size > width:  # a word wider than the line is cut into pieces
                cut = _cut_point(text, word_start, word_end, width - length - gap if length else width, measure)
                lines.append((start, cut))
                start = word_start = cut
                size, length, gap = measure(text[cut:word_end]), 0, 0
            length += gap + size
            end = word_end
        lines.append((start, end))
        position += len(paragraph) + 1
    return lines


def _plain_prose(paragraph: str) -> bool:
    """Words between single spaces, no indent, no tab: the fast path wraps it exactly as the careful one."""
    return paragraph.isprintable() and not paragraph.startswith(" ") and "  " not in paragraph


@lru_cache(maxsize=64)
def _line_pattern(width: int) -> re.Pattern[str]:
    """The longest run of at most `width` characters from a word's start to a word's end."""
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?= |$)" if width >= 2 else r"\S(?= |$)")


def _wrap_prose(paragraph: str, width: int, position: int, lines: list[tuple[int, int]]) -> bool:
    """Greedy wrap of a single-width paragraph by one regular-expression match per line (C speed).

    False (and nothing added) when a word is wider than the line: the careful path cuts it.
    """
    match = _line_pattern(width).match
    found: list[tuple[int, int]] = []
    at, size = 0, len(paragraph)
    while at < size:
        line = match(paragraph, at)
        if line is None:
            return False
        found.append((position + at, position + line.end()))
        at = line.end() + 1  # the one space between words
    lines += found or [(position, position)]
    return True


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
        self._keys: list[BlockKey] = []
        self._lines: list[tuple[int, int, int]] = []  # (block, start, end)
        self._first_line_of_block: list[int] = []
        self._wrapped_blocks = 0  # blocks of _blocks wrapped into _lines so far (lazy wrapping)
        self._wrapped_width = -1
        self._wrap_cache: LRUCache[tuple[BlockKey, int], list[tuple[int, int]]] = LRUCache(WRAP_CACHE_SIZE)
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(STRIP_CACHE_SIZE)
        self._style: Style | None = None  # this render's widget style (None: compute it on the next render)
        self._highlight_style: Style | None = None
        self.highlighted_block: int | None = None

    def show(self, blocks: Sequence[Text]) -> None:
        self._blocks = list(blocks)
        self._keys = [_block_key(block) for block in self._blocks]
        self._wrapped_width = -1
        self._rewrap()
        self.scroll_home(animate=False)

    def prefetch(self, blocks: Sequence[Text]) -> None:
        """Wrap `blocks` at the current width into the cache, without showing them (a neighbouring question)."""
        width = self.scrollable_content_region.width
        if width > 0:
            for block in blocks:
                self._wrapped(_block_key(block), block, width)

    @property
    def lines(self) -> list[str]:
        """The wrapped lines as plain text (what a reader sees, for tests)."""
        self._wrap_more(None)
        return [self._blocks[block].plain[start:end] for block, start, end in self._lines]

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        """A new theme: cached lines hold the old theme's colours (named `hfs.*` styles), so draw them again."""
        super().notify_style_update()
        self._strip_cache.clear()
        self._style = None

    # ------------------------------------------------------------ wrapping

    def _wrapped(self, key: BlockKey, block: Text, width: int) -> list[tuple[int, int]]:
        offsets = self._wrap_cache.get((key, width))
        if offsets is None:
            offsets = wrap_offsets(block.plain, width)
            self._wrap_cache.set((key, width), offsets)
        return offsets

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines, self._first_line_of_block, self._wrapped_blocks = [], [], 0
        # The lines on screen (and a margin) now; the rest after this paint, unless they are cached already.
        self._wrap_more(self.scroll_offset.y + self.scrollable_content_region.height + LAZY_MARGIN)
        if sum(len(block.plain) for block in self._blocks[self._wrapped_blocks :]) < LAZY_TEXT:
            self._wrap_more(None)  # a short rest: wrapped now, so the scroll height is exact at once (one layout)
        if self._wrapped_blocks < len(self._blocks):
            self.call_after_refresh(self._finish_wrap, self._blocks)
        self._set_virtual_height()

    def _wrap_more(self, lines_wanted: int | None) -> None:
        """Wrap blocks until `lines_wanted` lines exist (None: all); cached blocks cost nothing and are always taken."""
        width = self._wrapped_width
        if width <= 0:
            return
        lines, keys, blocks = self._lines, self._keys, self._blocks
        while self._wrapped_blocks < len(blocks):
            number = self._wrapped_blocks
            key = keys[number]
            if lines_wanted is not None and len(lines) >= lines_wanted and (key, width) not in self._wrap_cache:
                break
            self._first_line_of_block.append(len(lines))
            lines += [(number, start, end) for start, end in self._wrapped(key, blocks[number], width)]
            self._wrapped_blocks += 1

    def _finish_wrap(self, blocks: list[Text]) -> None:
        if blocks is self._blocks and self._wrapped_blocks < len(blocks):
            self._wrap_more(None)
            self._set_virtual_height()

    def _set_virtual_height(self) -> None:
        """The scroll height: exact once every block is wrapped, an estimate from the remaining text before."""
        height = len(self._lines)
        width = max(1, self._wrapped_width)
        for block in self._blocks[self._wrapped_blocks :]:
            height += len(block.plain) // width + 1
        size = Size(width, height)
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    # ------------------------------------------------------------ drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = None  # once per render: the widget's style may have changed (focus, classes, theme)
        return super().render_lines(crop)

    def _styles(self) -> tuple[Style, Style]:
        if self._style is None or self._highlight_style is None:
            self._style = self.rich_style
            self._highlight_style = self._style + self.get_component_rich_style("wrapped-text--highlight")
        return self._style, self._highlight_style

    def _finished_line(self, block: Text, start: int, end: int, width: int, style: Style) -> Strip:
        """One line in the widget's style, padded to the width (one Strip, few objects: most lines have no spans)."""
        console = self.app.console
        if not block.spans:
            text = block.plain[start:end]
            length = cell_len(text)
            if length <= width:
                line_style = style + console.get_style(block.style) if block.style else style
                segments = [Segment(text, line_style)]
                if length < width:
                    segments.append(Segment(" " * (width - length), style))
                return Strip(segments, width)
        strip = Strip(list(block[start:end].render(console))).apply_style(style)
        return strip.crop_extend(0, width, style)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y  # never scrolled sideways (overflow-x: hidden, lines fit the width)
        width = self.scrollable_content_region.width
        base, highlight = self._styles()
        if index >= len(self._lines):
            self._wrap_more(index + 1 + LAZY_MARGIN)  # scrolled past the lines wrapped so far
            if index >= len(self._lines):
                return Strip.blank(width, base)
        number, start, end = self._lines[index]
        style = highlight if number == self.highlighted_block else base
        key = (self._keys[number], start, end, width, style)
        strip = self._strip_cache.get(key)
        if strip is None:
            strip = self._finished_line(self._blocks[number], start, end, width, style)
            self._strip_cache.set(key, strip)
        return strip

    def highlight(self, block: int | None) -> None:
        """Mark one block (the selected note) and scroll it into view."""
        self.highlighted_block = block
        if block is not None:
            self._wrap_more(None)
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


def _block_key(block: Text) -> BlockKey:
    """What a block's wrapping and drawing depend on: its text, its style and its spans."""
    return (block.plain, str(block.style), tuple(block.spans))
