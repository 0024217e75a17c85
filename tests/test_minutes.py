"""Minutes, party reports and the network summary: golden files, structure, literal user text, ownership.

Every document is parsed with markdown-it-py: the headings must be exactly the agreed ones and each note must
sit, as literal text, under its own party and category. Regenerate the golden files with HFS_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hfs_tui.clock import FakeClock, to_iso
from hfs_tui.documents import slides
from hfs_tui.documents.export import ALL_PARTS, build_documents, slides_stem
from hfs_tui.documents.markdown import render
from hfs_tui.export import load_record
from hfs_tui.minutes import (
    CATEGORY_HEADINGS,
    CATEGORY_LABELS,
    MeetingRecord,
    markdown_parser,
    render_html,
    render_minutes,
    render_network_summary,
    render_party_report,
)
from hfs_tui.model import (
    Action,
    Category,
    Meeting,
    MeetingKind,
    Member,
    Note,
    Party,
    Question,
    Review,
    Share,
    Slot,
    TimerEvent,
    TimerEventKind,
)
from hfs_tui.safe_text import clean
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

GOLDEN = Path(__file__).parent / "golden"
T0 = datetime(2026, 3, 10, 8, 30, tzinfo=UTC)  # 09.30 in Stockholm
S, I, G, L, A, N = (  # noqa: E741 (one letter per category, as in the note table below)
    Category.STRENGTH,
    Category.IMPROVEMENT,
    Category.GOOD_EXAMPLE,
    Category.LESSON,
    Category.ACTION,
    Category.NOTE,
)
IN, NET = Share.INTERNAL, Share.NETWORK


# ------------------------------------------------------------------ parsing helpers


def parse(markdown: str) -> list[tuple[tuple[str, ...], str, str]]:
    """(heading path, block kind, literal text) for every heading, paragraph and list-item paragraph."""
    path: list[str] = []
    blocks, kind = [], "paragraph"
    tokens = markdown_parser().parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "bullet_list_open":
            kind = "item"
        elif token.type == "bullet_list_close":
            kind = "paragraph"
        if token.type != "inline":
            continue
        text = "".join("\n" if c.type == "softbreak" else c.content for c in token.children)
        opener = tokens[index - 1]
        if opener.type == "heading_open":
            level = int(opener.tag[1])
            path = path[: level - 1] + [text]
            blocks.append((tuple(path), "heading", text))
        else:
            blocks.append((tuple(path), kind if opener.type == "paragraph_open" else opener.type, text))
    return blocks


def outline(markdown: str) -> list[tuple[str, ...]]:
    return [path for path, kind, _ in parse(markdown) if kind == "heading"]


def items(markdown: str) -> list[tuple[tuple[str, ...], str]]:
    return [(path, text) for path, kind, text in parse(markdown) if kind == "item"]


def literal(text: str) -> str:
    """How a note must read once parsed: cleaned, each non-empty line stripped."""
    lines = [line.strip() for line in clean(text).replace("\t", " ").split("\n")]
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------ golden review


def golden_store() -> tuple[Store, int]:
    """The sample review, a feedback meeting with timers (slot 1 runs 2 minutes over) and a fixed set of notes."""
    clock = FakeClock(T0)
    store = Store.memory(clock=clock)
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    slot_a, slot_b = store.slots(meeting.id)
    nordmark, soderas = store.parties(review.id)
    q = {question.position: question.id for question in store.questions(review.id)}

    def at(hh: int, mm: int) -> datetime:
        return datetime(2026, 3, 10, hh, mm, tzinfo=UTC)

    for slot, kind, moment in (
        (slot_a, TimerEventKind.START, at(9, 0)),
        (slot_a, TimerEventKind.PAUSE, at(9, 50)),
        (slot_a, TimerEventKind.RESUME, at(10, 0)),
        (slot_a, TimerEventKind.STOP, at(10, 42)),
        (slot_b, TimerEventKind.START, at(11, 0)),
        (slot_b, TimerEventKind.STOP, at(12, 25)),
    ):
        store.add_timer_event(slot.id, kind, moment)
    notes = (
        (
            slot_a,
            nordmark,
            1,
            S,
            True,
            NET,
            "Styrgruppen har rätt sammansättning med HR, folktandvård och regional "
            "utveckling, och placeringen under hälso- och sjukvårdsdirektören ger mandat i hela regionen.",
        ),
        (
            slot_a,
            nordmark,
            1,
            I,
            True,
            IN,
            "Ordförandeskapet har bytts tre gånger sedan 2019. Beskriv i "
            "arbetsordningen hur kontinuiteten säkras vid nästa omorganisation.",
        ),
        (
            slot_a,
            nordmark,
            2,
            S,
            True,
            NET,
            "Handlingsplanen följer HFS-nätverkets format och är förankrad i hälso- och sjukvårdsnämnden.",
        ),
        (
            slot_a,
            nordmark,
            3,
            I,
            True,
            IN,
            "Uppföljningen bygger på aktivitetsredovisning. Koppla varje mål till en "
            "eller två indikatorer ur befintliga datakällor, t.ex. KVÅ-koder för levnadsvanor i journalen.",
        ),
        (
            slot_a,
            nordmark,
            3,
            L,
            False,
            IN,
            "Söderås visar att uppföljningen når verksamhetscheferna när den ligger "
            "i den ordinarie tertialuppföljningen.",
        ),
        (
            slot_a,
            nordmark,
            5,
            G,
            True,
            NET,
            "Den skriftliga uppdragsbeskrivningen för processledarna, med både "
            "uppgifter och mandat, fastställd av hälso- och sjukvårdsdirektören.",
        ),
        (
            slot_a,
            nordmark,
            3,
            A,
            True,
            IN,
            "Lägga in uppföljningen av handlingsplanen i regionens tertialuppföljning från 2027.",
        ),
        (slot_a, nordmark, 4, A, True, IN, "Hämta uppgifter till HFS indikatorenkät ur journal och beslutsstöd."),
        (
            slot_a,
            nordmark,
            None,
            N,
            False,
            IN,
            "Nordmark skickar en reviderad arbetsordning till Söderås före sommaren.",
        ),
        (
            slot_b,
            soderas,
            3,
            S,
            True,
            NET,
            "Tertialvis uppföljning med dashboards som når både styrgruppen och verksamhetscheferna.",
        ),
        (
            slot_b,
            soderas,
            1,
            I,
            True,
            IN,
            "Det saknas en styrgrupp; det hälsofrämjande arbetet har inget samlat forum på ledningsnivå.",
        ),
        (slot_b, soderas, 5, I, True, NET, "Processledarnas uppdrag är inte skriftligt fastställt."),
        (
            slot_b,
            soderas,
            8,
            G,
            True,
            NET,
            "Nätverket med kontaktpersoner på alla vårdcentraler, som träffas varannan månad.",
        ),
        (slot_b, soderas, 8, L, False, IN, "Ett skriftligt uppdrag gör rollen tydlig även när chefer byts."),
        (slot_b, soderas, 1, A, True, IN, "Föreslå hälso- och sjukvårdsdirektören att inrätta en styrgrupp."),
        (slot_b, soderas, 2, N, False, IN, "Felskrivning som tas bort"),
    )
    ids = []
    for slot, party, number, category, in_report, share, text in notes:
        clock.advance(60)
        note = store.add_note(meeting.id, party.id, category, text, slot.id, q.get(number))
        store.set_note_flags(note.id, in_report=in_report, share=share)
        ids.append(note.id)
    store.delete_note(ids[-1])
    action = store.action_from_note(ids[6])
    store.update_action(
        action.id,
        activities="Indikatorer per mål; rapport till styrgruppen varje tertial",
        responsible="Anna Bergström, Erik Holmgren",
        timeline="Från januari 2027",
        follow_up="Tertialrapporten redovisar resultat för alla sju mål",
    )
    store.action_from_note(ids[14])
    own = store.add_action(
        review.id,
        soderas.id,
        "Skriftligt uppdrag för processledarna",
        activities="Ta fram en uppdragsbeskrivning med Nordmarks som förebild",
        responsible="Helena Åkesson",
        timeline="Hösten 2026",
        follow_up="Uppdraget fastställt av hälso- och sjukvårdsdirektören",
    )
    store.set_action_flags(
        own.id, in_report=True
    )  # an action of the party's own goes in its report only when it says so
    # the feedback meeting's place, secretary and attendance, and each party's justerare (setup, step 1)
    store.set_meeting_place(meeting.id, "Teams")
    store.set_meeting_secretary(meeting.id, "Fredrik Dahlberg")
    absent = next(m for m in store.members(nordmark.id) if m.name == "Lars Nyström")
    store.set_present(meeting.id, absent.id, False)
    store.update_party(nordmark.id, adjuster="Erik Holmgren")
    store.update_party(soderas.id, adjuster="Helena Åkesson")
    return store, review.id


def add_intro_and_follow_up(store: Store, review_id: int) -> None:
    """Dates for the intro and follow-up meetings, a joint intro note, and a follow-up with outcomes and a new action."""
    intro = store.meeting_of_kind(review_id, MeetingKind.INTRO)
    follow_up = store.meeting_of_kind(review_id, MeetingKind.FOLLOW_UP)
    store.set_meeting_held_on(intro.id, "2026-02-03")
    store.set_meeting_held_on(follow_up.id, "2027-03-09")
    store.set_meeting_held_on(store.meeting_of_kind(review_id, MeetingKind.FEEDBACK).id, "2026-03-10")
    nordmark, soderas = store.parties(review_id)
    store.add_note(intro.id, nordmark.id, N, "Svaren skickas till den andra regionen senast 3 mars.")
    first = store.actions(review_id, party_id=nordmark.id)[0]
    store.update_action(
        first.id,
        status="done",
        outcome="Indikatorerna redovisas varje tertial sedan maj 2027.",
        sustain="Punkten ligger i styrgruppens årshjul.",
    )
    store.set_action_flags(first.id, in_report=True, share=NET)  # Nordmark releases its achieved improvement
    slot = store.slots(follow_up.id)[0]
    store.add_note(follow_up.id, nordmark.id, A, "Ta fram målvärden för de tre indikatorer som saknar dem.", slot.id)


@pytest.fixture(scope="module")
def golden_records() -> dict[str, MeetingRecord]:
    store, review_id = golden_store()
    add_intro_and_follow_up(store, review_id)
    now = datetime(2026, 3, 10, 12, 40, tzinfo=UTC)
    return {
        kind.value: load_record(store, review_id, store.meeting_of_kind(review_id, kind).id, now=now, review_notes=True)
        for kind in MeetingKind
    }


@pytest.fixture(scope="module")
def golden_record(golden_records) -> MeetingRecord:
    return golden_records["feedback"]


def golden_documents(records: dict[str, MeetingRecord]) -> dict[str, str]:
    """Every document of every meeting, in Swedish and English, by `<lang>/<file name>`."""
    documents = {}
    for record in records.values():
        for lang in ("sv", "en"):
            for stem, tree in build_documents(record, ALL_PARTS, lang=lang):
                documents[f"{lang}/{stem}.md"] = render(tree)
                if tree.kind == "onepager":
                    documents[f"{lang}/{slides_stem(stem, lang)}.md"] = slides.render(tree)
    return documents


NEW_DOCUMENTS = {  # the one-pager, its slide deck and the hand-over package of each party (feedback, follow-up)
    "sv": ("en-sida", "bildspel", "overlamning-region-nordmark", "overlamning-region-soderas"),
    "en": ("one-pager", "slides", "handover-region-nordmark", "handover-region-soderas"),
}
MEETING_PREFIXES = {
    "sv": ("2026-03-10-aterkopplingsmote", "2027-03-09-uppfoljningsmote"),
    "en": ("2026-03-10-feedback-meeting", "2027-03-09-follow-up-meeting"),
}


GOLDEN_NAMES = sorted(
    [
        f"sv/{n}"
        for n in (
            "2026-02-03-inledande-mote-protokoll.md",
            "2026-03-10-aterkopplingsmote-protokoll.md",
            "2026-03-10-aterkopplingsmote-rapport-region-nordmark.md",
            "2026-03-10-aterkopplingsmote-rapport-region-soderas.md",
            "2026-03-10-aterkopplingsmote-natverkssammanfattning.md",
            "2027-03-09-uppfoljningsmote-protokoll.md",
            "2027-03-09-uppfoljningsmote-rapport-region-nordmark.md",
            "2027-03-09-uppfoljningsmote-rapport-region-soderas.md",
            "2027-03-09-uppfoljningsmote-natverkssammanfattning.md",
        )
    ]
    + [
        f"en/{n}"
        for n in (
            "2026-02-03-introductory-meeting-minutes.md",
            "2026-03-10-feedback-meeting-minutes.md",
            "2026-03-10-feedback-meeting-report-region-nordmark.md",
            "2026-03-10-feedback-meeting-report-region-soderas.md",
            "2026-03-10-feedback-meeting-network-summary.md",
            "2027-03-09-follow-up-meeting-minutes.md",
            "2027-03-09-follow-up-meeting-report-region-nordmark.md",
            "2027-03-09-follow-up-meeting-report-region-soderas.md",
            "2027-03-09-follow-up-meeting-network-summary.md",
        )
    ]
    + [
        f"{lang}/{prefix}-{name}.md"
        for lang, names in NEW_DOCUMENTS.items()
        for prefix in MEETING_PREFIXES[lang]
        for name in names
    ]
)


def test_golden_file_names_are_every_document_of_every_meeting(golden_records):
    assert sorted(golden_documents(golden_records)) == GOLDEN_NAMES


@pytest.mark.parametrize("name", GOLDEN_NAMES)
def test_documents_match_the_golden_files(golden_records, name):
    text = golden_documents(golden_records)[name]
    path = GOLDEN / name
    if os.environ.get("HFS_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    pages = [text]
    if name.endswith(("-bildspel.md", "-slides.md")):  # a Marp deck: front matter, then slides between `---`
        assert text.startswith("---\nmarp: true\n")
        pages = text.split("\n---\n", 1)[1].split("\n\n---\n\n")
        assert len(pages) >= 2
    for page in pages:
        tokens = markdown_parser().parse(page)  # valid CommonMark: every block closes, user text never raw HTML
        assert [t.type for t in tokens].count("heading_open") == [t.type for t in tokens].count("heading_close")
        assert not any(t.type in ("html_block", "html_inline", "hr", "code_block", "fence") for t in tokens)


MT = "Protokoll från återkopplingsmöte – Region Nordmark och Region Söderås"
SECTIONS = {1: "§ 1 Återkoppling till Region Nordmark", 2: "§ 2 Återkoppling till Region Söderås"}


def test_minutes_follow_the_agenda_in_numbered_sections(golden_record):
    headings = [path for path in outline(render_minutes(golden_record, "sv")) if len(path) <= 2]
    assert headings == [
        (MT,),
        (MT, SECTIONS[1]),
        (MT, SECTIONS[2]),
        (MT, "§ 3 Överenskommet innehåll i rapporterna"),
        (MT, "§ 4 Nästa möte"),
    ]


def test_every_note_sits_once_under_its_party_and_question_with_its_category(golden_record):
    minutes = items(render_minutes(golden_record, "sv"))
    labels = {c: CATEGORY_LABELS[c] for c in Category}
    for note in golden_record.notes:
        placed = [path for path, text in minutes if text == f"{labels[note.category]}: {note.text}"]
        if note.deleted_at:
            assert placed == []
            continue
        question = golden_record.question_of(note)
        where = f"Fråga {question.number}. {question.text}" if question else "Allmänt"
        assert placed == [(MT, SECTIONS[note.party_id], where)], note.text


def test_header_has_date_actual_time_place_present_and_roles_and_no_template_line(golden_record):
    minutes = render_minutes(golden_record, "sv")
    assert "- **Datum:** tisdag 10 mars 2026, kl. 10.00–13.25\n- **Plats:** Teams\n" in minutes
    assert "- **Mötesledare:** Karin Ljungqvist, HFS-sekretariatet" in minutes
    assert "- **Sekreterare:** Fredrik Dahlberg" in minutes
    assert "- Region Söderås: Helena Åkesson (processledare), Fredrik Dahlberg (hälsoprocessledare)" in minutes
    nordmark = next(line for line in minutes.splitlines() if line.startswith("- Region Nordmark: "))
    assert "Anna Bergström" in nordmark and "Lars Nyström" not in nordmark  # absent from this meeting
    assert "Mall" not in minutes and "Plats" not in render_minutes(replace(golden_record, place=""), "sv")
    assert minutes.endswith(
        "Vid protokollet\n\nFredrik Dahlberg\n\nJusteras\n\nErik Holmgren, Region Nordmark\n\n"
        "Helena Åkesson, Region Söderås\n\n*Sammanställt 10 mars 2026 kl. 13.40 med hfs-tui*\n"
    )
    no_secretary = replace(golden_record, secretary="")
    assert "- **Sekreterare:** Karin Ljungqvist, HFS-sekretariatet" in render_minutes(no_secretary, "sv")
    present = replace(golden_record, present={golden_record.parties[0].id: ("Anna Bergström",)})
    assert "- Region Nordmark: Anna Bergström\n" in render_minutes(present, "sv")


def test_agenda_shows_planned_actual_and_overtime(golden_record):
    minutes = render_minutes(golden_record, "sv")
    assert "| 1 | Återkoppling till Region Nordmark | 90 min | 92 min (+2 min) |" in minutes
    assert "| 2 | Återkoppling till Region Söderås | 90 min | 85 min |" in minutes
    assert "|  | **Totalt** | 180 min | 177 min |" in minutes


def test_a_running_slot_is_marked_and_an_unstarted_one_says_so(golden_record):
    slot_a, slot_b = golden_record.slots
    events = (TimerEvent(1, slot_a.id, TimerEventKind.START, to_iso(T0)),)
    record = replace(golden_record, timer_events=events, exported_at=T0 + timedelta(minutes=95))
    minutes = render_minutes(record, "sv")
    assert "| 90 min | 95 min (+5 min, pågår) |" in minutes
    assert "| 2 | Återkoppling till Region Söderås | 90 min | ej startad |" in minutes


def test_empty_sections_are_left_out_and_silent_questions_are_listed(golden_record):
    blocks = parse(render_minutes(golden_record, "sv"))
    assert not [text for _, _, text in blocks if text.startswith("Inga")]
    silent = [text for path, kind, text in blocks if text.startswith("Frågor utan anteckningar")]
    assert silent == [
        "Frågor utan anteckningar: 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17.",
        "Frågor utan anteckningar: 2, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17.",
    ]
    empty = make_record([])
    assert [h[-1] for h in outline(render_minutes(empty, "sv"))][1:] == [
        "§ 1 Återkoppling till Region Nordmark",
        "§ 2 Återkoppling till Region Söderås",
    ]


def test_decisions_get_their_own_section_and_an_unknown_category_is_a_plain_note():
    record = make_record(
        [
            note(1, "Rapporten skickas före 1 maj.", category="decision", question=2),
            note(2, "Okänd sort", category="something-new"),
        ]
    )
    minutes = render_minutes(record, "sv")
    title = "Protokoll från återkopplingsmöte – Region Nordmark och Region Söderås"
    assert ((title, "§ 3 Beslut"), "Fråga 2. Rapporten skickas före 1 maj.") in items(minutes)
    assert (
        (title, "§ 1 Återkoppling till Region Nordmark", "Fråga 1. Fråga nummer 1?"),
        "Anteckning: Okänd sort",
    ) in items(minutes)


def test_party_report_holds_only_its_own_agreed_notes(golden_record):
    nordmark, soderas = golden_record.parties
    report = render_party_report(golden_record, nordmark, "sv")
    shown = " ".join(text for _, text in items(report))
    for n in golden_record.notes:
        mine = n.party_id == nordmark.id and n.in_report and not n.deleted_at
        assert (n.text in shown) == mine, n.text
    assert "| Detta vill vi uppnå | Prioriterade aktiviteter | Ansvariga | Tidplan | Uppföljning av målet |" in report
    assert "| Hämta uppgifter till HFS indikatorenkät ur journal och beslutsstöd. |  |  |  |  |" in report


def test_party_report_has_background_summary_per_question_and_action_plan(golden_record):
    report = render_party_report(golden_record, golden_record.parties[1], "sv")
    title = "Rapport från kollegialt lärande – Region Söderås"
    top = [path[-1] for path in outline(report) if len(path) == 2]
    assert top == ["Bakgrund", "Sammanfattning", "Per fråga", "Handlingsplan"]
    summary = [path[-1] for path in outline(report) if len(path) == 3 and path[1] == "Sammanfattning"]
    assert summary == ["Vad är bra", "Vad kan förbättras", "Goda exempel att ta med sig hem"]
    question = (title, "Per fråga", "Fråga 1. Hur är det hälsofrämjande arbetet organiserat?")
    assert (
        question,
        "Förbättringsområde: Det saknas en styrgrupp; det hälsofrämjande arbetet har inget samlat "
        "forum på ledningsnivå.",
    ) in items(report)
    written = [text for path, text in items(report) if path == question and text.startswith(("+ ", "− "))]
    assert written and all(
        a.comment in " ".join(written)
        for a in golden_record.assessments
        if a.party_id == golden_record.parties[1].id and a.question_id == golden_record.questions[0].id
    )
    assert "Region Nordmarks skriftliga bedömning:" in report and "Söderåss" not in report


def test_actions_sharing_a_goal_stand_under_it_and_follow_up_adds_status_columns(golden_records):
    record = golden_records["feedback"]
    nordmark = record.parties[0]
    goal = "Ett gemensamt mål"
    actions = (
        Action(91, 1, nordmark.id, goal, activities="Första aktiviteten", in_report=True),
        Action(92, 1, nordmark.id, goal, activities="Andra aktiviteten", in_report=True),
    )
    report = render_party_report(replace(record, actions=actions, notes=()), nordmark, "sv")
    assert f"| {goal} | Första aktiviteten |  |  |  |\n|  | Andra aktiviteten |  |  |  |" in report
    follow_up = render_party_report(golden_records["follow_up"], nordmark, "sv")
    assert (
        "| Status | Vad har uppnåtts | Hur vidmakthålls förbättringsarbetet |" in follow_up
        and "| Genomförd | Indikatorerna redovisas varje tertial sedan maj 2027. |" in follow_up
    )


def test_actions_left_out_of_the_report_are_not_in_it(golden_record):
    nordmark = golden_record.parties[0]
    kept = Action(91, 1, nordmark.id, "Med i rapporten", in_report=True)
    dropped = Action(92, 1, nordmark.id, "Inte med i rapporten", in_report=False)
    report = render_party_report(replace(golden_record, actions=(kept, dropped)), nordmark, "sv")
    assert "Med i rapporten" in report and "Inte med i rapporten" not in report


def test_intro_protokoll_records_what_step_one_agreed(golden_records):
    minutes = render_minutes(golden_records["intro"], "sv")
    title = "Protokoll från inledande möte – Region Nordmark och Region Söderås"
    assert [p[-1] for p in outline(minutes) if len(p) == 2] == [
        "§ 1 Genomgång av instruktionen",
        "§ 2 Vilka frågor ska besvaras",
        "§ 3 Sekretess, rapportform och tidsuppskattning",
        "§ 4 Övriga anteckningar",
        "§ 5 Nästa möte",
    ]
    assert "**Beslut:** Frågorna 1–17 besvaras." in minutes
    assert "- **Tidsuppskattning:** Region Nordmark: cirka 12 timmar; Region Söderås: cirka 12 timmar" in minutes
    assert "Återkopplingsmöte" in minutes.split("§ 5 Nästa möte")[1]
    assert (
        (title, "§ 4 Övriga anteckningar"),
        "Anteckning: Svaren skickas till den andra regionen senast 3 mars.",
    ) in items(minutes)
    assert "Region Nordmark\n\n-" not in minutes  # joint notes, not under party A


def test_intro_protokoll_lists_the_questions_left_out(golden_records):
    record = golden_records["intro"]
    questions = tuple(replace(q, selected=q.number not in ("6", "9")) for q in record.all_questions)
    minutes = render_minutes(replace(record, all_questions=questions), "sv")
    assert "**Beslut:** Frågorna 1–5, 7, 8 och 10–17 besvaras. Frågorna 6 och 9 utgår." in minutes
    assert "**Frågor som utgår:**\n\n- Fråga 6." in minutes


def test_follow_up_minutes_show_the_plan_next_to_status_and_new_actions(golden_records):
    minutes = render_minutes(golden_records["follow_up"], "sv")
    section = minutes.split("§ 1 Uppföljning för Region Nordmark")[1].split("§ 2")[0]
    assert "- Tidplan: Från januari 2027\n" in section and "- Ansvariga: Anna Bergström, Erik Holmgren\n" in section
    assert (
        "- Uppföljning av målet: Tertialrapporten redovisar resultat för alla sju mål\n- Status: Genomförd" in section
    )
    assert "### Nya åtgärder\n\n- **Allmänt:** Ta fram målvärden för de tre indikatorer som saknar dem." in section


# ------------------------------------------------------------------ generated data


PARTIES = (Party(1, 1, "a", "Region Nordmark", "region"), Party(2, 1, "b", "Region Söderås", "region"))
MARKERS = (
    "# ",
    "---",
    "===",
    "|",
    "```",
    "<html>",
    "[länk](x)",
    "*",
    "_",
    "1. ",
    "+ ",
    "- ",
    "\n",
    "> ",
    "&amp;",
    "\\",
    "`",
    "<!--",
    "    ",
    "\t",
    "~~~",
    "![bild](x)",
    "\x1b[2J",
    "**",
    "[ref]: x",
)


def make_record(notes: list[Note], questions: int = 6) -> MeetingRecord:
    stamp = to_iso(T0)
    meeting = Meeting(1, 1, MeetingKind.FEEDBACK, "Återkopplingsmöte", stamp)
    return MeetingRecord(
        review=Review(1, "Test", "region", stamp, facilitator="Karin"),
        parties=PARTIES,
        members=(Member(1, 1, "Anna", "processledare"), Member(2, 2, "Helena", "")),
        questions=tuple(Question(i, 1, i, str(i), f"Fråga nummer {i}?") for i in range(1, questions + 1)),
        meeting=meeting,
        slots=(
            Slot(1, 1, 1, "Återkoppling till Region Nordmark", 90, 1),
            Slot(2, 1, 2, "Återkoppling till Region Söderås", 90, 2),
        ),
        timer_events=(),
        notes=tuple(notes),
        actions=(),
        exported_at=T0,
    )


def note(
    note_id: int,
    text: str,
    party: int = 1,
    category: Category = S,
    question: int | None = 1,
    in_report: bool = True,
    share: Share = NET,
    deleted: bool = False,
) -> Note:
    stamp = to_iso(T0)
    return Note(
        note_id, 1, party, question, party, category, text, in_report, share, stamp, stamp, stamp if deleted else None
    )


def random_notes(seed: int, count: int) -> list[Note]:
    rng = random.Random(seed)
    result = []
    for note_id in range(1, count + 1):
        noise = "".join(rng.choice(MARKERS) + rng.choice(("ord", "text", "", " ")) for _ in range(rng.randint(0, 5)))
        text = f"{noise} N{note_id:06d}X {noise}" if rng.random() < 0.5 else f"N{note_id:06d}X{noise}"
        result.append(
            note(
                note_id,
                text,
                party=rng.choice((1, 2)),
                category=rng.choice(list(Category)),
                question=rng.choice((None, 1, 2, 3, 4, 5, 6, 99)),
                in_report=rng.random() < 0.5,
                share=rng.choice((IN, NET)),
                deleted=rng.random() < 0.1,
            )
        )
    return result


TOKEN = re.compile(r"N\d{6}X")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_network_summary_holds_exactly_the_released_notes(seed):
    notes = random_notes(seed, 800)
    summary = render_network_summary(make_record(notes), "sv")
    placed = {TOKEN.search(text).group(): path for path, text in items(summary) if TOKEN.search(text)}
    footnote = [text for path, text in items(summary) if len(path) > 1 and not TOKEN.search(text)]
    assert all("beslutade att sprida" in text for text in footnote)  # only the release footnote has no note
    for n in notes:
        token = f"N{n.id:06d}X"
        released = n.in_report and n.share is NET and n.deleted_at is None
        assert (token in summary) == released, n
        if released:
            party = PARTIES[n.party_id - 1].name
            assert placed[token] == ("Nätverkssammanfattning: Test", party, CATEGORY_HEADINGS[n.category])


@pytest.mark.parametrize("seed", [4, 5])
def test_generated_notes_keep_every_document_in_shape(seed):
    notes = random_notes(seed, 400)
    record = make_record(notes)
    minutes = render_minutes(record, "sv")
    assert [p for p in outline(minutes) if len(p) == 2][:2] == [(MT, SECTIONS[1]), (MT, SECTIONS[2])]
    where: dict[str, list[str]] = {}
    texts = {text for _, text in items(minutes)}
    for path, text in items(minutes):
        if len(path) > 1:
            where.setdefault(TOKEN.search(text).group(), []).append(path[1])
    for n in notes:
        token = f"N{n.id:06d}X"
        expected = [] if n.deleted_at else [SECTIONS[n.party_id]]
        if n.in_report and not n.deleted_at:
            expected.append("§ 3 Överenskommet innehåll i rapporterna")
        assert where.get(token, []) == expected, n
        if not n.deleted_at:
            assert f"{CATEGORY_LABELS[n.category]}: {literal(n.text)}" in texts
    for party in PARTIES:
        shown = " ".join(text for _, text in items(render_party_report(record, party, "sv")))
        for n in notes:
            assert (f"N{n.id:06d}X" in shown) == (n.party_id == party.id and n.in_report and n.deleted_at is None)


# ------------------------------------------------------------------ structure-breaking texts

BREAKERS = [
    "# Inte en rubrik",
    "## Fråga 99. Falsk fråga",
    "text\n---\nmer text",
    "rubrik\n===",
    "a | b | c",
    "| a | b |\n|---|---|\n| c | d |",
    "```python\nprint('hej')\n```",
    "~~~\nkod\n~~~",
    "`inline kod`",
    "<script>alert('x')</script>",
    "<b>fet</b> <!-- kommentar -->",
    "[länk](http://example.com) och ![bild](x.png)",
    "[ref]\n\n[ref]: http://example.com",
    "*kursiv* **fet** _under_ __dubbel__",
    "1. första\n2. andra",
    "1) parentes",
    "+ plus\n- minus\n* stjärna",
    "- lista",
    "> citat",
    "    indraget som kod",
    "\tflik",
    "backslash\\\nnästa",
    "två mellanslag  \nnästa",
    "&amp; &copy; &#169;",
    "<http://example.com>",
    "\x1b]0;titel\x07 kontrolltecken",
    "***",
    "___",
    "- - -",
    "\\* redan escapad",
    "[ ] uppgift",
    "slut \\",
    "text\n\n\n\nefter tomma rader",
    "#",
    "-",
    "1.",
    "=",
    "Fråga #3 ###",
]


@pytest.mark.parametrize("text", BREAKERS)
def test_user_text_stays_literal_inside_its_bullet(text):
    record = make_record([note(1, text), note(2, "vanlig anteckning", party=2, category=I)])
    party = PARTIES[0].name
    report = "Rapport från kollegialt lärande – Region Nordmark"
    for markdown, path, shown in (
        (render_minutes(record, "sv"), (MT, SECTIONS[1], "Fråga 1. Fråga nummer 1?"), f"Styrka: {literal(text)}"),
        (render_party_report(record, PARTIES[0], "sv"), (report, "Sammanfattning", "Vad är bra"), literal(text)),
        (
            render_party_report(record, PARTIES[0], "sv"),
            (report, "Per fråga", "Fråga 1. Fråga nummer 1?"),
            f"Styrka: {literal(text)}",
        ),
        (render_network_summary(record, "sv"), ("Nätverkssammanfattning: Test", party, "Styrkor"), literal(text)),
    ):
        assert (path, shown) in items(markdown)
    assert [p for p in outline(render_minutes(record, "sv")) if len(p) == 2][:2] == [
        (MT, SECTIONS[1]),
        (MT, SECTIONS[2]),
    ]
    page = render_html(render_minutes(record, "sv"), "Protokoll")
    assert "<script" not in page and "<b>" not in page and "<!--" not in page and "<a " not in page


@pytest.mark.parametrize("text", ["<b>Region</b> #1", "Region | Väst", "Region\n# Nord", "*Region* [x](y)"])
def test_names_and_question_texts_cannot_break_headings_or_tables(text):
    record = make_record([note(1, "anteckning")])
    record = replace(
        record,
        parties=(replace(PARTIES[0], name=text), PARTIES[1]),
        questions=(replace(record.questions[0], text=text),),
        slots=(replace(record.slots[0], title=text), record.slots[1]),
    )
    minutes = render_minutes(record, "sv")
    flat = " ".join(literal(text).split("\n"))
    title = f"Protokoll från återkopplingsmöte – {flat} och Region Söderås"
    assert outline(minutes)[:2] == [(title,), (title, f"§ 1 {flat}")]
    assert outline(render_party_report(record, record.parties[0], "sv"))[0] == (
        f"Rapport från kollegialt lärande – {flat}",
    )
    tokens = markdown_parser().parse(minutes)
    assert sum(t.type == "tr_open" for t in tokens) == 4  # header, two slots, total
    assert sum(t.type in ("th_open", "td_open") for t in tokens) == 16  # a pipe in a title adds no cell


def test_html_page_is_complete_and_shows_html_as_text():
    record = make_record([note(1, "<img src=x onerror=alert(1)> & <b>")])
    page = render_html(render_minutes(record, "sv"), "Protokoll <Test> & \x1b")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Protokoll &lt;Test&gt; &amp; \u241b</title>" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert "<table>" in page and "<h2>§ 1 Återkoppling till Region Nordmark</h2>" in page


def test_network_footnote_says_who_released_and_when_and_the_follow_up_has_achieved_improvements(golden_records):
    feedback = render_network_summary(golden_records["feedback"], "sv")
    assert "- *Region Nordmark beslutade att sprida 3 punkter (frigivet 10 mars 2026).*" in feedback
    assert "Genomförda förbättringar" not in feedback  # only after the follow-up
    follow_up_record = golden_records["follow_up"]
    follow_up = render_network_summary(follow_up_record, "sv")
    assert ("Region Nordmark", "Genomförda förbättringar") in [p[1:] for p in outline(follow_up)]
    assert "Indikatorerna redovisas varje tertial sedan maj 2027." in follow_up
    internal = tuple(replace(a, share=IN) for a in follow_up_record.actions)
    withdrawn = render_network_summary(replace(follow_up_record, actions=internal), "sv")
    assert "Indikatorerna" not in withdrawn and "beslutade att sprida" not in withdrawn
