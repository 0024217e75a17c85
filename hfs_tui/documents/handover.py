"""The hand-over package of steps 2–3 ("allt överlämnas till den andra parten"): one document per party with its
answers to the chosen questions, its document list and, once step 3 is done, its written + / − assessments of the
other party's answers. It holds no meeting notes: `select(record, "handover", party)` gives none."""

from __future__ import annotations

import re

from ..model import Party, Sign
from .audience import select
from .common import footer, genitive, number_ranges, question_label
from .model import BulletList, Document, Facts, Heading, Paragraph, bold, italic, runs
from .record import MeetingRecord
from .strings import check_lang, tr


def build_handover(record: MeetingRecord, party: Party, lang: str = "sv") -> Document:
    check_lang(lang)
    chosen = select(record, "handover", party)
    other = record.other(party)
    other_name = other.name if other else "–"
    title = tr("Överlämning från {name}: svar och dokument", lang).format(name=party.name)
    blocks: list = [Heading(1, title)]
    lead = tr(
        "Underlag från {name} till {other} för granskningen (steg 2 och 3 i kollegialt lärande inom HFS-nätverket).",
        lang,
    ).format(name=party.name, other=other_name)
    blocks.append(Paragraph(runs(lead)))
    chosen_questions = [q for q in (record.all_questions or record.questions) if q.selected]
    facts = [(tr("Granskning", lang), record.review.title)]
    if chosen_questions:
        facts.append((tr("Frågor", lang), number_ranges([q.number for q in chosen_questions], lang)))
    blocks.append(Facts(tuple(facts)))

    documents = [d for d in record.documents if d.party_id == party.id]
    blocks.append(Heading(2, tr("Svar", lang)))
    for question in chosen_questions:
        blocks.append(Heading(3, question_label(question, lang)))
        if question.sub_questions:
            blocks.append(BulletList(tuple(runs(italic(sub)) for sub in question.sub_questions)))
        answer = record.answers.get((question.id, party.id))
        blocks += answer_blocks(answer.text if answer else "") or [Paragraph(runs(italic(tr("Inget svar.", lang))))]
        linked = [d.title for d in documents if d.question_id == question.id]
        if linked:
            blocks.append(Paragraph(runs(bold(tr("Dokument", lang) + ":"))))
            blocks.append(BulletList(tuple(runs(title) for title in linked)))
    general = [d.title for d in documents if d.question_id not in {q.id for q in chosen_questions}]
    if general:
        blocks += [Heading(2, tr("Dokument", lang)), BulletList(tuple(runs(title) for title in general))]

    if chosen.assessments and other:
        heading = tr("{name} bedömning av {other} svar", lang).format(
            name=genitive(party.name, lang), other=genitive(other.name, lang)
        )
        blocks.append(Heading(2, heading))
        by_question = {q.id: q for q in record.all_questions or record.questions}
        grouped: dict[int, list] = {}
        for assessment in chosen.assessments:
            grouped.setdefault(assessment.question_id, []).append(assessment)
        for question_id, items in sorted(grouped.items(), key=lambda kv: _position(by_question, kv[0])):
            blocks.append(Heading(3, question_label(by_question.get(question_id), lang)))
            signs = tuple(runs(bold("+" if a.sign is Sign.PLUS else "−"), " " + a.comment) for a in items)
            blocks.append(BulletList(signs))
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="handover")


_BULLET = re.compile(r"^\s*[-*•·]\s+")


def answer_blocks(text: str) -> list:
    """An answer as the respondents wrote it: paragraphs (blank lines between them) and `- ` lists as bullet lists.
    The text stays data: a list item is a block of the tree, never Markdown passed through."""
    blocks: list = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph(runs(" ".join(paragraph))))
            paragraph.clear()
        if bullets:
            blocks.append(BulletList(tuple(runs(item) for item in bullets)))
            bullets.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            flush()
        elif _BULLET.match(line):
            if paragraph:
                flush()
            bullets.append(_BULLET.sub("", line, count=1).strip())
        elif bullets and line.startswith((" ", "\t")):
            bullets[-1] += " " + line.strip()  # a list item continued on an indented line
        else:
            if bullets:
                flush()
            paragraph.append(line.strip())
    flush()
    return blocks


def _position(questions: dict, question_id: int) -> int:
    question = questions.get(question_id)
    return question.position if question else 1_000_000
