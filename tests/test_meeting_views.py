"""The meeting's two views, its notes room, slots, focus and end: what a shared screen shows, and the database."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.meeting.focus_note import FocusNote
from hfs_tui.screens.widgets.dialogs import ConfirmDialog
from hfs_tui.screens.widgets.note_list import NoteList
from rich.console import Console

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.documents import markdown
from hfs_tui.documents.minutes import build_minutes
from hfs_tui.documents.record import load_record
from hfs_tui.model import Category, MeetingKind, Share, TimerEventKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)
OTHER_INTERNAL = "Internt: Lena vill inte att detta sprids ännu"
OTHER_SHARED = "Söderås delar sin mall för årsrapporten med nätverket"
OWN_STRENGTH = "Styrgruppen har ett tydligt mandat från direktören och följer upp planen varje tertial"
TAKE_HOME = "Hälsoläget-panelen med CNI, som Söderås vill ta med sig hem"
SECOND_SLOT_NOTE = "Söderås egen styrka, antecknad i det andra passet"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path, clock):
    """The sample review with notes on question 1 of both slots (seeded through the store)."""
    path = tmp_path / "views.db"
    store = Store.open(path, clock=clock)
    review = load_sample(store, "region")
    seed_notes(store, review.id)
    store.close()
    return path, review.id


def seed_notes(store: Store, review_id: int) -> None:
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    first, second = store.slots(meeting.id)
    question = store.questions(review_id, selected_only=True)[0]
    reviewed, learner = first.party_id, second.party_id
    add = store.add_note
    add(meeting.id, reviewed, Category.STRENGTH, OWN_STRENGTH, slot_id=first.id, question_id=question.id)
    add(meeting.id, learner, Category.NOTE, OTHER_INTERNAL, slot_id=first.id, question_id=question.id)
    add(meeting.id, learner, Category.GOOD_EXAMPLE, TAKE_HOME, slot_id=first.id, question_id=question.id)
    shared = add(meeting.id, learner, Category.LESSON, OTHER_SHARED, slot_id=first.id, question_id=question.id)
    store.set_note_flags(shared.id, in_report=True)
    store.set_note_flags(shared.id, share=Share.NETWORK)
    add(meeting.id, learner, Category.STRENGTH, SECOND_SLOT_NOTE, slot_id=second.id, question_id=question.id)


def open_app(db_path, clock):
    path, review_id = db_path
    return make_app(path, review_id=review_id, clock=clock, bell=False)


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the same render as a screenshot)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return " ".join(console.export_text().split())


async def test_presenter_view_shows_no_internal_note_of_the_other_party_and_no_bookkeeping(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = screen_text(app)
        assert OTHER_INTERNAL in " ".join(app.screen.query_one(NoteList).lines)  # the facilitator sees it
        assert "ej i rapport" in before and "Mötesledarvy" in before
        await pilot.press("v")
        await pilot.pause()
        shown = screen_text(app)
        notes = " ".join(" ".join(app.screen.query_one(NoteList).lines).split())
    assert "VISNINGSLÄGE" in shown and "Mötesledarvy" not in shown
    assert "Lena" not in shown, "the other party's internal note stays off the shared screen"
    assert SECOND_SLOT_NOTE not in notes, "only the slot being discussed"
    for label in ("ej i rapport", "i rapport", "intern", "delas i nätverket", "Region Söderås ·", "(Region"):
        assert label not in notes
    assert OWN_STRENGTH in notes and OTHER_SHARED in notes
    assert TAKE_HOME not in notes, "the learner's good example is the learner's internal note until released"
    assert "ej i rapport" not in shown and "· intern" not in shown


async def test_the_facilitator_view_shows_this_slot_first_and_c_filters_to_it(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = app.screen.query_one(NoteList).lines
        heading = next(i for i, line in enumerate(lines) if line.startswith("Från de andra passen (1)"))
        assert any(SECOND_SLOT_NOTE[:30] in line for line in lines[heading:])
        assert all(SECOND_SLOT_NOTE[:30] not in line for line in lines[:heading])
        await pilot.press("c")
        lines = " ".join(app.screen.query_one(NoteList).lines)
        assert SECOND_SLOT_NOTE[:30] not in lines and OTHER_INTERNAL in lines
        await pilot.press("c")
        assert SECOND_SLOT_NOTE[:30] in " ".join(app.screen.query_one(NoteList).lines)


async def test_the_second_slot_opens_on_the_first_question_of_its_own_list(db_path, clock):
    app = open_app(db_path, clock)
    path, review_id = db_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n", "n")
        assert app.screen.question_index == 3
        await pilot.press("right_square_bracket")  # slot 1 not started: no question asked
        assert app.screen.slot_index == 1 and app.screen.question_index == 0
        await pilot.press("n", "left_square_bracket")
        assert app.screen.slot_index == 0 and app.screen.question_index == 0
        await pilot.press("right_square_bracket")
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    first_question = store.questions(review_id, selected_only=True)[0]
    assert (meeting.current_slot_id, meeting.current_question_id) == (store.slots(meeting.id)[1].id, first_question.id)


async def test_ending_the_meeting_asks_first_stops_the_running_slot_and_stores_ended_at(db_path, clock):
    app = open_app(db_path, clock)
    path, review_id = db_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        clock.advance(20 * 60)
        await pilot.press("X")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.screen.meeting.ended_at is None
        await pilot.press("X", "j")
        await pilot.pause()
        assert "mötet avslutat" in screen_text(app)
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    assert meeting.ended_at == "2026-03-10T09:20:00.000000+00:00"
    first = store.slots(meeting.id)[0]
    assert [e.kind for e in store.timer_events(meeting.id)[first.id]] == [TimerEventKind.START, TimerEventKind.STOP]
    assert "pågår" not in markdown.render(build_minutes(load_record(store, review_id, meeting.id), "sv"))


async def test_the_minutes_carry_the_end_time_of_the_meeting_not_of_its_last_slot(db_path, clock):
    app = open_app(db_path, clock)
    path, review_id = db_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # 09:00 UTC = 10.00 in Stockholm
        clock.advance(50 * 60)
        await pilot.press("right_square_bracket", "j")  # slot 1 stopped at 10.50
        clock.advance(45 * 60)  # the meeting talks on without a slot timer
        await pilot.press("X", "j")  # ended at 11.35
        await pilot.pause()
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    minutes = markdown.render(build_minutes(load_record(store, review_id, meeting.id), "sv"))
    assert "tisdag 10 mars 2026, kl. 10.00–11.35" in minutes


async def test_the_focus_key_shows_the_selected_note_large_and_esc_closes_it(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        note_list = app.screen.query_one(NoteList)
        note_list.select(0)
        await pilot.press("f")
        assert isinstance(app.screen, FocusNote) and app.screen.note.text == OWN_STRENGTH
        assert OWN_STRENGTH in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)


async def test_clicking_a_note_selects_it(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        note_list = app.screen.query_one(NoteList)
        assert note_list.selected != 0
        line = next(i for i, text in enumerate(note_list.lines) if text.startswith("+ Styrka"))
        await pilot.click(NoteList, offset=(5, line))
        assert note_list.selected_note_id == app.store.notes(app.screen.meeting_id)[0].id


async def test_z_gives_the_notes_the_whole_body_and_back(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes-panel")
        shared = notes.region.height
        await pilot.press("z")
        await pilot.pause()
        assert not app.screen.query_one("#columns").display and notes.region.height > shared
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.query_one("#columns").display and notes.region.height == shared


async def test_a_question_change_keeps_every_region_size(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        regions = [app.screen.query_one(s).region for s in ("#question", "#columns", "#notes-panel")]
        await pilot.press("n")
        await pilot.pause()
        assert [app.screen.query_one(s).region for s in ("#question", "#columns", "#notes-panel")] == regions


async def test_saving_shows_a_mark_in_the_status_line_not_a_toast(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#capture").value = ""
        await pilot.press("plus", *"Ny", "enter", "escape")
        assert not [n for n in app._notifications if "Sparad" in n.message]
        assert "✓ Sparad: Styrka" in screen_text(app)


async def test_clicking_an_agreement_of_the_introductory_meeting_selects_it(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.open_meeting(db_path[1], MeetingKind.INTRO)
        await pilot.pause()
        agenda = app.screen.query_one("#agenda")
        line = next(i for i, text in enumerate(agenda.lines) if text.startswith("[x] 1."))
        await pilot.click("#agenda", offset=(4, line + 1))  # +1: the panel's border
        assert agenda.selected_text.startswith("[x] 1.")


def test_shown_notes_puts_this_slot_first_and_the_presenter_view_leaves_out_the_other_partys_internal_notes():
    from hfs_tui.screens.meeting.notes_view import shown_notes

    from hfs_tui.model import Note, Slot

    def note(number, party, slot, category=Category.STRENGTH, share=Share.INTERNAL):
        return Note(number, 1, slot, 1, party, category, f"n{number}", False, share, "", "")

    slot = Slot(10, 1, 1, "Återkoppling till A", 90, party_id=1)
    notes = [
        note(1, 1, 10),
        note(2, 2, 10),  # the other party's internal note in this slot
        note(3, 2, 10, Category.GOOD_EXAMPLE),  # the learner's good example, not released: internal too
        note(4, 2, 10, share=Share.NETWORK),
        note(5, 2, 11),  # the other slot
        note(6, 1, 11),
    ]
    facilitator = shown_notes(notes, slot, presenter=False, only_slot=False)
    assert [n.id for n in facilitator.current] == [1, 2, 3, 4] and [n.id for n in facilitator.later] == [5, 6]
    only = shown_notes(notes, slot, presenter=False, only_slot=True)
    assert ([n.id for n in only.current], only.later, only.hidden) == ([1, 2, 3, 4], [], 2)
    presenter = shown_notes(notes, slot, presenter=True, only_slot=False)
    assert ([n.id for n in presenter.current], presenter.later) == ([1, 4], [])
    joint = shown_notes(notes, Slot(12, 1, 1, "Gemensamt", 30, party_id=None), presenter=True, only_slot=False)
    assert joint.current == [] and joint.later == []


async def test_the_follow_up_meeting_ends_with_the_same_key(db_path, clock):
    app = open_app(db_path, clock)
    path, review_id = db_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_follow_up(review_id)
        await pilot.pause()
        await pilot.press("space")
        clock.advance(5 * 60)
        await pilot.press("X", "j")
        await pilot.pause()
    store = Store.open(path, clock=clock)
    follow_up = store.meeting_of_kind(review_id, MeetingKind.FOLLOW_UP)
    assert follow_up.ended_at == "2026-03-10T09:05:00.000000+00:00"
    slot = store.slots(follow_up.id)[0]
    assert [e.kind for e in store.timer_events(follow_up.id)[slot.id]] == [TimerEventKind.START, TimerEventKind.STOP]


async def test_keys_right_after_the_mark_go_into_the_note_never_to_the_screens_keys(db_path, clock):
    """A burst (tmux, a macro, a fast typist): `+Tydlig dröjsmål` arrives before the line has the focus; `d` must
    not delete the selected note, `o` must not switch its owner, and the text must be saved as typed."""
    from textual import events

    app = open_app(db_path, clock)
    path, review_id = db_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst = "+Tydlig dröjsmål och oro\r"
        for character in burst:
            key = {"+": "plus", " ": "space", "\r": "enter"}.get(character, character)
            app._driver.send_message(events.Key(key, None if character == "\r" else character))
        await pilot.pause(0.3)
    store = Store.open(path, clock=clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    notes = store.notes(meeting.id)
    assert len(notes) == 6, "the seeded five are all still there, and one more"
    assert (notes[-1].category, notes[-1].text) == (Category.STRENGTH, "Tydlig dröjsmål och oro")
    first_party = store.slots(meeting.id)[0].party_id
    assert [n.party_id for n in notes if n.text == OTHER_INTERNAL] != [first_party], "no owner switched by `o`"
    assert [n.share for n in notes if n.text == OTHER_SHARED] == [Share.NETWORK]
