"""Invisible characters that could disguise user text in an exported file.

Decision: bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a note read
backwards or hide part of it ("Trojan source"), so they are shown as a visible mark `⟨U+202E⟩` where they
stood. Zero-width characters (U+200B–U+200F, U+FEFF) carry no text of their own, so they are removed.
Every renderer (Markdown, HTML, Word) passes user text through `visible`.
"""

from __future__ import annotations

import re

_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\ufeff]")


def visible(text: str) -> str:
    text = _ZERO_WIDTH.sub("", text)
    return _BIDI.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)
