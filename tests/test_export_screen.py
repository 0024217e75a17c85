"""Pilot tests of the export screen: the report agreement by keys (checked in the database) and writing files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hfs_tui.screens.export.screen import ExportScreen
from hfs_tui.screens.export.widgets import AgreementList, DocumentPreview, DocumentView
from hfs_tui.screens.meeting import MeetingScreen
from hfs_tui.screens.widgets.dialogs import HelpScreen
from textual.widgets import Input

from hfs_tui.app import make_app
from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

SIZE = (120, 36)
MARKUP = "Mål i [@click=app.quit]x[/] och [länk](https://evil.example) <b>fet</b> https://example.com"
# Notes in the order the agreement list shows them: party A's (by question), then party B's.
NOTES = (
    ("a", Category.STRENGTH, 0, "Tydlig uppföljning varje tertial"),
    ("a", Category.IMPROVEMENT, 1, MARKUP),
    ("a", Category.ACTION, 1, "Skriv uppdrag för processledarna"),
    ("b", Category.GOOD_EXAMPLE, 0, "Hälsoläget-panelen med CNI"),
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def db(tmp_path, clock):
    """The region sample with four notes in its feedback meeting; returns (path, review id, note ids)."""
    path = tmp_path / "export.db"
    store = Store.open(path, clock=clock)
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    parties = {p.key: p for p in store.parties(review.id)}
    questions = store.questions(review.id)
    ids = [
        store.add_note(meeting.id, parties[key].id, category, text, question_id=questions[q].id).id
        for key, category, q, text in NOTES
    ]
    store.close()
    return path, review.id, ids


def notes_in_db(db, clock):
    path, _, ids = db
    store = Store.open(path, clock=clock)
    try:
        return [store.note(note_id) for note_id in ids]
    finally:
        store.close()


async def open_export(pilot) -> ExportScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, MeetingScreen)
    await pilot.press("ctrl+e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def focus_folder(pilot) -> Input:
    """Tab through the areas to the folder line and clear it."""
    folder = pilot.app.screen.query_one("#export-folder", Input)
    for _ in range(10):
        if pilot.app.focused is folder:
            break
        await pilot.press("tab")
    assert pilot.app.focused is folder
    await pilot.press("home", "ctrl+k")
    return folder


def app_for(db, clock):
    path, review_id, _ = db
    return make_app(path, review_id=review_id, clock=clock, bell=False)


async def test_ctrl_e_on_the_meeting_opens_the_export_of_that_meeting_with_every_note(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        assert screen.meeting.kind is MeetingKind.FEEDBACK
        agreement = screen.query_one(AgreementList)
        assert [i for i in agreement.note_ids if i is not None] == db[2]
        assert agreement.selected_note_id == db[2][0]
        assert "# Protokoll från återkopplingsmöte – " in screen.query_one(DocumentPreview).source


async def test_r_puts_the_selected_note_in_the_report_and_takes_it_out_again(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await pilot.press("r")
        assert [n.in_report for n in notes_in_db(db, clock)] == [True, False, False, False]
        await pilot.press("r")
        assert not any(n.in_report for n in notes_in_db(db, clock))


async def test_s_releases_a_note_to_the_network_which_also_puts_it_in_the_report(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await pilot.press("down", "down", "s")
        third = notes_in_db(db, clock)[2]
        assert third.share is Share.NETWORK and third.in_report
        await pilot.press("r")  # out of the report is out of the network too
        third = notes_in_db(db, clock)[2]
        assert third.share is Share.INTERNAL and not third.in_report


async def test_down_selects_past_the_visible_part_of_a_long_list_on_a_small_screen(db, clock):
    async with app_for(db, clock).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        agreement = screen.query_one(AgreementList)
        assert agreement.max_scroll_y > 0, "the list is longer than the pane"
        await pilot.press("down", "down", "down", "r", "down", "up", "up")
        assert [n.in_report for n in notes_in_db(db, clock)] == [False, False, False, True]
        assert agreement.selected_note_id == db[2][1]


async def test_o_switches_the_owner_and_a_agrees_a_whole_party(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        await pilot.press("o")
        notes = notes_in_db(db, clock)
        assert notes[0].party_id == notes[3].party_id
        assert screen.query_one(AgreementList).selected_note_id == db[2][0]  # the selection follows the note
        await pilot.press("R")  # R: the whole party in or out of the report
        assert [n.in_report for n in notes_in_db(db, clock)] == [True, False, False, True]
        await pilot.press("R")
        assert not any(n.in_report for n in notes_in_db(db, clock))


async def test_the_preview_follows_a_toggle_and_the_number_keys(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        preview = screen.query_one(DocumentPreview)
        await pilot.press("2")
        assert preview.source.startswith("# Rapport från kollegialt lärande – Region Nordmark")
        assert "Tydlig uppföljning" not in preview.source
        await pilot.press("r")
        await pilot.pause()
        assert "- Tydlig uppföljning varje tertial" in preview.source
        await pilot.press("4")
        assert preview.source.startswith("# Nätverkssammanfattning")
        assert "Tydlig uppföljning" not in preview.source
        await pilot.press("s")
        assert "- Tydlig uppföljning varje tertial" in preview.source


async def test_markup_and_links_in_a_note_are_shown_literally_and_do_nothing(db, clock):
    app = app_for(db, clock)
    opened = []
    app.open_url = lambda url, **kwargs: opened.append(url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        await pilot.press("down", "r", "2")
        await pilot.pause()
        view = screen.query_one(DocumentView)
        text = " ".join(" ".join(view.lines).split())
        assert "[@click=app.quit]x[/] och [länk](https://evil.example) <b>fet</b> https://example.com" in text
        styles = [segment.style for strip in view._strips for segment in strip if segment.style]
        assert styles, "the preview is styled (headings), so the check below looks at real styles"
        assert not any(style.link or style.meta for style in styles)
        row = next(y for y, line in enumerate(view.lines) if "@click" in line)
        for x in (4, 12, 30, 50):
            await pilot.click(view, offset=(x, row - view.scroll_y + 1))
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert opened == []


async def test_the_preview_makes_no_link_even_from_unescaped_markdown(db, clock):
    """A second guard behind minutes.py's escaping: the view itself never turns text into a link or an action."""
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        view = (await open_export(pilot)).query_one(DocumentView)
        view.show("# Rubrik\n\nSe [länk](https://evil.example), <https://a.example> och <b>fet</b>.\n")
        await pilot.pause()
        assert "Se länk" in " ".join(view.lines) and "<b>fet</b>" in " ".join(view.lines)
        styles = [segment.style for strip in view._strips for segment in strip if segment.style]
        assert not any(style.link or style.meta for style in styles)


async def test_write_puts_every_document_in_the_folder_and_only_the_network_note_in_the_summary(db, clock, tmp_path):
    out = tmp_path / "ut" / "möte"
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await pilot.press("r", "down", "down", "s", "down", "r")  # A1 in report, A3 network, B1 in report
        await focus_folder(pilot)
        await pilot.press(*str(out), "enter")
        await pilot.pause()
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2026-03-10-aterkopplingsmote-natverkssammanfattning.md",
        "2026-03-10-aterkopplingsmote-protokoll.md",
        "2026-03-10-aterkopplingsmote-rapport-region-nordmark.md",
        "2026-03-10-aterkopplingsmote-rapport-region-soderas.md",
    ]
    network = (out / "2026-03-10-aterkopplingsmote-natverkssammanfattning.md").read_text(encoding="utf-8")
    assert "Skriv uppdrag för processledarna" in network
    for text in ("Tydlig uppföljning", "Hälsoläget-panelen", "evil.example"):
        assert text not in network
    assert "Hälsoläget-panelen med CNI" in (out / "2026-03-10-aterkopplingsmote-rapport-region-soderas.md").read_text(
        encoding="utf-8"
    )


async def test_the_boxes_choose_the_documents_and_html(db, clock, tmp_path):
    out = tmp_path / "val"
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        await pilot.press("tab", "tab", "space", "tab", "tab", "tab", "space")  # minutes off, HTML on
        assert screen.focused.id == "part-html"
        await focus_folder(pilot)
        await pilot.press(*str(out), "ctrl+s")
        await pilot.pause()
        shown = str(screen.query_one("#export-result").render())
        assert shown.startswith("Filerna 2026-03-10-aterkopplingsmote-…") and "rapport-region-nordmark.html" in shown
    names = sorted(p.name for p in out.iterdir())
    assert "2026-03-10-aterkopplingsmote-protokoll.md" not in names
    assert (
        "2026-03-10-aterkopplingsmote-rapport-region-nordmark.html" in names
        and "2026-03-10-aterkopplingsmote-natverkssammanfattning.html" in names
    )


async def test_a_relative_folder_is_written_under_the_working_directory_and_shown_in_full(
    db, clock, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        # The default folder: the user's documents folder, hfs-tui, the review (conftest points it into tmp_path).
        assert screen.query_one("#export-folder", Input).value.startswith(
            str(tmp_path / "Dokument" / "hfs-tui" / "kollegialt-")
        )
        folder = await focus_folder(pilot)
        await pilot.press(*"protokoll/mars", "enter")
        await pilot.pause()
        assert folder.value == str(tmp_path / "protokoll" / "mars")
        result = screen.query_one("#export-result")
        assert result.display and "natverkssammanfattning.md" in str(result.render())
        await pilot.press("2")  # another folder now: the line about the written files goes
        assert not result.display
    assert (tmp_path / "protokoll" / "mars" / "2026-03-10-aterkopplingsmote-natverkssammanfattning.md").is_file()


async def test_writing_into_a_file_says_so_in_one_line_and_keeps_the_typed_folder(db, clock, tmp_path):
    blocker = tmp_path / "en-fil"
    blocker.write_text("finns redan", encoding="utf-8")
    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        folder = await focus_folder(pilot)
        await pilot.press(*str(blocker), "escape", "w")
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "\n" not in errors[0].message
        assert str(blocker) in errors[0].message
        assert app.is_running and app.screen is screen
        assert folder.value == str(blocker)
        assert not screen.query_one("#export-result").display
    assert blocker.read_text(encoding="utf-8") == "finns redan"


async def test_m_changes_the_meeting_and_escape_goes_back(db, clock):
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        await pilot.press("m")
        assert screen.meeting.kind is MeetingKind.FOLLOW_UP
        assert screen.query_one(AgreementList).note_ids == []
        assert "# Protokoll från uppföljningsmöte – " in screen.query_one(DocumentPreview).source
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, MeetingScreen)


async def test_shift_w_writes_word_too_and_each_file_is_shown_as_new_replaced_or_left_over(db, clock, tmp_path):
    out = tmp_path / "word"
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        folder = await focus_folder(pilot)
        folder.value = str(out)
        await pilot.press("escape", "W")  # back to the agreement, then write with Word
        await pilot.pause()
        shown = str(screen.query_one("#export-result").render())
        assert shown.startswith("Filerna 2026-03-10-aterkopplingsmote-…\n✓ Nya: protokoll.md, protokoll.docx")
        assert "Ersatte" not in shown
        screen.query_one("#part-minutes").value = False  # the protokoll is then left from before
        await pilot.press("w")
        await pilot.pause()
        shown = str(screen.query_one("#export-result").render())
        assert "\nErsatte: rapport-region-nordmark.md, rapport-region-soderas.md" in shown
        left = shown.split("Kvar sedan tidigare: ", 1)[1]
        assert "protokoll.md" in left and "protokoll.docx" in left and "Nya" not in shown
    names = {p.name for p in out.iterdir()}
    assert {"2026-03-10-aterkopplingsmote-protokoll.docx", "2026-03-10-aterkopplingsmote-protokoll.md"} <= names


async def test_shift_h_writes_the_hand_over_package_and_5_previews_the_one_pager(db, clock, tmp_path):
    out = tmp_path / "steg2"
    async with app_for(db, clock).run_test(size=SIZE) as pilot:
        screen = await open_export(pilot)
        folder = await focus_folder(pilot)
        folder.value = str(out)
        await pilot.press("escape", "H", "5")
        await pilot.pause()
        assert "– i korthet" in screen.query_one(DocumentPreview).source
    assert sorted(p.name for p in out.iterdir()) == [
        "2026-03-10-aterkopplingsmote-overlamning-region-nordmark.md",
        "2026-03-10-aterkopplingsmote-overlamning-region-soderas.md",
    ]
