"""The protokoll of the feedback and the follow-up meeting (the intro meeting's is in `intro.py`).

Swedish conventions (../shared/examples): "Protokoll från <möte> – <part A> och <part B>", datum with the actual
time, plats, närvarande per party, mötesledare and sekreterare, numbered § following the agenda, Beslut when there
are decisions, Nästa möte, "Vid protokollet" and "Justeras". Empty sections are left out.
"""

from __future__ import annotations

from ..model import Action, ActionStatus, Category, MeetingKind, Note, Party, Share
from ..timer import TimerPhase, slot_state
from .audience import Selection, select
from .common import (
    CATEGORY_LABELS,
    GENERAL,
    SHARED_MARK,
    date_of,
    footer,
    kind_name,
    meeting_header,
    meeting_name,
    notes_by_question_with_labels,
    parties_line,
    sign_off,
)
from .model import BulletList, Document, Heading, Paragraph, Table, bold, runs
from .record import MeetingRecord, category_key
from .strings import check_lang, tr

AGREED_HEADING = "Överenskommet innehåll i rapporterna"
FOLLOW_UP_HEADING = "Uppföljning av åtgärder"
NEW_ACTIONS_HEADING = "Nya åtgärder"
ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Ej uppföljd",
    ActionStatus.DONE: "Genomförd",
    ActionStatus.PARTLY: "Delvis genomförd",
    ActionStatus.NOT_STARTED: "Inte påbörjad",
}
FOLLOW_UP_LABELS = ("Status", "Vad har uppnåtts", "Hur vidmakthålls förbättringsarbetet")
PLAN_LABELS = ("Prioriterade aktiviteter", "Ansvariga", "Tidplan", "Uppföljning av målet")


def _minutes(seconds: float) -> int:
    return int(seconds / 60 + 0.5)


def agenda_rows(record: MeetingRecord, lang: str, numbered: bool = True) -> list:
    rows, planned_total, actual_total, started = [], 0, 0.0, False
    for number, slot in enumerate(record.slots, start=1):
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
        rows.append(((str(number),) if numbered else ()) + (runs(slot.title), f"{slot.planned_minutes} min", actual))
    total = f"{_minutes(actual_total)} min" if started else "–"
    rows.append((("",) if numbered else ()) + (runs(bold(tr("Totalt", lang))), f"{planned_total} min", total))
    return rows


def _slot_title(record: MeetingRecord, party: Party, lang: str) -> str:
    slot = next((s for s in record.slots if s.party_id == party.id), None)
    return slot.title if slot and slot.title.strip() else tr("Återkoppling till {name}", lang).format(name=party.name)


def build_minutes(record: MeetingRecord, lang: str = "sv") -> Document:
    check_lang(lang)
    if record.meeting.kind is MeetingKind.INTRO:
        from .intro import build_intro_minutes

        return build_intro_minutes(record, lang)
    chosen = select(record, "minutes")
    follow_up = record.meeting.kind is MeetingKind.FOLLOW_UP
    title = tr("Protokoll från {meeting} – {parties}", lang).format(
        meeting=meeting_name(record, lang), parties=parties_line(record, lang)
    )
    blocks: list = [Heading(1, title), *meeting_header(record, lang)]
    if record.slots:
        header = ("§", *(tr(h, lang) for h in ("Punkt", "Planerad tid", "Faktisk tid")))
        blocks.append(Table(header, tuple(agenda_rows(record, lang)), widths=(0.5, 5, 1.5, 2)))
    sections: list[tuple[str, list]] = []
    decisions = [n for n in chosen.notes if category_key(n) == "decision"]
    for party in record.parties:
        notes = [n for n in chosen.of(party) if category_key(n) != "decision"]
        body: list = []
        if follow_up:
            body += _action_follow_up(chosen, party, lang)
            new = [n for n in notes if category_key(n) == Category.ACTION.value]
            if new:
                body.append(Heading(3, tr(NEW_ACTIONS_HEADING, lang)))
                body.append(BulletList(tuple(_where(record, n, lang) for n in new)))
            notes = [n for n in notes if category_key(n) != Category.ACTION.value]
        else:
            noted = {n.question_id for n in notes}
            silent = [q.number for q in record.questions if q.selected and q.id not in noted]
            if silent and notes:
                text = tr("Frågor utan anteckningar: {numbers}.", lang).format(numbers=", ".join(silent))
                body.append(Paragraph(runs(text)))
        body += notes_by_question_with_labels(record, notes, lang)
        sections.append((_slot_title(record, party, lang), body))
    if decisions:
        sections.append((tr("Beslut", lang), [BulletList(tuple(_where(record, n, lang) for n in decisions))]))
    agreed: list = []
    for party in record.parties:
        items = select(record, "report", party).notes
        if items:
            agreed.append(Paragraph(runs(bold(party.name))))
            agreed.append(BulletList(tuple(runs(_agreed_prefix(record, n, lang), n.text) for n in items)))
    if agreed:
        intro = Paragraph(
            runs(
                tr(
                    "Det som parterna kom överens om att ta med i respektive rapport. Den part som granskats äger alltid "
                    "det som framkommer om den och beslutar själv vad som får spridas i HFS-nätverket.",
                    lang,
                )
            )
        )
        sections.append((tr(AGREED_HEADING, lang), [intro, *agreed]))
    next_meeting_text = next_meeting(record, lang)
    if next_meeting_text:
        sections.append((tr("Nästa möte", lang), [Paragraph(runs(next_meeting_text))]))
    for number, (heading, body) in enumerate(sections, start=1):
        blocks.append(Heading(2, f"§ {number} {heading}"))
        blocks += body
    blocks += sign_off(record, lang)
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="minutes")


def next_meeting(record: MeetingRecord, lang: str) -> str:
    """`Uppföljningsmöte tisdag 9 mars 2027.` when the next meeting has a date."""
    following = {MeetingKind.INTRO: MeetingKind.FEEDBACK, MeetingKind.FEEDBACK: MeetingKind.FOLLOW_UP}
    kind = following.get(record.meeting.kind)
    when = date_of(record.meeting_of_kind(kind), lang) if kind else ""
    if not when or kind is None:
        return ""
    name = kind_name(kind, lang)
    return f"{name[:1].upper()}{name[1:]} {when}."


def _where(record: MeetingRecord, note: Note, lang: str):
    question = record.question_of(note)
    where = tr("Fråga {number}.", lang).format(number=question.number) if question else tr(GENERAL, lang) + ":"
    return runs(bold(where), " " + note.text)


def _action_follow_up(chosen: Selection, party: Party, lang: str) -> list:
    """Step 5: each action with its plan (Tidplan, Ansvariga, Uppföljning av målet), status and outcome."""
    actions = chosen.actions_of(party)
    if not actions:
        return []
    blocks: list = [Heading(3, tr(FOLLOW_UP_HEADING, lang))]
    for number, action in enumerate(actions, start=1):
        blocks.append(Paragraph(runs(bold(tr("Åtgärd {number}.", lang).format(number=number)), " " + action.goal)))
        blocks.append(BulletList(tuple(_follow_up_lines(action, lang))))
    return blocks


def _follow_up_lines(action: Action, lang: str) -> list:
    plan = dict(zip(PLAN_LABELS, (action.activities, action.responsible, action.timeline, action.follow_up)))
    lines = [runs(f"{tr(label, lang)}: ", value) for label, value in plan.items() if value.strip()]
    status, outcome, sustain = (tr(label, lang) for label in FOLLOW_UP_LABELS)
    lines.append(runs(f"{status}: ", tr(ACTION_STATUS_LABELS[action.status], lang)))
    lines.append(runs(f"{outcome}: ", action.outcome if action.outcome.strip() else "–"))
    lines.append(runs(f"{sustain}: ", action.sustain if action.sustain.strip() else "–"))
    return lines


def _agreed_prefix(record: MeetingRecord, note: Note, lang: str) -> str:
    question = record.question_of(note)
    where = tr("fråga {number}", lang).format(number=question.number) if question else tr(GENERAL.lower(), lang)
    shared = f" ({tr(SHARED_MARK, lang)})" if note.share == Share.NETWORK else ""
    return f"{tr(CATEGORY_LABELS[category_key(note)], lang)}, {where}{shared}: "
