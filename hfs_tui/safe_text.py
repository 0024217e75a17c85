"""The one place that makes user text safe to show.

User text (answers, assessments, notes, names, imported files) is data, never markup: Textual's
widgets parse `[...]` as markup by default, so `[/]` crashes a render and `[@click=app.quit]` becomes
an action. No widget strips terminal control characters either, so an escape sequence in an answer
could retitle or clear the user's terminal. Screens show user text only as `plain(...)` (a Rich Text,
never parsed as markup) or pass `clean(...)` into a `$variable` of `Content.from_markup`.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls such as CSI (0x9b)


def clean(text: str) -> str:
    """Replace C0/C1 control characters (but newline and tab) with harmless visible symbols."""
    return _CONTROL.sub(_visible, text.replace("\r\n", "\n"))


def plain(text: str, style: str = "") -> Text:
    """User text as a Rich Text: shown literally, never parsed as markup."""
    return Text(clean(text), style=style)


def one_line(text: str, limit: int | None = None) -> str:
    """Cleaned text on one line (for list rows and notifications), cut with an ellipsis past `limit`."""
    flat = " ".join(clean(text).split())
    if limit is not None and len(flat) > limit:
        return flat[: max(0, limit - 1)].rstrip() + "…"
    return flat
