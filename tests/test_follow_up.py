"""The follow-up meeting (step 5): its own slot timer, statuses and outcomes per action, last year's notes,
notes captured during it, and its minutes. Real keys in, rows in the database out."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hfs_tui.screens.follow_up.screen import FollowUpScreen
from hfs_tui.screens.keys import FOLLOW_UP_KEYS
from hfs_tui.screens.widgets.action_form import ActionForm
from hfs_tui.screens.widgets.action_table import ActionTable
from hfs_tui.screens.widgets.dialogs import ConfirmDialog
from textual.widgets import Input

from hfs_tui.app import make_app
from hfs_tui.export import load_record
from hfs_tui.i18n import STRINGS
from hfs_tui.minutes import FOLLOW_UP_HEADING, markdown_parser, render_minutes
from hfs_tui.model import ActionStatus, Category, MeetingKind, Share, TimerEventKind
from hfs_tui.sample import load_sample
from hfs_tui.slot_clock import SlotClock
from hfs_tui.store import Store
from hfs_tui.timer import TimerPhase, WarningLevel

SIZE = (120, 36)
YEAR = 365 * 24 * 3600


@pytest.fixture
def db(store: Store, clock):
    """Last year's feedback meeting (notes, three actions for Nordmark, one for Söderås); the clock is a year on."""
    review = load_sample(store, "region")
    feedback = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    nordmark, soderas = store.parties(review.id)
    for party, category, text in (
        (nordmark, Category.STRENGTH, "Tydlig styrgrupp"),
        (nordmark, Category.IMPROVEMENT, "Ingen skriftlig rapport"),
        (soderas, Category.STRENGTH, "Hälsoläget-panelen"),
        (soderas, Category.IMPROVEMENT, "Svag uppföljning av levnadsvanor"),
        (nordmark, Category.ACTION, "Skriv uppdrag"),
        (nordmark, Category.ACTION, "Inför tertialsuppföljning"),
        (nordmark, Category.ACTION, "Rapportera till styrgruppen"),
        (soderas, Category.ACTION, "Indikatorer för levnadsvanor"),
    ):
        note = store.add_note(feedback.id, party.id, category, text)
        if category is Category.ACTION:
            store.action_from_note(note.id)
    path = Path(store.path)
    store.close()
    clock.advance(YEAR)
    return path, review.id


def reopen(db, clock) -> tuple[Store, int, int]:
    path, review_id = db
    store = Store.open(path, clock=clock)
    return store, review_id, store.meeting_of_kind(review_id, MeetingKind.FOLLOW_UP).id


def app_for(db, clock):
    return make_app(db[0], clock=clock, bell=False)


async def open_follow_up(db, pilot) -> FollowUpScreen:
    await pilot.pause()
    pilot.app.open_follow_up(db[1])
    await pilot.pause()
    assert isinstance(pilot.app.screen, FollowUpScreen)
    return pilot.app.screen


async def test_a_follow_up_sets_status_outcome_and_sustain_for_each_action(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        await pilot.press("space")
        clock.advance(20 * 60)
        screen.refresh_timer()
        assert screen.slots.state().display == "40:00"
        await pilot.press("1", "down", "2", "down", "3")
        await pilot.press("up", "up", "right", "right", "e")  # Vad har uppnåtts of the first action
        form = pilot.app.screen
        assert isinstance(form, ActionForm)  # the action's fields, the cursor in the outcome's
        assert form.focused is form.query_one("#field-outcome")
        await pilot.press(*"Uppdragen är skrivna", "tab", *"Revideras varje maj", "ctrl+s")
        await pilot.press("down", "left", "t")  # t moves the status on
    store, review_id, meeting_id = reopen(db, clock)
    nordmark = store.parties(review_id)[0]
    actions = store.actions(review_id, party_id=nordmark.id)
    assert [a.status for a in actions] == [ActionStatus.DONE, ActionStatus.NOT_STARTED, ActionStatus.NOT_STARTED]
    assert (actions[0].outcome, actions[0].sustain) == ("Uppdragen är skrivna", "Revideras varje maj")
    first_slot = store.slots(meeting_id)[0]
    assert [e.kind for e in store.timer_events(meeting_id)[first_slot.id]] == [TimerEventKind.START]


async def test_each_slot_walks_its_own_party_and_shows_last_years_notes_side_by_side(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        table = screen.query_one(ActionTable)
        assert [a.goal for a in table.actions] == [
            "Skriv uppdrag",
            "Inför tertialsuppföljning",
            "Rapportera till styrgruppen",
        ]
        strengths = "\n".join(screen.query_one("#last-strengths").lines)
        improvements = "\n".join(screen.query_one("#last-improvements").lines)
        assert "Tydlig styrgrupp" in strengths and "Ingen skriftlig rapport" not in strengths
        assert "Ingen skriftlig rapport" in improvements and "Hälsoläget" not in strengths + improvements
        await pilot.press("right_square_bracket")  # not started: no question
        assert [a.goal for a in table.actions] == ["Indikatorer för levnadsvanor"]
        assert "Hälsoläget-panelen" in "\n".join(screen.query_one("#last-strengths").lines)
        await pilot.press("1")
    store, review_id, _ = reopen(db, clock)
    soderas = store.parties(review_id)[1]
    assert [a.status for a in store.actions(review_id, party_id=soderas.id)] == [ActionStatus.DONE]


async def test_next_slot_with_time_left_asks_and_then_stops_the_slot(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        await pilot.press("space")
        clock.advance(60)
        await pilot.press("right_square_bracket")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        assert screen.slots.index == 0
        await pilot.press("right_square_bracket", "j")
        assert screen.slots.index == 1
        await pilot.press("left_square_bracket")
        assert screen.slots.index == 0
    store, _, meeting_id = reopen(db, clock)
    first_slot = store.slots(meeting_id)[0]
    assert [e.kind for e in store.timer_events(meeting_id)[first_slot.id]] == [
        TimerEventKind.START,
        TimerEventKind.STOP,
    ]


async def test_a_restart_keeps_the_timer_and_the_slot(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        await pilot.press("right_square_bracket", "space")
    clock.advance(15 * 60 + 30)
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        assert screen.slots.index == 1
        assert screen.slots.state().display == "44:30"
        await pilot.press("space")  # a break is one key
        assert screen.slots.state().phase is TimerPhase.PAUSED
    store, _, meeting_id = reopen(db, clock)
    assert store.meeting(meeting_id).current_slot_id == store.slots(meeting_id)[1].id


async def test_notes_captured_during_the_follow_up_belong_to_the_slots_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        await pilot.press("exclamation_mark", *"Uppföljningen gav struktur [/]", "enter")
        line = screen.query_one("#followup-capture", Input)
        assert line.display and line.value == ""
        await pilot.press(*"Ny plan behövs", "enter", "escape")
        assert not line.display
        assert "Uppföljningen gav struktur [/]" in "\n".join(screen.query_one("#followup-notes").lines)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, FollowUpScreen)
    store, review_id, meeting_id = reopen(db, clock)
    slot = store.slots(meeting_id)[0]
    assert [(n.category, n.text, n.party_id, n.slot_id) for n in store.notes(meeting_id)] == [
        (Category.LESSON, "Uppföljningen gav struktur [/]", slot.party_id, slot.id),
        (Category.NOTE, "Ny plan behövs", slot.party_id, slot.id),
    ]


async def test_every_key_label_is_translated_and_help_opens(db, clock):
    from hfs_tui.screens.widgets.dialogs import HelpScreen

    assert all(action.label in STRINGS for action in FOLLOW_UP_KEYS)
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)


def test_slot_clock_warns_once_and_refuses_to_run_past_the_ends(db, clock):
    store, _, meeting_id = reopen(db, clock)
    slots = SlotClock(store, meeting_id, clock)
    slots.toggle()
    clock.advance(51 * 60)
    assert slots.new_warnings() == [WarningLevel.TEN_MINUTES]
    assert slots.new_warnings() == []
    clock.advance(10 * 60)
    assert slots.new_warnings() == [WarningLevel.TWO_MINUTES, WarningLevel.OVERTIME]
    assert slots.time_left_if_under_way() is None  # overtime: moving on needs no question
    with pytest.raises(IndexError):
        slots.go_previous()
    slots.go_next()
    with pytest.raises(IndexError):
        slots.go_next()
    assert slots.state(slots.slots[0]).phase is TimerPhase.STOPPED
    store.close()


def test_follow_up_minutes_list_each_action_with_status_outcome_and_sustain(db, clock):
    store, review_id, meeting_id = reopen(db, clock)
    nordmark = store.parties(review_id)[0]
    first, second, _ = store.actions(review_id, party_id=nordmark.id)
    store.update_action(first.id, status="done", outcome="# Skrivna\n---\n- alla [/]", sustain="Årlig revision")
    store.update_action(second.id, status="partly")
    minutes = render_minutes(load_record(store, review_id, meeting_id, now=clock() + timedelta(hours=3)))
    feedback = render_minutes(load_record(store, review_id, now=clock()))
    store.close()
    assert FOLLOW_UP_HEADING not in feedback
    tokens = markdown_parser().parse(minutes)
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert headings.count(FOLLOW_UP_HEADING) == 2  # one per party
    assert "# Skrivna" not in [h for h in headings]  # user text never becomes a heading
    section = minutes.split(f"### {FOLLOW_UP_HEADING}")[1]
    assert "**Åtgärd 1.** Skriv uppdrag" in section
    assert "- Status: Genomförd" in section and "- Status: Delvis genomförd" in section
    assert "- Status: Ej uppföljd" in section
    assert "- Vad har uppnåtts: \\# Skrivna" in section
    assert "- Hur vidmakthålls förbättringsarbetet: Årlig revision" in section
    rendered = markdown_parser().render(minutes)
    assert "<hr" not in rendered and "alla [/]" in rendered


async def test_a_party_without_actions_gets_a_hint_instead_of_an_empty_table(db, clock):
    store, review_id, _ = reopen(db, clock)
    soderas = store.parties(review_id)[1]
    for action in store.actions(review_id, party_id=soderas.id):
        store.delete_action(action.id)
    store.close()
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        await pilot.press("right_square_bracket")
        assert not screen.query_one(ActionTable).display and screen.query_one("#followup-empty").display
        await pilot.press("1", "e")  # nothing to act on: a message, no crash, no write
        assert pilot.app.screen is screen
    store, review_id, _ = reopen(db, clock)
    assert all(a.status is ActionStatus.OPEN for a in store.actions(review_id))


async def test_a_burst_of_keys_saves_each_follow_up_note_exactly_as_typed(db, clock):
    """The follow-up shares the meeting's capture line, so keys arriving in a burst never mix two notes."""
    from textual import events

    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        await pilot.press("enter")  # ⏎ writes a plain note, as in the feedback meeting
        names = {"\r": "enter", " ": "space", "-": "minus", "+": "plus"}
        for character in "Första\r- Andra\r+ Tredje\r":
            pilot.app._driver.send_message(
                events.Key(names.get(character, character), None if character == "\r" else character)
            )
        await pilot.pause(0.3)
    store, review_id, meeting_id = reopen(db, clock)
    assert [(n.category, n.text) for n in store.notes(meeting_id)] == [
        (Category.NOTE, "Första"),
        (Category.IMPROVEMENT, "Andra"),
        (Category.STRENGTH, "Tredje"),
    ]


# ------------------------------------------------------------- the meeting's keys on the follow-up's notes


async def test_the_follow_up_notes_take_the_meetings_keys_r_s_e_d_u(db, clock):
    store, review_id, meeting_id = reopen(db, clock)
    nordmark = store.parties(review_id)[0]
    slot = store.slots(meeting_id)[0]
    first = store.add_note(meeting_id, nordmark.id, Category.NOTE, "Första", slot_id=slot.id)
    second = store.add_note(meeting_id, nordmark.id, Category.NOTE, "Andra", slot_id=slot.id)
    store.close()
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_follow_up(db, pilot)
        notes = screen.query_one("#followup-notes")
        await pilot.press("shift+tab")  # from the actions back to the notes
        assert screen.focused is notes
        await pilot.click("#followup-notes", offset=(2, 0))  # a click selects the first note
        assert notes.selected_note_id == first.id
        await pilot.press("r", "s")
        await pilot.press("down", "d")
        await pilot.press("u")
    store, review_id, meeting_id = reopen(db, clock)
    kept = store.note(first.id)
    assert kept.in_report is (not first.in_report) and kept.share == Share.NETWORK
    assert store.note(second.id).deleted_at is None  # deleted, then undone


async def test_on_the_action_table_r_and_s_are_the_actions_report_and_release(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        store, review_id, _ = reopen(db, clock)
        before = store.actions(review_id)[0]
        store.close()
        await pilot.press("r", "s")
    store, review_id, _ = reopen(db, clock)
    after = store.actions(review_id)[0]
    assert after.in_report is (not before.in_report) and after.share == Share.NETWORK


async def test_d_on_the_action_table_deletes_no_note_and_says_where_the_notes_are(db, clock):
    store, review_id, meeting_id = reopen(db, clock)
    slot = store.slots(meeting_id)[0]
    note = store.add_note(meeting_id, store.parties(review_id)[0].id, Category.NOTE, "Kvar", slot_id=slot.id)
    store.close()
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        await pilot.press("d")
        assert [n.message for n in pilot.app._notifications] == [STRINGS["followup.no_note_selected"][0]]
    store, _, _ = reopen(db, clock)
    assert store.note(note.id).deleted_at is None


async def test_e_on_the_goal_opens_the_form_at_what_was_achieved(db, clock):
    """The goal was agreed a year ago: at the follow-up, e on it lands in "Vad har uppnåtts" (seen typed into
    the goal by a new facilitator)."""
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_follow_up(db, pilot)
        await pilot.press("e")  # the cursor starts on the first column, the goal
        form = pilot.app.screen
        assert isinstance(form, ActionForm)
        assert form.focused is form.query_one("#field-outcome")
