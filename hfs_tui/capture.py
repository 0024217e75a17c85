"""The capture line's grammar: a leading mark picks the note's category, the rest is the text.

`+` strength, `-` improvement area, `*` good example to take home, `!` lesson, `>` improvement
action; no mark, a plain note. Pure, so the meeting screen and its tests share one definition.
"""

from __future__ import annotations

from .model import Category

_MARKS = {category.mark: category for category in Category if category.mark}


def parse_capture(line: str) -> tuple[Category, str]:
    stripped = line.strip()
    if stripped and stripped[0] in _MARKS:
        return _MARKS[stripped[0]], stripped[1:].strip()
    return Category.NOTE, stripped


def capture_prefix(category: Category) -> str:
    """What the capture line starts with when it is opened for `category`."""
    return f"{category.mark} " if category.mark else ""
