"""Database rows (dicts from sqlite-utils) into the model's dataclasses."""

from __future__ import annotations

import json

from ..model import (
    Action,
    ActionStatus,
    Answer,
    Assessment,
    Category,
    Meeting,
    MeetingKind,
    Member,
    Note,
    NoteState,
    Party,
    Question,
    Review,
    Share,
    Sign,
    Slot,
)
from .connection import Row


def review(r: Row) -> Review:
    return Review(
        id=r["id"],
        title=r["title"],
        template=r["template"],
        created_at=r["created_at"],
        facilitator=r["facilitator"],
        confidentiality=r["confidentiality"],
        report_form=r["report_form"],
        deleted_at=r["deleted_at"],
    )


def party(r: Row) -> Party:
    return Party(r["id"], r["review_id"], r["key"], r["name"], r["kind"], r["hours_estimate"], r["adjuster"])


def member(r: Row) -> Member:
    return Member(r["id"], r["party_id"], r["name"], r["role"])


def question(r: Row) -> Question:
    return Question(
        id=r["id"],
        review_id=r["review_id"],
        position=r["position"],
        number=str(r["position"]),
        text=r["text"],
        sub_questions=tuple(json.loads(r["sub_questions"])),
        selected=bool(r["selected"]),
    )


def answer(r: Row) -> Answer:
    return Answer(r["id"], r["question_id"], r["party_id"], r["text"], r["updated_at"])


def assessment(r: Row) -> Assessment:
    return Assessment(
        r["id"], r["question_id"], r["party_id"], r["reviewer_party_id"], Sign(r["sign"]), r["comment"], r["created_at"]
    )


def meeting(r: Row) -> Meeting:
    return Meeting(
        id=r["id"],
        review_id=r["review_id"],
        kind=MeetingKind(r["kind"]),
        title=r["title"],
        created_at=r["created_at"],
        held_on=r["held_on"],
        current_slot_id=r["current_slot_id"],
        current_question_id=r["current_question_id"],
        place=r["place"],
        ended_at=r["ended_at"],
        secretary=r["secretary"],
    )


def slot(r: Row) -> Slot:
    return Slot(r["id"], r["meeting_id"], r["position"], r["title"], r["planned_minutes"], r["party_id"])


def note(r: Row) -> Note:
    return Note(
        id=r["id"],
        meeting_id=r["meeting_id"],
        slot_id=r["slot_id"],
        question_id=r["question_id"],
        party_id=r["party_id"],
        category=Category(r["category"]),
        text=r["text"],
        in_report=bool(r["in_report"]),
        share=Share(r["share"]),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        deleted_at=r["deleted_at"],
        released_at=r["released_at"],
    )


ACTION_SELECT = """SELECT a.*, n.id AS source_id, n.text AS source_now, n.deleted_at AS source_deleted_at
    FROM actions a LEFT JOIN notes n ON n.id = a.note_id"""
"""Actions with what note_state is computed from (use the alias `a` in WHERE clauses)."""


def note_state(r: Row) -> NoteState | None:
    if r["note_id"] is None or r["source_id"] is None:
        return None
    if r["source_deleted_at"] is not None:
        return NoteState.DELETED
    if r["source_text"] is not None and r["source_now"] != r["source_text"]:
        return NoteState.EDITED
    return NoteState.LIVE


def action(r: Row) -> Action:
    return Action(
        id=r["id"],
        review_id=r["review_id"],
        party_id=r["party_id"],
        goal=r["goal"],
        activities=r["activities"],
        responsible=r["responsible"],
        timeline=r["timeline"],
        follow_up=r["follow_up"],
        status=ActionStatus(r["status"]),
        outcome=r["outcome"],
        sustain=r["sustain"],
        note_id=r["note_id"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        deleted_at=r["deleted_at"],
        in_report=bool(r["in_report"]),
        share=Share(r["share"]),
        note_state=note_state(r),
    )
