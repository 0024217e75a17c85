"""What an HfsError that no screen caught becomes: one line, and the app keeps running.

Screens catch the failures they expect where they write (`HfsScreen.run_store`). Anything else that
escapes a handler (a read when a screen opens, a refresh, a question change: the store raises a one-line
StoreError for a disk I/O error, a full disk or a lock) arrives here through textual_compat, from the
App's pump, a screen's pump or Textual's own exception handler. It is said in one line (markup off).
A screen that failed while opening (compose, on_mount) is closed again, so the user is back on the
screen they came from; the first screen (home) stays, showing what it could.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

from hfs_tui.errors import HfsError
from hfs_tui.i18n import t
from hfs_tui.safe_text import one_line

if TYPE_CHECKING:
    from textual.app import App

_last_shown: WeakKeyDictionary[App, tuple[str, float]] = WeakKeyDictionary()


def report(app: App, error: HfsError, origin: MessagePump | None, message: Message | None) -> None:
    """Say `error` in one line; close the screen it came from if that screen is not usable."""
    screen = _screen_of(origin)
    close = screen is not None and _unusable(screen, origin, message) and _has_screen_below(app, screen)
    reason = one_line(str(error)) or type(error).__name__
    _notify(app, reason, t("error.screen_closed", message=reason) if close else reason)
    if close:
        app.call_later(_close, app, screen)


def _screen_of(origin: MessagePump | None) -> Screen | None:
    if isinstance(origin, Screen):
        return origin
    if isinstance(origin, Widget):
        try:
            return origin.screen
        except Exception:  # noqa: BLE001 - a widget not (or no longer) in a screen
            return None
    return None


def _unusable(screen: Screen, origin: MessagePump | None, message: Message | None) -> bool:
    """True while the screen is still opening, or when its own message loop stopped on the error."""
    from .textual_compat import HfsErrorsKeepRunning

    if not screen.is_mounted:  # compose or on_mount of the screen (or of a widget it is opening with)
        return True
    if origin is screen and isinstance(message, (events.Compose, events.Mount)):
        return True
    return origin is screen and not isinstance(screen, HfsErrorsKeepRunning)  # its loop ended (a dialog)


def _has_screen_below(app: App, screen: Screen) -> bool:
    """Closing leaves one of our screens (home at least) to use; never close the first one."""
    from .textual_compat import HfsErrorsKeepRunning

    stack = app.screen_stack
    if screen not in stack:
        return False
    return any(isinstance(below, HfsErrorsKeepRunning) for below in stack[: stack.index(screen)])


def _close(app: App, screen: Screen) -> None:
    if app.screen is screen:
        app.pop_screen()


def shown(app: App, reason: str) -> None:
    """A screen said `reason` itself (base.HfsScreen.show_store_error): the hook does not say it again."""
    _last_shown[app] = (reason, time.monotonic())


def _notify(app: App, reason: str, text: str) -> None:
    """One line; the same reason again while its line is still shown is not stacked under it.

    (Closing a screen that failed to open resumes the one below, whose refresh meets the same failure.)
    """
    now = time.monotonic()
    last = _last_shown.get(app)
    if last is not None and last[0] == reason and now - last[1] < app.NOTIFICATION_TIMEOUT:
        return
    _last_shown[app] = (reason, now)
    app.notify(text, severity="error", markup=False)
