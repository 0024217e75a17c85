"""The `?` help lists every key of the screen, and nothing else, and scrolls to its end at 80x24."""

from __future__ import annotations

import pytest
from hfs_tui.screens.widgets.dialogs import HelpScreen
from test_palette import SCREENS, language, open_screen, review_db  # noqa: F401  (fixtures)
from textual.widgets import DataTable

from hfs_tui.app import make_app


def screen_keys(screen) -> set[str]:
    """The keys bound on the screen itself and app-wide (a focused widget's own keys, such as a table's
    arrows, are the widget's), as the screen has them now."""
    keys = set()
    for node in (screen, screen.app):
        for key, bindings in node._bindings.key_to_bindings.items():
            if any(not binding.system for binding in bindings):
                keys.add(key)
    return keys


@pytest.mark.parametrize("name", SCREENS)
async def test_help_lists_exactly_the_keys_of_the_screen(review_db, language, name):  # noqa: F811
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = await open_screen(pilot, name, review_id)
        bound = screen_keys(screen)
        await screen.run_action("help")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        missing = sorted(bound - help_screen.keys)
        assert not missing, f"{name}: keys that work but are not in the help: {missing}"
        stale = sorted(help_screen.keys - bound)
        assert not stale, f"{name}: keys in the help that do nothing: {stale}"
        assert "tab" in help_screen.keys


@pytest.mark.parametrize("name", SCREENS)
async def test_help_scrolls_to_its_last_key_at_80x24(review_db, name):  # noqa: F811
    path, review_id, clock = review_db
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_screen(pilot, name, review_id)
        await screen.run_action("help")
        await pilot.pause()
        help_screen = app.screen
        dialog = help_screen.query_one("#dialog")
        assert dialog.region.bottom <= 24 and dialog.region.y >= 0, "the help fits the terminal"
        table = help_screen.query_one("#help-table", DataTable)
        assert help_screen.focused is table
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        last_row_y = table.row_count - 1 - int(table.scroll_y) + table.header_height
        assert 0 <= last_row_y < table.scrollable_content_region.height, "the last key is on screen"
        await pilot.press("home", "pagedown")
        assert table.cursor_row > 0
