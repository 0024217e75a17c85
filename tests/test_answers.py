"""Steps 2 and 3 in the app: import and type answers, documents, + / − review, progress. Real keys in,
rows in the database out."""

from __future__ import annotations

import os
import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from helpers import enter_text
from hfs_tui.screens.answers.dialogs import ImportPreview, PathPrompt, PathSuggester
from hfs_tui.screens.answers.file_import import answer_preview, answers_to_import
from hfs_tui.screens.answers.screen import AnswersScreen
from hfs_tui.screens.answers.widgets import AnswerView, ItemList, ProgressPanel
from hfs_tui.screens.widgets.dialogs import ConfirmDialog, HelpScreen
from hfs_tui.screens.widgets.editors import SafeInput
from hfs_tui.screens.widgets.forms import TextAreaPrompt, TextPrompt
from textual.widgets import Input, TextArea

from hfs_tui.answer_progress import answer_progress
from hfs_tui.app import make_app
from hfs_tui.i18n import t
from hfs_tui.importers import parse_answers
from hfs_tui.model import Sign
from hfs_tui.store import Store, StoreError

SIZE = (120, 36)
IMPORT_ANSWERS = ("ctrl+o", "enter")  # ctrl+o asks which file: answers first
IMPORT_ASSESSMENTS = ("ctrl+o", "down", "enter")
SAMPLE = files("hfs_tui.sample_data") / "vardcentral"
LINDBACKEN, EKUDDEN = "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden"


@pytest.fixture
def review(store: Store):
    """A new vårdcentral review with no answers yet, as `hfs-tui new --template vardcentral` makes it."""
    return store.create_review("vardcentral", LINDBACKEN, EKUDDEN)


@pytest.fixture
def db(store: Store, review):
    """The database path; the test's own store is closed so the app is the only writer while it runs."""
    path = Path(store.path)
    store.close()
    return path


def sample_file(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(str(SAMPLE / name), target)
    return target


def reopen(db: Path, clock) -> Store:
    return Store.open(db, clock=clock)


async def open_answers(app, pilot, review_id: int) -> AnswersScreen:
    await pilot.pause()
    app.open_answers(review_id)
    await pilot.pause()
    assert isinstance(app.screen, AnswersScreen)
    return app.screen


# --------------------------------------------------------------------- imports


async def test_import_answer_file_shows_a_preview_then_imports_on_confirm(db, review, clock, tmp_path):
    path = sample_file(tmp_path, "answers-a.md")
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press(*IMPORT_ANSWERS)
        assert isinstance(app.screen, PathPrompt)
        await enter_text(pilot, str(path))
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ImportPreview)
        assert preview.question == f"Läsa in 6 svar från {LINDBACKEN} ur answers-a.md?"
        shown = "\n".join(line.plain for line in preview.lines)
        assert "1. I vilken omfattning" in shown and "▸ Verksamhetsplan 2026, Vårdcentralen Lindbacken" in shown
        store = reopen(db, clock)
        assert store.answers(review.id) == {}, "nothing is written before the preview is confirmed"
        store.close()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        assert any(n.message == f"6 svar från {LINDBACKEN} inlästa" for n in app._notifications)
    store = reopen(db, clock)
    party_a, party_b = store.parties(review.id)
    answers = store.answers(review.id)
    assert sorted(party_id for _, party_id in answers) == [party_a.id] * 6
    first = store.questions(review.id)[0]
    assert answers[(first.id, party_a.id)].text.startswith("Det hälsofrämjande arbetssättet är väl infört")
    assert [d.title for d in store.documents(party_a.id) if d.question_id == first.id] == [
        "Minnesanteckningar från arbetsplatsträff om foldern ”Hälsofrämjande primärvård” (oktober 2025)"
    ]
    assert store.documents(party_b.id) == []
    store.close()


async def test_cancelling_the_preview_imports_nothing(db, review, clock, tmp_path):
    path = sample_file(tmp_path, "answers-a.md")
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press(*IMPORT_ANSWERS)
        await enter_text(pilot, str(path))
        await pilot.pause()
        assert isinstance(app.screen, ImportPreview)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
    store = reopen(db, clock)
    assert store.answers(review.id) == {}
    store.close()


async def test_every_problem_of_a_file_is_shown_at_once_and_an_old_error_never_covers_a_dialog(
    db, review, clock, tmp_path
):
    path = tmp_path / "svar.md"
    path.write_text(
        "# Svar\n\n## 1.\n\nSvar.\n\n## 99.\n\nX\n\n## 1.\n\nIgen.\n\n## Ingen sådan fråga\n", encoding="utf-8"
    )
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        app.notify("ett gammalt fel", severity="error")
        await pilot.press(*IMPORT_ANSWERS)
        assert not app._notifications, "opening the import clears the old notification"
        prompt = app.screen
        prompt.query_one(SafeInput).set_stored(str(path))
        await pilot.press("enter")
        await pilot.pause()
        lines = str(prompt.query_one("#form-error").content).split("\n")
        assert lines[0] == "svar.md: 3 fel (inget har lästs in)"
        assert [line.split(":")[0] for line in lines[1:]] == ["rad 7", "rad 11", "rad 15"]
        assert "fråga 1 finns redan på rad 3" in lines[2]
    store = reopen(db, clock)
    assert store.answers(review.id) == {}
    store.close()


async def test_a_duplicate_question_heading_is_shown_in_the_app_with_its_line_and_nothing_is_imported(
    db, review, clock, tmp_path
):
    path = tmp_path / "svar.md"
    path.write_text("# Svar\n\n## 1.\n\nVårt svar.\n\n## 1.\n\nSamma fråga igen.\n", encoding="utf-8")
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press(*IMPORT_ANSWERS)
        await enter_text(pilot, str(path))
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, PathPrompt), "the prompt stays open so the path can be corrected"
        error = prompt.query_one("#form-error")
        assert error.display
        assert str(error.content) == "svar.md, rad 7: fråga 1 finns redan på rad 3 (inget har lästs in)"
        assert not app._notifications  # under the path only: nothing covers the dialog
        assert prompt.query_one(Input).value == str(path)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
    store = reopen(db, clock)
    assert store.answers(review.id) == {}
    assert all(store.documents(p.id) == [] for p in store.parties(review.id))
    store.close()


async def test_a_missing_file_is_said_in_one_line(db, review, clock, tmp_path):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press(*IMPORT_ANSWERS)
        await enter_text(pilot, str(tmp_path / "finns-inte.md"))
        await pilot.pause()
        assert (
            str(app.screen.query_one("#form-error").content) == "finns-inte.md: filen finns inte (inget har lästs in)"
        )


async def test_assessment_file_is_imported_as_the_other_partys_review_of_the_shown_party(db, review, clock, tmp_path):
    path = sample_file(tmp_path, "assessments-of-b.md")
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_answers(app, pilot, review.id)
        await pilot.press("2")
        assert screen.party.name == EKUDDEN
        await pilot.press(*IMPORT_ASSESSMENTS)
        await enter_text(pilot, str(path))
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ImportPreview)
        assert preview.question.startswith(f"Läsa in 9 bedömningar av svaren från {EKUDDEN} (gjorda av {LINDBACKEN})")
        await pilot.press("j")
        await pilot.pause()
    store = reopen(db, clock)
    party_a, party_b = store.parties(review.id)
    assessments = store.assessments(review.id)
    assert len(assessments) == 9
    assert {(a.party_id, a.reviewer_party_id) for a in assessments} == {(party_b.id, party_a.id)}
    store.close()


def test_the_preview_says_what_a_file_replaces_skips_and_does_not_select(store: Store, review):
    party_a, party_b = store.parties(review.id)
    first, _, third, *_ = store.questions(review.id)
    store.set_answer(first.id, party_a.id, "Gammalt svar")
    store.set_question_selected(third.id, False)
    text = "## 1.\n\nNytt svar här\n\n## 2.\n\n## 3.\n\nSvar\n\n### Dokument\n\n- Rutin [2024]\n"
    imported = parse_answers(text, store.questions(review.id))
    lines = [line.plain for line in answer_preview(imported, party_a, store.answers(review.id))]
    assert [line.rsplit("  ", 1)[1] for line in lines[:3]] == [
        "3 ord · ersätter nuvarande svar",
        "tom, hoppas över",
        "1 ord · 1 dokument · frågan är inte vald",
    ]
    assert lines[3] == "     ▸ Rutin [2024]"
    assert len(answers_to_import(imported)) == 2
    assert "ersätter" not in answer_preview(imported, party_b, store.answers(review.id))[0].plain


# --------------------------------------------------------------------- editor


async def test_an_answer_typed_with_markup_characters_is_saved_and_shown_literally(db, review, clock):
    text = "Vi följer [/] upp [@click=app.quit]x[/] varje år"
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_answers(app, pilot, review.id)
        await pilot.press("down", "e")
        assert isinstance(app.screen, TextAreaPrompt)
        await enter_text(pilot, f"Första stycket.\n\n{text}", submit="ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert any(text in line for line in screen.query_one(AnswerView).lines)
    store = reopen(db, clock)
    second = store.questions(review.id)[1]
    party_a = store.parties(review.id)[0]
    assert store.answers(review.id)[(second.id, party_a.id)].text == f"Första stycket.\n\n{text}"
    store.close()


async def test_escape_in_the_editor_asks_before_discarding_typed_text(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press("e")
        await enter_text(pilot, "Ett utkast", submit="escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, TextAreaPrompt) and editor.query_one(TextArea).text == "Ett utkast"
        await pilot.press("escape", "j")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
    store = reopen(db, clock)
    assert store.answers(review.id) == {}
    store.close()


async def test_a_failed_save_keeps_the_editor_open_with_the_text(db, review, clock, monkeypatch):
    app = make_app(db, clock=clock, bell=False)

    def full_disk(*args):
        raise StoreError("databasen kunde inte skriva (database or disk is full)")

    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        monkeypatch.setattr(app.store, "set_answer", full_disk)
        await pilot.press("e")
        await enter_text(pilot, "Viktig text", submit="ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, TextAreaPrompt) and editor.query_one(TextArea).text == "Viktig text"
        assert any("disk is full" in n.message and n.severity == "error" for n in app._notifications)


# --------------------------------------------------------------------- review


async def test_plus_and_minus_assessments_are_added_with_the_keyboard(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_answers(app, pilot, review.id)
        await pilot.press("down", "down", "plus")
        await enter_text(pilot, "Tydlig rutin [klar]")
        await pilot.pause()
        await pilot.press("minus")
        await enter_text(pilot, "Uppföljning saknas")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        items = screen.query_one(ItemList)
        assert [getattr(item, "comment", None) for item in items.items] == ["Tydlig rutin [klar]", "Uppföljning saknas"]
        assert items.selected.comment == "Uppföljning saknas", "the new mark is selected"
    store = reopen(db, clock)
    party_a, party_b = store.parties(review.id)
    third = store.questions(review.id)[2]
    assert [
        (a.question_id, a.party_id, a.reviewer_party_id, a.sign, a.comment) for a in store.assessments(review.id)
    ] == [
        (third.id, party_a.id, party_b.id, Sign.PLUS, "Tydlig rutin [klar]"),
        (third.id, party_a.id, party_b.id, Sign.MINUS, "Uppföljning saknas"),
    ]
    store.close()


async def test_an_empty_comment_is_refused_in_the_prompt(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press("plus", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert "Skriv en kommentar" in str(app.screen.query_one("#form-error").content)
    store = reopen(db, clock)
    assert store.assessments(review.id) == []
    store.close()


async def test_a_selected_mark_is_edited_switched_and_deleted(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press("plus")
        await enter_text(pilot, "Bra")
        await pilot.press("minus")
        await enter_text(pilot, "Saknas")
        await pilot.press("tab", "tab", "up")  # questions -> answer -> marks; select the first mark
        await pilot.press("enter", "end")
        await enter_text(pilot, " och tydligt")
        await pilot.pause()
        store = reopen(db, clock)
        assert [(a.sign, a.comment) for a in store.assessments(review.id)] == [
            (Sign.PLUS, "Bra och tydligt"),
            (Sign.MINUS, "Saknas"),
        ]
        store.close()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape")  # from the marks back to the questions
        assert isinstance(app.screen, AnswersScreen)
    store = reopen(db, clock)
    assert [(a.sign, a.comment) for a in store.assessments(review.id)] == [(Sign.MINUS, "Bra och tydligt")]
    store.close()


async def test_documents_are_added_renamed_and_removed_for_the_party_and_question(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press("2", "down", "D")
        await enter_text(pilot, "PM FaR (2024)")
        await pilot.pause()
        store = reopen(db, clock)
        party_a, party_b = store.parties(review.id)
        second = store.questions(review.id)[1]
        assert [(d.question_id, d.title) for d in store.documents(party_b.id)] == [(second.id, "PM FaR (2024)")]
        assert store.documents(party_a.id) == []
        store.close()
        await pilot.press("tab", "tab", "enter", "ctrl+u")
        await enter_text(pilot, "PM Fysisk aktivitet på recept")
        await pilot.pause()
        store = reopen(db, clock)
        assert [d.title for d in store.documents(party_b.id)] == ["PM Fysisk aktivitet på recept"]
        store.close()
        await pilot.press("d", "j")
        await pilot.pause()
    store = reopen(db, clock)
    assert store.documents(party_b.id) == []
    store.close()


# ------------------------------------------------------------------- progress


def test_progress_counts_answered_and_reviewed_selected_questions(store: Store, review):
    party_a, party_b = store.parties(review.id)
    q1, q2, q3, *_ = store.questions(review.id)
    store.set_question_selected(q3.id, False)
    store.set_answer(q1.id, party_a.id, "Svar")
    store.set_answer(q2.id, party_a.id, "   ")  # blank text is not an answer
    store.set_answer(q1.id, party_b.id, "Svar")
    store.add_document(party_a.id, "Rutin", q1.id)
    store.add_document(party_a.id, "Allmänt dokument")
    store.add_assessment(q1.id, party_a.id, party_b.id, Sign.PLUS, "Bra")
    store.add_assessment(q1.id, party_a.id, party_b.id, Sign.MINUS, "Saknas")
    store.add_assessment(q3.id, party_a.id, party_b.id, Sign.PLUS, "Inte vald fråga")
    selected = store.questions(review.id, selected_only=True)
    documents = store.documents(party_a.id) + store.documents(party_b.id)
    progress_a, progress_b = answer_progress(
        selected, store.parties(review.id), store.answers(review.id), documents, store.assessments(review.id)
    )
    assert (progress_a.party, progress_a.reviewer) == (party_a, party_b)
    assert (progress_a.answered, progress_a.reviewed, progress_a.total, progress_a.ready) == (1, 1, 5, False)
    assert (progress_b.answered, progress_b.reviewed, progress_b.total) == (1, 0, 5)
    first = progress_a.questions[0]
    assert (first.answered, first.documents, first.plus, first.minus) == (True, 1, 1, 1)


async def test_progress_rows_show_answered_and_reviewed_per_party(store: Store, review, clock):
    party_a, party_b = store.parties(review.id)
    questions = store.questions(review.id)
    for question in questions[:4]:
        store.set_answer(question.id, party_a.id, "Svar")
    store.add_assessment(questions[0].id, party_a.id, party_b.id, Sign.PLUS, "Bra")
    for question in questions:
        store.set_answer(question.id, party_b.id, "Svar")
        store.add_assessment(question.id, party_b.id, party_a.id, Sign.MINUS, "Kan bli bättre")
    db = Path(store.path)
    store.close()
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=(160, 36)) as pilot:
        screen = await open_answers(app, pilot, review.id)
        panel = screen.query_one(ProgressPanel)
        rows = [" ".join(str(cell) for cell in column.cells) for column in panel.content.columns]
        assert rows[1] == f"{LINDBACKEN} {EKUDDEN}"
        assert rows[2] == "4/6 besvarade 6/6 besvarade"
        assert rows[3] == f"1/6 granskade av {EKUDDEN} 6/6 granskade av {LINDBACKEN}"
        assert rows[4] == " ✓ redo"


# ------------------------------------------------------------------- the keys


async def test_every_key_is_on_the_help_screen_and_in_the_palette(db, review, clock):
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_answers(app, pilot, review.id)
        commands = {command.title for command in app.get_system_commands(screen)}
        for key_action in screen.KEY_ACTIONS:
            assert t(key_action.label) in commands
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen) and set(screen.KEY_ACTIONS) <= set(help_screen.actions)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, AnswersScreen), "escape goes back"


async def test_a_review_without_selected_questions_says_so_and_ignores_the_answer_keys(store: Store, review, clock):
    for question in store.questions(review.id):
        store.set_question_selected(question.id, False)
    db = Path(store.path)
    store.close()
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_answers(app, pilot, review.id)
        await pilot.press("e", "plus", "D", "d")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(AnswerView).lines[0].startswith("Granskningen har inga valda frågor.")
        assert not screen.query_one(ItemList).display


async def test_the_file_prompt_completes_paths(tmp_path):
    (tmp_path / "answers-b.md").write_text("x", encoding="utf-8")
    (tmp_path / "answers-a.md").write_text("x", encoding="utf-8")
    (tmp_path / "svar").mkdir()
    (tmp_path / ".dold.md").write_text("x", encoding="utf-8")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(f"{tmp_path}/ans") == f"{tmp_path}/answers-a.md"
    assert await suggester.get_suggestion(f"{tmp_path}/sv") == f"{tmp_path}/svar/"
    assert await suggester.get_suggestion(f"{tmp_path}/") == f"{tmp_path}/answers-a.md", "hidden files are not offered"
    assert await suggester.get_suggestion(f"{tmp_path}/x") is None
    assert await suggester.get_suggestion(f"{tmp_path}/nope/a") is None


def _bad_path(kind: str, tmp_path: Path) -> str:
    if kind == "symlink loop":
        (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
        (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
        return str(tmp_path / "a.md")
    if kind == "name too long":
        return str(tmp_path / ("x" * 300 + ".md"))
    if kind == "file as folder":
        (tmp_path / "file.md").write_text("# Svar\n", encoding="utf-8")
        return str(tmp_path / "file.md" / "x.md")
    if kind == "directory":
        return str(tmp_path)
    if kind == "fifo":
        os.mkfifo(tmp_path / "rör.md")
        return str(tmp_path / "rör.md")
    return "/dev/zero"


@pytest.mark.parametrize("key", ["answers", "assessments"])
@pytest.mark.parametrize("kind", ["symlink loop", "name too long", "file as folder", "directory", "fifo", "/dev/zero"])
async def test_a_file_that_cannot_be_read_is_one_line_and_the_prompt_stays(db, review, clock, tmp_path, kind, key):
    path = _bad_path(kind, tmp_path)
    app = make_app(db, clock=clock, bell=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_answers(app, pilot, review.id)
        await pilot.press(*(IMPORT_ANSWERS if key == "answers" else IMPORT_ASSESSMENTS))
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        prompt.query_one(SafeInput).set_stored(path)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt, "the prompt stays open so the path can be corrected"
        error = str(prompt.query_one("#form-error").content)
        assert error and "\n" not in error and "(inget har lästs in)" in error
        assert not app._notifications, "said under the path only: no notification covering the dialog"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        await pilot.press("e")
        await enter_text(pilot, "Svar efter felet", submit="ctrl+s")  # the screen keeps working
    store = reopen(db, clock)
    answers = store.answers(review.id)
    assert [a.text for a in answers.values()] == ["Svar efter felet"]
    assert store.assessments(review.id) == []
    store.close()
