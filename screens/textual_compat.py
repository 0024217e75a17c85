"""The one place the app reaches into Textual's private parts, each with why no public API serves.

Checked against Textual 8. Anything here is the first thing to look at when Textual is upgraded:
`DOMNode._merge_bindings`/`_merged_bindings` (relabelled Footer keys), `MessagePump._on_message` and
`App._handle_exception` (an uncaught HfsError is one line instead of the end of the app), and
`textual._context.active_message_pump` (which screen an error came from).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual._context import active_message_pump
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets.option_list import Option

from hfs_tui.errors import HfsError

if TYPE_CHECKING:
    from textual.app import App


def remerge_bindings(cls: type[DOMNode]) -> None:
    """Recompute a class's merged bindings after its BINDINGS were rebuilt.

    Why private: Textual merges a class's BINDINGS with its bases' once, in `__init_subclass__`, into
    `_merged_bindings`; there is no public call to redo it. The screens' Footer labels are translated
    strings, so a screen class defined before the language was chosen (a test, an early import) must
    have its bindings rebuilt in the chosen language (keys.relabel_bindings) and merged again.
    """
    cls._merged_bindings = cls._merge_bindings()


# ------------------------------------------------------------------ uncaught HfsError: one line, keep running


def hfs_error_in(error: BaseException) -> HfsError | None:
    """The HfsError behind `error`, if any: itself, its cause/context chain, or a failed worker's error.

    Textual wraps some failures on their way up: a timer callback's exception arrives as a
    `CallbackError` raised while handling it (the original is its `__context__`), a worker's as
    `WorkerFailed` (the original in `.error`).
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, HfsError):
            return current
        inner = getattr(current, "error", None)
        if isinstance(inner, BaseException):
            current = inner
        else:
            current = current.__cause__ or current.__context__
    return None


class HfsErrorsKeepRunning:
    """Mixin for the App and every HfsScreen: an HfsError escaping any handler becomes one line.

    Why private: every handler of a message pump (key bindings and actions run in the App's pump, a
    screen's on_mount, its message handlers, its timers and `call_later` callbacks) is called from
    `MessagePump._on_message`; an exception leaving it ends in `App._handle_exception`, which exits the
    app, and the pump's loop stops. Textual has no public per-handler error hook (`on_event` does not see
    messages that are not events, e.g. `Input.Changed`), so the pump's own `_on_message` is wrapped: the
    error is reported (`report(app, error, origin, message)`) and the pump goes on with the next message.
    """

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)  # type: ignore[misc]
        except Exception as error:
            found = hfs_error_in(error)
            if found is None:
                raise
            from .hfs_errors import report

            report(self.app, found, self, message)  # type: ignore[attr-defined,arg-type]


def handle_app_exception(app: App, error: Exception, fallback: Callable[[Exception], None]) -> None:
    """`App._handle_exception`, which the app overrides: an HfsError is reported, anything else exits.

    Why private: this is where Textual sends the exceptions no pump handles itself: `Widget._compose`
    catches a failing `compose()` and calls it, so does `_pre_process` for a widget's failing on_mount
    and the loop of a pump without the mixin above. The one place to stop such an error from exiting
    the app. `active_message_pump` (private too) says whose pump it was: the screen to close when it
    failed while opening.
    """
    found = hfs_error_in(error)
    if found is None:
        fallback(error)
        return
    from .hfs_errors import report

    report(app, found, active_message_pump.get(None), None)


class PaletteWithOwnWords(CommandPalette):
    """Textual's command palette saying `no_matches` (in the app's language) when nothing is found.

    Why private: Textual draws its "No matches found" line in `_start_no_matches_countdown` with a fixed
    English text and no hook. This is that method with our words (textual/command.py, Textual 8).
    """

    def __init__(self, no_matches: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                line = Align.center(Text(self.no_matches, style="not bold"))
                self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
