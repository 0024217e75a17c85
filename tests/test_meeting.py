"""Pilot tests of the feedback meeting: real keys in, rows in the database out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import enter_text
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.widgets.dialogs import ConfirmDialog
from hfs_tui.screens.widgets.note_list import NoteList
from textual.widgets import Input

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, Share, TimerEventKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path, clock):
    path = tmp_path / "meeting.db"
    store = Store.open(path, clock=clock)
    review = load_sample(store, "region")
    store.close()
    return path, review.id


def open_app(db_path, clock):
    path, review_id = db_path
    return make_app(path, review_id=review_id, clock=clock, bell=False)


def read(db_path, clock) -> tuple[Store, int]:
    path, review_id = db_path
    store = Store.open(path, clock=clock)
    return store, store.meeting_of_kind(review_id, MeetingKind.FEEDBACK).id


async def type_line(pilot, text: str) -> None:
    """Text into the capture line in one call (typing key by key is tested where it is the behaviour)."""
    await enter_text(pilot, text, submit=None)


async def capture(pilot, mark: str, text: str) -> None:
    """Open the capture line with a category key (or enter for a plain note), type, save, close."""
    await pilot.press(mark if mark else "enter")
    await type_line(pilot, text)
    await pilot.press("enter", "escape")


async def test_demo_opens_on_the_feedback_meeting(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting.kind == MeetingKind.FEEDBACK
        assert screen.slot_index == 0 and screen.question_index == 0
        assert "Återkoppling till Region Nordmark" in screen.slot.title


async def test_capture_one_note_of_each_category(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for mark, text in (
            ("+", "Tydlig styrgrupp"),
            ("-", "Uppföljning saknas"),
            ("*", "Hälsoläget-panelen"),
            ("!", "Vi lär av deras data"),
            (">", "Inför tertialsuppföljning"),
            ("", "Allmän kommentar"),
        ):
            await capture(pilot, mark, text)
    store, meeting_id = read(db_path, clock)
    notes = store.notes(meeting_id)
    first_question = store.questions(store.meeting(meeting_id).review_id)[0]
    slot = store.slots(meeting_id)[0]
    assert [(n.category, n.text) for n in notes] == [
        (Category.STRENGTH, "Tydlig styrgrupp"),
        (Category.IMPROVEMENT, "Uppföljning saknas"),
        (Category.GOOD_EXAMPLE, "Hälsoläget-panelen"),
        (Category.LESSON, "Vi lär av deras data"),
        (Category.ACTION, "Inför tertialsuppföljning"),
        (Category.NOTE, "Allmän kommentar"),
    ]
    assert {(n.question_id, n.slot_id, n.share, n.in_report) for n in notes} == {
        (first_question.id, slot.id, Share.INTERNAL, False)
    }
    learner = next(p.id for p in store.parties(store.meeting(meeting_id).review_id) if p.id != slot.party_id)
    # Every note is the reviewed party's, except the good example to take home: the learner's (issue #10).
    assert [n.party_id for n in notes] == [slot.party_id, slot.party_id, learner] + [slot.party_id] * 3


async def test_enter_saves_and_keeps_the_line_open_for_the_next_note(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await type_line(pilot, "Första")
        await pilot.press("enter")
        line = app.screen.query_one("#capture", Input)
        assert line.display and line.has_focus and line.value == ""
        await type_line(pilot, "- Andra")
        await pilot.press("enter")
    store, meeting_id = read(db_path, clock)
    assert [(n.category, n.text) for n in store.notes(meeting_id)] == [
        (Category.STRENGTH, "Första"),
        (Category.IMPROVEMENT, "Andra"),
    ]


async def test_new_note_is_owned_by_the_party_whose_slot_runs(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")  # slot 1 not started: no question asked
        assert app.screen.slot_index == 1
        await capture(pilot, "+", "Bra analysstöd")
    store, meeting_id = read(db_path, clock)
    (note,) = store.notes(meeting_id)
    second_slot = store.slots(meeting_id)[1]
    assert note.party_id == second_slot.party_id and note.slot_id == second_slot.id


async def test_next_slot_with_time_left_asks_first(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        clock.advance(60)
        await pilot.press("right_square_bracket")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen) and app.screen.slot_index == 0
        await pilot.press("right_square_bracket")
        await pilot.press("j")
        assert isinstance(app.screen, MeetingScreen) and app.screen.slot_index == 1
        await pilot.press("left_square_bracket")
        assert app.screen.slot_index == 0
    store, meeting_id = read(db_path, clock)
    first_slot = store.slots(meeting_id)[0]
    kinds = [event.kind for event in store.timer_events(meeting_id)[first_slot.id]]
    assert kinds == [TimerEventKind.START, TimerEventKind.STOP]


async def test_edit_delete_and_undo_are_stored(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "+", "Gammal text")
        await pilot.press("e")
        line = app.screen.query_one("#capture", Input)
        assert line.value == "+ Gammal text"
        line.value = ""
        await type_line(pilot, "- Ny text")
        await pilot.press("enter")
        store, meeting_id = read(db_path, clock)
        (note,) = store.notes(meeting_id)
        assert (note.category, note.text) == (Category.IMPROVEMENT, "Ny text")
        await pilot.press("d")
        assert store.notes(meeting_id) == []
        await pilot.press("u")
        assert [n.text for n in store.notes(meeting_id)] == ["Ny text"]
        await pilot.press("u")
        assert [(n.category, n.text) for n in store.notes(meeting_id)] == [(Category.STRENGTH, "Gammal text")]
        store.close()


async def test_report_share_and_owner_toggles(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "+", "En styrka")
        await pilot.press("r", "s", "o")
    store, meeting_id = read(db_path, clock)
    (note,) = store.notes(meeting_id)
    slots = store.slots(meeting_id)
    # The switch hands the note to the other party, which has agreed and released nothing yet.
    assert not note.in_report and note.share == Share.INTERNAL
    assert note.party_id == slots[1].party_id  # switched from the slot's party to the other one


async def test_questions_move_and_the_place_survives_a_restart(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n", "n", "p")
        assert app.screen.question_index == 2
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.question_index == 2
        await capture(pilot, "!", "Lärdom")
    store, meeting_id = read(db_path, clock)
    (note,) = store.notes(meeting_id)
    assert note.question_id == store.questions(store.meeting(meeting_id).review_id)[2].id


async def test_timer_resumes_exactly_after_a_restart(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
    clock.advance(15 * 60 + 30)
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state = app.screen.slot_state(app.screen.slot)
        assert state.display == "74:30"
        await pilot.press("space")  # pause for a break is one key
    clock.advance(600)
    store, meeting_id = read(db_path, clock)
    slot = store.slots(meeting_id)[0]
    assert [e.kind for e in store.timer_events(meeting_id)[slot.id]] == [TimerEventKind.START, TimerEventKind.PAUSE]


async def test_warnings_fire_once_each(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        screen = app.screen
        clock.advance(81 * 60)
        screen.refresh_timer()
        screen.refresh_timer()
        clock.advance(8 * 60 + 30)
        screen.refresh_timer()
        clock.advance(60)
        screen.refresh_timer()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages.count("10 minuter kvar av passet") == 1
        assert messages.count("2 minuter kvar av passet") == 1
        assert messages.count("Passets tid är slut: övertid räknas") == 1
        assert screen.query_one("#timer-bar").has_class("-overtime")


@pytest.mark.parametrize("text", ["[/]", "[@click=app.quit]x[/]", "list[int] och [b]fet[/b]"])
async def test_markup_in_a_note_is_shown_literally_and_runs_nothing(db_path, clock, text):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "+", text)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        rendered = "".join(app.screen.query_one("#notes").lines)
        assert text in rendered
    store, meeting_id = read(db_path, clock)
    assert [n.text for n in store.notes(meeting_id)] == [text]


async def test_answer_with_markup_and_escape_sequence_renders_safely(db_path, clock):
    path, review_id = db_path
    store = Store.open(path, clock=clock)
    first = store.questions(review_id)[0]
    party_a = store.parties(review_id)[0]
    store.set_answer(first.id, party_a.id, "Vi skriver [/] och [@click=app.quit]klick[/] \x1b]0;PWNED\x07 och \x9b2J")
    store.close()
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = "\n".join(app.screen.query_one("#column-a").lines)
        assert "[/]" in shown and "[@click=app.quit]klick[/]" in shown
        assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown
        assert app.is_running


async def test_escape_closes_the_capture_line_then_goes_home(db_path, clock):
    from hfs_tui.screens.home.screen import HomeScreen

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)
        assert not app.screen.query_one("#capture", Input).display
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_presenter_view_hides_the_footer_and_comes_back_with_the_same_key(db_path, clock):
    from textual.widgets import Footer

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert app.screen.has_class("-presenter")
        assert not app.screen.query_one(Footer).display
        await capture(pilot, "+", "Syns i visningsläget")
        assert "Syns i visningsläget" in "".join(app.screen.query_one("#notes").lines)
        await pilot.press("v")
        assert app.screen.query_one(Footer).display


async def test_other_partys_internal_notes_can_be_hidden_during_a_slot(db_path, clock):
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "+", "Nordmarks egen")
        await capture(pilot, "-", "Söderås intern")
        await pilot.press("o")  # the last note now belongs to Region Söderås, still internal
        await capture(pilot, "*", "Söderås delad")
        await pilot.press("o", "s")  # owned by Söderås and released to the network
        await pilot.press("i")
        shown = "".join(app.screen.query_one("#notes").lines)
        assert "Nordmarks egen" in shown and "Söderås delad" in shown
        assert "Söderås intern" not in shown
        await pilot.press("i")
        assert "Söderås intern" in "".join(app.screen.query_one("#notes").lines)


async def test_a_burst_of_keys_saves_each_note_exactly_as_typed(db_path, clock):
    """Keys arriving faster than the app handles them (a fast typist, tmux, a macro) must not mix notes."""
    from textual import events

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        burst = "Första noten\r- Andra noten\r! Tredje noten\r"
        for character in burst:
            key = "enter" if character == "\r" else ("space" if character == " " else character)
            if character == "-":
                key = "minus"
            elif character == "!":
                key = "exclamation_mark"
            app._driver.send_message(events.Key(key, None if character == "\r" else character))
        await pilot.pause(0.3)
    store, meeting_id = read(db_path, clock)
    assert [(n.category, n.text) for n in store.notes(meeting_id)] == [
        (Category.STRENGTH, "Första noten"),
        (Category.IMPROVEMENT, "Andra noten"),
        (Category.LESSON, "Tredje noten"),
    ]


async def test_a_failed_save_keeps_the_note_on_its_own_as_not_saved_and_ctrl_r_saves_it(db_path, clock, monkeypatch):
    from hfs_tui.store import StoreError

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:

        def full_disk(*args, **kwargs):
            raise StoreError("databasen kunde inte skriva (database or disk is full)")

        monkeypatch.setattr(app.store, "add_note", full_disk)
        await pilot.press("plus", *"Viktig styrka", "enter")
        line = app.screen.query_one("#capture", Input)
        assert line.value == "", "the line is free for the next note; the refused one waits on its own"
        assert [n.severity for n in app._notifications] == ["error"]
        assert "disk is full" in list(app._notifications)[0].message
        assert any("EJ SPARAD" in row and "Viktig styrka" in row for row in app.screen.query_one(NoteList).lines)
        monkeypatch.undo()
        await pilot.press("escape", "ctrl+r")
        assert not app.screen.pending
        assert not any("EJ SPARAD" in row for row in app.screen.query_one(NoteList).lines)
    store, meeting_id = read(db_path, clock)
    assert [n.text for n in store.notes(meeting_id)] == ["Viktig styrka"]


async def test_forty_refused_notes_are_saved_as_forty_notes_never_merged(db_path, clock, monkeypatch):
    from hfs_tui.store import StoreError

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:

        def locked(*args, **kwargs):
            raise StoreError("database is locked")

        monkeypatch.setattr(app.store, "add_note", locked)
        await pilot.press("enter")
        for number in range(40):
            await enter_text(pilot, f"not {number}")
        assert len(app.screen.pending) == 40
        assert app.screen.query_one("#capture", Input).value == ""
        monkeypatch.undo()
        await enter_text(pilot, "den nya")  # the next save saves the waiting ones first, in order
        assert not app.screen.pending
    store, meeting_id = read(db_path, clock)
    assert [n.text for n in store.notes(meeting_id)] == [f"not {number}" for number in range(40)] + ["den nya"]


async def test_the_introductory_meeting_shows_the_agreements_and_keeps_notes_off_the_questions(db_path, clock):
    path, review_id = db_path
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.open_meeting(review_id, MeetingKind.INTRO)
        await pilot.pause()
        screen = app.screen
        assert screen.meeting.kind == MeetingKind.INTRO
        agenda = "\n".join(screen.query_one("#agenda").lines)
        assert "Region Nordmark" in agenda and "[x] 1. Hur är det hälsofrämjande arbetet organiserat?" in agenda
        assert not screen.query_one("#column-a").display
        await pilot.press("space")
        await capture(pilot, "", "Vi besvarar alla frågor utom 13")
    store = Store.open(path, clock=clock)
    intro = store.meeting_of_kind(review_id, MeetingKind.INTRO)
    (note,) = store.notes(intro.id)
    assert note.question_id is None and note.text == "Vi besvarar alla frågor utom 13"
    assert [e.kind for e in store.timer_events(intro.id)[store.slots(intro.id)[0].id]] == [TimerEventKind.START]


@pytest.mark.parametrize("released", [True, False])
async def test_switching_the_owner_says_in_one_line_what_became_of_the_note(db_path, clock, released):
    """A note handed to the other party becomes internal and leaves the report; the line says so when it was released."""
    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await capture(pilot, "+", "En styrka")
        if released:
            await pilot.press("r", "s")
        before = len(app._notifications)
        await pilot.press("o")
        toasts = [n.message for n in list(app._notifications)[before:]]
        status = app.screen.status_text
        other = app.store.parties(db_path[1])[1].name
    if released:  # an agreement undone: a warning that cannot be missed
        assert toasts == [f"Ägare bytt till {other}: anteckningen är nu intern och inte i rapporten"]
    else:  # nothing undone: the status line beside the notes, no toast over them
        assert toasts == [] and status == f"✓ Ägare bytt till {other}"
    store, meeting_id = read(db_path, clock)
    (note,) = store.notes(meeting_id)
    assert note.share == Share.INTERNAL and not note.in_report


async def test_leaving_with_a_note_not_saved_stays_until_it_is_saved(db_path, clock, monkeypatch):
    from hfs_tui.store import StoreError

    app = open_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(MeetingScreen(app.screen.meeting_id))  # a screen to leave from
        await pilot.pause()
        meeting_screen = app.screen

        def locked(*args, **kwargs):
            raise StoreError("database is locked")

        monkeypatch.setattr(app.store, "add_note", locked)
        await pilot.press("plus", *"Får inte försvinna", "enter", "escape", "escape")
        assert isinstance(app.screen, ConfirmDialog), "leaving with a note not saved asks first"
        await pilot.press("n")
        assert app.screen is meeting_screen and len(meeting_screen.pending) == 1
        monkeypatch.undo()
        await pilot.press("escape")  # saved now, and left
        await pilot.pause()
        assert app.screen is not meeting_screen
    store, meeting_id = read(db_path, clock)
    assert [n.text for n in store.notes(meeting_id)] == ["Får inte försvinna"]
