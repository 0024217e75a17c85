"""`hfs-tui export` and `export.export`: the files written, their names, and failures that keep earlier files."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from hfs_tui import export as export_module
from hfs_tui.cli import main
from hfs_tui.clock import FakeClock
from hfs_tui.export import ExportError, default_export_dir, export, load_record, parse_parts, slug
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store, StoreError

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
ALL = ["protokoll-aterkopplingsmote.md", "rapport-region-nordmark.md", "rapport-region-soderas.md",
       "natverkssammanfattning.md"]


@pytest.fixture
def db(tmp_path) -> tuple[Path, int]:
    """A database file with the sample review and two notes: one released to the network, one internal."""
    path = tmp_path / "hfs.db"
    store = Store.open(path, clock=FakeClock(NOW))
    review = load_sample(store, "region")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    nordmark, _ = store.parties(review.id)
    shared = store.add_note(meeting.id, nordmark.id, Category.STRENGTH, "Delad styrka")
    store.set_note_flags(shared.id, in_report=True, share=Share.NETWORK)
    internal = store.add_note(meeting.id, nordmark.id, Category.IMPROVEMENT, "Intern svaghet")
    store.set_note_flags(internal.id, in_report=True)
    store.close()
    return path, review.id


def run(capsys, db_path: Path, *argv: str) -> tuple[int, str, str]:
    """`--db` goes after the subcommand: `hfs-tui --db X export` currently ignores a `--db` given before it."""
    code = main([argv[0], "--db", str(db_path), *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_every_document_and_prints_the_paths(db, tmp_path, capsys):
    path, review_id = db
    out_dir = tmp_path / "ut" / "nested"
    code, out, err = run(capsys, path, "export", str(review_id), "--out", str(out_dir))
    assert (code, err) == (0, "")
    assert out.splitlines() == [str(out_dir / name) for name in ALL]
    summary = (out_dir / "natverkssammanfattning.md").read_text(encoding="utf-8")
    assert "Delad styrka" in summary and "Intern svaghet" not in summary
    assert "Intern svaghet" in (out_dir / "rapport-region-nordmark.md").read_text(encoding="utf-8")


def test_cli_finds_the_review_by_title_and_writes_html_too(db, tmp_path, capsys):
    path, _ = db
    title = "Kollegialt lärande mellan Region Nordmark och Region Söderås 2026"
    code, out, _ = run(capsys, path, "export", title, "--out", str(tmp_path / "x"),
                       "--what", "protokoll,natverk", "--html")
    assert code == 0
    names = [Path(line).name for line in out.splitlines()]
    assert names == ["protokoll-aterkopplingsmote.md", "protokoll-aterkopplingsmote.html",
                     "natverkssammanfattning.md", "natverkssammanfattning.html"]
    page = (tmp_path / "x" / "natverkssammanfattning.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and "Delad styrka" in page


def test_cli_default_folder_is_dated_and_named_after_the_review(db, tmp_path, capsys, monkeypatch):
    path, review_id = db
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, path, "export", str(review_id), "--what", "minutes")
    folder = f"{date.today().isoformat()}-kollegialt-larande-mellan-region-nordmark-och-region-soderas-2026"
    assert code == 0
    assert out.splitlines() == [str(Path("hfs-export") / folder / "protokoll-aterkopplingsmote.md")]
    assert (tmp_path / "hfs-export" / folder / "protokoll-aterkopplingsmote.md").is_file()


def test_cli_exports_another_meeting_by_id(db, tmp_path, capsys):
    path, review_id = db
    store = Store.open(path)
    intro = store.meeting_of_kind(review_id, MeetingKind.INTRO)
    store.close()
    code, out, _ = run(capsys, path, "export", str(review_id), "--meeting", str(intro.id),
                       "--what", "minutes", "--out", str(tmp_path / "x"))
    assert code == 0 and Path(out.strip()).name == "protokoll-inledande-mote.md"
    assert Path(out.strip()).read_text(encoding="utf-8").startswith("# Protokoll: Inledande möte\n")


@pytest.mark.parametrize("argv", [["export", "99"], ["export", "Ingen sådan"], ["export", "1", "--meeting", "999"],
                                  ["export", "1", "--what", "allt"], ["export", "1", "--what", ","]])
def test_cli_errors_are_one_line_and_exit_1(db, tmp_path, capsys, argv):
    path, _ = db
    code, out, err = run(capsys, path, *argv, "--out", str(tmp_path / "x"))
    assert (code, out) == (1, "")
    assert err.startswith("hfs-tui: ") and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_meeting_of_another_review_is_refused(db):
    path, review_id = db
    store = Store.open(path)
    other = store.create_review("blank", "A", "B")
    with pytest.raises(StoreError, match="hör inte till"):
        load_record(store, review_id, meeting_id=store.meetings(other.id)[0].id)
    store.close()


def test_out_path_that_is_a_file_fails_in_one_line(db, tmp_path, capsys):
    path, review_id = db
    blocker = tmp_path / "fil.txt"
    blocker.write_text("x")
    code, _, err = run(capsys, path, "export", str(review_id), "--out", str(blocker))
    assert code == 1 and "inte en mapp" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "target, code, reason",
    [
        ("os.replace", errno.ENOSPC, "disken är full"),  # the disk fills up while writing
        ("tempfile.mkstemp", errno.EACCES, "åtkomst nekas"),  # a read-only folder, even when running as root
        ("tempfile.mkstemp", errno.EROFS, "skrivskyddat filsystem"),
    ],
)
def test_failed_write_keeps_the_earlier_file_and_leaves_no_temporary(db, tmp_path, monkeypatch, target, code, reason):
    path, review_id = db
    store = Store.open(path, clock=FakeClock(NOW))
    out_dir = tmp_path / "ut"
    export(store, review_id, out_dir, what=("minutes",), now=NOW)
    before = (out_dir / ALL[0]).read_text(encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(target, fail)
    with pytest.raises(ExportError) as caught:
        export(store, review_id, out_dir, what=("minutes",), now=datetime(2026, 3, 11, tzinfo=timezone.utc))
    store.close()
    message = str(caught.value)
    assert "\n" not in message and reason in message and "orörd" in message
    assert (out_dir / ALL[0]).read_text(encoding="utf-8") == before
    assert sorted(p.name for p in out_dir.iterdir()) == [ALL[0]]


def test_target_that_is_a_folder_fails_and_the_cli_says_so_in_one_line(db, tmp_path, capsys):
    path, review_id = db
    (tmp_path / "ut" / ALL[0]).mkdir(parents=True)
    code, out, err = run(capsys, path, "export", str(review_id), "--out", str(tmp_path / "ut"))
    assert (code, out) == (1, "")
    assert "det finns en mapp med det namnet" in err and err.count("\n") == 1
    assert [p.name for p in (tmp_path / "ut").iterdir()] == [ALL[0]]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_read_only_folder_keeps_the_old_file(db, tmp_path):
    path, review_id = db
    store = Store.open(path)
    out_dir = tmp_path / "ut"
    export(store, review_id, out_dir, now=NOW)
    before = {p.name: p.read_text(encoding="utf-8") for p in out_dir.iterdir()}
    os.chmod(out_dir, 0o500)
    try:
        with pytest.raises(ExportError, match="åtkomst nekas"):
            export(store, review_id, out_dir, now=datetime(2026, 3, 11, tzinfo=timezone.utc))
    finally:
        os.chmod(out_dir, 0o700)
        store.close()
    assert {p.name: p.read_text(encoding="utf-8") for p in out_dir.iterdir()} == before


def test_two_parties_whose_names_fold_to_one_slug_get_separate_reports(tmp_path):
    store = Store.memory(clock=FakeClock(NOW))
    review = store.create_review("blank", "Vårdcentral Å", "Vårdcentral A")
    written = export(store, review.id, tmp_path, what=("reports",), now=NOW)
    assert [p.name for p in written] == ["rapport-vardcentral-a-a.md", "rapport-vardcentral-a-b.md"]


def test_slugs_and_parts():
    assert slug("Region Söderås") == "region-soderas"
    assert slug("Vårdcentralen Ekudden: ÅÄÖ åäö!") == "vardcentralen-ekudden-aao-aao"
    assert slug("Återkopplingsmöte") == "aterkopplingsmote"
    assert parse_parts("network, MINUTES") == ("minutes", "network")
    with pytest.raises(ExportError):
        parse_parts("protokoll,inget")
    review = load_sample(Store.memory(), "vardcentral")
    assert default_export_dir(review, date(2026, 3, 10)).parts[0] == "hfs-export"
    assert default_export_dir(review, date(2026, 3, 10)).name.startswith("2026-03-10-")


def test_export_module_does_not_import_textual():
    import subprocess
    import sys

    code = "import hfs_tui.export, hfs_tui.minutes, sys; assert 'textual' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
    assert export_module.PARTS == ("minutes", "reports", "network")
