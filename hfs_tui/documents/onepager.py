"""The network's one page per review (HFS strategidagar): who, when, a handful of strengths, lessons and good
examples, and what each party does now. Built from what the owners released only (`select(record, "onepager")`),
rendered like every document to Markdown and Word, and to a slide deck by `slides.py`."""

from __future__ import annotations

from ..model import Category, MeetingKind, Note, Party
from .audience import Selection, select
from .common import footer, kind_name, meeting_date, parties_line
from .minutes import ACTION_STATUS_LABELS
from .model import BulletList, Document, Facts, Heading, Paragraph, bold, runs
from .network import achieved_actions, achieved_line
from .record import MeetingRecord, category_key
from .strings import check_lang, tr

HANDFUL = 5  # at most this many items per heading: a page, not a list
SECTIONS = (
    (Category.STRENGTH.value, "Styrkor"),
    (Category.LESSON.value, "Lärdomar"),
    (Category.GOOD_EXAMPLE.value, "Goda exempel att ta med sig hem"),
)
NOW_HEADING = "Detta gör parterna nu"


def build_one_pager(record: MeetingRecord, lang: str = "sv") -> Document:
    check_lang(lang)
    chosen = select(record, "onepager")
    title = tr("{title} – i korthet", lang).format(title=record.review.title)
    blocks: list = [Heading(1, title), Facts(tuple(_who_and_when(record, lang)))]
    names = {p.id: p.name for p in record.parties}
    for category, heading in SECTIONS:
        items = [n for n in chosen.notes if category_key(n) == category]
        if items:
            blocks.append(Heading(2, tr(heading, lang)))
            blocks.append(BulletList(tuple(_item(n, names, lang) for n in items[:HANDFUL])))
            if len(items) > HANDFUL:
                more = tr("… och {count} till i nätverkssammanfattningen.", lang).format(count=len(items) - HANDFUL)
                blocks.append(Paragraph(runs(more)))
    now = [block for party in record.parties for block in _now(record, chosen, party, lang)]
    if now:
        blocks += [Heading(2, tr(NOW_HEADING, lang)), *now]
    if len(blocks) == 2:
        blocks.append(Paragraph(runs(tr("Ingen av parterna har ännu gett klartecken till att sprida något.", lang))))
    return Document(title, tuple(blocks), footer=footer(record, lang), lang=lang, kind="onepager")


def _who_and_when(record: MeetingRecord, lang: str) -> list[tuple[str, str]]:
    lines = [(tr("Parter", lang), parties_line(record, lang))]
    for party in record.parties:
        team = [m.name for m in record.members if m.party_id == party.id]
        if team:
            lines.append((party.name, ", ".join(team)))
    order = list(MeetingKind)
    held = [m for m in record.meetings if order.index(m.kind) <= order.index(record.meeting.kind)]
    steps = [
        f"{kind_name(m.kind, lang)} {meeting_date(record, m, lang)}" for m in held if meeting_date(record, m, lang)
    ]
    if steps:
        lines.append((tr("Genomförande", lang), ", ".join(steps)))
    return lines


def _item(note: Note, names: dict[int, str], lang: str):
    return runs(note.text, f" ({names.get(note.party_id, '–')})")


def _now(record: MeetingRecord, chosen: Selection, party: Party, lang: str) -> list:
    """The party's released actions: after the follow-up what it achieved, before it what it set out to do."""
    achieved = achieved_actions(record, chosen, party)
    if achieved:
        return [Paragraph(runs(bold(party.name))), BulletList(tuple(achieved_line(a, lang) for a in achieved))]
    planned = [a for a in chosen.actions_of(party) if a not in achieved][:HANDFUL]
    new = [n for n in chosen.of(party) if category_key(n) == Category.ACTION.value][:HANDFUL]
    lines = [runs(a.goal, f" ({tr(ACTION_STATUS_LABELS[a.status], lang).lower()})") for a in planned]
    lines += [runs(n.text) for n in new]
    if not lines:
        return []
    return [Paragraph(runs(bold(party.name))), BulletList(tuple(lines))]
