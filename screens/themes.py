"""Two high-contrast themes made for a shared screen, and the named styles that follow the theme.

Teams and Zoom send a shared terminal as compressed video (often 1280x720, colour at half resolution):
thin greys and dim text vanish, and two hues of equal brightness blur into one. So these themes use pure
black/white backgrounds, full-strength text (no 60 % "muted" greys), and colours that differ in
brightness too. Colour stays a second channel: every + / − and note category also shows a mark and a word.

Widgets that colour Rich `Text` (note categories, + / − assessments) use the named styles below
(`hfs.strength`, `hfs.plus`, ...) instead of fixed colours; the app re-derives them from the active
theme's variables, so they stay readable on light and dark themes alike.
"""

from __future__ import annotations

import weakref

from rich.console import Console
from rich.style import Style
from rich.theme import Theme as RichTheme
from textual.color import Color, ColorParseError
from textual.theme import Theme

CONTRAST_DARK = Theme(
    name="hfs-contrast-dark",
    dark=True,
    background="#000000",
    foreground="#FFFFFF",
    surface="#000000",
    panel="#262626",
    primary="#4DB2FF",
    secondary="#D59BFF",
    accent="#FFD60A",
    warning="#FF9F1C",
    error="#FF6666",
    success="#2EE66B",
    text_alpha=1.0,
    variables={
        "text-muted": "#E6E6E6",
        "text-disabled": "#B0B0B0",
        "foreground-muted": "#E6E6E6",
        "border": "#FFD60A",
        "border-blurred": "#A0A0A0",
        "block-cursor-background": "#0A4DA6",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#3A3A3A",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "footer-background": "#262626",
        "footer-key-foreground": "#FFD60A",
        "footer-description-foreground": "#FFFFFF",
        "scrollbar": "#8C8C8C",
        "scrollbar-hover": "#BDBDBD",
        "scrollbar-background": "#1A1A1A",
        "input-selection-background": "#0A4DA6",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
    },
)

CONTRAST_LIGHT = Theme(
    name="hfs-contrast-light",
    dark=False,
    background="#FFFFFF",
    foreground="#000000",
    surface="#FFFFFF",
    panel="#E0E0E0",
    primary="#005F73",
    secondary="#7A1FA2",
    accent="#003EA8",
    warning="#963C00",
    error="#A80000",
    success="#006B1B",
    text_alpha=1.0,
    variables={
        "text-muted": "#1A1A1A",
        "text-disabled": "#4D4D4D",
        "foreground-muted": "#1A1A1A",
        "border": "#003EA8",
        "border-blurred": "#5C5C5C",
        "block-cursor-background": "#B8D4FF",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#D9D9D9",
        "block-cursor-blurred-foreground": "#000000",
        "footer-background": "#E0E0E0",
        "footer-key-foreground": "#003EA8",
        "footer-description-foreground": "#000000",
        "scrollbar": "#5C5C5C",
        "scrollbar-hover": "#333333",
        "scrollbar-background": "#E0E0E0",
        "input-selection-background": "#B8D4FF",
        "input-cursor-background": "#000000",
        "input-cursor-foreground": "#FFFFFF",
    },
)

THEMES = (CONTRAST_DARK, CONTRAST_LIGHT)
# The key cycles through these; the palette's theme picker offers every registered theme.
CYCLE = ("textual-dark", CONTRAST_DARK.name, CONTRAST_LIGHT.name, "textual-light")

# Named style -> (theme variable for its colour, text style). Categories use `hfs.<category value>`.
_NAMED = {
    "hfs.strength": ("text-success", "bold"),
    "hfs.improvement": ("text-warning", "bold"),
    "hfs.good_example": ("text-accent", "bold"),
    "hfs.lesson": ("text-secondary", "bold"),
    "hfs.action": ("text-primary", "bold"),
    "hfs.note": (None, "bold"),
    "hfs.plus": ("text-success", "bold"),
    "hfs.minus": ("text-warning", "bold"),
    "hfs.muted": ("text-muted", "italic"),
    "hfs.error": ("text-error", "bold"),
}


def next_theme(current: str) -> str:
    """The theme after `current` in CYCLE (the first one when `current` is not in it)."""
    if current not in CYCLE:
        return CYCLE[0]
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]


def named_styles(variables: dict[str, str]) -> RichTheme:
    """The `hfs.*` styles for a theme's CSS variables (as returned by `App.get_css_variables`)."""
    background = _colour(variables.get("background"), Color(0, 0, 0)) or Color(0, 0, 0)
    foreground = _colour(variables.get("foreground"), background.inverse) or background.inverse
    styles = {}
    for name, (variable, text_style) in _NAMED.items():
        colour = _colour(variables.get(variable), None) if variable else None
        if variable == "text-muted" and colour is None:  # e.g. "auto 60%": mix it ourselves
            colour = foreground.blend(background, 0.35)
        styles[name] = Style.parse(text_style + (f" {colour.hex6}" if colour else ""))
    return RichTheme(styles, inherit=False)


def _colour(value: str | None, default: Color | None) -> Color | None:
    if not value:
        return default
    try:
        colour = Color.parse(value)
    except ColorParseError:
        return default
    return colour if colour.a == 1 else default


_pushed: weakref.WeakSet[Console] = weakref.WeakSet()


def use_named_styles(console: Console, variables: dict[str, str]) -> None:
    """Put the `hfs.*` styles for these theme variables on the console (replacing the previous ones)."""
    if console in _pushed:
        console.pop_theme()
    console.push_theme(named_styles(variables))
    _pushed.add(console)
