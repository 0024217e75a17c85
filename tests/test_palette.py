"""Every key shown in the Footer is also a command-palette entry and is on the screen's `?` help, on every screen.

Nothing depends on remembering a key: a facilitator sharing the screen can find every action by name.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import enter_text
from hfs_tui.screens.widgets.dialogs import ConfirmDialog, HelpScreen
from textual.widgets import DataTable

from hfs_tui import i18n
from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

# screen -> (module that must exist, how the app opens it)
SCREENS = {
    "home": (None, lambda app, review_id: None),
    "meeting": ("meeting", lambda app, review_id: app.open_meeting(review_id, MeetingKind.FEEDBACK)),
    "setup": ("setup", lambda app, review_id: app.open_setup(review_id)),
    "answers": ("answers", lambda app, review_id: app.open_answers(review_id)),
    "actions": ("action_plan", lambda app, review_id: app.open_actions(review_id)),
    "follow_up": ("follow_up", lambda app, review_id: app.open_follow_up(review_id)),
    "export": ("export", lambda app, review_id: app.open_export(review_id)),
}
PALETTE_ACTIONS = {"command_palette", "app.command_palette"}  # the palette's own key opens it


@pytest.fixture
def review_db(tmp_path: Path):
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "t.db", clock=clock)
    review = load_sample(store, "region")
    store.close()
    return tmp_path / "t.db", review.id, clock


@pytest.fixture(params=["sv", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("sv")


def screen_module_exists(module: str | None) -> bool:
    if module is None:
        return True
    try:
        importlib.import_module(f"hfs_tui.screens.{module}")
    except ModuleNotFoundError:
        return False
    return True


def footer_bindings(screen):
    """The bindings the Footer shows on this screen (what a participant sees at the bottom)."""
    return [binding for (_, binding, _, _) in screen.active_bindings.values() if binding.show]


async def open_screen(pilot, name: str, review_id: int):
    module, opener = SCREENS[name]
    # A missing screen module is a failure, never a skip: every screen of the table exists.
    assert screen_module_exists(module), f"hfs_tui.screens.{module} is missing"
    opener(pilot.app, review_id)
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen


@pytest.mark.parametrize("name", SCREENS)
async def test_every_footer_key_is_a_palette_command_and_on_the_help_screen(review_db, language, name):
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = await open_screen(pilot, name, review_id)
        shown = [b for b in footer_bindings(screen) if b.action not in PALETTE_ACTIONS]
        assert shown, f"{name}: the Footer shows no keys"
        palette = {command.title for command in app.get_system_commands(screen)}
        missing = [b.description for b in shown if b.description not in palette]
        assert not missing, f"{name}: Footer keys missing from the palette: {missing}"

        await screen.run_action("help")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table", DataTable)
        help_labels = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        missing = [b.description for b in shown if b.description not in help_labels]
        assert not missing, f"{name}: Footer keys missing from the help screen: {missing}"
        assert "F2" in {str(table.get_row_at(row)[0]) for row in range(table.row_count)}  # the app keys too


@pytest.mark.parametrize("name", SCREENS)
async def test_palette_names_are_unique_and_in_the_language_of_the_screen(review_db, language, name):
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = await open_screen(pilot, name, review_id)
        titles = [command.title for command in app.get_system_commands(screen)]
        assert len(titles) == len(set(titles)), f"{name}: two palette entries share a name"
        # Textual's own titles; in English "Quit" and "Screenshot" are also our own words.
        textual_titles = {"Theme", "Keys", "Maximize", "Minimize"} | (
            {"Quit", "Screenshot"} if language == "sv" else set()
        )
        untranslated = textual_titles & set(titles)
        assert not untranslated, f"{name}: Textual's own palette entries shown untranslated: {untranslated}"


async def test_a_palette_command_runs_the_screen_action(review_db):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.question_index == 0
        await pilot.press("ctrl+p")
        await enter_text(pilot, "Nästa fråga", submit=None)  # the palette searches as the query changes
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.question_index == 1


async def test_the_footer_shows_the_palette_key_in_the_language_of_the_app(review_db, language):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        (_, binding, _, _) = app.screen.active_bindings["ctrl+p"]
        assert binding.description == {"sv": "Kommandon", "en": "Commands"}[language]


# ------------------------------------------------------- ask before acting


async def test_next_slot_with_time_left_asks_first(review_db):
    path, review_id, clock = review_db
    app = make_app(path, review_id=review_id, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space")
        clock.advance(60)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.slot_index == 0


async def test_deleting_a_review_asks_first(review_db):
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
    store = Store.open(path)
    assert [s.review.id for s in store.reviews()] == [review_id]
    store.close()


@pytest.mark.parametrize(("name", "keys"), [("actions", ("d",)), ("setup", ("2", "d"))])
async def test_removing_an_action_or_a_question_asks_first(review_db, name, keys):
    path, review_id, clock = review_db
    store = Store.open(path)
    store.add_action(review_id, store.parties(review_id)[0].id, "Skriftligt uppdrag för processledarna")
    store.close()
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await open_screen(pilot, name, review_id)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog), f"{name}: {keys[-1]} removed without asking"


async def test_one_provider_finds_a_command_by_its_english_name_in_the_swedish_app(review_db):
    from textual.command import CommandList

    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        options = app.screen.query_one(CommandList)
        titles = [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]
        assert len(titles) == len(set(titles)), "every command once"
        assert all("\n" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        await pilot.press(*"theme")
        await pilot.pause(0.6)
        found = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(prompt.startswith("Välj tema…") for prompt in found)
        await pilot.press(*"zzqx")
        await pilot.pause(1.0)
        found = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Inga träffar" in prompt for prompt in found)
        assert not any("No matches" in prompt for prompt in found)


def test_a_palette_entry_shows_its_key_not_its_name_again(review_db):
    from hfs_tui.screens.keys import HOME_KEYS
    from hfs_tui.screens.palette import _key_entry

    entry = _key_entry(HOME_KEYS[2], None, lambda screen, action: None)
    assert entry.title not in entry.help and "n" in entry.help
