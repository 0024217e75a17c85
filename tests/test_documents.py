"""The document package: ownership through one function, language as a value, every text translated, invisible
characters made visible. Documents are built from generated records and read back as text."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from hfs_tui.documents import audience, markdown, slides
from hfs_tui.documents.export import ALL_PARTS, build_documents
from hfs_tui.documents.strings import ENGLISH
from hfs_tui.model import Action, ActionStatus, Assessment, Category, MeetingKind, Share, Sign
from tests.test_minutes import PARTIES, make_record, note

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"N\d{6}X")


def generated(seed: int, count: int = 300):
    """Notes with random owner, category, flags and deletion, then random owner switches (the `o` key)."""
    rng = random.Random(seed)
    notes = [
        note(
            i,
            f"N{i:06d}X",
            party=rng.choice((1, 2)),
            category=rng.choice(list(Category)),
            question=rng.choice((None, 1, 2, 3, 99)),
            in_report=rng.random() < 0.5,
            share=rng.choice((Share.INTERNAL, Share.NETWORK)),
            deleted=rng.random() < 0.15,
        )
        for i in range(1, count + 1)
    ]
    for _ in range(count // 3):
        index = rng.randrange(count)
        notes[index] = replace(notes[index], party_id=3 - notes[index].party_id)
    actions = tuple(
        Action(
            i,
            1,
            rng.choice((1, 2)),
            f"A{i:06d}Y",
            deleted_at="2026-03-10" if rng.random() < 0.2 else None,
            in_report=rng.random() < 0.5,
            share=rng.choice((Share.INTERNAL, Share.NETWORK)),
            status=rng.choice(list(ActionStatus)),
            outcome=f"A{i:06d}Y uppnått",
        )
        for i in range(1, 40)
    )
    assessments = tuple(
        Assessment(i, rng.choice((1, 2, 3)), party, 3 - party, rng.choice(list(Sign)), f"B{i:06d}Z", "2026-03-01")
        for i, party in ((i, rng.choice((1, 2))) for i in range(1, 30))
    )
    record = replace(make_record(notes), actions=actions, assessments=assessments)
    return record, notes, actions


def tokens(text: str, pattern: str = r"N\d{6}X") -> set[str]:
    return set(re.findall(pattern, text))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", [MeetingKind.FEEDBACK, MeetingKind.FOLLOW_UP])
def test_every_document_holds_exactly_what_its_audience_may_see(seed, lang, kind):
    record, notes, actions = generated(seed)
    record = replace(record, meeting=replace(record.meeting, kind=kind))
    live = [n for n in notes if n.deleted_at is None]
    trees = build_documents(record, ALL_PARTS, lang=lang)
    documents = [markdown.render(doc) for _, doc in trees]
    minutes, report_a, report_b, network, one_pager, handover_a, handover_b = documents
    assert tokens(minutes) == {f"N{n.id:06d}X" for n in live}
    for party, report in zip(PARTIES, (report_a, report_b)):
        assert tokens(report) == {f"N{n.id:06d}X" for n in live if n.party_id == party.id and n.in_report}
        mine = {f"A{a.id:06d}Y" for a in actions if a.party_id == party.id and a.deleted_at is None and a.in_report}
        assert tokens(report, r"A\d{6}Y") == mine
        about = {f"B{a.id:06d}Z" for a in record.assessments if a.party_id == party.id}
        assert tokens(report, r"B\d{6}Z") == about
    released = {f"N{n.id:06d}X" for n in live if n.in_report and n.share is Share.NETWORK}
    released_actions = [a for a in actions if a.deleted_at is None and a.in_report and a.share is Share.NETWORK]
    assert tokens(network) == released
    achieved = {f"A{a.id:06d}Y" for a in released_actions if a.status in (ActionStatus.DONE, ActionStatus.PARTLY)}
    assert tokens(network, r"A\d{6}Y") == (achieved if kind is MeetingKind.FOLLOW_UP else set())
    # the one-pager (and its slides) hold a handful of what was released, never anything else
    deck = slides.render(trees[4][1])
    assert tokens(one_pager) and tokens(one_pager) <= released and tokens(deck) == tokens(one_pager)
    assert tokens(one_pager, r"A\d{6}Y") <= {f"A{a.id:06d}Y" for a in released_actions}
    assert tokens(one_pager, r"B\d{6}Z") == set()
    # the hand-over package: no meeting note or action at all; the party's own assessments of the other party
    for party, handover in zip(PARTIES, (handover_a, handover_b)):
        assert tokens(handover) == set() and tokens(handover, r"A\d{6}Y") == set()
        by_party = {f"B{a.id:06d}Z" for a in record.assessments if a.reviewer_party_id == party.id}
        assert tokens(handover, r"B\d{6}Z") == by_party


def test_builders_filter_only_through_audience_select():
    """No builder looks at the flags itself: `in_report`, `share` and `deleted_at` are read in audience.py only."""
    for path in (ROOT / "hfs_tui" / "documents").glob("*.py"):
        if path.name in ("audience.py", "record.py"):
            continue
        source = path.read_text(encoding="utf-8")
        for flag in (".in_report", ".deleted_at", "Share.INTERNAL"):
            assert flag not in source, (path.name, flag)
        builders = ("minutes.py", "report.py", "network.py", "onepager.py", "handover.py")
        assert "select(" in source or path.name not in builders


def test_report_audience_needs_its_party():
    record = make_record([])
    with pytest.raises(ValueError):
        audience.select(record, "report")
    with pytest.raises(ValueError):
        audience.select(record, "network", PARTIES[0])


def test_language_is_a_value_not_a_cache():
    """The same text renders "(tom)" in Swedish and "(empty)" in English, in any order (no cached rendering)."""
    record = make_record([note(1, "   ")])
    for lang, label, empty in (
        ("sv", "Styrka", "(tom)"),
        ("en", "Strength", "(empty)"),
        ("sv", "Styrka", "(tom)"),
        ("en", "Strength", "(empty)"),
    ):
        text = markdown.render(build_documents(record, ("minutes",), lang=lang)[0][1])
        assert f"- **{label}:** {empty}" in text
        assert ("(empty)" if lang == "sv" else "(tom)") not in text


def test_every_document_text_has_an_english_version():
    literal = re.compile(r"""\btr\(\s*((?:"[^"]*"\s*)+),""")
    texts = set()
    for path in (ROOT / "hfs_tui" / "documents").glob("*.py"):
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            texts.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    from hfs_tui.documents import common, export, minutes, network, onepager, report

    constants = [
        *common.CATEGORY_HEADINGS.values(),
        *common.CATEGORY_LABELS.values(),
        *report.ACTION_PLAN_COLUMNS,
        *minutes.ACTION_STATUS_LABELS.values(),
        *minutes.FOLLOW_UP_LABELS,
        minutes.AGREED_HEADING,
        report.ACTION_PLAN_HEADING,
        minutes.FOLLOW_UP_HEADING,
        common.GENERAL,
        common.GENERAL.lower(),
        *common.KIND_NAMES.values(),
        *report.FROM_MEETING.values(),
        *(h for _, h in report.SUMMARY_HEADINGS),
        minutes.NEW_ACTIONS_HEADING,
        network.ACHIEVED_HEADING,
        onepager.NOW_HEADING,
        *(h for _, h in onepager.SECTIONS),
        export.ONE_PAGER_FILE,
        export.SLIDES_FILE,
        export.HANDOVER_FILE,
        "{count} punkt",
        "{count} punkter",
    ]
    assert len(texts) > 30
    assert sorted((texts | set(constants)) - ENGLISH.keys()) == []


def test_unknown_category_is_shown_as_a_plain_note():
    strange = replace(note(1, "N000001X"), category="something-new")
    text = markdown.render(build_documents(make_record([strange]), ("minutes",), lang="sv")[0][1])
    assert "- **Anteckning:** N000001X" in text


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\ufeff"


def test_bidi_overrides_are_shown_and_zero_width_characters_removed():
    text = "avtal\u202eslutet" + ZERO_WIDTH + "dolt"
    record = make_record([note(1, text)])
    record = replace(record, parties=(replace(PARTIES[0], name="Region\u202eNord\u200b"), PARTIES[1]))
    for _stem, doc in build_documents(record, lang="sv"):
        rendered = markdown.render(doc)
        page = markdown.render_html(rendered, doc.title)
        for output in (rendered, page):
            assert not any(c in output for c in BIDI + ZERO_WIDTH), _stem
        assert "Region⟨U+202E⟩Nord" in rendered
    minutes = markdown.render(build_documents(record, ("minutes",), lang="sv")[0][1])
    assert "avtal⟨U+202E⟩slutetdolt" in minutes


@pytest.mark.parametrize("seed", range(4))
def test_the_one_pager_takes_released_notes_of_every_meeting_and_nothing_else(seed):
    record, notes, _ = generated(seed)
    other, _, _ = generated(seed + 100)
    earlier = tuple(replace(n, id=n.id + 5000, meeting_id=2, text=f"N{n.id + 5000:06d}X") for n in other.notes)
    record = replace(record, review_notes=tuple(notes) + earlier)
    page = markdown.render(dict(build_documents(record, ("onepager",), lang="sv")).popitem()[1])
    every = list(notes) + list(earlier)
    released = {f"N{n.id:06d}X" for n in every if n.deleted_at is None and n.in_report and n.share is Share.NETWORK}
    assert tokens(page) and tokens(page) <= released
    assert any(int(token[1:7]) > 5000 for token in tokens(page))  # an earlier meeting's release is on the page
