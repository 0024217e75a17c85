"""One party's report, as the seeds ask for it: Bakgrund, a Sammanfattning under the seeds' headings (Vad är bra ·
Vad kan förbättras · Vad har vi att lära av varandra · Goda exempel att ta med sig hem), then per question the other
party's written + / − assessments and the meeting's notes, then the action plan (seed 004's columns)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Action, Assessment, Category, MeetingKind, Note, Party, Sign
from ..templates import template_name
from .audience import select
from .common import (
    footer,
    genitive,
    grouped,
    kind_name,
    labelled,
    meeting_date,
    number_ranges,
    parties_line,
    question_label,
)
from .minutes import ACTION_STATUS_LABELS, FOLLOW_UP_LABELS
from .model import BulletList, Document, Facts, Heading, Paragraph, Table, bold, runs
from .record import MeetingRecord, category_key
from .strings import check_lang, tr

ACTION_PLAN_COLUMNS = (
    "Detta vill vi uppnå",
    "Prioriterade aktiviteter",
    "Ansvariga",
    "Tidplan",
    "Uppföljning av målet",
)
ACTION_PLAN_HEADING = "Handlingsplan"
FROM_MEETING = {
    MeetingKind.INTRO: "Från det inledande mötet",
    MeetingKind.FEEDBACK: "Från återkopplingsmötet",
    MeetingKind.FOLLOW_UP: "Från uppföljningsmötet",
}
SUMMARY_HEADINGS = (  # the seeds' questions of step 3, in their order
    (Category.STRENGTH.value, "Vad är bra"),
    (Category.IMPROVEMENT.value, "Vad kan förbättras"),
    (Category.LESSON.value, "Vad har vi att lära av varandra"),
    (Category.GOOD_EXAMPLE.value, "Goda exempel att ta med sig hem"),
)


def action_rows(record: MeetingRecord, actions: Sequence[Action], agreed: Sequence[Note], lang: str) -> list:
    """Rows of the action plan; activities that share one goal stand under it (the goal written once, as in
    seed 004). After the follow-up: status, what was achieved and how it is sustained."""
    follow_up = record.meeting.kind is MeetingKind.FOLLOW_UP
    linked = {a.note_id for a in actions}
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(" ".join(action.goal.split()).casefold(), []).append(action)
    rows = []
    for members in groups.values():
        for index, a in enumerate(members):
            row: tuple = (
                runs(a.goal) if index == 0 else "",
                a.activities,
                a.responsible,
                a.timeline,
                a.follow_up if index == 0 or a.follow_up != members[0].follow_up else "",
            )
            if follow_up:
                row += (tr(ACTION_STATUS_LABELS[a.status], lang), a.outcome, a.sustain)
            rows.append(row)
    blank = ("",) * (7 if follow_up else 4)
    rows += [(runs(n.text), *blank) for n in agreed if category_key(n) == Category.ACTION.value and n.id not in linked]
    return rows


def _background(record: MeetingRecord, party: Party, lang: str) -> list:
    lines = [(tr("Parter", lang), parties_line(record, lang))]
    members = record.team_names(party)
    if members:
        lines.append((tr("Deltagare från {party}", lang).format(party=party.name), ", ".join(members)))
    order = list(MeetingKind)  # the steps so far: a feedback report does not list the follow-up still planned
    held = [m for m in record.meetings if order.index(m.kind) <= order.index(record.meeting.kind)]
    steps = [
        f"{kind_name(m.kind, lang)} {meeting_date(record, m, lang)}" for m in held if meeting_date(record, m, lang)
    ]
    if steps:
        lines.append((tr("Genomförande", lang), ", ".join(steps)))
    picked = [q.number for q in (record.all_questions or record.questions) if q.selected]
    if picked:
        template = template_name(record.review.template, lang)
        text = tr("{numbers} i instruktionen ”{template}”", lang).format(
            numbers=number_ranges(picked, lang), template=template
        )
        lines.append((tr("Frågor", lang), text))
    if record.review.report_form.strip():
        lines.append((tr("Rapportform", lang), record.review.report_form))
    return [Heading(2, tr("Bakgrund", lang)), Facts(tuple(lines))]


def build_party_report(record: MeetingRecord, party: Party, lang: str = "sv") -> Document:
    check_lang(lang)
    chosen = select(record, "report", party)
    other = record.other(party)
    title = tr("Rapport från kollegialt lärande – {name}", lang).format(name=party.name)
    blocks: list = [Heading(1, title)]
    lead = tr("Kollegialt lärande med {other} inom HFS-nätverket.", lang).format(other=other.name if other else "–")
    blocks.append(
        Paragraph(
            runs(
                lead
                + " "
                + tr(
                    "Rapporten innehåller det som {name} har beslutat att ta med; det som framkom om {name} ägs av {name}.",
                    lang,
                ).format(name=party.name)
            )
        )
    )
    blocks += _background(record, party, lang)

    agreed = chosen.notes
    summary: list = []
    for category, heading in SUMMARY_HEADINGS:
        items = [n for n in agreed if category_key(n) == category]
        if items:
            summary += [Heading(3, tr(heading, lang)), BulletList(tuple(runs(n.text) for n in items))]
    if summary:
        blocks += [Heading(2, tr("Sammanfattning", lang)), *summary]

    per_question: list = []
    assessed: dict[int, list[Assessment]] = {}
    for assessment in chosen.assessments:
        assessed.setdefault(assessment.question_id, []).append(assessment)
    noted = dict(grouped(record, agreed))
    questions = [q for q in record.questions if q.id in assessed or q in noted]
    for question in questions:
        per_question.append(Heading(3, question_label(question, lang)))
        written = assessed.get(question.id, [])
        if written and other:
            label = tr("{name} skriftliga bedömning", lang).format(name=genitive(other.name, lang)) + ":"
            per_question.append(Paragraph(runs(bold(label))))
            per_question.append(
                BulletList(tuple(runs(bold("+" if a.sign is Sign.PLUS else "−"), " " + a.comment) for a in written))
            )
        if question in noted:
            per_question.append(Paragraph(runs(bold(tr(FROM_MEETING[record.meeting.kind], lang) + ":"))))
            per_question.append(BulletList(tuple(labelled(n, lang) for n in noted[question])))
    if None in noted:
        per_question += [
            Heading(3, question_label(None, lang)),
            BulletList(tuple(labelled(n, lang) for n in noted[None])),
        ]
    if per_question:
        blocks += [Heading(2, tr("Per fråga", lang)), *per_question]

    rows = action_rows(record, chosen.actions, agreed, lang)
    if rows:
        columns = ACTION_PLAN_COLUMNS + (FOLLOW_UP_LABELS if record.meeting.kind is MeetingKind.FOLLOW_UP else ())
        widths = (3, 4, 2, 1.5, 3) + ((1.5, 3, 3) if len(columns) > 5 else ())
        blocks.append(Heading(2, tr(ACTION_PLAN_HEADING, lang)))
        blocks.append(Table(tuple(tr(c, lang) for c in columns), tuple(rows), landscape=True, widths=widths))
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="report")
