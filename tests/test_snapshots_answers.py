"""SVG snapshots of the answers and review screen (steps 2–3) and its dialogs; look at each as a picture."""

from __future__ import annotations

import shutil
from importlib.resources import files

import pytest

from hfs_tui.app import make_app
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}
SAMPLE = files("hfs_tui.sample_data") / "vardcentral"


def answers_app(tmp_path, clock, sample: str | None):
    """The app on the answers screen of the sample review, or of a new review with nothing answered yet."""
    store = Store.open(tmp_path / "snap.db", clock=clock)
    if sample:
        review = load_sample(store, sample)
    else:
        review = store.create_review("vardcentral", "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden")
    store.close()
    app = make_app(tmp_path / "snap.db", clock=clock, bell=False)

    async def open_screen(pilot, *keys: str) -> None:
        await pilot.pause()
        app.open_answers(review.id)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    return app, open_screen


class TestAnswers:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample_review_ready_for_the_feedback_meeting(self, snap_compare, tmp_path, clock, size):
        app, open_screen = answers_app(tmp_path, clock, "vardcentral")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, "down"))

    @pytest.mark.parametrize("size", SIZES)
    def test_region_review_second_party_with_many_questions(self, snap_compare, tmp_path, clock, size):
        app, open_screen = answers_app(tmp_path, clock, "region")
        keys = ("2", "down", "down", "down", "tab", "tab", "down")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, *keys))

    @pytest.mark.parametrize("size", SIZES)
    def test_new_review_nothing_answered(self, snap_compare, tmp_path, clock, size):
        app, open_screen = answers_app(tmp_path, clock, None)
        assert snap_compare(app, terminal_size=SIZES[size], run_before=open_screen)

    @pytest.mark.parametrize("size", SIZES)
    def test_import_preview(self, snap_compare, tmp_path, clock, monkeypatch, size):
        shutil.copyfile(str(SAMPLE / "answers-a.md"), tmp_path / "answers-a.md")
        monkeypatch.chdir(tmp_path)
        app, open_screen = answers_app(tmp_path, clock, None)
        keys = ("ctrl+o", "enter", *"answers-a.md", "enter")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, *keys))

    @pytest.mark.parametrize("size", SIZES)
    def test_every_import_error_stays_in_the_prompt(self, snap_compare, tmp_path, clock, monkeypatch, size):
        (tmp_path / "svar.md").write_text("## 1.\n\nSvar.\n\n## 1.\n\nIgen.\n\n## 99.\n\nX\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        app, open_screen = answers_app(tmp_path, clock, None)
        keys = ("ctrl+o", "enter", *"svar.md", "enter")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, *keys))

    @pytest.mark.parametrize("size", SIZES)
    def test_answer_editor(self, snap_compare, tmp_path, clock, size):
        app, open_screen = answers_app(tmp_path, clock, "vardcentral")
        keys = ("down", "down", "e", *" Tillägg [/] från mötet.")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, *keys))

    @pytest.mark.parametrize("size", SIZES)
    def test_minus_comment_prompt(self, snap_compare, tmp_path, clock, size):
        app, open_screen = answers_app(tmp_path, clock, "vardcentral")
        keys = ("2", "minus", *"Uppföljningen av FaR saknas")
        assert snap_compare(app, terminal_size=SIZES[size], run_before=lambda pilot: open_screen(pilot, *keys))
