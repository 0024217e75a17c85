"""Pilot tests of the home list: real keys in, rows in the database out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import enter_text
from hfs_tui.screens.home.deleted import DeletedReviewsDialog
from hfs_tui.screens.home.screen import HomeScreen
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.setup.screen import SetupScreen
from hfs_tui.screens.widgets.dialogs import ConfirmDialog, HelpScreen
from hfs_tui.screens.widgets.forms import NewReviewForm, TextPrompt
from textual.widgets import DataTable, Input

from hfs_tui.app import make_app
from hfs_tui.clock import to_iso
from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store
from hfs_tui.templates import TEMPLATES

SIZE = (120, 36)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "home.db"


def run(db, clock):
    return make_app(db, clock=clock, bell=False).run_test(size=SIZE)


def reopen(db, clock) -> Store:
    return Store.open(db, clock=clock)


def seed(db, clock, *samples: str) -> list[int]:
    store = reopen(db, clock)
    ids = [load_sample(store, sample).id for sample in samples]
    store.close()
    return ids


def cell_text(app, row: int, column: int = 0) -> str:
    table = app.screen.query_one("#reviews", DataTable)
    return str(table.get_row_at(row)[column])


async def new_review(pilot, downs: int, party_a: str, party_b: str, title: str = "") -> None:
    await pilot.press("n")
    await pilot.press(*["down"] * downs, "enter")
    for text in (party_a, party_b, title):
        await enter_text(pilot, text)
    await pilot.pause()


@pytest.mark.parametrize(("downs", "template"), [(0, "region"), (1, "vardcentral"), (2, "blank")])
async def test_a_new_review_from_each_template_is_created_with_the_keyboard(db, clock, downs, template):
    async with run(db, clock) as pilot:
        await new_review(pilot, downs, "Part Ett", "Part Två")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert "Kollegialt lärande: Part Ett och Part Två" in cell_text(pilot.app, 0)
    store = reopen(db, clock)
    (summary,) = store.reviews()
    assert summary.review.template == template
    assert summary.review.title == "Kollegialt lärande: Part Ett och Part Två"
    assert [(p.name, p.kind) for p in summary.parties] == [
        ("Part Ett", TEMPLATES[template].party_kind),
        ("Part Två", TEMPLATES[template].party_kind),
    ]
    assert len(store.questions(summary.review.id)) == len(TEMPLATES[template].questions)
    assert {m.kind for m in store.meetings(summary.review.id)} == set(MeetingKind)


async def test_the_typed_title_is_kept(db, clock):
    async with run(db, clock) as pilot:
        await new_review(pilot, 1, "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden", "Lindbacken-Ekudden 2026")
    assert reopen(db, clock).reviews()[0].review.title == "Lindbacken-Ekudden 2026"


async def test_the_new_review_form_shows_errors_and_loses_nothing(db, clock):
    async with run(db, clock) as pilot:
        await pilot.press("n", "enter")
        await enter_text(pilot, "Region Nordmark", submit="ctrl+s")
        form = pilot.app.screen
        assert isinstance(form, NewReviewForm)
        assert form.query_one("#form-error").display
        assert "båda parterna" in str(form.query_one("#form-error").render())
        assert form.focused.id == "new-party-b"
        await enter_text(pilot, "region nordmark", submit="ctrl+s")
        assert isinstance(pilot.app.screen, NewReviewForm)
        assert "olika namn" in str(form.query_one("#form-error").render())
        assert form.query_one("#new-party-a", Input).value == "Region Nordmark"
        await pilot.press("ctrl+u")
        await enter_text(pilot, "Region Söderås", submit="ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    assert [p.name for p in reopen(db, clock).reviews()[0].parties] == ["Region Nordmark", "Region Söderås"]


async def test_escape_leaves_the_new_review_form_without_creating_anything(db, clock):
    async with run(db, clock) as pilot:
        await pilot.press("n", "enter")
        await enter_text(pilot, "Region Nordmark", submit="escape")
        assert isinstance(pilot.app.screen, HomeScreen)
    assert reopen(db, clock).reviews() == []


async def test_rename_changes_the_title_in_the_database(db, clock):
    (review_id,) = seed(db, clock, "region")
    async with run(db, clock) as pilot:
        await pilot.press("e", "ctrl+u")
        await enter_text(pilot, "Nordmark och Söderås 2026")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert "Nordmark och Söderås 2026" in cell_text(pilot.app, 0)
    assert reopen(db, clock).review(review_id).title == "Nordmark och Söderås 2026"


async def test_an_empty_title_is_refused_in_the_dialog(db, clock):
    (review_id,) = seed(db, clock, "region")
    async with run(db, clock) as pilot:
        await pilot.press("e", "ctrl+u", "enter")
        assert isinstance(pilot.app.screen, TextPrompt)
        assert "titel" in str(pilot.app.screen.query_one("#form-error").render())
        await pilot.press("escape")
    assert reopen(db, clock).review(review_id).title.startswith("Kollegialt lärande mellan Region")


async def test_delete_asks_first_and_u_restores_the_review(db, clock):
    first, second = seed(db, clock, "region", "vardcentral")
    async with run(db, clock) as pilot:
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        assert reopen(db, clock).review(first).deleted_at is None
        await pilot.press("d", "j")
        await pilot.pause()
        assert reopen(db, clock).review(first).deleted_at == to_iso(clock())
        assert pilot.app.screen.query_one("#reviews", DataTable).row_count == 1
        await pilot.press("u")
        assert isinstance(pilot.app.screen, DeletedReviewsDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.screen.selected_review_id() == first
    assert [s.review.id for s in reopen(db, clock).reviews()] == [first, second]


async def test_deleted_reviews_are_erased_on_start_only_after_thirty_days(db, clock):
    old, recent = seed(db, clock, "region", "vardcentral")
    store = reopen(db, clock)
    for review_id, days in ((old, 31), (recent, 29)):
        store.db["reviews"].update(review_id, {"deleted_at": to_iso(clock() - timedelta(days=days))})
    store.close()
    async with run(db, clock) as pilot:
        await pilot.press("u")
        assert pilot.app.screen.query_one("#deleted-reviews", DataTable).row_count == 1
    remaining = reopen(db, clock).reviews(include_deleted=True)
    assert [s.review.id for s in remaining] == [recent]


async def test_the_list_shows_the_step_and_the_next_meeting(db, clock):
    (review_id,) = seed(db, clock, "region")
    store = reopen(db, clock)
    blank = store.create_review("blank", "Region Väst", "Region Öst")
    store.set_meeting_held_on(store.meeting_of_kind(review_id, MeetingKind.FEEDBACK).id, "2026-04-02")
    store.close()
    async with run(db, clock) as pilot:
        app = pilot.app
        assert cell_text(app, 0, 2).splitlines() == ["4 Återkopplingsmöte", "redo för mötet"]
        assert cell_text(app, 0, 3).splitlines() == ["2026-04-02", "Återkopplingsmöte"]
        assert cell_text(app, 1, 1) == "Tom mall"
        assert cell_text(app, 1, 2).splitlines()[0] == "1 Inledande möte"
        assert blank.id != review_id


async def test_enter_4_and_m_open_the_feedback_meeting_and_1_the_setup(db, clock):
    (review_id,) = seed(db, clock, "region")
    async with run(db, clock) as pilot:
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, MeetingScreen)
        assert pilot.app.screen.meeting.kind == MeetingKind.FEEDBACK
        await pilot.press("escape", "m")
        assert pilot.app.screen.meeting.kind == MeetingKind.FEEDBACK
        await pilot.press("escape", "4")
        assert pilot.app.screen.meeting.kind == MeetingKind.FEEDBACK
        await pilot.press("escape", "1")
        assert isinstance(pilot.app.screen, SetupScreen) and pilot.app.screen.review_id == review_id


@pytest.mark.parametrize(
    ("key", "method"),
    [("2", "open_answers"), ("h", "open_actions"), ("5", "open_follow_up"), ("ctrl+e", "open_export")],
)
async def test_step_keys_open_the_steps_of_the_selected_review(db, clock, key, method):
    _, second = seed(db, clock, "region", "vardcentral")
    calls = []
    async with run(db, clock) as pilot:
        setattr(pilot.app, method, lambda review_id: calls.append(review_id))
        await pilot.press("down", key)
    assert calls == [second]


async def test_keys_that_need_a_review_do_nothing_on_an_empty_list(db, clock):
    async with run(db, clock) as pilot:
        await pilot.press("1", "m", "e", "d", "2")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.screen.query_one("#home-empty").display


async def test_help_lists_every_home_key(db, clock):
    async with run(db, clock) as pilot:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        table = pilot.app.screen.query_one("#help-table", DataTable)
        listed = {(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[1])) for i in range(table.row_count)}
        assert {(key.display, t(key.label)) for key in HomeScreen.KEY_ACTIONS} <= listed


async def test_markup_in_titles_and_names_is_shown_literally(db, clock):
    async with run(db, clock) as pilot:
        await new_review(pilot, 2, "[/]", "[@click=app.quit]x[/]", "[bold]Titel[/]")
        assert "[bold]Titel[/]" in cell_text(pilot.app, 0)
        assert "[/] – [@click=app.quit]x[/]" in cell_text(pilot.app, 0)
        assert pilot.app.is_running
    assert reopen(db, clock).reviews()[0].review.title == "[bold]Titel[/]"


async def test_the_new_review_form_names_the_templates_in_the_apps_language(db, clock):
    from textual.widgets import OptionList

    from hfs_tui import i18n
    from hfs_tui.templates import template_name

    i18n.set_language("en")
    try:
        async with run(db, clock) as pilot:
            await pilot.press("n")
            options = pilot.app.screen.query_one("#new-template", OptionList)
            prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
            assert any(template_name("vardcentral", "en") in p for p in prompts)
            assert not any(template_name("vardcentral", "sv") in p for p in prompts)
    finally:
        i18n.set_language("sv")
