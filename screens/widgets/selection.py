"""Where a click in a list of wrapped blocks (notes, proposals) lands: which block it selects."""

from __future__ import annotations

from textual import events

from .wrapped_text import WrappedText


def block_at(widget: WrappedText, event: events.Click) -> int | None:
    """The block the click landed on, or None (on the padding, below the last one)."""
    offset = event.get_content_offset(widget)
    if offset is None:
        return None
    line = widget.scroll_offset.y + offset.y
    lines = widget._lines  # (block, start, end) per wrapped line, kept by WrappedText
    if 0 <= line < len(lines):
        return lines[line][0]
    return None
