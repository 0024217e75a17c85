"""The header of the meeting: where we are, the slot timer in large digits, progress and pace."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, ProgressBar, Static

from hfs_tui.i18n import t
from hfs_tui.safe_text import one_line
from hfs_tui.timer import (
    Pace,
    SlotTimerState,
    TimerPhase,
    WarningLevel,
    format_duration,
)

_PHASE_LABEL = {
    TimerPhase.NOT_STARTED: "meeting.timer_not_started",
    TimerPhase.RUNNING: "meeting.timer_running",
    TimerPhase.PAUSED: "meeting.timer_paused",
    TimerPhase.STOPPED: "meeting.timer_stopped",
}
_LEVEL_CLASSES = {
    WarningLevel.TEN_MINUTES: "-warning",
    WarningLevel.TWO_MINUTES: "-urgent",
    WarningLevel.OVERTIME: "-overtime",
}


class TimerBar(Horizontal):
    """Shows a slot timer state; it computes nothing itself (the state comes from hfs_tui.timer)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="timer-info"):
            with Horizontal(id="timer-top"):
                yield Line(id="timer-view", classes="-unset")
                yield Line(id="timer-where")
            yield Line(id="timer-slot")
            yield Line(id="timer-pace")
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="timer-progress")
        with Vertical(id="timer-clock"):
            yield Digits("00:00", id="timer-digits")
            yield Line(id="timer-phase")

    def show_place(self, review_title: str, meeting_title: str, slot_line: str) -> None:
        self._set_line("#timer-where", Text(f"{one_line(review_title)} · {one_line(meeting_title)}"))
        slot_text = Text()
        slot_text.append(one_line(slot_line), style="bold")
        self._set_line("#timer-slot", slot_text)

    def show_view(self, presenter: bool) -> None:
        """The badge that says which view is on: the participants' (presenter) or the facilitator's own."""
        badge = self.query_one("#timer-view", Line)
        badge.show(Text(f" {t('meeting.view_presenter' if presenter else 'meeting.view_facilitator')} "))
        badge.set_class(presenter, "-presenter")
        badge.remove_class("-unset")  # shown only by a screen with two views (the follow-up has none)
        badge.refresh(layout=True)  # the two badges differ in width (a view switch is rare)

    def show_time(self, state: SlotTimerState, pace: Pace, meeting_left: float, ended: bool = False) -> None:
        digits = self.query_one("#timer-digits", Digits)
        if digits.value != state.display:
            digits.update(state.display)
        phase = t(_PHASE_LABEL[state.phase])
        if state.level == WarningLevel.OVERTIME:
            phase = f"{t('meeting.overtime')} · {phase}"
        if ended:
            phase = t("meeting.timer_ended")
        self._set_line("#timer-phase", Text(phase))
        self.query_one("#timer-progress", ProgressBar).update(progress=state.progress)
        parts = []
        if pace.question_count:
            parts.append(t("meeting.question", number=pace.question_number, count=pace.question_count))
            parts.append(_pace_text(pace))
        parts.append(t("meeting.left_in_meeting", time=format_duration(meeting_left)))
        self._set_line("#timer-pace", Text(" · ".join(parts)))
        for level, css_class in _LEVEL_CLASSES.items():
            self.set_class(state.level == level, css_class)
        self.set_class(state.phase == TimerPhase.RUNNING, "-running")

    def _set_line(self, selector: str, text: Text) -> None:
        self.query_one(selector, Line).show(text)


class Line(Static):
    """A one-line label that redraws only when its text changed, and never asks for a layout pass.

    The timer ticks twice a second for hours: a layout pass per tick would re-wrap both long answers
    every time.
    """

    shown: str | None = None

    def show(self, text: Text) -> None:
        if text.plain != self.shown:
            self.shown = text.plain
            self.update(text, layout=False)


def _pace_text(pace: Pace) -> str:
    minutes = round(abs(pace.behind_seconds) / 60)
    if minutes == 0:
        return t("meeting.pace_on_plan")
    key = "meeting.pace_behind" if pace.behind_seconds > 0 else "meeting.pace_ahead"
    return t(key, minutes=minutes)
