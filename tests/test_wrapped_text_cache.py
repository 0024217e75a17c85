"""WrappedText's caches (wrapping per text and width, finished lines per text, line, width and style) never show
stale text: after a resize, an edit, a return to an earlier text, a scroll past the lazily wrapped part, a highlight."""

from __future__ import annotations

from hfs_tui.screens.widgets.wrapped_text import LAZY_MARGIN, WrappedText, wrap_offsets
from rich.text import Text
from textual.app import App, ComposeResult

WORDS = "hälsofrämjande styrgrupp handlingsplan uppföljning levnadsvanor processledare vårdcentral".split()


def long_text(seed: int, paragraphs: int = 30) -> str:
    return "\n\n".join(
        " ".join(WORDS[(seed + index * 3 + word) % len(WORDS)] for word in range(40)) + f" ({seed}.{index})"
        for index in range(paragraphs)
    )


class Holder(App[None]):
    def compose(self) -> ComposeResult:
        yield WrappedText()


def shown(widget: WrappedText) -> list[str]:
    """What the widget draws, line by line, without trailing blanks."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.scrollable_content_region.height)]


def expected(text: str, width: int, first: int, count: int) -> list[str]:
    return [text[start:end] for start, end in wrap_offsets(text, width)][first : first + count]


async def test_a_resize_rewraps_and_draws_the_new_lines() -> None:
    text = long_text(1)
    async with Holder().run_test(size=(50, 20)) as pilot:
        widget = pilot.app.query_one(WrappedText)
        widget.show([Text(text)])
        await pilot.pause()
        width = widget.scrollable_content_region.width
        assert shown(widget) == expected(text, width, 0, 20)
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        new_width = widget.scrollable_content_region.width
        assert new_width != width
        assert shown(widget) == expected(text, new_width, 0, 20)
        assert widget.lines == expected(text, new_width, 0, 10_000)


async def test_an_edited_text_is_drawn_as_edited_and_a_return_draws_the_first_again() -> None:
    first, edited = long_text(2), long_text(2).replace("styrgrupp", "ledningsgrupp", 1)
    async with Holder().run_test(size=(60, 15)) as pilot:
        widget = pilot.app.query_one(WrappedText)
        width = widget.scrollable_content_region.width
        widget.show([Text(first)])
        await pilot.pause()
        assert shown(widget) == expected(first, width, 0, 15)
        widget.show([Text(edited)])
        await pilot.pause()
        assert "ledningsgrupp" in " ".join(shown(widget))
        assert shown(widget) == expected(edited, width, 0, 15)
        widget.show([Text(first)])
        await pilot.pause()
        assert shown(widget) == expected(first, width, 0, 15)


async def test_a_prefetched_text_is_shown_the_same_as_one_wrapped_on_showing() -> None:
    text = long_text(3)
    async with Holder().run_test(size=(60, 15)) as pilot:
        widget = pilot.app.query_one(WrappedText)
        width = widget.scrollable_content_region.width
        widget.prefetch([Text(text)])
        widget.show([Text(text)])
        await pilot.pause()
        assert shown(widget) == expected(text, width, 0, 15)
        assert widget.lines == expected(text, width, 0, 10_000)


async def test_scrolling_past_the_lazily_wrapped_lines_draws_the_right_text_and_the_full_height() -> None:
    blocks = [Text(long_text(seed, paragraphs=3)) for seed in range(12)]  # many blocks: wrapped lazily
    async with Holder().run_test(size=(60, 12)) as pilot:
        widget = pilot.app.query_one(WrappedText)
        widget.show(blocks)
        width = widget.scrollable_content_region.width
        everything = [line for block in blocks for line in expected(block.plain, width, 0, 10_000)]
        assert len(everything) > 12 + LAZY_MARGIN
        await pilot.pause()
        assert widget.virtual_size.height == len(everything)  # finished after the first paint
        widget.scroll_to(y=len(everything) - 12, animate=False)
        await pilot.pause()
        assert shown(widget) == everything[-12:]


async def test_a_highlighted_block_is_drawn_in_the_highlight_style_and_back_when_it_is_not() -> None:
    async with Holder().run_test(size=(60, 10)) as pilot:
        widget = pilot.app.query_one(WrappedText)
        widget.show([Text("första anteckningen"), Text("andra anteckningen")])
        await pilot.pause()
        before = list(widget.render_line(1))
        widget.highlight(1)
        await pilot.pause()
        highlighted = list(widget.render_line(1))
        assert highlighted[0].text.startswith("andra anteckningen")
        assert highlighted[0].style != before[0].style
        widget.highlight(None)
        await pilot.pause()
        assert list(widget.render_line(1))[0].style == before[0].style


def test_the_fast_wrap_of_plain_prose_gives_the_same_lines_as_the_careful_one(monkeypatch) -> None:
    import random

    from hfs_tui.screens.widgets import wrapped_text

    rng = random.Random(1)
    words = "a bb ccc hälsofrämjande styrgrupp x zzzzzzzzzzzzzzzzzzzzzz 1. - (ok) 漢字".split()
    cases = []
    for _ in range(600):
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            separator = rng.choice([" ", " ", " ", "  ", "\t"])
            paragraph = separator.join(rng.choice(words) for _ in range(rng.randint(0, 40)))
            paragraphs.append(rng.choice(["", " "]) + paragraph + rng.choice(["", " "]))
        cases.append(("\n".join(paragraphs), rng.randint(1, 50)))
    fast = [wrap_offsets(text, width) for text, width in cases]
    monkeypatch.setattr(wrapped_text, "_plain_prose", lambda paragraph: False)
    assert fast == [wrap_offsets(text, width) for text, width in cases]


def test_no_wrapped_line_is_wider_than_the_width_and_no_character_is_lost():
    """Runs of several spaces (a note's "  (owner · flags)" tail) count as they are: a line that was one
    cell too wide lost its last letter on screen ("ej i rappor")."""
    import random

    from hfs_tui.screens.widgets.wrapped_text import wrap_offsets
    from rich.cells import cell_len

    rng = random.Random(7)
    words = ["a", "bb", "Söderås", "✓", "·", "(Region", "x" * 12, "中文字"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "   "]) for _ in range(rng.randint(1, 25))).rstrip()
        width = rng.randint(3, 40)
        offsets = wrap_offsets(text, width)
        assert all(cell_len(text[a:b]) <= width for a, b in offsets), (text, width)
        kept = "".join(text[a:b] for a, b in offsets)
        assert kept.replace(" ", "") == text.replace(" ", ""), (text, width)
