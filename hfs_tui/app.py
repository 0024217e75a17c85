"""The Textual app: opens the store, wires the screens and the command palette. Nothing else.

Screens other than home are imported when first opened, which keeps start-up short.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from importlib.resources import files

from textual.app import App, SystemCommand
from textual.screen import Screen

from .clock import Clock, system_clock
from .i18n import t
from .model import MeetingKind
from .screens.home import HomeScreen
from .screens.keys import APP_KEYS, KeyAction, bindings
from .store import Store


def _stylesheets() -> list[str]:
    """Every .tcss file of the styles package, in name order (app.tcss first by convention)."""
    folder = files("hfs_tui.styles")
    return sorted(str(folder / entry.name) for entry in folder.iterdir() if entry.name.endswith(".tcss"))


class HfsApp(App[None]):
    CSS_PATH = _stylesheets()
    BINDINGS = bindings(APP_KEYS)

    def __init__(
        self, store: Store, review_id: int | None = None, clock: Clock = system_clock, bell: bool = True
    ) -> None:
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

    def on_unmount(self) -> None:
        self.store.close()

    # ------------------------------------------------------------ navigation

    def open_meeting(self, review_id: int, kind: MeetingKind) -> None:
        from .screens.meeting import MeetingScreen

        meeting = self.store.meeting_of_kind(review_id, kind)
        self.push_screen(MeetingScreen(meeting.id))

    def open_export(self, review_id: int, meeting_id: int | None = None) -> None:
        from .screens.export import ExportScreen

        self.push_screen(ExportScreen(review_id, meeting_id))

    def open_setup(self, review_id: int) -> None:
        from .screens.setup import SetupScreen

        self.push_screen(SetupScreen(review_id))

    def open_answers(self, review_id: int) -> None:
        from .screens.answers import AnswersScreen

        self.push_screen(AnswersScreen(review_id))

    def open_actions(self, review_id: int) -> None:
        from .screens.actions import ActionsScreen

        self.push_screen(ActionsScreen(review_id))

    def open_follow_up(self, review_id: int) -> None:
        from .screens.follow_up import FollowUpScreen

        meeting = self.store.meeting_of_kind(review_id, MeetingKind.FOLLOW_UP)
        self.push_screen(FollowUpScreen(meeting.id))

    # --------------------------------------------------------------- palette

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
            yield SystemCommand(
                label, f"{label} ({key_action.display})", partial(self._run_screen_action, screen, key_action.action)
            )

    def _run_screen_action(self, screen: Screen, action: str) -> None:
        self.call_later(screen.run_action, action)


def make_app(path, review_id: int | None = None, clock: Clock = system_clock, bell: bool = True) -> HfsApp:
    """The app factory the CLI, the tests and the benchmarks share."""
    return HfsApp(Store.open(path, clock=clock), review_id=review_id, clock=clock, bell=bell)
