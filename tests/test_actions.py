"""The action plan (step 4b): `>` notes become actions, cells are edited with the keyboard. Real keys in,
rows in the database out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hfs_tui.screens.action_plan.screen import ActionsScreen, ProposalList
from hfs_tui.screens.keys import ACTIONS_KEYS
from hfs_tui.screens.widgets.action_form import ActionForm
from hfs_tui.screens.widgets.action_table import ActionTable, column_widths, fit
from hfs_tui.screens.widgets.dialogs import ConfirmDialog, HelpScreen
from rich.text import Text
from textual.widgets import Input, TextArea

from hfs_tui.app import make_app
from hfs_tui.i18n import STRINGS, t
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)


@pytest.fixture
def db(store: Store):
    """The region sample with feedback notes: two `>` and one − for Nordmark, one `>` and one + for Söderås."""
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    nordmark, soderas = store.parties(review.id)
    first, second = store.questions(review.id)[:2]
    for party, category, text, question in (
        (nordmark, Category.ACTION, "Skriv uppdrag för processledarna", first),
        (nordmark, Category.IMPROVEMENT, "Ingen skriftlig rapport till styrgruppen", first),
        (nordmark, Category.ACTION, "Inför tertialsuppföljning", second),
        (soderas, Category.ACTION, "Sprid Hälsoläget", first),
        (soderas, Category.STRENGTH, "Tydlig styrgrupp", second),
    ):
        store.add_note(meeting.id, party.id, category, text, question_id=question.id)
    path = Path(store.path)
    store.close()
    return path, review.id


def reopen(db, clock) -> tuple[Store, int]:
    path, review_id = db
    return Store.open(path, clock=clock), review_id


async def open_plan(db, clock, pilot) -> ActionsScreen:
    await pilot.pause()
    pilot.app.open_actions(db[1])
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionsScreen)
    return pilot.app.screen


def app_for(db, clock):
    return make_app(db[0], clock=clock, bell=False)


async def test_a_turns_the_selected_gt_note_into_an_action_of_its_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        proposals = screen.query_one(ProposalList)
        assert len(proposals.note_ids) == 2  # Nordmark's two `>` notes; the − area only with `i`
        await pilot.press("a")
        assert len(proposals.note_ids) == 1
    store, review_id = reopen(db, clock)
    nordmark = store.parties(review_id)[0]
    (action,) = store.actions(review_id)
    note = store.note(action.note_id)
    assert (action.goal, action.party_id, note.category) == (
        "Skriv uppdrag för processledarna",
        nordmark.id,
        Category.ACTION,
    )


async def test_enter_on_a_proposal_adopts_it_and_shift_a_adopts_the_rest_of_the_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        screen.query_one(ProposalList).focus()
        await pilot.press("down", "enter")  # the second proposal
        store, review_id = reopen(db, clock)
        assert [a.goal for a in store.actions(review_id)] == ["Inför tertialsuppföljning"]
        await pilot.press("A")
        assert [a.goal for a in store.actions(review_id)] == [
            "Inför tertialsuppföljning",
            "Skriv uppdrag för processledarna",
        ]
        await pilot.press("A")  # nothing left: no double actions
        assert len(store.actions(review_id)) == 2
        assert not screen.query_one(ProposalList).display
        store.close()


async def test_shift_i_offers_improvement_areas_too(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("I")
        screen.query_one(ProposalList).focus()
        await pilot.press("down", "a")
    store, review_id = reopen(db, clock)
    (action,) = store.actions(review_id)
    assert store.note(action.note_id).category is Category.IMPROVEMENT


async def test_a_cell_opens_the_form_of_the_action_in_its_field_one_save_one_write(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("a")
        table = screen.query_one(ActionTable)
        table.focus()
        await pilot.press("right", "enter")  # Prioriterade aktiviteter: the form, the cursor in that field
        form = pilot.app.screen
        assert isinstance(form, ActionForm)
        assert form.focused is form.query_one("#field-activities")
        await pilot.press(*"Ta fram mall", "enter", *"Förankra [/] i ledningen")
        await pilot.press("tab", *"Processledarna", "enter")  # a one-line field: enter goes on to the next
        assert form.focused is form.query_one("#field-timeline")
        await pilot.press(*"jan-mars 2027", "enter", *"Uppdragen finns", "ctrl+s")  # ctrl+s saves every field
        assert pilot.app.screen is screen
        await pilot.press("home", "e")  # the goal: the text is there to change
        area = pilot.app.screen.query_one("#field-goal", TextArea)
        assert area.text == "Skriv uppdrag för processledarna"
        await pilot.press(*" 2027", "ctrl+s")
    store, review_id = reopen(db, clock)
    (action,) = store.actions(review_id)
    assert action.goal == "Skriv uppdrag för processledarna 2027"
    assert action.activities == "Ta fram mall\nFörankra [/] i ledningen"
    assert (action.responsible, action.timeline, action.follow_up) == (
        "Processledarna",
        "jan-mars 2027",
        "Uppdragen finns",
    )


async def test_an_empty_goal_is_refused_and_the_editor_keeps_its_text(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("a")
        screen.query_one(ActionTable).focus()
        await pilot.press("enter", "ctrl+a", "backspace")  # select-all, then backspace clears
        assert pilot.app.screen.query_one("#field-goal", TextArea).text == ""
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, ActionForm)  # still open, the reason shown
        assert pilot.app.screen.query_one("#form-error").display
        await pilot.press("escape", "j")  # discard after asking
        assert pilot.app.screen is screen
    store, review_id = reopen(db, clock)
    assert [a.goal for a in store.actions(review_id)] == ["Skriv uppdrag för processledarna"]


async def test_n_asks_for_every_field_of_a_new_action_and_2_shows_the_other_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_plan(db, clock, pilot)
        await pilot.press("n")
        form = pilot.app.screen
        assert isinstance(form, ActionForm)
        assert {f for f, _label, _long in form.fields} == {"goal", "activities", "responsible", "timeline", "follow_up"}
        form.query_one("#field-goal", TextArea).text = "Egen åtgärd för Nordmark"
        form.query_one("#field-responsible", Input).value = "Lena"
        await pilot.press("ctrl+s")
        await pilot.press("2", "n", *"Egen åtgärd för Söderås", "ctrl+s")
        await pilot.press("n", "escape")  # cancelled: nothing written
    store, review_id = reopen(db, clock)
    nordmark, soderas = store.parties(review_id)
    assert [(a.party_id, a.goal, a.responsible, a.note_id) for a in store.actions(review_id)] == [
        (nordmark.id, "Egen åtgärd för Nordmark", "Lena", None),
        (soderas.id, "Egen åtgärd för Söderås", "", None),
    ]


async def test_the_column_cursor_starts_over_for_the_other_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        store, review_id = reopen(db, clock)
        nordmark, soderas = store.parties(review_id)
        store.add_action(review_id, soderas.id, "Söderås mål")
        store.close()
        await pilot.press("a")
        table = screen.query_one(ActionTable)
        table.focus()
        await pilot.press("right", "right", "right")
        assert table.cursor_column == 3
        await pilot.press("2")
        assert table.selected_action.goal == "Söderås mål"
        assert table.cursor_column == 0


async def test_r_and_s_put_the_action_in_the_report_and_release_it_and_the_table_shows_it(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("a")
        table = screen.query_one(ActionTable)
        table.focus()
        store, review_id = reopen(db, clock)
        (action,) = store.actions(review_id)
        store.close()
        before = action.in_report
        await pilot.press("r", "s")
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert ("✓" in cells[-1]) == (not before)
        assert "↗" in cells[-1]
    store, review_id = reopen(db, clock)
    (action,) = store.actions(review_id)
    assert action.in_report is (not before)
    assert action.share == Share.NETWORK


async def test_an_action_whose_note_was_deleted_says_so(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("a")
        store, review_id = reopen(db, clock)
        (action,) = store.actions(review_id)
        store.delete_note(action.note_id)
        store.close()
        await pilot.press("2", "1")  # shown again
        await pilot.pause()
        table = screen.query_one(ActionTable)
        assert "✗ " + t("actions.note.deleted_short") in str(table.get_row_at(0)[-1])
        table.move_cursor(column=0)
        assert t("actions.note.deleted") in str(screen.query_one("#action-detail").content)


async def test_a_click_selects_a_proposal(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        proposals = screen.query_one(ProposalList)
        assert proposals.highlighted_block == 0
        await pilot.click(ProposalList, offset=(3, 1))
        assert proposals.highlighted_block == 1


async def test_d_asks_then_deletes_softly_and_the_note_is_a_proposal_again(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        await pilot.press("a")
        screen.query_one(ActionTable).focus()
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        store, review_id = reopen(db, clock)
        assert len(store.actions(review_id)) == 1
        await pilot.press("d", "j")
        assert store.actions(review_id) == []
        assert len(screen.query_one(ProposalList).note_ids) == 2
        deleted = store.db.execute("SELECT deleted_at FROM actions").fetchall()
        assert len(deleted) == 1 and deleted[0][0] is not None  # soft: the row stays
        store.close()


@pytest.mark.parametrize("text", ["[/]", "[@click=app.quit]x[/]", "list[int] och [b]fet[/b]"])
async def test_markup_in_a_note_and_an_action_is_shown_literally(db, clock, text):
    store, review_id = reopen(db, clock)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    store.add_note(meeting.id, store.parties(review_id)[0].id, Category.ACTION, text)
    store.close()
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_plan(db, clock, pilot)
        assert text in "".join(screen.query_one(ProposalList).lines)
        screen.query_one(ProposalList).focus()
        await pilot.press("down", "down", "a")
        table = screen.query_one(ActionTable)
        assert any(text in cell.plain.replace("\n", " ") for cell in table.get_row_at(0))
        assert pilot.app.is_running


async def test_help_lists_every_key_and_every_label_is_translated(db, clock):
    assert all(action.label in STRINGS for action in ACTIONS_KEYS)
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_plan(db, clock, pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert not isinstance(pilot.app.screen, ActionsScreen)


def test_actions_from_notes_is_one_transaction_and_idempotent(sample_store):
    review = sample_store.reviews()[0].review
    meeting = sample_store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    party = sample_store.parties(review.id)[0]
    notes = [sample_store.add_note(meeting.id, party.id, Category.ACTION, f"Åtgärd {i}") for i in range(3)]
    first = sample_store.actions_from_notes([n.id for n in notes])
    again = sample_store.actions_from_notes([n.id for n in notes])
    assert [a.id for a in first] == [a.id for a in again]
    with pytest.raises(Exception):
        sample_store.actions_from_notes([notes[0].id, 10_000])  # a missing note: nothing is written
    assert len(sample_store.actions(review.id)) == 3


def test_fit_wraps_to_the_width_and_cuts_with_an_ellipsis():
    text = fit(Text("ett två tre fyra fem sex sju åtta"), 9, 2)
    assert text.plain == "ett två\ntre fyra…"
    assert all(len(line) <= 9 for line in text.plain.split("\n"))
    assert fit(Text("kort"), 9, 2).plain == "kort"


def test_column_widths_use_the_room_and_keep_a_minimum():
    assert sum(column_widths(70, [4, 4, 3, 3, 3])) == 70
    assert min(column_widths(10, [4, 4, 3, 3, 3])) >= 6


async def test_a_burst_of_keys_in_the_action_form_lands_in_the_right_fields(db, clock):
    """tab and ⏎ move on before the next key is handed out (a fast typist, a paste, tmux send-keys)."""
    from textual import events

    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_plan(db, clock, pilot)
        await pilot.press("n")
        form = pilot.app.screen
        keys = [*"Mål", "tab", *"Akt", "tab", *"Lena", "enter", *"vår", "enter", *"Klart"]
        for key in keys:
            pilot.app._driver.send_message(events.Key(key, {"enter": "\r", "tab": "\t"}.get(key, key)))
        await pilot.pause(0.3)
        assert form.current() == {
            "goal": "Mål",
            "activities": "Akt",
            "responsible": "Lena",
            "timeline": "vår",
            "follow_up": "Klart",
        }
