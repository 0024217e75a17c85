"""The network summary: for the HFS network and the strategy days, only what each owner released.

The release is a decision of the owning party: the footnote says who released what and when (`notes.released_at`).
After the follow-up, each party's released actions that were carried out are its achieved improvements: the most
shareable result of the review.
"""

from __future__ import annotations

from ..model import Action, ActionStatus, MeetingKind, Note, Party
from . import dates
from .audience import Selection, select
from .common import (
    CATEGORY_HEADINGS,
    by_category,
    footer,
    meeting_when,
    notes_by_question,
    parties_line,
)
from .minutes import ACTION_STATUS_LABELS
from .model import BulletList, Document, Facts, Heading, Paragraph, bold, italic, runs
from .record import MeetingRecord
from .strings import check_lang, tr

ACHIEVED = (ActionStatus.DONE, ActionStatus.PARTLY)
ACHIEVED_HEADING = "Genomförda förbättringar"


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
        achieved = achieved_actions(record, chosen, party)
        if not released and not achieved:
            text = tr("{name} har inte gett klartecken till att sprida något.", lang).format(name=party.name)
            blocks.append(Paragraph(runs(text)))
        if achieved:
            blocks.append(Heading(3, tr(ACHIEVED_HEADING, lang)))
            blocks.append(BulletList(tuple(achieved_line(a, lang) for a in achieved)))
        for category, items in by_category(released, with_decisions=True).items():
            if items:
                blocks.append(Heading(3, tr(CATEGORY_HEADINGS[category], lang)))
                blocks += notes_by_question(record, items, lang)
    blocks += release_footnote(record, chosen, lang)
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="network")


def achieved_actions(record: MeetingRecord, chosen: Selection, party: Party) -> tuple[Action, ...]:
    """The party's released actions carried out (wholly or partly): only in the follow-up's documents."""
    if record.meeting.kind is not MeetingKind.FOLLOW_UP:
        return ()
    return tuple(a for a in chosen.actions_of(party) if a.status in ACHIEVED)


def achieved_line(action: Action, lang: str):
    """`**Goal** – what was achieved (Genomförd). Vidmakthålls: how.`"""
    parts: list = [bold(action.goal), " – " + (action.outcome.strip() or "–")]
    parts.append(f" ({tr(ACTION_STATUS_LABELS[action.status], lang)}).")
    if action.sustain.strip():
        parts += [" " + tr("Vidmakthålls:", lang) + " ", action.sustain]
    return runs(*parts)


def release_footnote(record: MeetingRecord, chosen: Selection, lang: str) -> list:
    """One line per party that released something: who decided, how much, and on which days."""
    lines = []
    for party in record.parties:
        notes = chosen.of(party)
        actions = chosen.actions_of(party) if record.meeting.kind is MeetingKind.FOLLOW_UP else ()
        if not notes and not actions:
            continue
        count = len(notes) + len(actions)
        what = tr("{count} punkt" if count == 1 else "{count} punkter", lang).format(count=count)
        days = release_days(notes, lang)
        text = tr("{party} beslutade att sprida {what}", lang).format(party=party.name, what=what)
        if days:
            text += " " + tr("(frigivet {days})", lang).format(days=days)
        lines.append(runs(italic(text + ".")))
    if not lines:
        return []
    return [Paragraph(runs(italic(tr("Frigivet av ägaren:", lang)))), BulletList(tuple(lines))]


def release_days(notes: tuple[Note, ...], lang: str) -> str:
    """`10 mars 2026 och 12 mars 2026`: the days the notes were released, in order."""
    found = sorted({dates.local(m).date() for m in (dates.parsed(n.released_at) for n in notes) if m is not None})
    texts = [dates.short_date(day, lang) for day in found]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + tr(" och ", lang) + texts[-1]
