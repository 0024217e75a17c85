"""The `hfs-tui` command: what each subcommand prints, and that every failure is one line on stderr with exit 1."""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hfs_tui import cli
from hfs_tui.store import Store

REPO_ROOT = Path(__file__).resolve().parent.parent
ANSWERS_A = REPO_ROOT / "sample_data" / "region" / "answers-a.md"
ASSESSMENTS_OF_A = REPO_ROOT / "sample_data" / "region" / "assessments-of-a.md"


@pytest.fixture(autouse=True)
def no_real_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here may reach the user's real database: the data directory points into tmp_path."""
    monkeypatch.delenv(cli.DB_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("hfs-tui: ")
    return lines[0]


def new_review(capsys, db: str) -> str:
    code, out, err = run(
        capsys, "new", "--template", "region", "--party-a", "Region Nordmark", "--party-b", "Region Söderås", "--db", db
    )
    assert (code, err) == (0, "")
    return out.strip()


def test_new_prints_the_review_id(capsys, db):
    assert new_review(capsys, db) == "1"
    assert new_review(capsys, db) == "2"


def test_list_shows_the_new_review(capsys, db):
    review_id = new_review(capsys, db)
    code, out, err = run(capsys, "list", "--db", db)
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    fields = line.split("\t")
    assert fields[:4] == [
        review_id,
        "Kollegialt lärande: Region Nordmark och Region Söderås",
        "Region Nordmark – Region Söderås",
        "region",
    ]


def test_import_answers_prints_the_count(capsys, db):
    review_id = new_review(capsys, db)
    code, out, err = run(capsys, "import-answers", review_id, "a", str(ANSWERS_A), "--db", db)
    assert (code, err) == (0, "")
    assert out == "17 svar från Region Nordmark inlästa\n"


def test_import_assessments_by_party_name_prints_the_count(capsys, db):
    review_id = new_review(capsys, db)
    code, out, err = run(capsys, "import-assessments", review_id, "region nordmark", str(ASSESSMENTS_OF_A), "--db", db)
    assert (code, err) == (0, "")
    assert out.startswith("34 bedömningar av Region Nordmark (gjorda av Region Söderås)")


def test_import_of_a_bad_file_is_one_line_with_file_and_line_and_writes_nothing(capsys, db, tmp_path):
    review_id = new_review(capsys, db)
    bad = tmp_path / "svar.md"
    bad.write_text("## 1.\n\nEtt svar.\n\n## 42.\n\nFel fråga.\n", encoding="utf-8")
    line = assert_one_line_error(*run(capsys, "import-answers", review_id, "a", str(bad), "--db", db))
    assert f"{bad}:5: " in line
    store = Store.open(db)
    try:
        assert store.answers(int(review_id)) == {}
    finally:
        store.close()


def test_import_of_a_file_with_several_problems_names_them_all_in_one_line(capsys, db, tmp_path):
    review_id = new_review(capsys, db)
    bad = tmp_path / "svar.md"
    bad.write_text("## 1.\n\nEtt svar.\n\n## 42.\n\nFel.\n\n## 1.\n\nIgen.\n", encoding="utf-8")
    line = assert_one_line_error(*run(capsys, "import-answers", review_id, "a", str(bad), "--db", db))
    assert "2 fel" in line and "rad 5:" in line and "rad 9:" in line


def test_unknown_review_is_one_line(capsys, db):
    new_review(capsys, db)
    line = assert_one_line_error(*run(capsys, "import-answers", "99", "a", str(ANSWERS_A), "--db", db))
    assert "99" in line


def test_unknown_party_is_one_line(capsys, db):
    review_id = new_review(capsys, db)
    line = assert_one_line_error(*run(capsys, "answer-template", review_id, "--party", "c", "--db", db))
    assert "Region Nordmark" in line


def test_foreign_database_file_is_one_line(capsys, tmp_path):
    foreign = tmp_path / "annan.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    line = assert_one_line_error(*run(capsys, "list", "--db", str(foreign)))
    assert str(foreign) in line


def test_missing_import_file_is_one_line(capsys, db, tmp_path):
    review_id = new_review(capsys, db)
    assert_one_line_error(*run(capsys, "import-answers", review_id, "a", str(tmp_path / "saknas.md"), "--db", db))


def test_same_party_names_is_one_line(capsys, db):
    assert_one_line_error(*run(capsys, "new", "--template", "blank", "--party-a", "X", "--party-b", "X", "--db", db))


def test_import_sample_prints_an_id(capsys, db):
    code, out, err = run(capsys, "import-sample", "--db", db)
    assert (code, out, err) == (0, "1\n", "")
    code, out, err = run(capsys, "import-sample", "--sample", "vardcentral", "--db", db)
    assert (code, out, err) == (0, "2\n", "")


def test_answer_template_writes_markdown_that_imports_back(capsys, db, tmp_path):
    review_id = new_review(capsys, db)
    out_file = tmp_path / "mall-a.md"
    code, out, err = run(capsys, "answer-template", review_id, "--party", "a", "--out", str(out_file), "--db", db)
    assert (code, out, err) == (0, f"{out_file}\n", "")
    assert out_file.read_text(encoding="utf-8").startswith("# Svar från Region Nordmark\n")
    code, out, err = run(capsys, "import-answers", review_id, "a", str(out_file), "--db", db)
    assert (code, out, err) == (0, "0 svar från Region Nordmark inlästa\n", "")


def test_answer_template_goes_to_stdout_without_out(capsys, db):
    review_id = new_review(capsys, db)
    code, out, err = run(capsys, "answer-template", review_id, "--party", "b", "--db", db)
    assert (code, err) == (0, "")
    assert out.count("\n## ") == 17
    assert "## 17. Beskriv vilka utbildningsinsatser" in out


def subcommands() -> list[str]:
    parser = cli.build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


@pytest.mark.parametrize("command", [[]] + [[name] for name in subcommands()], ids=lambda c: c[0] if c else "hfs-tui")
def test_help_of_every_command_exits_0(capsys, command):
    with pytest.raises(SystemExit) as excinfo:
        cli.main([*command, "--help"])
    assert excinfo.value.code == 0
    assert "--db" in capsys.readouterr().out


def test_every_documented_subcommand_exists():
    documented = {"demo", "new", "import-answers", "import-assessments", "import-sample", "list", "answer-template"}
    assert documented <= set(subcommands())


def test_env_var_names_the_database_when_db_is_absent(capsys, monkeypatch, tmp_path):
    path = tmp_path / "från-miljön.db"
    monkeypatch.setenv(cli.DB_ENV, str(path))
    code, out, err = run(capsys, "new", "--template", "blank", "--party-a", "A", "--party-b", "B")
    assert (code, out, err) == (0, "1\n", "")
    assert path.exists()
    assert not cli.default_db_path().exists()


def test_db_option_wins_over_the_env_var(capsys, monkeypatch, tmp_path, db):
    monkeypatch.setenv(cli.DB_ENV, str(tmp_path / "env.db"))
    new_review(capsys, db)
    assert Path(db).exists() and not (tmp_path / "env.db").exists()


def test_default_database_lives_in_the_user_data_directory(tmp_path):
    assert cli.resolve_db(None) == tmp_path / "home" / ".local" / "share" / "hfs-tui" / "hfs-tui.db"


def test_demo_without_db_uses_its_own_file_never_the_default_or_env_one(monkeypatch, tmp_path):
    demo = cli.resolve_db(None, demo=True)
    assert demo != cli.resolve_db(None)
    assert demo.is_relative_to(tmp_path)
    monkeypatch.setenv(cli.DB_ENV, str(tmp_path / "riktig.db"))
    assert cli.resolve_db(None, demo=True) == demo
    assert cli.resolve_db("egen.db", demo=True) == Path("egen.db")


def test_db_option_before_the_subcommand_is_honoured(capsys, db):
    """argparse gotcha: a subcommand's own --db default must not overwrite the one given before it."""
    code, out, err = run(capsys, "--db", db, "new", "--template", "blank", "--party-a", "A", "--party-b", "B")
    assert (code, out, err) == (0, "1\n", "")
    assert Path(db).exists()
    assert not cli.default_db_path().exists()


# ------------------------------------------------------------------ hostile user text never reaches the terminal


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what no printed line may hold (tab and newline are fine)
OSC_TITLE = "\x1b]0;ägd\x07"  # retitles the terminal
OSC_CLIPBOARD = "\x1b]52;c;aGVq\x07"  # writes the clipboard
CSI_CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"
HOSTILE_TITLE = f"Granskning {OSC_TITLE}{OSC_CLIPBOARD}{CSI_CLEAR}{C1_CSI}"
HOSTILE_A = f"Region {OSC_TITLE}Nordmark"
HOSTILE_B = f"Region {C1_CSI}Söderås\x9d0;x\x9c"


@pytest.fixture
def hostile(capsys, db) -> str:
    store = Store.open(db)
    try:
        review = store.create_review("region", HOSTILE_A, HOSTILE_B, HOSTILE_TITLE)
    finally:
        store.close()
    return str(review.id)


def assert_safe(out: str, err: str) -> None:
    assert not CONTROL.search(out), repr(out[:300])
    assert not CONTROL.search(err), repr(err[:300])


def test_list_shows_a_hostile_title_and_party_names_as_visible_symbols(capsys, db, hostile):
    code, out, err = run(capsys, "list", "--db", db)
    assert (code, err) == (0, "")
    assert_safe(out, err)
    fields = out.rstrip("\n").split("\t")
    assert fields[1] == "Granskning ␛]0;ägd␇␛]52;c;aGVq␇␛[2J�31m"
    assert fields[2] == "Region ␛]0;ägd␇Nordmark – Region �31mSöderås�0;x�"


@pytest.mark.parametrize(
    "argv",
    [
        ["answer-template", "{id}", "--party", "a"],
        ["answer-template", "{id}", "--party", "c"],  # the unknown-party error lists the names
        ["answer-template", "{id}", "--party", "b", "--out", "{dir}/mall\x1b]0;x\x07.md"],
        ["answer-template", "{id}", "--party", "b", "--out", "{dir}/saknas\x1b[2J/mall.md"],
        ["answer-template", "{id}", "--party", "b", "--out", "{dir}"],
        ["import-answers", "{id}", "a", "{answers}"],
        ["import-answers", "{id}", "a", "{dir}/saknas\x1b]0;x\x07.md"],
        ["import-answers", "{id}", "b", "{bad}"],
        ["import-assessments", "{id}", "a", "{assessments}"],
        ["import-assessments", "{id}", "c", "{assessments}"],
        ["export", "{id}", "--out", "{dir}/ut\x1b]0;x\x07"],
        ["new", "--template", "blank", "--party-a", OSC_TITLE, "--party-b", C1_CSI, "--title", CSI_CLEAR],
        ["new", "--template", CSI_CLEAR, "--party-a", "A", "--party-b", "B"],  # argparse quotes the bad word
        ["list", "--db", "{dir}/saknas\x1b]0;x\x07.db"],
        ["import-sample"],
        ["config", "set", "export_dir", "ut\x1b]0;x\x07"],
        ["config"],
        ["config", "set", "theme", "neon\x1b[2J"],
        ["config", "unset", "export_dir"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_every_command_prints_no_control_character(capsys, db, hostile, tmp_path, monkeypatch, argv):
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "config" / "settings.toml"))
    bad = tmp_path / f"fel{OSC_TITLE}.md"
    bad.write_text("## 1.\n\nJa.\n\n## 99.\n\nNej.\n", encoding="utf-8")
    answers = tmp_path / f"svar{OSC_TITLE}.md"
    answers.write_bytes(ANSWERS_A.read_bytes())
    values = {
        "id": hostile,
        "dir": str(tmp_path),
        "answers": str(answers),
        "bad": str(bad),
        "assessments": str(ASSESSMENTS_OF_A),
    }
    words = [word.format(**values) for word in argv]
    if "--db" not in words:
        words += ["--db", db]
    try:
        code = cli.main(words)
    except SystemExit as exit:  # argparse's own error
        code = exit.code
    out, err = capsys.readouterr()
    assert out or err
    assert_safe(out, err)
    if code != 0:
        assert len(err.splitlines()) == 1 or err.startswith("användning:"), err


def test_a_hostile_title_in_a_real_process_prints_no_control_character(db, hostile, tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home"), "HFS_TUI_CONFIG": str(tmp_path / "s.toml")}
    for argv in (["list"], ["answer-template", hostile, "--party", "x"], ["answer-template", hostile, "--party", "a"]):
        result = subprocess.run(
            [sys.executable, "-m", "hfs_tui", *argv, "--db", db], capture_output=True, env=env, timeout=60, check=False
        )
        out, err = result.stdout.decode(), result.stderr.decode()
        assert_safe(out, err)
        assert "␛]0;ägd␇" in out + err


def test_answer_template_to_a_file_keeps_the_text_as_it_is(capsys, db, hostile, tmp_path):
    out_file = tmp_path / "mall.md"
    code, out, err = run(capsys, "answer-template", hostile, "--party", "a", "--out", str(out_file), "--db", db)
    assert (code, out, err) == (0, f"{out_file}\n", "")
    assert out_file.read_text(encoding="utf-8").startswith(f"# Svar från {HOSTILE_A}\n")


def test_answer_template_to_a_folder_names_the_folder_not_a_temporary_file(capsys, db, hostile, tmp_path):
    line = assert_one_line_error(
        *run(capsys, "answer-template", hostile, "--party", "a", "--out", str(tmp_path), "--db", db)
    )
    assert line == f"hfs-tui: {tmp_path}: är en mapp; ange ett filnamn"
    assert not list(tmp_path.glob(".*.tmp"))


def test_answer_template_into_a_missing_folder_names_the_file(capsys, db, hostile, tmp_path):
    target = tmp_path / "saknas" / "mall.md"
    line = assert_one_line_error(
        *run(capsys, "answer-template", hostile, "--party", "a", "--out", str(target), "--db", db)
    )
    assert line.startswith(f"hfs-tui: {target}: kunde inte skriva (")
    assert ".tmp" not in line


def test_list_of_an_empty_database_says_so_in_one_line(capsys, db):
    Store.open(db).close()
    code, out, err = run(capsys, "list", "--db", db)
    assert (code, out, err) == (0, f"inga granskningar i {db}\n", "")


@pytest.mark.parametrize(
    "argv",
    [["list"], ["export", "1"], ["answer-template", "1", "--party", "a"], ["import-answers", "1", "a", str(ANSWERS_A)]],
)
def test_a_read_only_command_refuses_a_missing_database_and_creates_nothing(capsys, tmp_path, argv):
    missing = tmp_path / "ny" / "mapp" / "hfs.db"
    line = assert_one_line_error(*run(capsys, *argv, "--db", str(missing)))
    assert line.startswith(f"hfs-tui: {missing}: databasen finns inte")
    assert not (tmp_path / "ny").exists()


def test_a_name_that_is_not_utf8_is_one_line_and_stores_nothing(capsys, db):
    line = assert_one_line_error(
        *run(capsys, "new", "--template", "blank", "--party-a", "A\udc9b", "--party-b", "B", "--db", db)
    )
    assert line.startswith("hfs-tui: party-a: ")
    assert not Path(db).exists()
