"""Every pre-filled editor shows stored text without a control character and saves it back exactly.

Each test stores a hostile value (the corpus of test_safe_text_editor: OSC title, OSC 52, CSI 2J, DCS,
C1 CSI, NUL, bidi, zero-width, BOM), opens the editor with real keys where a key opens it, checks the
widget's value, appends a word, saves, and reads the database: exactly the original plus the word.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import unicodedata
import uuid
from pathlib import Path

import pytest
from hfs_tui.screens.action_plan.screen import ActionsScreen
from hfs_tui.screens.answers.screen import AnswersScreen
from hfs_tui.screens.export.screen import ExportScreen
from hfs_tui.screens.follow_up.screen import FollowUpScreen
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.setup.screen import SetupScreen
from hfs_tui.screens.widgets.action_form import ActionForm
from hfs_tui.screens.widgets.action_table import PLAN_COLUMNS, ActionTable
from hfs_tui.screens.widgets.editors import SafeInput, SafeTextArea
from hfs_tui.screens.widgets.forms import TextAreaPrompt, TextPrompt
from test_safe_text_editor import HOSTILE
from textual.widgets import Input, TextArea

from hfs_tui.app import make_app
from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)
BAD = "".join(HOSTILE)  # every hostile piece in one value
WORD = " tillägg"


def terminal_safe(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t\u200c\u200d" for c in text)


@pytest.fixture
def db(store: Store):
    """The region sample with a hostile value in every field an editor opens on."""
    review = load_sample(store, "region")
    a, b = store.parties(review.id)
    store.update_review(review.id, title="Granskning " + BAD, confidentiality="Sekretess " + BAD)
    store.rename_party(a.id, "Region " + BAD)
    question = store.questions(review.id, selected_only=True)[0]
    store.update_question(question.id, "Fråga " + BAD, ["Delfråga " + BAD])
    store.set_answer(question.id, a.id, "Svar " + BAD)
    feedback = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    note = store.add_note(feedback.id, a.id, "strength", "Not " + BAD, question_id=question.id)
    action = store.add_action(review.id, a.id, "Mål " + BAD, responsible="Ansvar " + BAD)
    store.update_action(action.id, outcome="Uppnått " + BAD, sustain="Hållbart " + BAD)
    path = Path(store.path)
    store.close()
    return {
        "path": path,
        "review": review.id,
        "a": a.id,
        "question": question.id,
        "note": note.id,
        "action": action.id,
        "clock": store.clock,
    }


def reopen(db) -> Store:
    return Store.open(db["path"], clock=db["clock"])


def app_for(db, review_id=None):
    return make_app(db["path"], review_id=review_id, clock=db["clock"], bell=False)


def editor_value(pilot) -> str:
    """The open editor's value, as the terminal receives it."""
    screen = pilot.app.screen
    editors = list(screen.query(SafeInput)) + list(screen.query(SafeTextArea))
    assert editors, "no safe editor open"
    # Every plain Input/TextArea on the screen is a safe one.
    assert len(editors) == len(screen.query(Input)) + len(screen.query(TextArea))
    focused = screen.focused
    assert focused in editors
    return focused.value if isinstance(focused, Input) else focused.text


async def type_and_save(pilot, save_key: str) -> None:
    value = editor_value(pilot)
    assert terminal_safe(value), repr(value)
    await pilot.press(*WORD, save_key)
    await pilot.pause()


async def test_home_rename_keeps_the_title_exact(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(pilot.app.screen, TextPrompt)
        await type_and_save(pilot, "enter")
    assert reopen(db).review(db["review"]).title == "Granskning " + BAD + WORD


@pytest.mark.parametrize(
    "row, read",
    [
        ("title", lambda s, d: s.review(d["review"]).title),
        ("name:{a}", lambda s, d: s.party(d["a"]).name),
        ("confidentiality", lambda s, d: s.review(d["review"]).confidentiality),
        ("q:{question}", lambda s, d: s.question(d["question"]).sub_questions[-1]),
    ],
)
async def test_setup_editors_keep_the_stored_text_exact(db, row, read):
    before = read(reopen(db), db)
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_setup(db["review"])
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SetupScreen)
        screen.edit(row.format(**db))  # what enter on the row does
        await pilot.pause()
        multi = isinstance(pilot.app.screen, TextAreaPrompt)
        await type_and_save(pilot, "ctrl+s" if multi else "enter")
    assert read(reopen(db), db) == before + WORD
    if row.startswith("q:"):
        assert reopen(db).question(db["question"]).text == "Fråga " + BAD


async def test_answer_editor_keeps_the_answer_exact(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_answers(db["review"])
        await pilot.pause()
        assert isinstance(pilot.app.screen, AnswersScreen)
        await pilot.press("e")
        assert isinstance(pilot.app.screen, TextAreaPrompt)
        await type_and_save(pilot, "ctrl+s")
    assert reopen(db).answers(db["review"])[(db["question"], db["a"])].text == "Svar " + BAD + WORD


async def test_note_edit_in_the_meeting_keeps_the_note_exact(db):
    async with app_for(db, db["review"]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen)
        await pilot.press("e")
        await type_and_save(pilot, "enter")
    assert reopen(db).note(db["note"]).text == "Not " + BAD + WORD


@pytest.mark.parametrize("field", ["goal", "responsible"])
async def test_action_plan_cells_keep_the_text_exact(db, field):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_actions(db["review"])
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#action-table", ActionTable)
        table.move_cursor(row=0, column=[column.field for column in PLAN_COLUMNS].index(field))
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ActionForm)
        await type_and_save(pilot, "ctrl+s")  # every field of the form saves with ctrl+s
    original = "Mål " if field == "goal" else "Ansvar "
    assert getattr(reopen(db).action(db["action"]), field) == original + BAD + WORD


@pytest.mark.parametrize("field, column", [("outcome", 2), ("sustain", 3)])
async def test_follow_up_outcome_and_sustain_keep_the_text_exact(db, field, column):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_follow_up(db["review"])
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, FollowUpScreen)
        screen.query_one("DataTable").move_cursor(row=0, column=column)
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ActionForm)
        await type_and_save(pilot, "ctrl+s")
    original = {"outcome": "Uppnått ", "sustain": "Hållbart "}[field]
    assert getattr(reopen(db).action(db["action"]), field) == original + BAD + WORD


async def test_export_folder_shows_no_control_character(db, tmp_path):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.open_export(db["review"])
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportScreen)
        folder = pilot.app.screen.query_one("#export-folder", SafeInput)
        assert terminal_safe(folder.value)
        folder.set_stored(str(tmp_path / "ut\x1b]0;x\x07mapp"))
        assert terminal_safe(folder.value)
        assert folder.stored_value == str(tmp_path / "ut\x1b]0;x\x07mapp")


async def test_typed_or_pasted_control_characters_never_enter_an_editor(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        line = pilot.app.screen.query_one(SafeInput)
        line.insert_text_at_cursor(" \x1b]0;x\x07klistrat\x9b2J")
        assert terminal_safe(line.value)
        await pilot.press("enter")
    assert reopen(db).review(db["review"]).title == "Granskning " + BAD + " ]0;xklistrat2J"


# ------------------------------------------------------------- the real terminal, under tmux

TMUX = shutil.which("tmux")


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run([TMUX, "-L", socket, *args], check=True, capture_output=True, text=True).stdout


def _wait_for(socket: str, target: str, needle: str, attempts: int = 600) -> str:
    """Poll the pane until `needle` shows (a slow machine only makes this wait longer)."""
    for _ in range(attempts):
        pane = _tmux(socket, "capture-pane", "-p", "-t", target)
        if needle in pane:
            return pane
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared:\n{pane}")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_the_terminal_receives_no_escape_sequence_from_the_data(db, tmp_path):
    socket = f"hfs-test-{uuid.uuid4().hex[:8]}"
    app = Path(sys.executable).parent / "hfs-tui"
    try:
        _tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "30", "sh")
        _tmux(socket, "set-option", "-s", "set-clipboard", "on")  # an OSC 52 would make a tmux buffer
        # Control: the same sequences printed raw do retitle the pane and write a buffer, so the check can fail.
        _tmux(socket, "new-window", "-d", "-t", "t:9", "sh")
        _tmux(socket, "select-pane", "-t", "t:9", "-T", "vakt")
        _tmux(socket, "send-keys", "-t", "t:9", r"printf '\033]2;kapad\007\033]52;c;aGVq\007'; echo klart", "Enter")
        _wait_for(socket, "t:9", "klart\n")
        assert _tmux(socket, "display", "-p", "-t", "t:9", "#{pane_title}").strip() == "kapad"
        assert _tmux(socket, "list-buffers").strip() != ""
        _tmux(socket, "delete-buffer")

        _tmux(socket, "select-pane", "-t", "t:0", "-T", "vakt")
        command = f"HFS_TUI_DB={db['path']} {app} --no-bell; echo avslutad"
        _tmux(socket, "send-keys", "-t", "t:0", command, "Enter")
        _wait_for(socket, "t:0", "Granskning")
        _tmux(socket, "send-keys", "-t", "t:0", "e")  # the rename editor opens on the hostile title
        _wait_for(socket, "t:0", t("home.rename_title"))
        _tmux(socket, "send-keys", "-t", "t:0", "-l", WORD)
        _wait_for(socket, "t:0", WORD.strip())
        pane = _tmux(socket, "capture-pane", "-p", "-e", "-t", "t:0")
        _tmux(socket, "send-keys", "-t", "t:0", "Enter")
        _tmux(socket, "send-keys", "-t", "t:0", "C-q")
        _wait_for(socket, "t:0", "avslutad")
        assert _tmux(socket, "display", "-p", "-t", "t:0", "#{pane_title}").strip() == "vakt"
        assert _tmux(socket, "list-buffers").strip() == ""
        assert "ny titel" not in _tmux(socket, "display", "-p", "-t", "t:0", "#{window_name}")
        assert "\x1b[2J" not in pane
    finally:
        subprocess.run([TMUX, "-L", socket, "kill-server"], capture_output=True)
    assert reopen(db).review(db["review"]).title == "Granskning " + BAD + WORD


def test_every_editor_saves_with_ctrl_s_and_cancels_with_escape():
    """One way to save and cancel: the shared forms and the action form all bind ctrl+s and esc."""
    from hfs_tui.screens.widgets import forms

    dialogs = [forms.TextPrompt, forms.TextAreaPrompt, forms.ChoicePrompt, forms.NewReviewForm, ActionForm]
    for dialog in dialogs:
        keys = {key: [b.action for b in bindings] for key, bindings in dialog._merged_bindings.key_to_bindings.items()}
        assert "ctrl+s" in keys and "escape" in keys, dialog.__name__
        assert keys["escape"] == ["cancel"], dialog.__name__


async def test_ctrl_a_selects_everything_so_typing_replaces_the_old_text(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("e")  # rename the review: a one-line editor holding the title
        await pilot.press("ctrl+a", *"Ny titel", "enter")
    assert reopen(db).review(db["review"]).title == "Ny titel"
