"""The network summary: for the HFS network and the strategy days, only what each owner released."""

from __future__ import annotations

from .audience import select
from .common import (
    CATEGORY_HEADINGS,
    by_category,
    footer,
    meeting_when,
    notes_by_question,
    parties_line,
)
from .model import Document, Facts, Heading, Paragraph, runs
from .record import MeetingRecord
from .strings import check_lang, tr


def build_network_summary(record: MeetingRecord, lang: str = "sv") -> Document:
    check_lang(lang)
    chosen = select(record, "network")
    title = tr("Nätverkssammanfattning: {title}", lang).format(title=record.review.title)
    meeting = f"{record.meeting.title}, {meeting_when(record, lang)}"
    blocks: list = [Heading(1, title)]
    blocks.append(Facts(((tr("Parter", lang), parties_line(record, lang)), (tr("Möte", lang), meeting))))
    blocks.append(
        Paragraph(
            runs(
                tr(
                    "Sammanfattningen innehåller endast det som respektive part har gett klartecken till att sprida i "
                    "HFS-nätverket, som underlag till nätverket och HFS strategidagar. Varje bidrag står under den part "
                    "som äger det.",
                    lang,
                )
            )
        )
    )
    for party in record.parties:
        blocks.append(Heading(2, party.name))
        released = chosen.of(party)
        if not released:
            text = tr("{name} har inte gett klartecken till att sprida något.", lang).format(name=party.name)
            blocks.append(Paragraph(runs(text)))
        for category, items in by_category(released, with_decisions=True).items():
            if items:
                blocks.append(Heading(3, tr(CATEGORY_HEADINGS[category], lang)))
                blocks += notes_by_question(record, items, lang)
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="network")
