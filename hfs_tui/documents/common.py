"""Pieces the builders share: headings of the categories, the facts header, dates of a meeting, grouping."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Category, Meeting, MeetingKind, Note, Question
from . import dates
from .model import BulletList, Facts, Heading, Paragraph, SignOff, bold, runs
from .record import MeetingRecord, category_key
from .strings import tr

CATEGORY_HEADINGS: dict[str, str] = {
    "decision": "Beslut",
    Category.STRENGTH.value: "Styrkor",
    Category.IMPROVEMENT.value: "Förbättringsområden",
    Category.GOOD_EXAMPLE.value: "Goda exempel att ta med sig hem",
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
KIND_NAMES = {
    MeetingKind.INTRO: "inledande möte",
    MeetingKind.FEEDBACK: "återkopplingsmöte",
    MeetingKind.FOLLOW_UP: "uppföljningsmöte",
}
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
    ended = dates.parsed(record.meeting.ended_at)
    if ended is not None and dates.local(ended).date() == day:
        same_day = sorted(same_day + [dates.local(ended)])  # an explicit end (X in the meeting) is the end time
    if same_day:
        when = tr("{day}, kl. {time}", lang).format(day=when, time=dates.time_span(same_day[0], same_day[-1], lang))
    return when


def footer(record: MeetingRecord, lang: str) -> str:
    """`Sammanställt 10 mars 2026 kl. 13.40 med hfs-tui`: the document's footer, not part of its text."""
    return tr("Sammanställt {stamp} med hfs-tui", lang).format(stamp=dates.stamp(record.exported_at, lang))


def kind_name(kind: MeetingKind, lang: str) -> str:
    return tr(KIND_NAMES[kind], lang)


def meeting_name(record: MeetingRecord, lang: str) -> str:
    """`återkopplingsmöte` for `Protokoll från …`: the meeting's own title, lower-cased unless it starts with an
    abbreviation (HFS-möte); in English the kind's name (the stored title is Swedish)."""
    if lang == "en":
        return kind_name(record.meeting.kind, lang)
    title = " ".join(record.meeting.title.split()) or kind_name(record.meeting.kind, lang)
    if len(title) > 1 and title[1].islower():
        title = title[0].lower() + title[1:]
    return title


def parties_line(record: MeetingRecord, lang: str) -> str:
    return tr(" och ", lang).join(p.name for p in record.parties)


def meeting_header(record: MeetingRecord, lang: str) -> list:
    """Datum, plats, närvarande per party, mötesledare and sekreterare (empty lines left out)."""
    lines = [(tr("Datum", lang), meeting_when(record, lang))]
    if record.place.strip():
        lines.append((tr("Plats", lang), record.place))
    if record.review.facilitator.strip():
        lines.append((tr("Mötesledare", lang), record.review.facilitator))
    if record.secretary_name.strip():
        lines.append((tr("Sekreterare", lang), record.secretary_name))
    blocks: list = [Facts(tuple(lines))]
    present = [(p, record.present_names(p)) for p in record.parties]
    if any(names for _, names in present):
        blocks.append(Paragraph(runs(bold(tr("Närvarande", lang) + ":"))))
        blocks.append(BulletList(tuple(runs(f"{party.name}: ", ", ".join(names)) for party, names in present if names)))
    return blocks


def sign_off(record: MeetingRecord, lang: str) -> list:
    """`Vid protokollet` (the secretary) and `Justeras` with one line per party."""
    blocks: list = []
    if record.secretary_name.strip():
        blocks.append(SignOff(tr("Vid protokollet", lang), (record.secretary_name,)))
    blocks.append(SignOff(tr("Justeras", lang), tuple(record.adjuster_line(p) for p in record.parties)))
    return blocks


def number_ranges(numbers: list[str], lang: str) -> str:
    """`1–5 och 7` for consecutive whole numbers; other numbers as they are."""
    if not numbers:
        return ""
    if not all(n.isdigit() for n in numbers):
        return ", ".join(numbers[:-1]) + (tr(" och ", lang) if len(numbers) > 1 else "") + numbers[-1]
    values = sorted(int(n) for n in numbers)
    groups: list[list[int]] = []
    for value in values:
        if groups and value == groups[-1][-1] + 1:
            groups[-1].append(value)
        else:
            groups.append([value])
    texts = [f"{g[0]}–{g[-1]}" if len(g) > 2 else ", ".join(map(str, g)) for g in groups]
    return ", ".join(texts[:-1]) + (tr(" och ", lang) if len(texts) > 1 else "") + texts[-1]


def genitive(name: str, lang: str) -> str:
    """Swedish genitive: `Region Nordmarks`, but `Region Söderås` (a name ending in s, x or z takes no s)."""
    if lang == "en":
        return name
    return name if name.rstrip()[-1:].lower() in ("s", "x", "z") else name.rstrip() + "s"


def meeting_date(record: MeetingRecord, meeting: Meeting, lang: str) -> str:
    """The meeting's date: `held_on`, or for the record's own meeting also its timers and notes."""
    if meeting.id == record.meeting.id:
        day = meeting_day(record)
        return dates.long_date(day, lang) if day else ""
    return date_of(meeting, lang)


def date_of(meeting: Meeting | None, lang: str) -> str:
    day = dates.day_of(meeting.held_on) if meeting else None
    return dates.long_date(day, lang) if day else ""


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
    result = [(record.questions_by_id[qid], items) for qid, items in groups.items() if qid is not None]
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


def notes_by_question_with_labels(record: MeetingRecord, notes: Iterable[Note], lang: str, level: int = 3) -> list:
    """Each question once (`### Fråga 1. …`), its notes as bullets labelled by category (`**Styrka:** …`)."""
    blocks: list = []
    for question, items in grouped(record, notes):
        blocks.append(Heading(level, question_label(question, lang)))
        blocks.append(BulletList(tuple(labelled(n, lang) for n in items)))
    return blocks


def labelled(note: Note, lang: str):
    return runs(bold(tr(CATEGORY_LABELS[category_key(note)], lang) + ":"), " " + note.text)
