"""The protokoll of the introductory meeting (step 1): what the two teams agreed, one § per point of the seeds'
step 1, each with its decision from stored data, and the meeting's notes as joint notes (not under one party)."""

from __future__ import annotations

from ..model import MeetingKind
from ..templates import template_name
from .audience import select
from .common import (
    date_of,
    footer,
    labelled,
    meeting_header,
    meeting_name,
    number_ranges,
    parties_line,
    question_label,
    sign_off,
)
from .model import BulletList, Document, Heading, Paragraph, bold, runs
from .record import MeetingRecord
from .strings import tr


def _hours(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def build_intro_minutes(record: MeetingRecord, lang: str) -> Document:
    chosen = select(record, "minutes")
    title = tr("Protokoll från {meeting} – {parties}", lang).format(
        meeting=meeting_name(record, lang), parties=parties_line(record, lang)
    )
    blocks: list = [Heading(1, title), *meeting_header(record, lang)]
    sections: list[tuple[str, list]] = []

    template = template_name(record.review.template, lang)
    sections.append(
        (
            tr("Genomgång av instruktionen", lang),
            [
                Paragraph(
                    runs(
                        tr(
                            "Teamen gick tillsammans igenom instruktionen för kollegialt lärande (”{template}”): stegen, tidsåtgången "
                            "och att den mottagande parten alltid är ägare av det som framkommer om den.",
                            lang,
                        ).format(template=template)
                    )
                )
            ],
        )
    )

    questions = record.all_questions or record.questions
    picked = [q for q in questions if q.selected]
    left_out = [q for q in questions if not q.selected]
    body: list = []
    if picked:
        decision = (
            tr("Frågorna {numbers} besvaras.", lang) if len(picked) > 1 else tr("Fråga {numbers} besvaras.", lang)
        )
        text = decision.format(numbers=number_ranges([q.number for q in picked], lang))
        if left_out:
            gone = tr("Frågorna {numbers} utgår.", lang) if len(left_out) > 1 else tr("Fråga {numbers} utgår.", lang)
            text += " " + gone.format(numbers=number_ranges([q.number for q in left_out], lang))
        body.append(Paragraph(runs(bold(tr("Beslut", lang) + ":"), " " + text)))
        body.append(Paragraph(runs(bold(tr("Frågor som besvaras", lang) + ":"))))
        body.append(BulletList(tuple(runs(question_label(q, lang)) for q in picked)))
        if left_out:
            body.append(Paragraph(runs(bold(tr("Frågor som utgår", lang) + ":"))))
            body.append(BulletList(tuple(runs(question_label(q, lang)) for q in left_out)))
        sections.append((tr("Vilka frågor ska besvaras", lang), body))

    agreed = []
    if record.review.confidentiality.strip():
        agreed.append(runs(bold(tr("Sekretess", lang) + ":"), " " + record.review.confidentiality))
    if record.review.report_form.strip():
        agreed.append(runs(bold(tr("Rapportform", lang) + ":"), " " + record.review.report_form))
    hours = [(p, p.hours_estimate) for p in record.parties if p.hours_estimate]
    if hours:
        per_party = "; ".join(
            tr("{party}: cirka {hours} timmar", lang).format(party=p.name, hours=_hours(h)) for p, h in hours
        )
        agreed.append(runs(bold(tr("Tidsuppskattning", lang) + ":"), " " + per_party))
    planned = [
        tr("{meeting} {when}", lang).format(meeting=_capital(tr(name, lang)), when=date_of(m, lang))
        for kind, name in ((MeetingKind.FEEDBACK, "återkopplingsmöte"), (MeetingKind.FOLLOW_UP, "uppföljningsmöte"))
        if (m := record.meeting_of_kind(kind)) is not None and date_of(m, lang)
    ]
    if planned:
        agreed.append(runs(bold(tr("Kommande möten", lang) + ":"), " " + "; ".join(planned)))
    if agreed:
        sections.append(
            (
                tr("Sekretess, rapportform och tidsuppskattning", lang),
                [Paragraph(runs(bold(tr("Beslut", lang) + ":"))), BulletList(tuple(agreed))],
            )
        )

    if chosen.notes:
        general = [n for n in chosen.notes if record.question_of(n) is None]
        on_questions = [n for n in chosen.notes if record.question_of(n) is not None]
        notes: list = [BulletList(tuple(labelled(n, lang) for n in general))] if general else []
        for question in record.questions:
            items = [n for n in on_questions if n.question_id == question.id]
            if items:
                notes.append(Paragraph(runs(bold(question_label(question, lang)))))
                notes.append(BulletList(tuple(labelled(n, lang) for n in items)))
        sections.append((tr("Övriga anteckningar", lang), notes))

    feedback = date_of(record.meeting_of_kind(MeetingKind.FEEDBACK), lang)
    if feedback:
        sections.append(
            (tr("Nästa möte", lang), [Paragraph(runs(tr("Återkopplingsmöte {when}.", lang).format(when=feedback)))])
        )
    for number, (heading, section) in enumerate(sections, start=1):
        blocks.append(Heading(2, f"§ {number} {heading}"))
        blocks += section
    blocks += sign_off(record, lang)
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="minutes")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
