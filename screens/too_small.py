"""Below 80x24 every screen shows one clear message instead of a squeezed, broken layout.

The app toggles its `-too-small` class on resize; CSS (styles/shared_screen.tcss) then shows this
widget over the whole screen. Each screen gets one when it becomes active, so dialogs are covered too.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from hfs_tui.i18n import t

MIN_WIDTH, MIN_HEIGHT = 80, 24


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmall(Static):
    """ "Make the window larger", with the size now and the size needed."""

    def show_size(self, size: Size) -> None:
        values = {"width": size.width, "height": size.height, "min_width": MIN_WIDTH, "min_height": MIN_HEIGHT}
        self.update(Text(t("too_small.message", **values)))


def cover(screen: Screen, size: Size) -> None:
    """Give `screen` its TooSmall (once) and show the current size on it."""
    found = screen.query(TooSmall)
    if found:
        found.first().show_size(size)
        return
    widget = TooSmall()
    widget.show_size(size)
    screen.mount(widget)
