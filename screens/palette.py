"""The command palette: one provider, every command once, found by its Swedish or its English name.

The entries: Textual's own system commands under our translated names (the ones our keys already cover,
quit and the key panel that `?` replaces, are left out, and so is any command a later Textual adds
before it has a translation, so the palette never mixes languages); the app keys the screen does not
list itself; one entry per high-contrast theme; then every key of the screen, under its Footer name.
Each entry shows its name and, as its help, the key that does the same (never the name twice).
`HfsCommands` searches the title in the app's language and the same title in the other language, so
"theme" finds "Välj tema…" in the Swedish app; with nothing found it says so in the app's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.theme import ThemeProvider

from hfs_tui.i18n import STRINGS, t

from .keys import KeyAction, app_key_actions
from .textual_compat import PaletteWithOwnWords
from .themes import THEMES

# Textual's command title -> our i18n key (the key + ".help" is its description).
_TEXTUAL_COMMANDS = {
    "Theme": "palette.theme",
    "Screenshot": "palette.screenshot",
    "Maximize": "palette.maximize",
    "Minimize": "palette.minimize",
}


@dataclass(frozen=True)
class Entry:
    key: str  # i18n key of the title
    help: str
    callback: Callable[[], object]
    discover: bool = True

    @property
    def title(self) -> str:
        return t(self.key)

    @property
    def names(self) -> tuple[str, ...]:
        """The title in the app's language first, then in the other one (when it differs)."""
        swedish, english = STRINGS[self.key]
        return tuple(dict.fromkeys(str(name) for name in (self.title, swedish, english)))

    def command(self) -> SystemCommand:
        return SystemCommand(self.title, self.help, self.callback, self.discover)


def palette_entries(app: App, screen: Screen, run: Callable[[Screen, str], None]) -> list[Entry]:
    """Every command of the palette on `screen`, each once."""
    entries = []
    for command in App.get_system_commands(app, screen):
        key = _TEXTUAL_COMMANDS.get(command.title)
        if key is not None:
            entries.append(Entry(key, t(f"{key}.help"), command.callback, command.discover))
    screen_actions: tuple[KeyAction, ...] = getattr(screen, "KEY_ACTIONS", ())
    for key_action in app_key_actions(a.action for a in screen_actions):
        entries.append(_key_entry(key_action, screen, run))
    for theme in THEMES:
        entries.append(
            Entry(f"theme.{theme.name}", t("palette.theme_named.help"), partial(_set_theme, app, theme.name))
        )
    seen = set()
    for key_action in screen_actions:
        if key_action.action not in seen:
            seen.add(key_action.action)
            entries.append(_key_entry(key_action, screen, run))
    return entries


def app_commands(app: App, screen: Screen, run: Callable[[Screen, str], None]) -> Iterable[SystemCommand]:
    """The palette's entries as Textual's SystemCommands (App.get_system_commands)."""
    for entry in palette_entries(app, screen, run):
        yield entry.command()


def _key_entry(key_action: KeyAction, screen: Screen, run: Callable[[Screen, str], None]) -> Entry:
    return Entry(key_action.label, t("palette.key", keys=key_action.display), partial(run, screen, key_action.action))


class HfsCommands(Provider):
    """The one command provider (App.COMMANDS): titles in both languages are searched."""

    def _entries(self) -> list[Entry]:
        app = self.app
        return palette_entries(app, self.screen, app._run_screen_action)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for entry in sorted(self._entries(), key=lambda e: e.title):
            if entry.discover:
                yield DiscoveryHit(entry.title, entry.callback, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            scores = [(matcher.match(name), name) for name in entry.names]
            score, name = max(scores)
            if score > 0:
                # The title as the app shows it; matched in the other language, that name follows it.
                shown = matcher.highlight(entry.title) if name == entry.title else Text(f"{entry.title} ({name})")
                yield Hit(score, shown, entry.callback, help=entry.help)


def open_palette(app: App) -> None:
    """The palette with our placeholder ("Sök kommandon…")."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(
            PaletteWithOwnWords(t("palette.no_matches"), id="--command-palette", placeholder=t("palette.search"))
        )


def open_theme_picker(app: App) -> None:
    """Textual's theme picker (every registered theme by name) with our placeholder."""
    app.push_screen(
        PaletteWithOwnWords(t("palette.no_matches"), providers=[ThemeProvider], placeholder=t("palette.search_themes"))
    )


def _set_theme(app: App, name: str) -> None:
    app.theme = name
