"""The concepts of the collegial-learning process, named as the seeds name them.

Plain dataclasses: the store returns them, screens and exports read them. No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """What a captured note is; the mark is the key that opens the capture line with it."""

    STRENGTH = "strength"
    IMPROVEMENT = "improvement"
    GOOD_EXAMPLE = "good_example"
    LESSON = "lesson"
    ACTION = "action"
    NOTE = "note"

    @property
    def mark(self) -> str:
        return CATEGORY_MARKS[self]

    @classmethod
    def from_mark(cls, mark: str) -> Category:
        for category, category_mark in CATEGORY_MARKS.items():
            if category_mark == mark:
                return category
        raise ValueError(f"unknown category mark: {mark!r}")


CATEGORY_MARKS: dict[Category, str] = {
    Category.STRENGTH: "+",
    Category.IMPROVEMENT: "-",
    Category.GOOD_EXAMPLE: "*",
    Category.LESSON: "!",
    Category.ACTION: ">",
    Category.NOTE: "",
}


class Share(StrEnum):
    """Who may see a note: the owning party decides whether it may be spread in the HFS network."""

    INTERNAL = "internal"
    NETWORK = "network"


class NoteState(StrEnum):
    """How an action's source note stands now (Action.note_state): still as it was, changed since, or deleted."""

    LIVE = "live"
    EDITED = "edited"
    DELETED = "deleted"


class Sign(StrEnum):
    """A step-3 assessment: + a strength that works well, − an improvement area."""

    PLUS = "+"
    MINUS = "-"


class MeetingKind(StrEnum):
    INTRO = "intro"
    FEEDBACK = "feedback"
    FOLLOW_UP = "follow_up"


class ActionStatus(StrEnum):
    """Status of an improvement action at the follow-up (step 5)."""

    OPEN = "open"
    DONE = "done"
    PARTLY = "partly"
    NOT_STARTED = "not_started"


class TimerEventKind(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"


@dataclass(frozen=True)
class Review:
    id: int
    title: str
    template: str
    created_at: str
    facilitator: str = ""
    confidentiality: str = ""
    report_form: str = ""
    deleted_at: str | None = None


@dataclass(frozen=True)
class Party:
    id: int
    review_id: int
    key: str  # "a" or "b"
    name: str
    kind: str  # "region", "vardcentral" or "other"
    hours_estimate: float | None = None
    adjuster: str = ""  # justerare: who checks the party's minutes


@dataclass(frozen=True)
class Member:
    id: int
    party_id: int
    name: str
    role: str = ""


@dataclass(frozen=True)
class Question:
    id: int
    review_id: int
    position: int
    number: str
    text: str
    sub_questions: tuple[str, ...] = ()
    selected: bool = True


@dataclass(frozen=True)
class Answer:
    id: int
    question_id: int
    party_id: int
    text: str
    updated_at: str


@dataclass(frozen=True)
class Document:
    id: int
    party_id: int
    question_id: int | None
    title: str


@dataclass(frozen=True)
class Assessment:
    """A reviewer's + / − on the assessed party's answer to one question."""

    id: int
    question_id: int
    party_id: int  # the party whose answer is assessed (and who owns the assessment's outcome)
    reviewer_party_id: int
    sign: Sign
    comment: str
    created_at: str


@dataclass(frozen=True)
class Meeting:
    id: int
    review_id: int
    kind: MeetingKind
    title: str
    created_at: str
    held_on: str | None = None
    current_slot_id: int | None = None
    current_question_id: int | None = None
    place: str = ""  # plats, e.g. a room or "Teams"
    ended_at: str | None = None  # when the meeting was ended explicitly (ISO-8601 UTC)
    secretary: str = ""  # sekreterare: who keeps the minutes; empty = the facilitator


@dataclass(frozen=True)
class Slot:
    id: int
    meeting_id: int
    position: int
    title: str
    planned_minutes: int
    party_id: int | None = None


@dataclass(frozen=True)
class TimerEvent:
    id: int
    slot_id: int
    kind: TimerEventKind
    at: str  # ISO-8601 UTC


@dataclass(frozen=True)
class Note:
    id: int
    meeting_id: int
    slot_id: int | None
    question_id: int | None
    party_id: int
    category: Category
    text: str
    in_report: bool
    share: Share
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    released_at: str | None = None  # when the owner released it to the network; None while internal


@dataclass(frozen=True)
class Action:
    """An improvement action in the action-plan columns of the HFS network plan (seed 004)."""

    id: int
    review_id: int
    party_id: int
    goal: str  # Detta vill vi uppnå
    activities: str = ""  # Prioriterade aktiviteter
    responsible: str = ""  # Ansvariga
    timeline: str = ""  # Tidplan
    follow_up: str = ""  # Uppföljning av målet
    status: ActionStatus = ActionStatus.OPEN
    outcome: str = ""
    sustain: str = ""
    note_id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    in_report: bool = False  # agreed for the party's report (copied from the note it was made from)
    share: Share = Share.INTERNAL  # the owner's release to the network, as for notes
    note_state: NoteState | None = None  # the source note now; None when the action has no source note


@dataclass(frozen=True)
class ReviewSummary:
    """One line of the home list: a review with its parties and where it stands."""

    review: Review
    parties: tuple[Party, ...] = field(default_factory=tuple)
