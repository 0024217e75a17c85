"""The app's stylesheets, and which of them load when.

`app.tcss`, `setup.tcss` (the home list and the form dialogs every screen may open) and
`shared_screen.tcss` (the "window too small" cover) load at start. The others belong to one screen or
two and load the first time such a screen is shown (Textual's screen stylesheets: `Screen.css_path`,
read once, then kept for the rest of the run), so starting on home parses only what home needs.
"""

from __future__ import annotations

from importlib.resources import files

AT_START = ("app.tcss", "setup.tcss", "shared_screen.tcss")
OF_SCREEN: dict[str, tuple[str, ...]] = {
    "MeetingScreen": ("meeting.tcss",),
    "FollowUpScreen": ("meeting.tcss", "actions.tcss"),
    "ActionsScreen": ("actions.tcss",),
    "AnswersScreen": ("answers.tcss",),
    "ExportScreen": ("export.tcss",),
}
"""Screen class name → the stylesheets it needs beyond those loaded at start."""


def path(name: str) -> str:
    return str(files("hfs_tui.styles") / name)


def at_start() -> list[str]:
    return [path(name) for name in AT_START]


def of_screen(screen: object) -> list[str]:
    """The stylesheets a screen needs (its class or a base class named in OF_SCREEN), not yet counting those at start."""
    for cls in type(screen).__mro__:
        if cls.__name__ in OF_SCREEN:
            return [path(name) for name in OF_SCREEN[cls.__name__]]
    return []


def every_sheet() -> list[str]:
    """All .tcss files of the package (a test checks each is loaded at start or named in OF_SCREEN)."""
    folder = files("hfs_tui.styles")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".tcss"))
