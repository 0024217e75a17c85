"""Minutes (protokoll), party reports and the network summary: pure functions from a meeting's data to Markdown.

No I/O, so the documents are tested in milliseconds and the ownership rule (DESIGN §1) is checked on the
text itself: a note its owner has not released with `share = network` never reaches the network summary.
User text is data, never markup: it goes through `md_lines`, so no note can break a document's structure.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markdown_it import MarkdownIt

from . import minutes_en
from .clock import from_iso
from .i18n import language
from .model import (
    Action, ActionStatus, Category, Meeting, MeetingKind, Member, Note, Party, Question, Review, Share, Slot, TimerEvent,
)
from .safe_text import clean
from .templates import template_name
from .timer import TimerPhase, slot_state

CATEGORY_HEADINGS: dict[Category, str] = {
    Category.STRENGTH: "Styrkor",
    Category.IMPROVEMENT: "Förbättringsområden",
    Category.GOOD_EXAMPLE: "Goda exempel att ta med hem",
    Category.LESSON: "Lärdomar",
    Category.ACTION: "Åtgärder",
    Category.NOTE: "Övriga anteckningar",
}
CATEGORY_LABELS: dict[Category, str] = {
    Category.STRENGTH: "Styrka",
    Category.IMPROVEMENT: "Förbättringsområde",
    Category.GOOD_EXAMPLE: "Gott exempel",
    Category.LESSON: "Lärdom",
    Category.ACTION: "Åtgärd",
    Category.NOTE: "Anteckning",
}
ACTION_PLAN_COLUMNS = ("Detta vill vi uppnå", "Prioriterade aktiviteter", "Ansvariga", "Tidplan", "Uppföljning av målet")
AGREED_HEADING = "Överenskommet innehåll i rapporten"
ACTION_PLAN_HEADING = "Handlingsplan för förbättringsarbetet"
FOLLOW_UP_HEADING = "Uppföljning av åtgärder"
ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Ej uppföljd",
    ActionStatus.DONE: "Genomförd",
    ActionStatus.PARTLY: "Delvis genomförd",
    ActionStatus.NOT_STARTED: "Inte påbörjad",
}
FOLLOW_UP_LABELS = ("Status", "Vad har uppnåtts", "Hur vidmakthålls förbättringsarbetet")
GENERAL = "Allmänt"
SHARED_MARK = "delas i HFS-nätverket"

_MONTHS = ("januari februari mars april maj juni juli augusti september oktober november december").split()
_WEEKDAYS = "måndag tisdag onsdag torsdag fredag lördag söndag".split()


def _(swedish: str) -> str:
    """The document text in the current language: the Swedish source, or its English from `minutes_en`."""
    return minutes_en.ENGLISH.get(swedish, swedish) if language() == "en" else swedish


try:
    LOCAL_TIME: tzinfo = ZoneInfo("Europe/Stockholm")
    _ZONE_NOTE = ""
except ZoneInfoNotFoundError:  # no time-zone database: say so rather than show UTC as local time
    LOCAL_TIME, _ZONE_NOTE = timezone.utc, " (UTC)"


@dataclass(frozen=True)
class MeetingRecord:
    """Everything one meeting's documents need, read once from the store (see `export.load_record`)."""

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

    @cached_property
    def live_notes(self) -> tuple[Note, ...]:
        """Live notes in the documents' order: question, then category, then as they were taken."""
        order = {q.id: i for i, q in enumerate(self.questions)}
        categories = {c: i for i, c in enumerate(CATEGORY_HEADINGS)}
        live = (n for n in self.notes if n.deleted_at is None)
        return tuple(sorted(live, key=lambda n: (order.get(n.question_id, len(order)), categories[n.category], n.id)))

    def question_of(self, note: Note) -> Question | None:
        return self.questions_by_id.get(note.question_id)

    @cached_property
    def questions_by_id(self) -> dict[int, Question]:
        return {q.id: q for q in self.questions}

    def other(self, party: Party) -> Party | None:
        return next((p for p in self.parties if p.id != party.id), None)


# ------------------------------------------------------------------ escaping

_SPECIAL = re.compile(r"[\\`*_\[\]<>|~#]")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LEADING = re.compile(r"^(?:[=+-]|(\d{1,9})([.)]))")
_PLAIN = re.compile(r"[^\\`*_\[\]<>|~#&\x00-\x1f\x7f-\x9f]+")


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group()


@lru_cache(maxsize=65536)
def md_lines(text: str) -> tuple[str, ...]:
    """User text as Markdown lines that show it literally, whatever it holds.

    Every character CommonMark could read as structure is backslash-escaped: emphasis, code, links,
    HTML, table pipes, headings, and what only counts at the start of a line (list markers, `1.`,
    setext `===`/`---`). Lines are stripped, so nothing becomes an indented code block or a hard break.
    """
    if _PLAIN.fullmatch(text) and text == text.strip() and not _LEADING.match(text):
        return (text,)  # the common case: one line with nothing to escape
    lines = []
    for raw in clean(text).replace("\t", " ").split("\n"):
        line = raw.strip()
        if line:
            line = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\g<0>", line))
            lines.append(_LEADING.sub(_escape_leading, line, count=1))
    return tuple(lines) or (_("(tom)"),)


def md_inline(text: str) -> str:
    """User text on one line (headings, table cells, bold labels): newlines fold to spaces."""
    return " ".join(md_lines(text))


def _bullet(text: str, prefix: str = "") -> str:
    """One list item; further lines of the text continue under the bullet, indented, never a new block."""
    first, *rest = md_lines(text)
    return "- " + prefix + first + "".join("\n  " + line for line in rest)


class _Doc:
    """Blocks of Markdown separated by blank lines, so every block stands alone."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def add(self, block: str) -> None:
        self.blocks.append(block)

    def heading(self, level: int, text: str) -> None:
        self.blocks.append("#" * level + " " + text)

    def bullets(self, items: Iterable[str]) -> None:
        self.blocks.append("\n".join(items))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in rows]
        self.blocks.append("\n".join(lines))

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


# ------------------------------------------------------------- dates, times


def _parsed(text: str) -> datetime | None:
    try:
        return from_iso(text)
    except (TypeError, ValueError):
        return None


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TIME)


def swedish_date(day: date) -> str:
    """`tisdag 10 mars 2026` (in English documents `Tuesday 10 March 2026`)."""
    weekdays, months = (minutes_en.WEEKDAYS, minutes_en.MONTHS) if language() == "en" else (_WEEKDAYS, _MONTHS)
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def _clock_time(moment: datetime) -> str:
    return f"{moment:%H:%M}" if language() == "en" else f"{moment:%H.%M}"


def _meeting_when(record: MeetingRecord) -> str:
    """Date from `held_on` if set, else from the timers or the first note; times from the timer events."""
    moments = sorted(_local(m) for m in map(_parsed, (e.at for e in record.timer_events)) if m is not None)
    day: date | None = None
    if record.meeting.held_on:
        try:
            day = date.fromisoformat(record.meeting.held_on[:10])
        except ValueError:
            return md_inline(record.meeting.held_on)
    elif moments:
        day = moments[0].date()
    elif record.live_notes:
        first = _parsed(min(n.created_at for n in record.live_notes))
        day = _local(first).date() if first else None
    if day is None:
        return _("inget datum registrerat")
    when = swedish_date(day)
    same_day = [m for m in moments if m.date() == day]
    if same_day:
        start, end = _clock_time(same_day[0]), _clock_time(same_day[-1])
        when = _("{day}, kl. {time}").format(day=when, time=start + (f"–{end}" if end != start else "") + _ZONE_NOTE)
    return when


def _stamp(moment: datetime) -> str:
    local = _local(moment)
    months = minutes_en.MONTHS if language() == "en" else _MONTHS
    day = f"{local.day} {months[local.month - 1]} {local.year}"
    return _("{day} kl. {time}").format(day=day, time=_clock_time(local) + _ZONE_NOTE)


def _minutes(seconds: float) -> int:
    return int(seconds / 60 + 0.5)


# ------------------------------------------------------------------- pieces


def _facts(record: MeetingRecord, *lines: str) -> str:
    facts = [_("Granskning: {title}").format(title=md_inline(record.review.title))]
    name = template_name(record.review.template, language())
    facts.append(_("Mall: {name}").format(name=md_inline(name)))
    facts += lines
    facts.append(_("Sammanställt: {stamp}").format(stamp=_stamp(record.exported_at)))
    return "\n".join("- " + fact for fact in facts)


def _question_label(question: Question | None) -> str:
    if question is None:
        return _(GENERAL)
    return _("Fråga {number}. {text}").format(number=md_inline(question.number), text=md_inline(question.text))


def _grouped(record: MeetingRecord, notes: Iterable[Note]) -> list[tuple[Question | None, list[Note]]]:
    """Consecutive notes (already in document order) grouped by question; general notes come last."""
    groups: dict[int | None, list[Note]] = {}
    for note in notes:
        question = record.question_of(note)
        groups.setdefault(question.id if question else None, []).append(note)
    general = groups.pop(None, None)
    result = [(record.questions_by_id[qid], items) for qid, items in groups.items()]
    return result + ([(None, general)] if general else [])


def _notes_by_question(doc: _Doc, record: MeetingRecord, notes: Iterable[Note]) -> None:
    for question, items in _grouped(record, notes):
        label = _(GENERAL) if question is None else _("Fråga {number}.").format(number=md_inline(question.number))
        text = f"**{label}**" if question is None else f"**{label}** {md_inline(question.text)}"
        doc.add(text)
        doc.bullets(_bullet(note.text) for note in items)


def _by_category(notes: Iterable[Note]) -> dict[Category, list[Note]]:
    result: dict[Category, list[Note]] = {category: [] for category in CATEGORY_HEADINGS}
    for note in notes:
        result[note.category].append(note)
    return result


def _party_notes(record: MeetingRecord, party: Party, *, report: bool = False, network: bool = False) -> list[Note]:
    """The only filter the documents use: a party's own notes, optionally only those agreed or released."""
    return [
        n
        for n in record.live_notes
        if n.party_id == party.id
        and (not report or n.in_report)
        and (not network or (n.in_report and n.share is Share.NETWORK))
    ]


# ------------------------------------------------------------------- minutes


def _agenda(record: MeetingRecord) -> list[list[str]]:
    rows, planned_total, actual_total, started = [], 0, 0.0, False
    for slot in record.slots:
        events = [e for e in record.timer_events if e.slot_id == slot.id]
        state = slot_state(events, slot.planned_minutes, record.exported_at)
        planned_total += slot.planned_minutes
        if state.phase is TimerPhase.NOT_STARTED:
            actual = _("ej startad")
        else:
            started, actual_total = True, actual_total + state.elapsed_seconds
            minutes = _minutes(state.elapsed_seconds)
            extra = [f"+{minutes - slot.planned_minutes} min"] if minutes > slot.planned_minutes else []
            extra += [_("pågår")] if state.phase is TimerPhase.RUNNING else []
            actual = f"{minutes} min" + (f" ({', '.join(extra)})" if extra else "")
        rows.append([md_inline(slot.title), f"{slot.planned_minutes} min", actual])
    total = f"{_minutes(actual_total)} min" if started else "–"
    rows.append([_("**Totalt**"), f"{planned_total} min", total])
    return rows


def render_minutes(record: MeetingRecord) -> str:
    """The protokoll: participants, agenda with planned and actual time, each party's notes by category."""
    doc = _Doc()
    doc.heading(1, _("Protokoll: {title}").format(title=md_inline(record.meeting.title)))
    facilitator = md_inline(record.review.facilitator) if record.review.facilitator.strip() else "–"
    doc.add(_facts(record, _("Datum: {when}").format(when=_meeting_when(record)), _("Mötesledare: {name}").format(name=facilitator)))

    doc.heading(2, _("Deltagare"))
    for party in record.parties:
        doc.add(f"**{md_inline(party.name)}**")
        members = [m for m in record.members if m.party_id == party.id]
        if members:
            doc.bullets(_bullet(m.name + (f", {m.role}" if m.role.strip() else "")) for m in members)
        else:
            doc.add(_("Inga deltagare registrerade."))

    doc.heading(2, _("Dagordning"))
    doc.table([_(h) for h in ("Punkt", "Planerad tid", "Faktisk tid")], _agenda(record))

    follow_up = record.meeting.kind is MeetingKind.FOLLOW_UP
    for party in record.parties:
        doc.heading(2, md_inline(party.name))
        notes = _party_notes(record, party)
        if follow_up:
            _action_follow_up(doc, record, party)  # the follow-up walks actions, not questions
        else:
            noted = {n.question_id for n in notes}
            silent = [md_inline(q.number) for q in record.questions if q.selected and q.id not in noted]
            if silent:
                doc.add(_("Frågor utan anteckningar: {numbers}.").format(numbers=", ".join(silent)))
        for category, items in _by_category(notes).items():
            doc.heading(3, _(CATEGORY_HEADINGS[category]))
            if items:
                _notes_by_question(doc, record, items)
            else:
                doc.add(_("Inga."))

    doc.heading(2, _(AGREED_HEADING))
    doc.add(
        _(
            "Det som parterna kom överens om att ta med i respektive rapport. Den part som granskats äger alltid "
            "det som framkommer om den och beslutar själv vad som får spridas i HFS-nätverket."
        )
    )
    for party in record.parties:
        doc.add(f"**{md_inline(party.name)}**")
        agreed = _party_notes(record, party, report=True)
        if agreed:
            doc.bullets(_bullet(n.text, _agreed_prefix(record, n)) for n in agreed)
        else:
            doc.add(_("Inget är markerat för rapporten."))
    return doc.text()


def _action_follow_up(doc: _Doc, record: MeetingRecord, party: Party) -> None:
    """Step 5: each of the party's actions with its status, what was achieved and how the work is sustained."""
    doc.heading(3, _(FOLLOW_UP_HEADING))
    actions = [a for a in record.actions if a.party_id == party.id and a.deleted_at is None]
    if not actions:
        doc.add(_("Inga åtgärder i handlingsplanen."))
    status, outcome, sustain = (_(label) for label in FOLLOW_UP_LABELS)
    for number, action in enumerate(actions, start=1):
        doc.add(_("**Åtgärd {number}.** {goal}").format(number=number, goal=md_inline(action.goal)))
        doc.bullets(
            [
                f"- {status}: {_(ACTION_STATUS_LABELS[action.status])}",
                _bullet(action.outcome, f"{outcome}: ") if action.outcome.strip() else f"- {outcome}: –",
                _bullet(action.sustain, f"{sustain}: ") if action.sustain.strip() else f"- {sustain}: –",
            ]
        )


def _agreed_prefix(record: MeetingRecord, note: Note) -> str:
    question = record.question_of(note)
    where = _("fråga {number}").format(number=md_inline(question.number)) if question else _(GENERAL.lower())
    shared = f" ({_(SHARED_MARK)})" if note.share is Share.NETWORK else ""
    return f"{_(CATEGORY_LABELS[note.category])}, {where}{shared}: "


# ------------------------------------------------------------- party report


def _action_rows(record: MeetingRecord, party: Party, agreed: Sequence[Note]) -> list[list[str]]:
    """The party's action-plan rows, plus agreed `>` notes that have not become an action row yet."""
    actions = [a for a in record.actions if a.party_id == party.id and a.deleted_at is None]
    linked = {a.note_id for a in actions}
    rows = [[md_inline(a.goal), *(md_inline(v) if v.strip() else "" for v in (a.activities, a.responsible, a.timeline, a.follow_up))] for a in actions]
    rows += [[md_inline(n.text), "", "", "", ""] for n in agreed if n.category is Category.ACTION and n.id not in linked]
    return rows


def render_party_report(record: MeetingRecord, party: Party) -> str:
    """One party's report: only its own notes agreed for the report, by question and category, and its action plan."""
    doc = _Doc()
    name = md_inline(party.name)
    doc.heading(1, _("Rapport: {name}").format(name=name))
    other = record.other(party)
    lines = [_("Motpart: {name}").format(name=md_inline(other.name))] if other else []
    lines.append(_("Möte: {title}, {when}").format(title=md_inline(record.meeting.title), when=_meeting_when(record)))
    doc.add(_facts(record, *lines))
    doc.add(
        _(
            "Rapporten innehåller det som parterna kom överens om att dokumentera om {name}. "
            "{name} äger innehållet och beslutar vad som får spridas i HFS-nätverket."
        ).format(name=name)
    )
    agreed = _party_notes(record, party, report=True)
    if not agreed:
        doc.add(_("Inga anteckningar är markerade för rapporten."))
    for question, items in _grouped(record, agreed):
        doc.heading(2, _question_label(question))
        for category, notes in _by_category(items).items():
            if notes:
                doc.heading(3, _(CATEGORY_HEADINGS[category]))
                doc.bullets(_bullet(n.text) for n in notes)

    doc.heading(2, _(ACTION_PLAN_HEADING))
    rows = _action_rows(record, party, agreed)
    if rows:
        doc.table([_(column) for column in ACTION_PLAN_COLUMNS], rows)
    else:
        doc.add(_("Inga åtgärder är beslutade ännu."))
    return doc.text()


# ---------------------------------------------------------- network summary


def render_network_summary(record: MeetingRecord) -> str:
    """For the HFS network and the strategy days: only what each owner released (`network`, in the report)."""
    doc = _Doc()
    doc.heading(1, _("Nätverkssammanfattning: {title}").format(title=md_inline(record.review.title)))
    parties = _(" och ").join(md_inline(p.name) for p in record.parties)
    meeting = _("Möte: {title}, {when}").format(title=md_inline(record.meeting.title), when=_meeting_when(record))
    doc.add(_facts(record, _("Parter: {names}").format(names=parties), meeting))
    doc.add(
        _(
            "Sammanfattningen innehåller endast det som respektive part har gett klartecken till att sprida i "
            "HFS-nätverket, som underlag till nätverket och HFS strategidagar. Varje bidrag står under den part "
            "som äger det."
        )
    )
    for party in record.parties:
        doc.heading(2, md_inline(party.name))
        released = _party_notes(record, party, network=True)
        if not released:
            doc.add(_("{name} har inte gett klartecken till att sprida något.").format(name=md_inline(party.name)))
        for category, items in _by_category(released).items():
            if items:
                doc.heading(3, _(CATEGORY_HEADINGS[category]))
                _notes_by_question(doc, record, items)
    return doc.text()


# --------------------------------------------------------------------- HTML

_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
{body}</body>
</html>
"""


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, raw HTML off: the parser for the HTML version and for the tests."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(markdown_text: str, title: str) -> str:
    """A small complete HTML page; any HTML in user text is shown as text, never run."""
    body = markdown_parser().render(markdown_text)
    return _PAGE.format(lang=language(), title=html.escape(clean(title).replace("\n", " ")), body=body)
