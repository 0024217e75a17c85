"""`hfs-tui export` and `export.export`: the files written, their names, and failures that keep earlier files."""

from __future__ import annotations

import errno
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hfs_tui import export as export_module
from hfs_tui.cli import main
from hfs_tui.clock import FakeClock
from hfs_tui.export import (
    ExportError,
    default_export_dir,
    export,
    load_record,
    parse_parts,
    slug,
)
from hfs_tui.i18n import set_language
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.sample import load_sample
from hfs_tui.store import Store, StoreError

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
FEEDBACK = "2026-03-10-aterkopplingsmote"
ALL = [
    f"{FEEDBACK}-protokoll.md",
    f"{FEEDBACK}-rapport-region-nordmark.md",
    f"{FEEDBACK}-rapport-region-soderas.md",
    f"{FEEDBACK}-natverkssammanfattning.md",
]


@pytest.fixture(autouse=True)
def swedish_after_each_test():
    """`--lang en` sets the UI language for the process: put Swedish back after each test."""
    yield
    set_language("sv")


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
    assert out.splitlines() == [f"ny: {out_dir / name}" for name in ALL]
    summary = (out_dir / ALL[3]).read_text(encoding="utf-8")
    assert "Delad styrka" in summary and "Intern svaghet" not in summary
    assert "Intern svaghet" in (out_dir / ALL[1]).read_text(encoding="utf-8")
    code, out, err = run(capsys, path, "export", str(review_id), "--out", str(out_dir))
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"ersatte: {out_dir / name}" for name in ALL]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(ALL)


def test_cli_finds_the_review_by_title_and_writes_html_too(db, tmp_path, capsys):
    path, _ = db
    title = "Kollegialt lärande mellan Region Nordmark och Region Söderås 2026"
    code, out, _ = run(
        capsys, path, "export", title, "--out", str(tmp_path / "x"), "--what", "protokoll,natverk", "--html"
    )
    assert code == 0
    names = [Path(line).name for line in out.splitlines()]
    assert names == [
        f"{FEEDBACK}-protokoll.md",
        f"{FEEDBACK}-protokoll.html",
        f"{FEEDBACK}-natverkssammanfattning.md",
        f"{FEEDBACK}-natverkssammanfattning.html",
    ]
    page = (tmp_path / "x" / f"{FEEDBACK}-natverkssammanfattning.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and "Delad styrka" in page


def test_cli_default_folder_is_in_the_documents_folder_named_after_the_review(db, tmp_path, capsys, monkeypatch):
    path, review_id = db
    monkeypatch.chdir(tmp_path)
    documents = tmp_path / "Dokument"
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    code, out, _ = run(capsys, path, "export", str(review_id), "--what", "minutes")
    folder = documents / "hfs-tui" / "kollegialt-larande-mellan-region-nordmark-och-region-soderas-2026"
    assert code == 0
    assert out.splitlines() == [f"ny: {folder / ALL[0]}"]
    assert (folder / ALL[0]).is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["Dokument", "hfs.db"]


def test_cli_exports_another_meeting_by_id(db, tmp_path, capsys):
    path, review_id = db
    store = Store.open(path)
    intro = store.meeting_of_kind(review_id, MeetingKind.INTRO)
    store.close()
    code, out, _ = run(
        capsys,
        path,
        "export",
        str(review_id),
        "--meeting",
        str(intro.id),
        "--what",
        "minutes",
        "--out",
        str(tmp_path / "x"),
    )
    written = Path(out.strip().removeprefix("ny: "))
    assert code == 0 and written.name == "utan-datum-inledande-mote-protokoll.md"
    assert written.read_text(encoding="utf-8").startswith("# Protokoll")


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "99"],
        ["export", "Ingen sådan"],
        ["export", "1", "--meeting", "999"],
        ["export", "1", "--meeting", "nästa"],
        ["export", "1", "--what", "allt"],
        ["export", "1", "--what", ","],
    ],
)
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
        export(store, review_id, out_dir, what=("minutes",), now=datetime(2026, 3, 11, tzinfo=UTC))
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
            export(store, review_id, out_dir, now=datetime(2026, 3, 11, tzinfo=UTC))
    finally:
        os.chmod(out_dir, 0o700)
        store.close()
    assert {p.name: p.read_text(encoding="utf-8") for p in out_dir.iterdir()} == before


def test_two_parties_whose_names_fold_to_one_slug_get_separate_reports(tmp_path):
    store = Store.memory(clock=FakeClock(NOW))
    review = store.create_review("blank", "Vårdcentral Å", "Vårdcentral A")
    written = export(store, review.id, tmp_path, what=("reports",), now=NOW)
    assert [p.name for p in written] == [
        "utan-datum-aterkopplingsmote-rapport-vardcentral-a-a.md",
        "utan-datum-aterkopplingsmote-rapport-vardcentral-a-b.md",
    ]


def test_slugs_and_parts():
    assert slug("Region Söderås") == "region-soderas"
    assert slug("Vårdcentralen Ekudden: ÅÄÖ åäö!") == "vardcentralen-ekudden-aao-aao"
    assert slug("Återkopplingsmöte") == "aterkopplingsmote"
    assert parse_parts("network, MINUTES") == ("minutes", "network")
    with pytest.raises(ExportError):
        parse_parts("protokoll,inget")
    review = load_sample(Store.memory(), "vardcentral")
    assert default_export_dir(review, root="~/ut") == Path("~/ut").expanduser() / slug(review.title)


def test_export_module_does_not_import_textual():
    import subprocess
    import sys

    code = "import hfs_tui.export, hfs_tui.minutes, sys; assert 'textual' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
    assert export_module.PARTS == ("minutes", "reports", "network")


# ------------------------------------------------------------------ step 3: names, replacing, all or nothing


def test_three_meetings_in_one_folder_leave_nine_distinct_files(db, tmp_path, capsys):
    path, review_id = db
    out_dir = tmp_path / "ut"
    printed = []
    for kind in ("intro", "feedback", "follow-up"):
        code, out, err = run(capsys, path, "export", str(review_id), "--meeting", kind, "--out", str(out_dir))
        assert (code, err) == (0, "")
        printed += out.splitlines()
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == 9 and len(set(names)) == 9
    assert all(line.startswith("ny: ") for line in printed) and len(printed) == 9
    assert [n for n in names if "inledande-mote" in n] == ["utan-datum-inledande-mote-protokoll.md"]
    assert sum("uppfoljningsmote" in n for n in names) == 4 and sum(n.startswith(FEEDBACK) for n in names) == 4


def test_exporting_a_meeting_again_replaces_only_its_own_files(db, tmp_path):
    path, review_id = db
    store = Store.open(path, clock=FakeClock(NOW))
    out_dir = tmp_path / "ut"
    follow_up = export(store, review_id, out_dir, meeting_kind=MeetingKind.FOLLOW_UP, now=NOW)
    before = {p: p.read_bytes() for p in follow_up}
    first = export(store, review_id, out_dir, now=NOW)
    again = export(store, review_id, out_dir, now=datetime(2026, 3, 11, tzinfo=UTC))
    store.close()
    assert first.new == tuple(first) and first.replaced == ()
    assert again.replaced == tuple(again) and again.new == () and [p.name for p in again] == ALL
    assert {p: p.read_bytes() for p in follow_up} == before  # the follow-up's files are untouched


def test_a_failing_file_leaves_every_earlier_file_of_the_export_untouched(db, tmp_path, monkeypatch):
    path, review_id = db
    store = Store.open(path, clock=FakeClock(NOW))
    out_dir = tmp_path / "ut"
    export(store, review_id, out_dir, now=NOW)
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    note = store.add_note(meeting.id, store.parties(review_id)[0].id, Category.STRENGTH, "Ny styrka efteråt")
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    real_replace = os.replace

    def replace_failing_on_the_third(src, dst):
        if Path(dst).name == ALL[2]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst)

    monkeypatch.setattr("os.replace", replace_failing_on_the_third)
    with pytest.raises(ExportError, match="disken är full"):
        export(store, review_id, out_dir, now=datetime(2026, 3, 11, tzinfo=UTC))
    store.close()
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before  # the two renamed ones were put back


def test_stale_temporary_files_of_ours_are_removed_at_the_next_export(db, tmp_path):
    path, review_id = db
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    stale = out_dir / ".hfs-tui-export-999999999-abc-x.md.tmp"  # a process id that does not run
    stale.write_text("half")
    someone_elses = out_dir / ".annat-program.tmp"
    someone_elses.write_text("keep")
    store = Store.open(path, clock=FakeClock(NOW))
    export(store, review_id, out_dir, what=("minutes",), now=NOW)
    store.close()
    assert not stale.exists() and someone_elses.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == [".annat-program.tmp", ALL[0]]


def test_a_document_this_export_does_not_write_is_reported_as_left_from_before(db, tmp_path, capsys):
    path, review_id = db
    out_dir = tmp_path / "ut"
    run(capsys, path, "export", str(review_id), "--out", str(out_dir))
    code, out, _ = run(capsys, path, "export", str(review_id), "--out", str(out_dir), "--what", "minutes,reports")
    assert code == 0
    assert out.splitlines()[-1] == f"kvar sedan tidigare (inte skrivna nu): {ALL[3]}"
    assert (out_dir / ALL[3]).is_file()


def test_english_file_names_and_word_files_beside_the_markdown(db, tmp_path, capsys):
    path, review_id = db
    out_dir = tmp_path / "ut"
    code, out, err = run(capsys, path, "export", str(review_id), "--out", str(out_dir), "--docx", "--lang", "en")
    assert (code, err) == (0, "")
    names = [Path(line.removeprefix("new: ")).name for line in out.splitlines()]
    stem = "2026-03-10-feedback-meeting"
    assert names == [
        f"{stem}-minutes.md",
        f"{stem}-minutes.docx",
        f"{stem}-report-region-nordmark.md",
        f"{stem}-report-region-nordmark.docx",
        f"{stem}-report-region-soderas.md",
        f"{stem}-report-region-soderas.docx",
        f"{stem}-network-summary.md",
        f"{stem}-network-summary.docx",
    ]
    import docx

    minutes = docx.Document(str(out_dir / f"{stem}-minutes.docx"))
    assert (
        minutes.paragraphs[0].text == "Minutes of the feedback meeting – Region Nordmark and Region Söderås"
        and minutes.core_properties.language == "en-GB"
    )


def test_intro_meeting_exports_its_protokoll_only(db, tmp_path):
    path, review_id = db
    store = Store.open(path, clock=FakeClock(NOW))
    written = export(store, review_id, tmp_path / "ut", meeting_kind=MeetingKind.INTRO, html=True, now=NOW)
    store.close()
    assert [p.name for p in written] == [
        "utan-datum-inledande-mote-protokoll.md",
        "utan-datum-inledande-mote-protokoll.html",
    ]


def test_invisible_characters_in_user_text_never_reach_an_exported_file(tmp_path):
    store = Store.memory(clock=FakeClock(NOW))
    review = store.create_review("blank", "Vårdcentral \u202eÅ", "Vårdcentral\u200b B")
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    party = store.parties(review.id)[0]
    note = store.add_note(meeting.id, party.id, Category.STRENGTH, "bra\u2066 arbete\ufeff \u202dsom\u200f")
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    written = export(store, review.id, tmp_path, html=True, docx=True, now=NOW)
    import zipfile

    for path in written:
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
        else:
            text = path.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]", text), path.name
        assert "⟨U+202E⟩" in text, path.name


def test_cli_writes_the_one_pager_its_slides_and_the_hand_over_package_in_markdown_and_word(db, tmp_path, capsys):
    path, review_id = db
    assert parse_parts("en-sida, överlämning, bildspel") == ("onepager", "handover")
    code, out, err = run(
        capsys, path, "export", str(review_id), "--what", "onepager,handover", "--docx", "--out", str(tmp_path)
    )
    assert (code, err) == (0, "")
    names = [line.rsplit("/", 1)[1] for line in out.splitlines() if line.startswith("ny: ")]
    stems = ("en-sida", "overlamning-region-nordmark", "overlamning-region-soderas")
    assert sorted(names) == sorted(
        [f"{FEEDBACK}-bildspel.md"] + [f"{FEEDBACK}-{stem}{suffix}" for stem in stems for suffix in (".md", ".docx")]
    )
    deck = (tmp_path / f"{FEEDBACK}-bildspel.md").read_text(encoding="utf-8")
    assert deck.startswith("---\nmarp: true\n") and "\n---\n\n## Styrkor\n" in deck and "Delad styrka" in deck
    one_pager = (tmp_path / f"{FEEDBACK}-en-sida.md").read_text(encoding="utf-8")
    assert "Delad styrka" in one_pager and "Intern svaghet" not in one_pager
    handover = (tmp_path / f"{FEEDBACK}-overlamning-region-nordmark.md").read_text(encoding="utf-8")
    assert "## Svar" in handover and "Delad styrka" not in handover and "Intern svaghet" not in handover


def test_a_document_that_fails_while_it_is_written_leaves_no_file_and_the_earlier_ones_intact(tmp_path):
    from hfs_tui.documents.writing import TEMP_PREFIX, write_all

    (tmp_path / "a.md").write_bytes(b"old a")

    def pieces():
        yield b"half of b "
        raise RuntimeError("rendering failed")

    files = iter([("a.md", iter([b"new ", b"a"])), ("b.md", pieces())])
    with pytest.raises(RuntimeError):
        write_all(tmp_path, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no b.md, no temporary file
    assert (tmp_path / "a.md").read_bytes() == b"old a"
    written = write_all(tmp_path, iter([("a.md", iter([b"new ", b"a"])), ("b.md", b"b")]))
    assert (tmp_path / "a.md").read_bytes() == b"new a" and written.targets == (tmp_path / "a.md", tmp_path / "b.md")
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def test_the_documents_read_the_same_notes_as_the_store_gives(db):
    path, review_id = db
    store = Store.open(path)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    store.delete_note(store.notes(meeting.id)[0].id)
    assert store.meeting_notes(meeting.id) == store.notes(meeting.id) and len(store.notes(meeting.id)) == 1
    store.close()
