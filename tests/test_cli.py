"""The `hfs-tui` command: what each subcommand prints, and that every failure is one line on stderr with exit 1."""

from __future__ import annotations

import argparse
import sqlite3
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
