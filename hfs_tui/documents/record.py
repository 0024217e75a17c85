"""The MeetingRecord the builders read: everything one meeting's documents need, loaded once through the store's API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from ..i18n import t
from ..model import (
    Action,
    Answer,
    Assessment,
    Category,
    Document,
    Meeting,
    MeetingKind,
    Member,
    Note,
    Party,
    Question,
    Review,
    Slot,
    TimerEvent,
)

if TYPE_CHECKING:  # the store is imported only to load a record
    from ..store import Store

# Document order of the categories; a category this module does not know sorts (and is shown) as a plain note.
CATEGORY_ORDER: tuple[str, ...] = ("decision", *(c.value for c in Category))


_KNOWN = frozenset(CATEGORY_ORDER)


def category_key(note: Note) -> str:
    """The note's category as a known value: an unknown one (a newer database) counts as a plain note."""
    value = str(note.category)  # a StrEnum's str() is its value
    return value if value in _KNOWN else "note"


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting and what its documents show (see `load_record`)."""

    review: Review
    parties: tuple[Party, ...]
    members: tuple[Member, ...]
    questions: tuple[Question, ...]  # selected ones, plus any deselected one that has notes, in order
    meeting: Meeting
    slots: tuple[Slot, ...]
    timer_events: tuple[TimerEvent, ...]
    notes: tuple[Note, ...]
    actions: tuple[Action, ...]
    exported_at: datetime
    all_questions: tuple[Question, ...] = ()  # every question of the review, selected or not (intro protokoll)
    meetings: tuple[Meeting, ...] = ()  # every meeting of the review (dates of the steps)
    assessments: tuple[Assessment, ...] = ()
    place: str = ""  # `meetings.place`: a room, a town or "Teams"
    present: dict[int, tuple[str, ...]] | None = field(default=None, hash=False)  # party id -> names; None: whole team
    secretary: str = ""  # `meetings.secretary`; empty: the facilitator keeps the minutes
    answers: dict[tuple[int, int], Answer] = field(default_factory=dict, hash=False)  # (question, party) -> answer
    documents: tuple[Document, ...] = ()  # each party's document list (step 2)
    review_notes: tuple[Note, ...] = ()  # every meeting's live notes (the one-pager is per review); () = not loaded

    @cached_property
    def live_notes(self) -> tuple[Note, ...]:
        """Live notes in the documents' order: question, then category, then as they were taken."""
        return self._in_order(self.notes)

    @cached_property
    def live_review_notes(self) -> tuple[Note, ...]:
        """The live notes of every meeting of the review, in the same order; this meeting's when not loaded."""
        return self._in_order(self.review_notes) if self.review_notes else self.live_notes

    def _in_order(self, notes) -> tuple[Note, ...]:
        order = {q.id: i for i, q in enumerate(self.all_questions or self.questions)}
        categories = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        live = (n for n in notes if n.deleted_at is None)
        return tuple(
            sorted(live, key=lambda n: (order.get(n.question_id, len(order)), categories[category_key(n)], n.id))
        )

    def question_of(self, note: Note) -> Question | None:
        return None if note.question_id is None else self.questions_by_id.get(note.question_id)

    @cached_property
    def questions_by_id(self) -> dict[int, Question]:
        return {q.id: q for q in self.questions}

    def other(self, party: Party) -> Party | None:
        return next((p for p in self.parties if p.id != party.id), None)

    def present_names(self, party: Party) -> tuple[str, ...]:
        """Who was present for the party: the recorded list, else the whole team (name, role)."""
        if self.present is not None and party.id in self.present:
            return tuple(self.present[party.id])
        return self.team_names(party)

    def team_names(self, party: Party) -> tuple[str, ...]:
        """The party's whole team (name, role): who took part in the review, whether or not at this meeting."""
        return tuple(_person(m) for m in self.members if m.party_id == party.id)

    @property
    def secretary_name(self) -> str:
        return self.secretary or self.review.facilitator

    def adjuster_line(self, party: Party) -> str:
        """`Anna Berg, Region Nordmark` for the Justeras line; the party's name alone while no justerare is set."""
        name = " ".join(party.adjuster.split())
        return f"{name}, {party.name}" if name else party.name

    def meeting_of_kind(self, kind: MeetingKind) -> Meeting | None:
        return next((m for m in self.meetings if m.kind is kind), None)


def _person(member: Member) -> str:
    """`Anna Berg (verksamhetschef)`: a member as the Närvarande line names them."""
    return member.name + (f" ({member.role})" if member.role.strip() else "")


def load_record(
    store: Store,
    review_id: int,
    meeting_id: int | None = None,
    now: datetime | None = None,
    review_notes: bool = False,
) -> MeetingRecord:
    """Read one meeting (default: the review's feedback meeting) and all its documents need, in a few queries.

    `review_notes`: also every meeting's notes, which only the one-pager (one page per review) reads."""
    from ..store import StoreError

    review = store.review(review_id)
    if meeting_id is None:
        meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    else:
        meeting = store.meeting(meeting_id)
        if meeting.review_id != review.id:
            raise StoreError(t("error.meeting_not_of_review", meeting=meeting_id, review=review.id))
    parties = store.parties(review.id)
    notes = store.meeting_notes(meeting.id)
    members = tuple(m for p in parties for m in store.members(p.id))
    present_ids = store.attendance(meeting.id)
    noted = {n.question_id for n in notes}
    questions = store.questions(review.id)
    return MeetingRecord(
        review=review,
        parties=tuple(parties),
        members=members,
        questions=tuple(q for q in questions if q.selected or q.id in noted),
        meeting=meeting,
        slots=tuple(store.slots(meeting.id)),
        timer_events=tuple(e for events in store.timer_events(meeting.id).values() for e in events),
        notes=tuple(notes),
        actions=tuple(store.actions(review.id)),
        exported_at=now or store.clock(),
        all_questions=tuple(questions),
        meetings=tuple(store.meetings(review.id)),
        assessments=tuple(store.assessments(review.id)),
        place=meeting.place,
        present={
            p.id: tuple(_person(m) for m in members if m.party_id == p.id and m.id in present_ids) for p in parties
        },
        secretary=meeting.secretary,
        answers=store.answers(review.id),
        documents=tuple(d for p in parties for d in store.documents(p.id)),
        review_notes=tuple(store.review_notes(review.id)) if review_notes else (),
    )
