"""Minutes, party reports and the network summary: golden files, structure, literal user text, ownership.

Every document is parsed with markdown-it-py: the headings must be exactly the agreed ones and each note must
sit, as literal text, under its own party and category. Regenerate the golden files with HFS_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from hfs_tui.clock import FakeClock, to_iso
from hfs_tui.export import load_record
from hfs_tui.minutes import (
    AGREED_HEADING,
    CATEGORY_HEADINGS,
    MeetingRecord,
    markdown_parser,
    render_html,
    render_minutes,
    render_network_summary,
    render_party_report,
)
from hfs_tui.model import (
    Category, Meeting, MeetingKind, Member, Note, Party, Question, Review, Share, Slot, TimerEvent, TimerEventKind,
)
from hfs_tui.safe_text import clean
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

GOLDEN = Path(__file__).parent / "golden"
T0 = datetime(2026, 3, 10, 8, 30, tzinfo=timezone.utc)  # 09.30 in Stockholm
CATEGORIES = list(CATEGORY_HEADINGS.values())
MINUTES_H2 = ["Deltagare", "Dagordning", "Region Nordmark", "Region Söderås", "Överenskommet innehåll i rapporten"]
S, I, G, L, A, N = (Category.STRENGTH, Category.IMPROVEMENT, Category.GOOD_EXAMPLE, Category.LESSON,
                    Category.ACTION, Category.NOTE)
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


def expected_minutes_outline(title: str = "Protokoll: Återkopplingsmöte") -> list[tuple[str, ...]]:
    result = [(title,)]
    for h2 in MINUTES_H2:
        result.append((title, h2))
        if h2.startswith("Region"):
            result += [(title, h2, h3) for h3 in CATEGORIES]
    return result


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
    at = lambda hh, mm: datetime(2026, 3, 10, hh, mm, tzinfo=timezone.utc)  # noqa: E731
    for slot, kind, moment in (
        (slot_a, TimerEventKind.START, at(9, 0)), (slot_a, TimerEventKind.PAUSE, at(9, 50)),
        (slot_a, TimerEventKind.RESUME, at(10, 0)), (slot_a, TimerEventKind.STOP, at(10, 42)),
        (slot_b, TimerEventKind.START, at(11, 0)), (slot_b, TimerEventKind.STOP, at(12, 25)),
    ):
        store.add_timer_event(slot.id, kind, moment)
    notes = (
        (slot_a, nordmark, 1, S, True, NET, "Styrgruppen har rätt sammansättning med HR, folktandvård och regional "
         "utveckling, och placeringen under hälso- och sjukvårdsdirektören ger mandat i hela regionen."),
        (slot_a, nordmark, 1, I, True, IN, "Ordförandeskapet har bytts tre gånger sedan 2019. Beskriv i "
         "arbetsordningen hur kontinuiteten säkras vid nästa omorganisation."),
        (slot_a, nordmark, 2, S, True, NET, "Handlingsplanen följer HFS-nätverkets format och är förankrad i "
         "hälso- och sjukvårdsnämnden."),
        (slot_a, nordmark, 3, I, True, IN, "Uppföljningen bygger på aktivitetsredovisning. Koppla varje mål till en "
         "eller två indikatorer ur befintliga datakällor, t.ex. KVÅ-koder för levnadsvanor i journalen."),
        (slot_a, nordmark, 3, L, False, IN, "Söderås visar att uppföljningen når verksamhetscheferna när den ligger "
         "i den ordinarie tertialuppföljningen."),
        (slot_a, nordmark, 5, G, True, NET, "Den skriftliga uppdragsbeskrivningen för processledarna, med både "
         "uppgifter och mandat, fastställd av hälso- och sjukvårdsdirektören."),
        (slot_a, nordmark, 3, A, True, IN, "Lägga in uppföljningen av handlingsplanen i regionens "
         "tertialuppföljning från 2027."),
        (slot_a, nordmark, 4, A, True, IN, "Hämta uppgifter till HFS indikatorenkät ur journal och beslutsstöd."),
        (slot_a, nordmark, None, N, False, IN, "Nordmark skickar en reviderad arbetsordning till Söderås före "
         "sommaren."),
        (slot_b, soderas, 3, S, True, NET, "Tertialvis uppföljning med dashboards som når både styrgruppen och "
         "verksamhetscheferna."),
        (slot_b, soderas, 1, I, True, IN, "Det saknas en styrgrupp; det hälsofrämjande arbetet har inget samlat "
         "forum på ledningsnivå."),
        (slot_b, soderas, 5, I, True, NET, "Processledarnas uppdrag är inte skriftligt fastställt."),
        (slot_b, soderas, 8, G, True, NET, "Nätverket med kontaktpersoner på alla vårdcentraler, som träffas "
         "varannan månad."),
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
    store.update_action(action.id, activities="Indikatorer per mål; rapport till styrgruppen varje tertial",
                        responsible="Anna Bergström, Erik Holmgren", timeline="Från januari 2027",
                        follow_up="Tertialrapporten redovisar resultat för alla sju mål")
    store.action_from_note(ids[14])
    store.add_action(review.id, soderas.id, "Skriftligt uppdrag för processledarna",
                     activities="Ta fram en uppdragsbeskrivning med Nordmarks som förebild",
                     responsible="Helena Åkesson", timeline="Hösten 2026",
                     follow_up="Uppdraget fastställt av hälso- och sjukvårdsdirektören")
    return store, review.id


@pytest.fixture(scope="module")
def golden_record() -> MeetingRecord:
    store, review_id = golden_store()
    return load_record(store, review_id, now=datetime(2026, 3, 10, 12, 40, tzinfo=timezone.utc))


def golden_documents(record: MeetingRecord) -> dict[str, str]:
    nordmark, soderas = record.parties
    return {
        "protokoll-aterkopplingsmote.md": render_minutes(record),
        "rapport-region-nordmark.md": render_party_report(record, nordmark),
        "rapport-region-soderas.md": render_party_report(record, soderas),
        "natverkssammanfattning.md": render_network_summary(record),
    }


@pytest.mark.parametrize("name", ["protokoll-aterkopplingsmote.md", "rapport-region-nordmark.md",
                                  "rapport-region-soderas.md", "natverkssammanfattning.md"])
def test_documents_match_the_golden_files(golden_record, name):
    text = golden_documents(golden_record)[name]
    path = GOLDEN / name
    if os.environ.get("HFS_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_minutes_have_exactly_the_agreed_headings(golden_record):
    assert outline(render_minutes(golden_record)) == expected_minutes_outline()


def test_every_note_sits_under_its_party_and_category(golden_record):
    minutes = items(render_minutes(golden_record))
    names = {p.id: p.name for p in golden_record.parties}
    for note in golden_record.notes:
        placed = [path for path, text in minutes if text == note.text]
        if note.deleted_at:
            assert placed == []
        else:
            assert placed == [("Protokoll: Återkopplingsmöte", names[note.party_id], CATEGORY_HEADINGS[note.category])]


def test_agenda_shows_planned_actual_and_overtime(golden_record):
    minutes = render_minutes(golden_record)
    assert "| Återkoppling till Region Nordmark | 90 min | 92 min (+2 min) |" in minutes
    assert "| Återkoppling till Region Söderås | 90 min | 85 min |" in minutes
    assert "| **Totalt** | 180 min | 177 min |" in minutes
    assert "- Datum: tisdag 10 mars 2026, kl. 10.00–13.25" in minutes


def test_a_running_slot_is_marked_and_an_unstarted_one_says_so(golden_record):
    slot_a, slot_b = golden_record.slots
    events = (TimerEvent(1, slot_a.id, TimerEventKind.START, to_iso(T0)),)
    record = replace(golden_record, timer_events=events, exported_at=T0 + timedelta(minutes=95))
    minutes = render_minutes(record)
    assert "| 90 min | 95 min (+5 min, pågår) |" in minutes
    assert "| Återkoppling till Region Söderås | 90 min | ej startad |" in minutes


def test_empty_categories_say_so_and_silent_questions_are_listed(golden_record):
    blocks = parse(render_minutes(golden_record))
    assert (("Protokoll: Återkopplingsmöte", "Region Söderås", "Lärdomar"), "paragraph", "Inga.") not in blocks
    assert (("Protokoll: Återkopplingsmöte", "Region Söderås", "Övriga anteckningar"), "paragraph", "Inga.") in blocks
    silent = [text for path, kind, text in blocks if text.startswith("Frågor utan anteckningar")]
    assert silent == ["Frågor utan anteckningar: 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17.",
                      "Frågor utan anteckningar: 2, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17."]


def test_general_notes_go_under_allmant(golden_record):
    blocks = parse(render_minutes(golden_record))
    general = ("Protokoll: Återkopplingsmöte", "Region Nordmark", "Övriga anteckningar")
    assert (general, "paragraph", "Allmänt") in blocks


def test_party_report_holds_only_its_own_agreed_notes(golden_record):
    nordmark, soderas = golden_record.parties
    report = render_party_report(golden_record, nordmark)
    shown = {text for _, text in items(report)}
    for note in golden_record.notes:
        mine = note.party_id == nordmark.id and note.in_report and not note.deleted_at
        assert (note.text in shown) == mine, note.text
    assert "| Detta vill vi uppnå | Prioriterade aktiviteter | Ansvariga | Tidplan | Uppföljning av målet |" in report
    assert "| Hämta uppgifter till HFS indikatorenkät ur journal och beslutsstöd. |  |  |  |  |" in report


def test_party_report_headings_are_questions_then_categories(golden_record):
    report = render_party_report(golden_record, golden_record.parties[1])
    title = "Rapport: Region Söderås"
    assert outline(report) == [
        (title,),
        (title, "Fråga 1. Hur är det hälsofrämjande arbetet organiserat?"),
        (title, "Fråga 1. Hur är det hälsofrämjande arbetet organiserat?", "Förbättringsområden"),
        (title, "Fråga 1. Hur är det hälsofrämjande arbetet organiserat?", "Åtgärder"),
        (title, "Fråga 3. Hur följs handlingsplanen upp?"),
        (title, "Fråga 3. Hur följs handlingsplanen upp?", "Styrkor"),
        (title, "Fråga 5. Finns skrivet uppdrag för processledaren/processledarna och hur ser det ut?"),
        (title, "Fråga 5. Finns skrivet uppdrag för processledaren/processledarna och hur ser det ut?",
         "Förbättringsområden"),
        (title, "Fråga 8. Finns nätverk för hf-arbetet?"),
        (title, "Fråga 8. Finns nätverk för hf-arbetet?", "Goda exempel att ta med hem"),
        (title, "Handlingsplan för förbättringsarbetet"),
    ]


# ------------------------------------------------------------------ generated data


PARTIES = (Party(1, 1, "a", "Region Nordmark", "region"), Party(2, 1, "b", "Region Söderås", "region"))
MARKERS = ("# ", "---", "===", "|", "```", "<html>", "[länk](x)", "*", "_", "1. ", "+ ", "- ", "\n", "> ", "&amp;",
           "\\", "`", "<!--", "    ", "\t", "~~~", "![bild](x)", "\x1b[2J", "**", "[ref]: x")


def make_record(notes: list[Note], questions: int = 6) -> MeetingRecord:
    stamp = to_iso(T0)
    meeting = Meeting(1, 1, MeetingKind.FEEDBACK, "Återkopplingsmöte", stamp)
    return MeetingRecord(
        review=Review(1, "Test", "region", stamp, facilitator="Karin"),
        parties=PARTIES,
        members=(Member(1, 1, "Anna", "processledare"), Member(2, 2, "Helena", "")),
        questions=tuple(Question(i, 1, i, str(i), f"Fråga nummer {i}?") for i in range(1, questions + 1)),
        meeting=meeting,
        slots=(Slot(1, 1, 1, "Återkoppling till Region Nordmark", 90, 1),
               Slot(2, 1, 2, "Återkoppling till Region Söderås", 90, 2)),
        timer_events=(),
        notes=tuple(notes),
        actions=(),
        exported_at=T0,
    )


def note(note_id: int, text: str, party: int = 1, category: Category = S, question: int | None = 1,
         in_report: bool = True, share: Share = NET, deleted: bool = False) -> Note:
    stamp = to_iso(T0)
    return Note(note_id, 1, party, question, party, category, text, in_report, share, stamp, stamp,
                stamp if deleted else None)


def random_notes(seed: int, count: int) -> list[Note]:
    rng = random.Random(seed)
    result = []
    for note_id in range(1, count + 1):
        noise = "".join(rng.choice(MARKERS) + rng.choice(("ord", "text", "", " ")) for _ in range(rng.randint(0, 5)))
        text = f"{noise} N{note_id:06d}X {noise}" if rng.random() < 0.5 else f"N{note_id:06d}X{noise}"
        result.append(note(note_id, text, party=rng.choice((1, 2)), category=rng.choice(list(Category)),
                           question=rng.choice((None, 1, 2, 3, 4, 5, 6, 99)), in_report=rng.random() < 0.5,
                           share=rng.choice((IN, NET)), deleted=rng.random() < 0.1))
    return result


TOKEN = re.compile(r"N\d{6}X")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_network_summary_holds_exactly_the_released_notes(seed):
    notes = random_notes(seed, 800)
    summary = render_network_summary(make_record(notes))
    placed = {TOKEN.search(text).group(): path for path, text in items(summary) if len(path) > 1}
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
    minutes = render_minutes(record)
    assert outline(minutes) == expected_minutes_outline()
    where: dict[str, list[tuple[str, ...]]] = {}
    texts = {text for _, text in items(minutes)}
    for path, text in items(minutes):
        if len(path) > 1 and path[1] != "Deltagare":
            where.setdefault(TOKEN.search(text).group(), []).append(path[1:])
    for n in notes:
        token = f"N{n.id:06d}X"
        expected = [] if n.deleted_at else [(PARTIES[n.party_id - 1].name, CATEGORY_HEADINGS[n.category])]
        if n.in_report and not n.deleted_at:
            expected.append((AGREED_HEADING,))
        assert where.get(token, []) == expected, n
        if not n.deleted_at:
            assert literal(n.text) in texts
    for party in PARTIES:
        shown = " ".join(text for _, text in items(render_party_report(record, party)))
        for n in notes:
            assert (f"N{n.id:06d}X" in shown) == (n.party_id == party.id and n.in_report and n.deleted_at is None)


# ------------------------------------------------------------------ structure-breaking texts

BREAKERS = [
    "# Inte en rubrik", "## Fråga 99. Falsk fråga", "text\n---\nmer text", "rubrik\n===", "a | b | c",
    "| a | b |\n|---|---|\n| c | d |", "```python\nprint('hej')\n```", "~~~\nkod\n~~~", "`inline kod`",
    "<script>alert('x')</script>", "<b>fet</b> <!-- kommentar -->", "[länk](http://example.com) och ![bild](x.png)",
    "[ref]\n\n[ref]: http://example.com", "*kursiv* **fet** _under_ __dubbel__", "1. första\n2. andra",
    "1) parentes", "+ plus\n- minus\n* stjärna", "- lista", "> citat", "    indraget som kod", "\tflik",
    "backslash\\\nnästa", "två mellanslag  \nnästa", "&amp; &copy; &#169;", "<http://example.com>",
    "\x1b]0;titel\x07 kontrolltecken", "***", "___", "- - -", "\\* redan escapad", "[ ] uppgift", "slut \\",
    "text\n\n\n\nefter tomma rader", "#", "-", "1.", "=", "Fråga #3 ###",
]


@pytest.mark.parametrize("text", BREAKERS)
def test_user_text_stays_literal_inside_its_bullet(text):
    record = make_record([note(1, text), note(2, "vanlig anteckning", party=2, category=I)])
    party = PARTIES[0].name
    for markdown, path in (
        (render_minutes(record), ("Protokoll: Återkopplingsmöte", party, "Styrkor")),
        (render_party_report(record, PARTIES[0]), ("Rapport: Region Nordmark", "Fråga 1. Fråga nummer 1?", "Styrkor")),
        (render_network_summary(record), ("Nätverkssammanfattning: Test", party, "Styrkor")),
    ):
        assert (path, literal(text)) in items(markdown)
    assert outline(render_minutes(record)) == expected_minutes_outline()
    page = render_html(render_minutes(record), "Protokoll")
    assert "<script" not in page and "<b>" not in page and "<!--" not in page and "<a " not in page


@pytest.mark.parametrize("text", ["<b>Region</b> #1", "Region | Väst", "Region\n# Nord", "*Region* [x](y)"])
def test_names_and_question_texts_cannot_break_headings_or_tables(text):
    record = make_record([note(1, "anteckning")])
    record = replace(record, parties=(replace(PARTIES[0], name=text), PARTIES[1]),
                     questions=(replace(record.questions[0], text=text),),
                     slots=(replace(record.slots[0], title=text), record.slots[1]))
    minutes = render_minutes(record)
    flat = " ".join(literal(text).split("\n"))
    assert ("Protokoll: Återkopplingsmöte", flat) in outline(minutes)
    assert outline(render_party_report(record, record.parties[0]))[0] == (f"Rapport: {flat}",)
    tokens = markdown_parser().parse(minutes)
    assert sum(t.type == "tr_open" for t in tokens) == 4  # header, two slots, total
    assert sum(t.type in ("th_open", "td_open") for t in tokens) == 12  # a pipe in a title adds no cell


def test_html_page_is_complete_and_shows_html_as_text():
    record = make_record([note(1, "<img src=x onerror=alert(1)> & <b>")])
    page = render_html(render_minutes(record), "Protokoll <Test> & \x1b")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Protokoll &lt;Test&gt; &amp; \u241b</title>" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert "<table>" in page and "<h3>Styrkor</h3>" in page
