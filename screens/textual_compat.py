"""The one place the app reaches into Textual's private parts, each with why no public API serves.

Checked against Textual 8. Anything here is the first thing to look at when Textual is upgraded.
"""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets.option_list import Option


def remerge_bindings(cls: type[DOMNode]) -> None:
    """Recompute a class's merged bindings after its BINDINGS were rebuilt.

    Why private: Textual merges a class's BINDINGS with its bases' once, in `__init_subclass__`, into
    `_merged_bindings`; there is no public call to redo it. The screens' Footer labels are translated
    strings, so a screen class defined before the language was chosen (a test, an early import) must
    have its bindings rebuilt in the chosen language (keys.relabel_bindings) and merged again.
    """
    cls._merged_bindings = cls._merge_bindings()  # type: ignore[attr-defined]


class PaletteWithOwnWords(CommandPalette):
    """Textual's command palette saying `no_matches` (in the app's language) when nothing is found.

    Why private: Textual draws its "No matches found" line in `_start_no_matches_countdown` with a fixed
    English text and no hook. This is that method with our words (textual/command.py, Textual 8).
    """

    def __init__(self, no_matches: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                line = Align.center(Text(self.no_matches, style="not bold"))
                self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
