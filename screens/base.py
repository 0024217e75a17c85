"""What every screen of the app shares: the store, one way to run a store call, the help screen.

A store call that fails (disk I/O error, disk full, locked: the store wraps every database error into a
`StoreError`) is said in one line and the screen keeps working; nothing is shown as done. Writes go
through `run_store`; a read that fails anywhere else in a handler (opening, refreshing, moving) is caught
for every screen at once by `HfsErrorsKeepRunning` (textual_compat, policy in hfs_errors.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

from hfs_tui.i18n import t
from hfs_tui.safe_text import one_line
from hfs_tui.store import Store, StoreError

from .hfs_errors import shown
from .keys import KeyAction
from .textual_compat import HfsErrorsKeepRunning
from .widgets.dialogs import HelpScreen, other_bindings

if TYPE_CHECKING:
    from hfs_tui.app import HfsApp

R = TypeVar("R")
ResultType = TypeVar("ResultType")
_FAILED = object()


class HfsScreen(HfsErrorsKeepRunning, Screen[ResultType]):
    KEY_ACTIONS: tuple[KeyAction, ...] = ()
    HELP_TITLE = ""  # i18n key of the help screen's title (or override `help_title`)
    STORE_ERROR = "error.store"  # i18n key of the one line a StoreError is shown as

    @property
    def hfs_app(self) -> HfsApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[attr-defined]

    def show_store_error(self, error: StoreError, key: str | None = None, **values: Any) -> None:
        """The one line a StoreError is shown as (`key` for a screen's own wording, with `{message}`)."""
        reason = one_line(str(error))
        self.notify(t(key or self.STORE_ERROR, message=reason, **values), severity="error", markup=False)
        shown(self.app, reason)  # a read failing right after, for the same reason, adds no second line

    def run_store(self, fn: Callable[..., R], *args: Any, failed: Any = None, **kwargs: Any) -> R | Any:
        """Run a store call; on a StoreError say so in one line and return `failed` (None unless given)."""
        try:
            return fn(*args, **kwargs)
        except StoreError as error:
            self.show_store_error(error)
            return failed

    def store_ok(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Run a store call whose result does not matter: True when it went through."""
        return self.run_store(fn, *args, failed=_FAILED, **kwargs) is not _FAILED

    @property
    def help_title(self) -> str:
        return t(self.HELP_TITLE)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_title, self.KEY_ACTIONS, other_bindings(self, self.KEY_ACTIONS)))
