"""One party's report: only its own notes agreed for the report, by question and category, and its action plan."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Action, Category, Note, Party
from .audience import select
from .common import (
    CATEGORY_HEADINGS,
    by_category,
    facts_lines,
    grouped,
    meeting_when,
    question_label,
)
from .model import BulletList, Document, Facts, Heading, Paragraph, Table, runs
from .record import MeetingRecord, category_key
from .strings import check_lang, tr

ACTION_PLAN_COLUMNS = ("Detta vill vi uppnå", "Prioriterade aktiviteter", "Ansvariga", "Tidplan", "Uppföljning av målet")
ACTION_PLAN_HEADING = "Handlingsplan för förbättringsarbetet"


def action_rows(actions: Sequence[Action], agreed: Sequence[Note]) -> list:
    """The party's action-plan rows, plus agreed `>` notes that have not become an action row yet."""
    linked = {a.note_id for a in actions}
    rows = [(runs(a.goal), a.activities, a.responsible, a.timeline, a.follow_up) for a in actions]
    rows += [(runs(n.text), "", "", "", "") for n in agreed if category_key(n) == Category.ACTION.value and n.id not in linked]
    return rows


def build_party_report(record: MeetingRecord, party: Party, lang: str = "sv") -> Document:
    check_lang(lang)
    chosen = select(record, "report", party)
    title = tr("Rapport: {name}", lang).format(name=party.name)
    blocks: list = [Heading(1, title)]
    other = record.other(party)
    lines = [(tr("Motpart", lang), other.name)] if other else []
    lines.append((tr("Möte", lang), f"{record.meeting.title}, {meeting_when(record, lang)}"))
    blocks.append(Facts(facts_lines(record, lang, *lines)))
    blocks.append(Paragraph(runs(tr(
        "Rapporten innehåller det som parterna kom överens om att dokumentera om {name}. "
        "{name} äger innehållet och beslutar vad som får spridas i HFS-nätverket.", lang
    ).format(name=party.name))))
    agreed = chosen.notes
    if not agreed:
        blocks.append(Paragraph(runs(tr("Inga anteckningar är markerade för rapporten.", lang))))
    for question, items in grouped(record, agreed):
        blocks.append(Heading(2, question_label(question, lang)))
        for category, notes in by_category(items, with_decisions=True).items():
            if notes:
                blocks.append(Heading(3, tr(CATEGORY_HEADINGS[category], lang)))
                blocks.append(BulletList(tuple(runs(n.text) for n in notes)))
    blocks.append(Heading(2, tr(ACTION_PLAN_HEADING, lang)))
    rows = action_rows(chosen.actions, agreed)
    if rows:
        header = tuple(tr(column, lang) for column in ACTION_PLAN_COLUMNS)
        blocks.append(Table(header, tuple(rows), landscape=True, widths=(3, 4, 2, 1.5, 3)))
    else:
        blocks.append(Paragraph(runs(tr("Inga åtgärder är beslutade ännu.", lang))))
    return Document(title, tuple(blocks), lang=lang, kind="report")
