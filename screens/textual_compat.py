"""The one place the app reaches into Textual's private parts, each with why no public API serves.

Checked against Textual 8. Anything here is the first thing to look at when Textual is upgraded.
"""

from __future__ import annotations

from textual.dom import DOMNode


def remerge_bindings(cls: type[DOMNode]) -> None:
    """Recompute a class's merged bindings after its BINDINGS were rebuilt.

    Why private: Textual merges a class's BINDINGS with its bases' once, in `__init_subclass__`, into
    `_merged_bindings`; there is no public call to redo it. The screens' Footer labels are translated
    strings, so a screen class defined before the language was chosen (a test, an early import) must
    have its bindings rebuilt in the chosen language (keys.relabel_bindings) and merged again.
    """
    cls._merged_bindings = cls._merge_bindings()  # type: ignore[attr-defined]
