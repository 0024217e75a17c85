"""The one place that makes user text safe to show, edit and print.

User text (answers, assessments, notes, names, imported files) is data, never markup: Textual's
widgets parse `[...]` as markup by default, so `[/]` crashes a render and `[@click=app.quit]` becomes
an action. No widget strips terminal control characters either, so an escape sequence in an answer
could retitle or clear the user's terminal or write its clipboard (OSC 52). So:

- screens show user text only as `plain(...)` (a Rich Text, never parsed as markup) or pass `clean(...)`
  into a `$variable` of `Content.from_markup`;
- a pre-filled editor gets `to_editor(text)` (each control character shown as one visible symbol) and
  saves `from_editor(edited, original)`, which puts back exactly the original characters where the
  user did not edit, and drops control characters the user pasted in;
- every line the CLI prints that holds stored or user-supplied text goes through `for_terminal(...)`.

Characters that reorder or hide text (bidi overrides and isolates, zero-width spaces, a stray BOM)
are made visible the same way, so nobody reads a sentence in a different order than it is stored.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls.
_CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings/overrides/isolates, zero-width space and direction marks, word joiner and
# invisible operators, BOM. (ZWNJ/ZWJ U+200C/D are left alone: real scripts and emoji need them.)
_INVISIBLE_CLASS = r"\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"

_CONTROL = re.compile(f"[{_CONTROL_CLASS}{_INVISIBLE_CLASS}]")
_CONTROL_ONE_LINE = re.compile(f"[\\t\\n{_CONTROL_CLASS}{_INVISIBLE_CLASS}]")

PLACEHOLDER_OTHER = "\ufffd"  # C1 controls (such as CSI 0x9b) and invisible formatting characters


def placeholder(char: str) -> str:
    """The one visible symbol that stands for a control or invisible character."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if char == "\n":
        return "\u2424"  # ␤ (only in one-line editors)
    return PLACEHOLDER_OTHER


def _visible(match: re.Match[str]) -> str:
    return placeholder(match.group())


def clean(text: str) -> str:
    """Replace control and invisible characters (but newline and tab) with harmless visible symbols."""
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


def for_terminal(text: str) -> str:
    """Text for a line the CLI prints: no escape sequence from the data ever reaches the terminal.

    Like the SQLite shell since 3.50, control characters are shown, not sent (ESC appears as ␛).
    Newlines stay (a multi-line value prints on several lines); carriage returns are shown.
    """
    return _CONTROL.sub(_visible, text)


# ---------------------------------------------------------------------------------------------
# Editors: Input and TextArea send their value to the terminal as it is, so a pre-filled editor
# must hold a visible version of the stored text, and saving must give back the stored text.


def to_editor(text: str, *, single_line: bool = False) -> str:
    """The stored text as an editor shows it: each control character becomes one visible symbol.

    The mapping is one character to one character, so `from_editor` can line the edited text up
    with the original. In a one-line editor (`Input`) newlines and tabs are shown as symbols too.
    """
    pattern = _CONTROL_ONE_LINE if single_line else _CONTROL
    return pattern.sub(_visible, text)


def strip_controls(text: str, *, single_line: bool = False) -> str:
    """Text typed or pasted into an editor, without control or invisible characters."""
    pattern = _CONTROL_ONE_LINE if single_line else _CONTROL
    return pattern.sub("", text)


def from_editor(edited: str, original: str, *, single_line: bool = False) -> str:
    """The text to store after editing `to_editor(original)` into `edited`.

    Where the user left the text alone, the original characters come back exactly (control
    characters included); what the user typed or pasted is kept without control characters.
    """
    shown = to_editor(original, single_line=single_line)
    if edited == shown:
        return original
    if shown == original:
        return strip_controls(edited, single_line=single_line)
    # Trim the common ends first: a typical edit touches one place, and the matcher then only
    # looks at the few characters around it.
    start = 0
    limit = min(len(shown), len(edited))
    while start < limit and shown[start] == edited[start]:
        start += 1
    end = 0
    while end < limit - start and shown[-1 - end] == edited[-1 - end]:
        end += 1
    head, tail = original[:start], original[len(original) - end :]
    middle_shown = shown[start : len(shown) - end]
    middle_edited = edited[start : len(edited) - end]
    middle_original = original[start : len(original) - end]
    parts = [head]
    matcher = SequenceMatcher(None, middle_shown, middle_edited, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(middle_original[i1:i2])
        elif op in ("replace", "insert"):
            parts.append(strip_controls(middle_edited[j1:j2], single_line=single_line))
    parts.append(tail)
    return "".join(parts)


def has_control(text: str) -> bool:
    """Whether the text holds a character `clean` would replace (control or invisible)."""
    return _CONTROL.search(text) is not None
