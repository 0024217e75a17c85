"""The high-contrast themes: readable on compressed video, switchable by key and palette, remembered between runs."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import pytest
from helpers import enter_text
from hfs_tui.screens.marks import CATEGORY_STYLE
from hfs_tui.screens.themes import CONTRAST_DARK, CONTRAST_LIGHT, CYCLE, THEMES, named_styles, next_theme
from hfs_tui.screens.widgets.note_list import NoteList
from rich.text import Text
from textual.color import Color

from hfs_tui import i18n
from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, Sign
from hfs_tui.sample import load_sample
from hfs_tui.settings import Settings, load, save
from hfs_tui.store import Store

CATEGORY_VARIABLES = ("text-success", "text-warning", "text-accent", "text-secondary", "text-primary")


@pytest.fixture
def review_db(tmp_path: Path) -> tuple[Path, int, FakeClock]:
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / "t.db", clock=clock)
    review = load_sample(store, "region")
    store.close()
    return tmp_path / "t.db", review.id, clock


def variables(theme) -> dict[str, str]:
    """The theme's CSS variables, translucent ones (e.g. $boost) laid over the background."""
    merged = {**theme.to_color_system().generate(), **theme.variables}
    background = Color.parse(merged["background"])
    for name, value in merged.items():
        try:
            colour = Color.parse(value)
        except Exception:
            continue
        if colour.a < 1:
            merged[name] = (background + colour).hex
    return merged


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    high, low = sorted((luminance(Color.parse(a)), luminance(Color.parse(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


# ------------------------------------------------------------ the colours


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_has_at_least_aaa_contrast_everywhere_it_sits(theme):
    v = variables(theme)
    for background in ("background", "panel", "boost", "footer-background"):
        assert contrast(v["foreground"], v[background]) >= 7, background
        assert contrast(v["text-muted"], v[background]) >= 7, background  # no faint greys for meaning
    assert contrast(v["block-cursor-foreground"], v["block-cursor-background"]) >= 7
    assert contrast(v["footer-key-foreground"], v["footer-background"]) >= 7


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_category_colours_are_readable_on_every_background_they_meet(theme):
    v = variables(theme)
    for name in CATEGORY_VARIABLES:
        assert contrast(v[name], v["background"]) >= 7, name
        assert contrast(v[name], v["block-cursor-background"]) >= 4.5, name  # a selected note keeps its colour


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_timer_warning_and_overtime_colours_stand_out_on_the_timer_bar(theme):
    v = variables(theme)
    for name in ("warning", "error"):
        assert contrast(v[name], v["panel"]) >= 4.5, name


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_five_category_colours_differ_from_each_other(theme):
    v = variables(theme)
    colours = [Color.parse(v[name]) for name in CATEGORY_VARIABLES]
    for a, b in combinations(colours, 2):
        assert a.rgb != b.rgb


def test_named_styles_take_their_colours_from_the_theme():
    v = variables(CONTRAST_LIGHT)
    styles = named_styles(v).styles
    assert styles["hfs.strength"].color.triplet.hex == Color.parse(v["text-success"]).hex6.lower()
    assert styles["hfs.minus"].bold
    assert styles["hfs.muted"].italic


def test_muted_text_of_a_theme_with_a_relative_muted_colour_gets_a_real_colour():
    from textual.theme import BUILTIN_THEMES

    styles = named_styles({**variables(BUILTIN_THEMES["textual-dark"])}).styles
    assert styles["hfs.muted"].color is not None


# ---------------------------------------------------- meaning is never colour alone


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_category_and_sign_shows_a_mark_and_a_word(language):
    from hfs_tui.screens.marks import CATEGORY_SYMBOL, SIGN_LABEL, SIGN_SYMBOL, category_label

    i18n.set_language(language)
    try:
        words = [category_label(c) for c in Category] + [i18n.t(SIGN_LABEL[s]) for s in Sign]
        marks = [CATEGORY_SYMBOL[c] for c in Category] + [SIGN_SYMBOL[s] for s in Sign]
        assert all(word.strip() for word in words)
        assert len(set(words[: len(Category)])) == len(Category)  # each category its own word
        assert len(set(marks[: len(Category)])) == len(Category)  # and its own mark
        assert SIGN_SYMBOL[Sign.PLUS] != SIGN_SYMBOL[Sign.MINUS]
    finally:
        i18n.set_language("sv")


def test_categories_use_theme_styles_not_fixed_colours():
    assert set(CATEGORY_STYLE.values()) <= set(named_styles(variables(CONTRAST_DARK)).styles)


# ---------------------------------------------------------------- switching


def test_the_key_cycles_from_the_default_through_both_high_contrast_themes():
    assert next_theme("textual-dark") == CONTRAST_DARK.name
    assert next_theme(CONTRAST_DARK.name) == CONTRAST_LIGHT.name
    assert [next_theme(name) for name in CYCLE][-1] == CYCLE[0]
    assert next_theme("nord") == CYCLE[0]


async def test_f2_switches_theme_and_the_choice_is_remembered_for_the_next_run(review_db, tmp_path):
    path, review_id, clock = review_db
    settings_file = tmp_path / "config" / "settings.toml"
    save(Settings(language="sv", bell=False), settings_file)
    app = make_app(path, review_id, clock=clock, bell=False, settings=load(settings_file), settings_file=settings_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == CONTRAST_DARK.name
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == CONTRAST_LIGHT.name
    assert load(settings_file) == Settings(language="sv", bell=False, theme=CONTRAST_LIGHT.name)

    again = make_app(
        path, review_id, clock=clock, bell=False, settings=load(settings_file), settings_file=settings_file
    )
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == CONTRAST_LIGHT.name
        for _ in CYCLE:  # once round: back to the theme it started with, which is saved again
            await pilot.press("f2")
            await pilot.pause()
            assert load(settings_file).theme == again.theme
        assert again.theme == CONTRAST_LIGHT.name


async def test_an_app_without_a_settings_file_writes_none(review_db, tmp_path, monkeypatch):
    path, review_id, clock = review_db
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "never.toml"))
    app = make_app(path, review_id, clock=clock, bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == CONTRAST_DARK.name
    assert not (tmp_path / "never.toml").exists()


@pytest.mark.parametrize(
    ("typed", "expected"), [("kontrast, ljus", CONTRAST_LIGHT.name), ("kontrast, mörk", CONTRAST_DARK.name)]
)
async def test_the_palette_offers_each_high_contrast_theme_by_its_swedish_name(review_db, typed, expected):
    path, review_id, clock = review_db
    app = make_app(path, review_id, clock=clock, bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await enter_text(pilot, typed, submit=None)  # the palette searches as the query changes
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == expected


async def test_category_marks_are_redrawn_in_the_new_themes_colours(review_db):
    """A note drawn before the switch is drawn again with the new theme's colour (no stale cached line)."""
    path, review_id, clock = review_db
    app = make_app(path, review_id, clock=clock, bell=False, settings=Settings(theme=CONTRAST_DARK.name))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus")
        await enter_text(pilot, "Tydlig styrgrupp")
        await pilot.press("escape")
        await pilot.pause()

        def mark_colour() -> str:
            notes = app.screen.query_one(NoteList)
            segments = list(notes.render_line(0))
            (mark,) = [s for s in segments if s.text.startswith("+ ")]
            return mark.style.color.triplet.hex

        assert mark_colour() == Color.parse(app.theme_variables["text-success"]).hex6.lower()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        assert app.theme == CONTRAST_LIGHT.name
        assert mark_colour() == Color.parse(app.theme_variables["text-success"]).hex6.lower()
        assert mark_colour() == Color.parse(variables(CONTRAST_LIGHT)["text-success"]).hex6.lower()


def test_rich_text_with_named_styles_renders_only_inside_the_app_console():
    """The styles are names, so a widget's Text carries no fixed colour of its own."""
    row = Text("+ Styrka: ", style=CATEGORY_STYLE[Category.STRENGTH])
    assert row.style == "hfs.strength"
