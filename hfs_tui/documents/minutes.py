"""The protokoll of a meeting, as a document tree: participants, agenda, each party's notes, what goes in the reports."""

from __future__ import annotations

from ..model import ActionStatus, MeetingKind, Note, Party, Share
from ..timer import TimerPhase, slot_state
from .audience import Selection, select
from .common import (
    CATEGORY_HEADINGS,
    CATEGORY_LABELS,
    GENERAL,
    SHARED_MARK,
    by_category,
    facts_lines,
    meeting_when,
    notes_by_question,
)
from .model import BulletList, Document, Facts, Heading, Paragraph, Table, bold, runs
from .record import MeetingRecord, category_key
from .strings import check_lang, tr

AGREED_HEADING = "Överenskommet innehåll i rapporten"
FOLLOW_UP_HEADING = "Uppföljning av åtgärder"
ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Ej uppföljd",
    ActionStatus.DONE: "Genomförd",
    ActionStatus.PARTLY: "Delvis genomförd",
    ActionStatus.NOT_STARTED: "Inte påbörjad",
}
FOLLOW_UP_LABELS = ("Status", "Vad har uppnåtts", "Hur vidmakthålls förbättringsarbetet")


def _minutes(seconds: float) -> int:
    return int(seconds / 60 + 0.5)


def agenda_rows(record: MeetingRecord, lang: str) -> list:
    rows, planned_total, actual_total, started = [], 0, 0.0, False
    for slot in record.slots:
        events = [e for e in record.timer_events if e.slot_id == slot.id]
        state = slot_state(events, slot.planned_minutes, record.exported_at)
        planned_total += slot.planned_minutes
        if state.phase is TimerPhase.NOT_STARTED:
            actual = tr("ej startad", lang)
        else:
            started, actual_total = True, actual_total + state.elapsed_seconds
            minutes = _minutes(state.elapsed_seconds)
            extra = [f"+{minutes - slot.planned_minutes} min"] if minutes > slot.planned_minutes else []
            extra += [tr("pågår", lang)] if state.phase is TimerPhase.RUNNING else []
            actual = f"{minutes} min" + (f" ({', '.join(extra)})" if extra else "")
        rows.append((runs(slot.title), f"{slot.planned_minutes} min", actual))
    total = f"{_minutes(actual_total)} min" if started else "–"
    rows.append((runs(bold(tr("Totalt", lang))), f"{planned_total} min", total))
    return rows


def build_minutes(record: MeetingRecord, lang: str = "sv") -> Document:
    """The protokoll: participants, agenda with planned and actual time, each party's notes by category."""
    check_lang(lang)
    chosen = select(record, "minutes")
    title = tr("Protokoll: {title}", lang).format(title=record.meeting.title)
    facilitator = record.review.facilitator if record.review.facilitator.strip() else "–"
    blocks: list = [Heading(1, title)]
    blocks.append(Facts(facts_lines(
        record, lang, (tr("Datum", lang), meeting_when(record, lang)), (tr("Mötesledare", lang), facilitator)
    )))
    blocks.append(Heading(2, tr("Deltagare", lang)))
    for party in record.parties:
        blocks.append(Paragraph(runs(bold(party.name))))
        members = [m for m in record.members if m.party_id == party.id]
        if members:
            blocks.append(BulletList(tuple(runs(m.name + (f", {m.role}" if m.role.strip() else "")) for m in members)))
        else:
            blocks.append(Paragraph(runs(tr("Inga deltagare registrerade.", lang))))
    blocks.append(Heading(2, tr("Dagordning", lang)))
    header = tuple(tr(h, lang) for h in ("Punkt", "Planerad tid", "Faktisk tid"))
    blocks.append(Table(header, tuple(agenda_rows(record, lang))))

    follow_up = record.meeting.kind is MeetingKind.FOLLOW_UP
    for party in record.parties:
        blocks.append(Heading(2, party.name))
        notes = chosen.of(party)
        if follow_up:
            blocks += _action_follow_up(chosen, party, lang)  # the follow-up walks actions, not questions
        else:
            noted = {n.question_id for n in notes}
            silent = [q.number for q in record.questions if q.selected and q.id not in noted]
            if silent:
                text = tr("Frågor utan anteckningar: {numbers}.", lang).format(numbers=", ".join(silent))
                blocks.append(Paragraph(runs(text)))
        for category, items in by_category(notes).items():
            blocks.append(Heading(3, tr(CATEGORY_HEADINGS[category], lang)))
            if items:
                blocks += notes_by_question(record, items, lang)
            else:
                blocks.append(Paragraph(runs(tr("Inga.", lang))))

    blocks.append(Heading(2, tr(AGREED_HEADING, lang)))
    blocks.append(Paragraph(runs(tr(
        "Det som parterna kom överens om att ta med i respektive rapport. Den part som granskats äger alltid "
        "det som framkommer om den och beslutar själv vad som får spridas i HFS-nätverket.", lang
    ))))
    for party in record.parties:
        blocks.append(Paragraph(runs(bold(party.name))))
        agreed = select(record, "report", party).notes
        if agreed:
            blocks.append(BulletList(tuple(runs(_agreed_prefix(record, n, lang), n.text) for n in agreed)))
        else:
            blocks.append(Paragraph(runs(tr("Inget är markerat för rapporten.", lang))))
    return Document(title, tuple(blocks), lang=lang, kind="minutes")


def _action_follow_up(chosen: Selection, party: Party, lang: str) -> list:
    """Step 5: each of the party's actions with its status, what was achieved and how the work is sustained."""
    blocks: list = [Heading(3, tr(FOLLOW_UP_HEADING, lang))]
    actions = chosen.actions_of(party)
    if not actions:
        blocks.append(Paragraph(runs(tr("Inga åtgärder i handlingsplanen.", lang))))
    status, outcome, sustain = (tr(label, lang) for label in FOLLOW_UP_LABELS)
    for number, action in enumerate(actions, start=1):
        blocks.append(Paragraph(runs(bold(tr("Åtgärd {number}.", lang).format(number=number)), " " + action.goal)))
        blocks.append(BulletList((
            runs(f"{status}: ", tr(ACTION_STATUS_LABELS[action.status], lang)),
            runs(f"{outcome}: ", action.outcome if action.outcome.strip() else "–"),
            runs(f"{sustain}: ", action.sustain if action.sustain.strip() else "–"),
        )))
    return blocks


def _agreed_prefix(record: MeetingRecord, note: Note, lang: str) -> str:
    question = record.question_of(note)
    where = tr("fråga {number}", lang).format(number=question.number) if question else tr(GENERAL.lower(), lang)
    shared = f" ({tr(SHARED_MARK, lang)})" if note.share == Share.NETWORK else ""
    return f"{tr(CATEGORY_LABELS[category_key(note)], lang)}, {where}{shared}: "
