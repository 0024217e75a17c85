"""The Textual app: opens the store, wires the screens and the command palette. Nothing else.

Start-up is kept short: screens are imported when first opened (home too: `demo` opens the meeting
alone, and home is built when the meeting is left), each screen's stylesheet is read when it is first
shown (hfs_tui.styles), and after a screen has loaded its long-lived objects are frozen out of the
garbage collector's way (`gc.freeze`), and full collections wait for a pause (young ones still run as
usual): so no full collection lands on a key press. While nobody types, the database's write-ahead log is
checkpointed (Store.checkpoint), so SQLite's own auto-checkpoint does not land on a note's commit, and
the full garbage collection runs.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen

from .clock import Clock, system_clock
from .i18n import STRINGS, t
from .model import MeetingKind
from .screens.keys import APP_KEYS, bindings, relabel_bindings
from .screens.palette import HfsCommands, app_commands, open_palette, open_theme_picker
from .screens.textual_compat import HfsErrorsKeepRunning, handle_app_exception
from .screens.themes import THEMES, next_theme, use_named_styles
from .screens.too_small import cover, too_small
from .settings import Settings, SettingsError, remember
from .store import Store
from .styles import at_start, of_screen

BENCH_EXIT_ENV = "HFS_TUI_BENCH_EXIT_AFTER_FIRST_PAINT"
"""Set (to anything) by benchmarks/startup.py only: run headless and exit once the first screen is drawn."""
IDLE_S = 2.0
"""Nobody has pressed a key for this long: checkpoint the write-ahead log, collect all garbage."""
FULL_COLLECTION_AFTER = 200
"""Young collections (of the second generation) before Python itself does a full one (its default: 10):
about 150 question changes without a 2-second pause (memory grows by some 15 MB meanwhile on the large
review), so a full collection lands on a key 20 times less often; on a pause it runs anyway."""


class HfsApp(HfsErrorsKeepRunning, App[None]):  # an HfsError in any handler: one line, keeps running
    CSS_PATH = at_start()
    COMMANDS = {HfsCommands}  # one provider, searching the Swedish and English names
    KEY_ACTIONS = APP_KEYS
    BINDINGS = bindings(APP_KEYS)

    def __init__(
        self,
        store: Store,
        review_id: int | None = None,
        clock: Clock = system_clock,
        bell: bool = True,
        settings: Settings = Settings(),
        settings_file: Path | None = None,
    ) -> None:
        relabel_bindings()  # Footer labels in the language chosen before the app started
        super().__init__()
        self.store = store
        self.clock = clock
        self.bell_enabled = bell
        self.start_review_id = review_id
        self.settings = settings  # what the CLI resolved (settings file + options); read by screens
        self.settings_file = settings_file  # where a theme chosen in the app is remembered (None: nowhere)
        self.home_shown = False  # `demo` starts on the meeting: home is built only when the meeting is left
        self._last_key = time.monotonic()
        self._collected = False
        self._thresholds = gc.get_threshold()
        self._release_on_exit = True
        self.title = t("app.title")
        for theme in THEMES:
            self.register_theme(theme)
        use_named_styles(self.console, self.get_css_variables())

    def on_mount(self) -> None:
        if self.settings.theme:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._cover_if_too_small)
        self.screen_change_signal.subscribe(self, self._freeze_after_load)
        if self.start_review_id is not None:
            self.open_meeting(self.start_review_id, MeetingKind.FEEDBACK)
        else:
            self._push_home()
        self._thresholds = gc.get_threshold()
        gc.set_threshold(self._thresholds[0], self._thresholds[1], FULL_COLLECTION_AFTER)
        self.set_interval(IDLE_S / 2, self._when_idle)

    def run(self, *args, **kwargs):
        """The program's one app (the CLI): the process ends with it, so its objects stay frozen to the end."""
        self._release_on_exit = False  # unfrozen, they would all be collected once more on the way out
        if os.environ.get(BENCH_EXIT_ENV):
            kwargs["headless"] = True
        return super().run(*args, **kwargs)

    def on_ready(self) -> None:
        if os.environ.get(BENCH_EXIT_ENV):  # the start-up benchmark: first screen drawn, stop here
            self.exit()
        self._freeze_after_load()

    # ------------------------------------------------- screens and their loading

    def push_screen(self, screen, *args, **kwargs):
        self._give_stylesheets(screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen):
        self._give_stylesheets(screen)
        return super().switch_screen(screen)

    def pop_screen(self):
        if not self.home_shown and len(self.screen_stack) <= 2:
            return self.switch_screen(self._home())  # leaving the meeting `demo` opened: home now, in its place
        return super().pop_screen()

    def _give_stylesheets(self, screen) -> None:
        """A screen's own stylesheets, read by Textual when the screen is first shown (then kept)."""
        if isinstance(screen, Screen):
            screen.css_path += [sheet for sheet in of_screen(screen) if sheet not in screen.css_path]

    def _home(self) -> Screen:
        from .screens.home import HomeScreen

        self.home_shown = True
        return HomeScreen()

    def _push_home(self) -> None:
        self.push_screen(self._home())

    def _freeze_after_load(self, _screen: Screen | None = None) -> None:
        """After a screen has loaded, move what exists to the permanent generation (no GC pass walks it again)."""
        self.call_after_refresh(gc.freeze)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
            self._collected = False
        await super().on_event(event)

    def _when_idle(self) -> None:
        if time.monotonic() - self._last_key < IDLE_S:
            return
        self.store.checkpoint()  # never raises: a busy or failing checkpoint is simply tried again later
        if not self._collected:  # once per pause: everything, the frozen objects too, then frozen again
            self._collected = True
            gc.unfreeze()
            gc.collect()
            gc.freeze()

    def on_unmount(self) -> None:
        self.store.close()
        if self._release_on_exit:  # the process goes on (tests): its objects are collectable again
            gc.unfreeze()
        gc.set_threshold(*self._thresholds)

    def _handle_exception(self, error: Exception) -> None:
        handle_app_exception(self, error, super()._handle_exception)  # HfsError: one line (textual_compat)

    # ------------------------------------------------- themes, window size

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        use_named_styles(self.console, variables)  # the hfs.* styles follow the theme
        return variables

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme)
        label = f"theme.{self.theme}"  # ours have a name in words ("Tema: hög kontrast, ljus")
        self.notify(t(label) if label in STRINGS else t("theme.changed", name=self.theme), timeout=2, markup=False)

    def _remember_theme(self, theme) -> None:
        if self.settings_file is None or theme.name == self.settings.theme:
            return
        try:
            remember("theme", theme.name, self.settings_file)
        except SettingsError as error:
            self.notify(t("theme.not_saved", message=str(error)), severity="error", markup=False)
        else:
            self.settings = replace(self.settings, theme=theme.name)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(too_small(event.size), "-too-small")
        if too_small(event.size):
            cover(self.screen, event.size)

    def _cover_if_too_small(self, screen: Screen) -> None:
        if too_small(self.size):
            cover(screen, self.size)

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
        from .screens.action_plan import ActionsScreen

        self.push_screen(ActionsScreen(review_id))

    def open_follow_up(self, review_id: int) -> None:
        from .screens.follow_up import FollowUpScreen

        meeting = self.store.meeting_of_kind(review_id, MeetingKind.FOLLOW_UP)
        self.push_screen(FollowUpScreen(meeting.id))

    # --------------------------------------------------------------- palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the active screen is also a palette command, under the same name (screens/palette.py)."""
        yield from app_commands(self, screen, self._run_screen_action)

    async def action_quit(self) -> None:
        """ctrl+q: a meeting with notes not saved yet asks first (SlotMeeting.ask_before_leaving)."""
        for screen in reversed(self.screen_stack):
            ask = getattr(screen, "ask_before_leaving", None)
            if ask is not None and ask(self.exit):
                return
        self.exit()

    def action_command_palette(self) -> None:
        open_palette(self)

    def search_themes(self) -> None:
        open_theme_picker(self)

    def _run_screen_action(self, screen: Screen, action: str) -> None:
        self.call_later(screen.run_action, action)


def make_app(
    path: str | Path | Store,
    review_id: int | None = None,
    clock: Clock = system_clock,
    bell: bool = True,
    settings: Settings = Settings(),
    settings_file: Path | None = None,
) -> HfsApp:
    """The app factory the CLI, the tests and the benchmarks share; `path` may be a store already open."""
    store = path if isinstance(path, Store) else Store.open(path, clock=clock)
    return HfsApp(store, review_id=review_id, clock=clock, bell=bell, settings=settings, settings_file=settings_file)
