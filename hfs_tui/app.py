"""The Textual app: opens the store, wires the screens and the command palette. Nothing else."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from importlib.resources import files
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from .clock import Clock, system_clock
from .i18n import t
from .model import MeetingKind
from .screens.home import HomeScreen
from .screens.keys import APP_KEYS, KeyAction, bindings
from .screens.meeting import MeetingScreen
from .store import Store


class HfsApp(App[None]):
    CSS_PATH = [str(files("hfs_tui.styles") / "app.tcss"), str(files("hfs_tui.styles") / "meeting.tcss")]
    BINDINGS = bindings(APP_KEYS)

    def __init__(self, store: Store, review_id: int | None = None, clock: Clock = system_clock, bell: bool = True) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.bell_enabled = bell
        self.start_review_id = review_id
        self.title = t("app.title")

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        if self.start_review_id is not None:
            self.open_meeting(self.start_review_id, MeetingKind.FEEDBACK)

    def open_meeting(self, review_id: int, kind: MeetingKind) -> None:
        meeting = self.store.meeting_of_kind(review_id, kind)
        self.push_screen(MeetingScreen(meeting.id))

    def on_unmount(self) -> None:
        self.store.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the active screen is also a palette command, under the same name."""
        yield from super().get_system_commands(screen)
        actions: tuple[KeyAction, ...] = getattr(screen, "KEY_ACTIONS", ())
        seen = set()
        for key_action in actions:
            if key_action.action in seen:
                continue
            seen.add(key_action.action)
            label = t(key_action.label)
            yield SystemCommand(label, f"{label} ({key_action.display})", partial(self._run_screen_action, screen, key_action.action))

    def _run_screen_action(self, screen: Screen, action: str) -> None:
        self.call_later(screen.run_action, action)


def make_app(path: Path | str, review_id: int | None = None, clock: Clock = system_clock, bell: bool = True) -> HfsApp:
    """The app factory the CLI and the tests share."""
    return HfsApp(Store.open(path, clock=clock), review_id=review_id, clock=clock, bell=bell)
