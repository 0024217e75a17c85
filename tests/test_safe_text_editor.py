"""Editors and CLI lines: stored text reaches the terminal only as visible symbols, and comes back exactly."""

from __future__ import annotations

import random
import unicodedata

import pytest

from hfs_tui.safe_text import clean, for_terminal, from_editor, has_control, strip_controls, to_editor

HOSTILE = [
    "\x1b]0;ny titel\x07",  # OSC: retitle the terminal
    "\x1b]52;c;aGVq\x07",  # OSC 52: write the clipboard
    "\x1b[2J\x1b[H",  # CSI: clear the screen
    "\x1bP1$r\x1b\\",  # DCS
    "\x9b2J",  # C1 CSI
    "a\x00b",  # NUL
    "före\u202eefter",  # bidi override
    "dold\u200bmellanrum\u2066x\u2069",  # zero-width space, isolate
    "\ufeffBOM",
]
SAFE_PARTS = ["Tydlig styrgrupp", "å ä ö Å Ä Ö", "[/]", "[@click=app.quit]x[/]", "list[int]", "\n", "\t", "␛", "  "]


def terminal_safe(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t\u200c\u200d" for c in text)


@pytest.mark.parametrize("text", HOSTILE)
def test_editor_value_holds_no_control_character(text):
    assert terminal_safe(to_editor(text))
    single = to_editor(text + "\nrad två", single_line=True)
    assert terminal_safe(single) and "\n" not in single


@pytest.mark.parametrize("text", HOSTILE)
def test_editor_value_maps_one_character_to_one(text):
    assert len(to_editor(text)) == len(text)
    assert len(to_editor(text, single_line=True)) == len(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_unchanged_editor_gives_back_the_original(text):
    assert from_editor(to_editor(text), text) == text
    assert from_editor(to_editor(text, single_line=True), text, single_line=True) == text


def test_editing_a_harmless_part_keeps_the_control_characters_elsewhere():
    original = "Svar\x1b]0;titel\x07 om styrgruppen"
    shown = to_editor(original)
    edited = shown.replace("styrgruppen", "styrgruppens mandat")
    assert from_editor(edited, original) == "Svar\x1b]0;titel\x07 om styrgruppens mandat"


def test_deleting_the_visible_symbols_deletes_the_characters():
    original = "A\x1b[2JB"
    shown = to_editor(original)
    edited = shown.replace(to_editor("\x1b[2J"), "")
    assert from_editor(edited, original) == "AB"


def test_pasted_control_characters_are_dropped():
    assert from_editor("ny \x1b]0;x\x07text", "ny text") == "ny ]0;xtext"
    assert from_editor("a\nb", "ab", single_line=True) == "ab"


def test_a_typed_placeholder_symbol_stays_a_symbol():
    # The user types the symbol ␛ itself: it is text, not an escape character.
    assert from_editor("ESC ser ut så här: ␛", "ESC ser ut så här: ") == "ESC ser ut så här: ␛"
    original = "a\x1bb"
    assert from_editor(to_editor(original) + " ␛", original) == "a\x1bb ␛"


def test_original_with_literal_symbols_and_controls_round_trips():
    original = "␛ är ESC\x1b och ␤ är radbrytning\n"
    shown = to_editor(original)
    assert from_editor(shown, original) == original
    assert from_editor(shown + "!", original) == original + "!"


def test_randomised_edits_never_change_what_was_not_edited():
    rng = random.Random(20261202)
    for _ in range(400):
        pieces = [rng.choice(HOSTILE + SAFE_PARTS) for _ in range(rng.randint(1, 8))]
        original = "".join(pieces)
        single = rng.random() < 0.3
        shown = to_editor(original, single_line=single)
        assert terminal_safe(shown)
        # Append, prepend or replace one safe piece: everything else comes back exactly.
        op = rng.choice(["append", "prepend", "noop"])
        word = rng.choice(["hej", "styrgrupp", "[/]", "ö"])
        if op == "append":
            assert from_editor(shown + word, original, single_line=single) == original + word
        elif op == "prepend":
            assert from_editor(word + shown, original, single_line=single) == word + original
        else:
            assert from_editor(shown, original, single_line=single) == original
        # Whatever the edit, the result never holds a control character the original did not have.
        cut = rng.randint(0, len(shown))
        result = from_editor(shown[:cut] + "\x1b[31m" + shown[cut:], original, single_line=single)
        assert result.count("\x1b") == original.count("\x1b")


@pytest.mark.parametrize("text", HOSTILE)
def test_cli_lines_carry_no_escape_sequence(text):
    line = for_terminal(f"Granskning: {text}")
    assert terminal_safe(line)
    assert has_control(text)
    assert not has_control(line)


def test_cli_lines_keep_ordinary_text():
    assert for_terminal("Region Nordmark – å ä ö [/]\n") == "Region Nordmark – å ä ö [/]\n"


def test_display_makes_bidi_overrides_visible():
    assert "\u202e" not in clean("a\u202eb")
    assert strip_controls("a\u202eb\u200bc") == "abc"
