"""User text is data: markup comes back literally and terminal control characters never reach the terminal."""

from __future__ import annotations

import re
import unicodedata

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.markup import MarkupError
from textual.widgets import Static

from hfs_tui.safe_text import clean, one_line, plain

MARKUP = ["[/]", "[@click=app.quit]x[/]", "list[int]", "[bold]fet[/bold]", "[link=https://x.se]länk[/link]"]
CONTROLS = ["\x1b]0;X\x07", "\x9b2J", "\x1b[2J\x1b[H", "a\x00b\x08c\x7fd\x85e", "ett\rtvå"]


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_comes_back_literally(text):
    shown = plain(text)
    assert isinstance(shown, Text)
    assert shown.plain == text
    assert shown.spans == []


@pytest.mark.parametrize("text", CONTROLS)
def test_control_characters_are_replaced(text):
    cleaned = clean(text)
    assert not has_control_characters(cleaned)
    assert not has_control_characters(plain(text).plain)


def test_osc_title_sequence_becomes_visible_symbols():
    assert clean("\x1b]0;X\x07") == "␛]0;X␇"


def test_csi_c1_control_is_replaced():
    assert "\x9b" not in clean("\x9b31m")


def test_newline_and_tab_are_kept_and_crlf_becomes_newline():
    assert clean("rad ett\n\tindrag\r\nrad tre") == "rad ett\n\tindrag\nrad tre"


def test_swedish_and_typographic_text_is_untouched():
    text = "Åtgärd – ”hälsofrämjande” … 2025–2027 · ± ✓"
    assert clean(text) == text


def test_one_line_folds_whitespace():
    assert one_line("  Styrka:\n\tbra  plan \x1b[2J ") == "Styrka: bra plan ␛[2J"


def test_one_line_cuts_with_an_ellipsis():
    assert one_line("Handlingsplan för hälsofrämjande arbete", 14) == "Handlingsplan…"
    assert len(one_line("x" * 50, 10)) == 10
    assert one_line("kort", 10) == "kort"
    assert one_line("exakt tio!", 10) == "exakt tio!"


def test_naive_markup_fails_on_user_text():
    """Why plain() exists: Textual parses a string as markup, and `[/]` in an answer breaks the render."""
    with pytest.raises(MarkupError):
        Content.from_markup("[/]")
    assert Content.from_markup("list[int]").plain != "list[int]"
    assert Content.from_markup("[@click=app.quit]x[/]").spans  # an action the user text would smuggle in


def test_clean_text_can_fill_a_markup_variable_safely():
    content = Content.from_markup("Svar: [b]$answer[/b]", answer=clean("[/] list[int] \x1b]0;X\x07"))
    assert content.plain == "Svar: [/] list[int] ␛]0;X␇"


class _ShowApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(plain(self.text), id="answer")


@pytest.mark.parametrize("text", ["[/]", "[@click=app.quit]x[/]\x1b]0;X\x07", "list[int]"])
async def test_plain_text_renders_in_a_static_without_error(text):
    app = _ShowApp(text)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        static = app.query_one("#answer", Static)
        rendered = str(static.render())
    assert re.sub(r"[^\S\n]+$", "", rendered) == clean(text)
    assert app.return_code in (None, 0)


async def test_a_naive_static_with_user_text_fails_to_render():
    static = Static("[/]")
    with pytest.raises(MarkupError):
        static.render()
