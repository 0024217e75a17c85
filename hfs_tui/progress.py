"""Where a review stands in the five steps of the instructions, derived from what is in the database.

Nobody has to tick a step off: answers, assessments, meeting activity, actions and follow-up statuses
are evidence of how far the process has come, and the most advanced evidence wins. The store counts
(`Store.review_counts`); the functions here only decide, so every rule is testable without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .i18n import t
from .model import MeetingKind


class Step(StrEnum):
    """The steps of seeds 000 and 002; 4b is the improvement work at home between the meetings."""

    INTRO = "1"
    ANSWER = "2"
    REVIEW = "3"
    FEEDBACK = "4"
    IMPROVEMENT = "4b"
    FOLLOW_UP = "5"

    @property
    def label(self) -> str:
        """E.g. "2 Besvara": the number the instructions use, then the step's name."""
        return f"{self.value} {t(f'progress.step.{self.name.lower()}')}"


@dataclass(frozen=True)
class MeetingActivity:
    """What happened in one meeting of a review: enough to tell whether it has begun."""

    slots: int = 0
    started_slots: int = 0  # slots with at least one timer event
    notes: int = 0  # live (not deleted) notes
    held_on: str | None = None  # the meeting's date (YYYY-MM-DD), set in the setup
    ended: bool = False  # ended with "end meeting" (X): it is behind us, whatever its date

    @property
    def begun(self) -> bool:
        return self.started_slots > 0 or self.notes > 0

    @property
    def reached_last_slot(self) -> bool:
        """Every slot has been started: the meeting is in, or past, its last part."""
        return self.slots > 0 and self.started_slots >= self.slots


@dataclass(frozen=True)
class ReviewCounts:
    """The evidence for one review. Pairs are (party A, party B); only selected questions count."""

    questions: int = 0
    answered: tuple[int, int] = (0, 0)  # selected questions each party has answered
    assessed: tuple[int, int] = (0, 0)  # selected questions where each party's answer has a + or − from the other
    actions: int = 0
    actions_followed_up: int = 0  # actions whose follow-up status is set (no longer "open")
    meetings: Mapping[MeetingKind, MeetingActivity] = field(default_factory=dict)

    def meeting(self, kind: MeetingKind) -> MeetingActivity:
        return self.meetings.get(kind, MeetingActivity())

    @property
    def all_answered(self) -> bool:
        return self.questions > 0 and min(self.answered) >= self.questions

    @property
    def all_assessed(self) -> bool:
        return self.questions > 0 and min(self.assessed) >= self.questions


def current_step(counts: ReviewCounts) -> Step:
    """The step the review is in: the most advanced one that the data shows has been reached."""
    if counts.meeting(MeetingKind.FOLLOW_UP).begun or counts.actions_followed_up:
        return Step.FOLLOW_UP
    if counts.actions:
        return Step.IMPROVEMENT
    if counts.meeting(MeetingKind.FEEDBACK).begun or counts.all_assessed:
        return Step.FEEDBACK
    if counts.all_answered or any(counts.assessed):
        return Step.REVIEW
    if any(counts.answered) or counts.meeting(MeetingKind.INTRO).reached_last_slot:
        return Step.ANSWER
    return Step.INTRO


def step_detail(counts: ReviewCounts, step: Step) -> str:
    """One short line that says how far the current step has come (e.g. answers 4/6 · 0/6)."""
    a, b = counts.answered if step == Step.ANSWER else counts.assessed
    n = counts.questions
    if step == Step.INTRO:
        return t("progress.detail.intro", selected=n)
    if step in (Step.ANSWER, Step.REVIEW):
        return t(f"progress.detail.{step.name.lower()}", a=a, b=b, n=n)
    if step == Step.FEEDBACK:
        key = "running" if counts.meeting(MeetingKind.FEEDBACK).begun else "ready"
        return t(f"progress.detail.feedback_{key}")
    if step == Step.IMPROVEMENT:
        return t("progress.detail.improvement", count=counts.actions)
    return t("progress.detail.follow_up", done=counts.actions_followed_up, count=counts.actions)


def next_meeting(counts: ReviewCounts, today: date) -> tuple[MeetingKind, date] | None:
    """The first meeting dated today or later that has not been ended; a date that is not YYYY-MM-DD is
    ignored, not fatal."""
    upcoming = []
    for kind, activity in counts.meetings.items():
        if activity.ended:
            continue
        try:
            day = date.fromisoformat((activity.held_on or "")[:10])
        except ValueError:
            continue
        if day >= today:
            upcoming.append((day, kind))
    if not upcoming:
        return None
    day, kind = min(upcoming)
    return kind, day
