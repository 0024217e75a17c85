"""Pieces the builders share: headings of the categories, the facts header, dates of a meeting, grouping."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Category, Note, Question
from ..templates import template_name
from . import dates
from .model import BulletList, Paragraph, bold, runs
from .record import MeetingRecord, category_key
from .strings import tr

CATEGORY_HEADINGS: dict[str, str] = {
    "decision": "Beslut",
    Category.STRENGTH.value: "Styrkor",
    Category.IMPROVEMENT.value: "Förbättringsområden",
    Category.GOOD_EXAMPLE.value: "Goda exempel att ta med hem",
    Category.LESSON.value: "Lärdomar",
    Category.ACTION.value: "Åtgärder",
    Category.NOTE.value: "Övriga anteckningar",
}
CATEGORY_LABELS: dict[str, str] = {
    "decision": "Beslut",
    Category.STRENGTH.value: "Styrka",
    Category.IMPROVEMENT.value: "Förbättringsområde",
    Category.GOOD_EXAMPLE.value: "Gott exempel",
    Category.LESSON.value: "Lärdom",
    Category.ACTION.value: "Åtgärd",
    Category.NOTE.value: "Anteckning",
}
GENERAL = "Allmänt"
SHARED_MARK = "delas i HFS-nätverket"


def meeting_day(record: MeetingRecord) -> date | None:
    """`held_on` if set, else the first timer event, else the first note."""
    if record.meeting.held_on:
        return dates.day_of(record.meeting.held_on)
    moments = timer_moments(record)
    if moments:
        return moments[0].date()
    if record.live_notes:
        first = dates.parsed(min(n.created_at for n in record.live_notes))
        return dates.local(first).date() if first else None
    return None


def timer_moments(record: MeetingRecord) -> list:
    return sorted(dates.local(m) for m in map(dates.parsed, (e.at for e in record.timer_events)) if m is not None)


def meeting_when(record: MeetingRecord, lang: str) -> str:
    """`tisdag 10 mars 2026, kl. 10.00–13.25`: the date, and the actual time from the timer events."""
    if record.meeting.held_on and dates.day_of(record.meeting.held_on) is None:
        return record.meeting.held_on
    day = meeting_day(record)
    if day is None:
        return tr("inget datum registrerat", lang)
    when = dates.long_date(day, lang)
    same_day = [m for m in timer_moments(record) if m.date() == day]
    if same_day:
        when = tr("{day}, kl. {time}", lang).format(day=when, time=dates.time_span(same_day[0], same_day[-1], lang))
    return when


def facts_lines(record: MeetingRecord, lang: str, *lines: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    facts = [(tr("Granskning", lang), record.review.title)]
    facts.append((tr("Mall", lang), template_name(record.review.template, lang)))
    facts += lines
    facts.append((tr("Sammanställt", lang), dates.stamp(record.exported_at, lang)))
    return tuple(facts)


def question_label(question: Question | None, lang: str) -> str:
    if question is None:
        return tr(GENERAL, lang)
    return tr("Fråga {number}. {text}", lang).format(number=question.number, text=question.text)


def grouped(record: MeetingRecord, notes: Iterable[Note]) -> list[tuple[Question | None, list[Note]]]:
    """Notes (already in document order) grouped by question; general notes come last."""
    groups: dict[int | None, list[Note]] = {}
    for note in notes:
        question = record.question_of(note)
        groups.setdefault(question.id if question else None, []).append(note)
    general = groups.pop(None, None)
    result = [(record.questions_by_id[qid], items) for qid, items in groups.items()]
    return result + ([(None, general)] if general else [])


def by_category(notes: Iterable[Note], with_decisions: bool = False) -> dict[str, list[Note]]:
    result: dict[str, list[Note]] = {c: [] for c in CATEGORY_HEADINGS if with_decisions or c != "decision"}
    for note in notes:
        key = category_key(note)
        result.setdefault(key, []).append(note)
    return result


def notes_by_question(record: MeetingRecord, notes: Iterable[Note], lang: str) -> list:
    """`**Fråga 1.** text` then the notes as bullets, per question."""
    blocks: list = []
    for question, items in grouped(record, notes):
        if question is None:
            blocks.append(Paragraph(runs(bold(tr(GENERAL, lang)))))
        else:
            label = tr("Fråga {number}.", lang).format(number=question.number)
            blocks.append(Paragraph(runs(bold(label), " " + question.text)))
        blocks.append(BulletList(tuple(runs(n.text) for n in items)))
    return blocks
