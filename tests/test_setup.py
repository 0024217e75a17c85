"""Step 1 (setup): the text rules, then Pilot tests that edit with real keys and read the database back."""

from __future__ import annotations

import pytest
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.setup.dialogs import MemberForm
from hfs_tui.screens.setup.screen import SetupScreen
from hfs_tui.screens.widgets.dialogs import ConfirmDialog
from hfs_tui.screens.widgets.forms import ChoicePrompt, TextAreaPrompt, TextPrompt
from textual.widgets import TextArea

from hfs_tui.app import make_app
from hfs_tui.model import MeetingKind
from hfs_tui.setup_rules import (
    ROLES,
    format_hours,
    parse_hours,
    parse_meeting_date,
    parse_question_editor,
    question_editor_text,
    resolve_role,
)
from hfs_tui.store import Store

SIZE = (120, 36)

# ------------------------------------------------------------------ the rules


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("1", "processledare"),
        ("2", "vårdcentralschef"),
        ("4", ROLES[3]),
        ("5", "HFS-stöd"),
        ("Medarbetare", "medarbetare"),
        ("  distrikts  sköterska ", "distrikts sköterska"),
        ("6", "6"),
        ("", ""),
    ],
)
def test_a_role_is_a_number_a_known_role_or_free_text(typed, role):
    assert resolve_role(typed) == role


def test_the_question_editor_format_round_trips():
    text = question_editor_text("Finns nätverk för hf-arbetet?", ("Hur många deltar?", "Hur ofta?"))
    assert text == "Finns nätverk för hf-arbetet?\nHur många deltar?\nHur ofta?"
    assert parse_question_editor(text) == ("Finns nätverk för hf-arbetet?", ("Hur många deltar?", "Hur ofta?"))


def test_the_question_editor_drops_blank_lines_and_list_marks():
    assert parse_question_editor("\n  Fråga?  \n\n- ett\n* två\n· tre\n-\n") == ("Fråga?", ("ett", "två", "tre"))
    with pytest.raises(ValueError, match="text"):
        parse_question_editor(" \n \n")


def test_hours_take_a_decimal_comma_and_show_swedish_style():
    assert parse_hours("6,5") == 6.5 and parse_hours(" 12 ") == 12 and parse_hours("") is None
    assert (format_hours(6.5), format_hours(12.0), format_hours(1.0), format_hours(None)) == (
        "6,5 timmar",
        "12 timmar",
        "1 timme",
        "–",
    )
    for bad in ("sex", "-2", "1e9"):
        with pytest.raises(ValueError, match="timmar"):
            parse_hours(bad)


def test_meeting_dates_are_iso_or_empty():
    assert parse_meeting_date(" 2026-03-12 ") == "2026-03-12"
    assert parse_meeting_date("") is None
    with pytest.raises(ValueError, match="ÅÅÅÅ-MM-DD"):
        parse_meeting_date("12/3")


# --------------------------------------------------------------- the screen


@pytest.fixture
def review(tmp_path, clock):
    """A fresh vårdcentral review, as created from home: no members, nothing agreed yet."""
    path = tmp_path / "setup.db"
    store = Store.open(path, clock=clock)
    created = store.create_review("vardcentral", "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden")
    store.close()
    return path, created.id


def run(review, clock):
    return make_app(review[0], clock=clock, bell=False).run_test(size=SIZE)


def reopen(review, clock) -> Store:
    return Store.open(review[0], clock=clock)


async def open_setup(pilot) -> SetupScreen:
    await pilot.press("1")  # home: step 1
    assert isinstance(pilot.app.screen, SetupScreen)
    return pilot.app.screen


async def goto(pilot, row_id: str) -> None:
    """Press ↓ until the row is highlighted (real keys, as a user would)."""
    rows = pilot.app.screen.current_list
    for _ in range(len(rows.options)):
        if rows.highlighted_id == row_id:
            return
        await pilot.press("down")
    assert rows.highlighted_id == row_id


async def test_team_members_are_added_with_numbered_roles_edited_and_removed(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        a, b = pilot.app.store.parties(review[1])
        await pilot.press("n")  # on the title row: which team is asked, not guessed
        assert isinstance(pilot.app.screen, ChoicePrompt)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, MemberForm)
        await pilot.press(*"Eva Karlsson", "enter", "2", "enter")
        await goto(pilot, f"add:{b.id}")
        await pilot.press("enter", *"Tomas Berglund", "enter", *"distriktsläkare", "enter")
        await goto(pilot, f"name:{b.id}")
        await pilot.press("n", *"Ulrika Hedlund", "enter", "4", "enter")
        store = reopen(review, clock)
        assert [(m.name, m.role) for m in store.members(a.id)] == [("Eva Karlsson", "vårdcentralschef")]
        assert [(m.name, m.role) for m in store.members(b.id)] == [
            ("Tomas Berglund", "distriktsläkare"),
            ("Ulrika Hedlund", "hälsoprocessledare (resursperson)"),
        ]
        tomas = store.members(b.id)[0]
        await goto(pilot, f"member:{tomas.id}")
        await pilot.press("e", "tab", "ctrl+u", "3", "enter")
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("j")
    store = reopen(review, clock)
    assert [(m.name, m.role) for m in store.members(b.id)] == [("Ulrika Hedlund", ROLES[3])]
    assert tomas.id not in {m.id for m in store.members(b.id)}


async def test_a_member_without_a_name_is_refused_in_the_form(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("n", "enter", "enter", "1", "enter")
        assert isinstance(pilot.app.screen, MemberForm)
        assert "namn" in str(pilot.app.screen.query_one("#form-error").render())
        await pilot.press(*"Anna", "tab", "enter")
    party_a = reopen(review, clock).parties(review[1])[0]
    assert [(m.name, m.role) for m in reopen(review, clock).members(party_a.id)] == [("Anna", "processledare")]


async def test_renaming_a_party_renames_its_meeting_slots_and_kind_is_chosen(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        a, _ = pilot.app.store.parties(review[1])
        await goto(pilot, f"name:{a.id}")
        await pilot.press("enter", "ctrl+u", *"Vårdcentralen Granen", "enter")
        await goto(pilot, f"kind:{a.id}")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ChoicePrompt)
        await pilot.press("down", "enter")
    store = reopen(review, clock)
    party = store.party(a.id)
    assert (party.name, party.kind) == ("Vårdcentralen Granen", "other")
    feedback = store.meeting_of_kind(review[1], MeetingKind.FEEDBACK)
    assert store.slots(feedback.id)[0].title == "Återkoppling till Vårdcentralen Granen"


async def test_the_question_list_is_edited_deselect_reorder_edit_add_remove(review, clock):
    store = reopen(review, clock)
    first, second, third, *_ = before = store.questions(review[1])
    store.close()
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("2", "space")  # deselect question 1
        await pilot.press("shift+down")  # question 1 moves below question 2
        await pilot.press("ctrl+down")  # and on below question 3
        await pilot.press("up", "up", "alt+up")  # question 2 is first: alt+up keeps it there
        await pilot.press("e")
        assert isinstance(pilot.app.screen, TextAreaPrompt)
        await pilot.press(
            "f7", *"Hur arbetar ni med levnadsvanor?", "enter", *"Rökning", "enter", *"- Alkohol", "ctrl+s"
        )
        await pilot.press("n", *"Hur sprids goda exempel?", "ctrl+s")
        assert pilot.app.screen.current_list.highlighted_id == f"q:{pilot.app.store.questions(review[1])[-1].id}"
        await pilot.press("home", "down", "d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("j")
    after = reopen(review, clock).questions(review[1])
    assert [q.id for q in after[:2]] == [second.id, first.id]
    assert after[0].text == "Hur arbetar ni med levnadsvanor?" and after[0].sub_questions == ("Rökning", "Alkohol")
    assert not after[1].selected and all(q.selected for q in after if q.id != first.id)
    assert third.id not in {q.id for q in after}
    assert (after[-1].text, after[-1].position) == ("Hur sprids goda exempel?", len(after))
    assert len(after) == len(before)  # one added, one removed
    assert [q.position for q in after] == list(range(1, len(after) + 1))


async def test_escape_in_the_question_editor_asks_before_throwing_text_away(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("2", "n", *"Halvskriven fråga", "escape")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        assert pilot.app.screen.query_one(TextArea).text == "Halvskriven fråga"
        await pilot.press("escape", "j")
        assert isinstance(pilot.app.screen, SetupScreen)
    assert "Halvskriven fråga" not in {q.text for q in reopen(review, clock).questions(review[1])}


async def test_confidentiality_and_report_form_keep_markup_as_text(review, clock):
    secret = "Inga patientuppgifter [/] och [@click=app.quit]x[/] bara på gruppnivå"
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("3", "enter", *secret, "ctrl+s")
        await pilot.press(
            "down", "enter", *"Kort rapport [b]per[/b] vårdcentral", "enter", *"Muntligt på APT", "ctrl+s"
        )
        await pilot.pause()
        assert pilot.app.is_running and isinstance(pilot.app.screen, SetupScreen)
    saved = reopen(review, clock).review(review[1])
    assert saved.confidentiality == secret
    assert saved.report_form == "Kort rapport [b]per[/b] vårdcentral\nMuntligt på APT"


async def test_hours_and_meeting_dates_are_checked_then_saved(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        a, b = pilot.app.store.parties(review[1])
        intro = pilot.app.store.meeting_of_kind(review[1], MeetingKind.INTRO)
        await pilot.press("3")
        await goto(pilot, f"hours:{a.id}")
        await pilot.press("enter", *"sex", "enter")
        assert isinstance(pilot.app.screen, TextPrompt)
        assert "timmar" in str(pilot.app.screen.query_one("#form-error").render())
        await pilot.press("ctrl+u", *"6,5", "enter", "down", "enter", "6", "enter")
        await goto(pilot, f"date:{intro.id}")
        await pilot.press("enter", *"12/3", "enter")
        assert isinstance(pilot.app.screen, TextPrompt)
        await pilot.press("ctrl+u", *"2026-03-12", "enter")
    store = reopen(review, clock)
    assert [p.hours_estimate for p in store.parties(review[1])] == [6.5, 6]
    assert store.meeting(intro.id).held_on == "2026-03-12"


async def test_the_facilitator_and_title_are_edited_on_the_first_tab(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("enter", "ctrl+u", *"Lindbacken och Ekudden 2026", "enter")
        await pilot.press("end", "enter", *"Karin Ljungqvist, HFS", "enter")
    saved = reopen(review, clock).review(review[1])
    assert (saved.title, saved.facilitator) == ("Lindbacken och Ekudden 2026", "Karin Ljungqvist, HFS")


async def test_tabs_switch_with_digits_and_arrows_and_question_keys_only_apply_there(review, clock):
    async with run(review, clock) as pilot:
        screen = await open_setup(pilot)
        assert screen.tab == "team"
        await pilot.press("space", "shift+down")  # nothing on the team tab
        await pilot.press("right")
        assert screen.tab == "questions" and screen.focused is screen.query_one("#question-list")
        await pilot.press("right", "right", "right")
        assert screen.tab == "team"
        await pilot.press("left", "1")
        assert screen.tab == "team"
    assert all(q.selected for q in reopen(review, clock).questions(review[1]))


async def test_m_runs_the_introductory_meeting(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("m")
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting.kind == MeetingKind.INTRO
        await pilot.press("plus", *"Vi svarar på alla sex frågor", "enter", "escape", "escape")
        assert isinstance(pilot.app.screen, SetupScreen)
    store = reopen(review, clock)
    intro = store.meeting_of_kind(review[1], MeetingKind.INTRO)
    assert [n.text for n in store.notes(intro.id)] == ["Vi svarar på alla sex frågor"]


async def test_removing_an_answered_question_warns_that_its_answers_go_too(review, clock):
    store = reopen(review, clock)
    first = store.questions(review[1])[0]
    store.set_answer(first.id, store.parties(review[1])[0].id, "Vi har en plan.")
    store.close()
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        await pilot.press("2", "d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "1 svar som också tas bort" in pilot.app.screen.question
        await pilot.press("n")
    assert first.id in {q.id for q in reopen(review, clock).questions(review[1])}


async def test_a_party_cannot_take_the_other_partys_name(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        a, _ = pilot.app.store.parties(review[1])
        await goto(pilot, f"name:{a.id}")
        await pilot.press("enter", "ctrl+u", *"vårdcentralen ekudden", "enter")
        assert isinstance(pilot.app.screen, TextPrompt)
        assert "olika namn" in str(pilot.app.screen.query_one("#form-error").render())
    assert reopen(review, clock).party(a.id).name == "Vårdcentralen Lindbacken"


async def test_n_on_the_facilitator_row_asks_for_the_team_and_adds_to_the_chosen_one(review, clock):
    async with run(review, clock) as pilot:
        await open_setup(pilot)
        a, b = pilot.app.store.parties(review[1])
        await goto(pilot, "facilitator")
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ChoicePrompt)
        await pilot.press("down", "enter")
        assert isinstance(pilot.app.screen, MemberForm) and "Ekudden" in pilot.app.screen.form_title
        await pilot.press(*"Tomas Berglund", "enter", "enter")
    store = reopen(review, clock)
    assert [m.name for m in store.members(b.id)] == ["Tomas Berglund"] and store.members(a.id) == []


async def test_o_moves_a_member_to_the_other_party_and_the_cursor_stays_after_a_delete(review, clock):
    store = reopen(review, clock)
    a, b = store.parties(review[1])
    eva, olle, siv = (store.add_member(a.id, name) for name in ("Eva", "Olle", "Siv"))
    meeting = store.meeting_of_kind(review[1], MeetingKind.FEEDBACK)
    store.set_present(meeting.id, olle.id, False)
    store.close()
    async with run(review, clock) as pilot:
        screen = await open_setup(pilot)
        await goto(pilot, f"member:{olle.id}")
        await pilot.press("o")
        assert screen.current_list.highlighted_id == f"member:{olle.id}"  # the highlight follows the member
        await goto(pilot, f"member:{eva.id}")
        await pilot.press("d", "j")
        assert screen.current_list.highlighted_id == f"member:{siv.id}"  # the next row, not the title
        await pilot.press("o")
    store = reopen(review, clock)
    assert [m.name for m in store.members(a.id)] == []
    assert [m.name for m in store.members(b.id)] == ["Olle", "Siv"]
    assert olle.id not in store.attendance(meeting.id)  # attendance stays with the member


async def test_meetings_tab_sets_place_secretary_attendance_and_team_tab_the_justerare(review, clock):
    store = reopen(review, clock)
    a, b = store.parties(review[1])
    eva = store.add_member(a.id, "Eva Karlsson")
    tomas = store.add_member(b.id, "Tomas Berglund")
    intro = store.meeting_of_kind(review[1], MeetingKind.INTRO)
    feedback = store.meeting_of_kind(review[1], MeetingKind.FEEDBACK)
    store.close()
    async with run(review, clock) as pilot:
        screen = await open_setup(pilot)
        await goto(pilot, f"adjuster:{b.id}")
        await pilot.press("enter")
        pilot.app.screen.query_one("#prompt-line").value = "Tomas  Berglund"
        await pilot.press("enter")
        await pilot.press("4")
        assert screen.tab == "meetings"
        await goto(pilot, f"place:{feedback.id}")
        await pilot.press("enter")
        pilot.app.screen.query_one("#prompt-line").value = "Teams"
        await pilot.press("enter")
        await goto(pilot, f"secretary:{feedback.id}")
        await pilot.press("enter")
        pilot.app.screen.query_one("#prompt-line").value = "Eva Karlsson"
        await pilot.press("enter")
        await goto(pilot, f"present:{feedback.id}:{tomas.id}")
        await pilot.press("space")
        await goto(pilot, f"present:{intro.id}:{eva.id}")
        await pilot.press("enter", "space")  # absent, then present again
    store = reopen(review, clock)
    assert store.party(b.id).adjuster == "Tomas Berglund"
    met = store.meeting(feedback.id)
    assert (met.place, met.secretary) == ("Teams", "Eva Karlsson")
    assert store.attendance(feedback.id) == {eva.id}
    assert store.attendance(intro.id) == {eva.id, tomas.id}
