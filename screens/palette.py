"""The app-wide command-palette entries, in the user's language.

Textual's own system commands (theme picker, screenshot, maximise) are shown under our translated names;
the ones our keys already cover (quit, the key panel that `?` replaces) are left out, and so is any
command a later Textual adds before it has a translation, so the palette never mixes languages.
Then the app keys (help, theme cycling) and one entry per high-contrast theme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider

from hfs_tui.i18n import t

from .keys import app_key_actions
from .themes import THEMES

# Textual's command title -> our i18n key (the key + ".help" is its description).
_TEXTUAL_COMMANDS = {
    "Theme": "palette.theme",
    "Screenshot": "palette.screenshot",
    "Maximize": "palette.maximize",
    "Minimize": "palette.minimize",
}


def app_commands(app: App, screen: Screen, run: Callable[[Screen, str], None]) -> Iterable[SystemCommand]:
    """Translated Textual commands, the app keys the screen does not list itself, and the themes."""
    for command in App.get_system_commands(app, screen):
        key = _TEXTUAL_COMMANDS.get(command.title)
        if key is not None:
            yield SystemCommand(t(key), t(f"{key}.help"), command.callback, command.discover)
    screen_actions = {a.action for a in getattr(screen, "KEY_ACTIONS", ())}
    for key_action in app_key_actions(screen_actions):
        label = t(key_action.label)
        yield SystemCommand(label, f"{label} ({key_action.display})", partial(run, screen, key_action.action))
    for theme in THEMES:
        yield SystemCommand(
            t(f"theme.{theme.name}"), t("palette.theme_named.help"), partial(_set_theme, app, theme.name)
        )


def open_palette(app: App) -> None:
    """Textual's palette with our placeholder ("Sök kommandon…")."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.search")))


def open_theme_picker(app: App) -> None:
    """Textual's theme picker (every registered theme by name) with our placeholder."""
    app.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=t("palette.search_themes")))


def _set_theme(app: App, name: str) -> None:
    app.theme = name
