"""What the CLI loads before it does anything, `python -m hfs_tui`, and the crash report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hfs_tui import cli, errors
from hfs_tui.store import Store

REPO_ROOT = Path(__file__).resolve().parent.parent
ANSWERS_A = REPO_ROOT / "sample_data" / "region" / "answers-a.md"
ASSESSMENTS_OF_A = REPO_ROOT / "sample_data" / "region" / "assessments-of-a.md"
HEAVY = ("textual", "sqlite_utils", "markdown_it")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "HFS_TUI_CONFIG": str(tmp_path / "settings.toml"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }


def loaded_modules(argv: list[str], env: dict[str, str], tmp_path: Path) -> set[str]:
    """Run `cli.main(argv)` in a fresh interpreter and return the top-level packages it imported."""
    report = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from hfs_tui import cli\n"
        "try:\n"
        f"    code = cli.main({argv!r})\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        f"open({str(report)!r}, 'w').write(json.dumps([code, sorted(sys.modules)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    exit_code, modules = json.loads(report.read_text())
    assert exit_code == 0, (argv, result.stdout, result.stderr)
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["list", "--help"], ["config"]])
def test_version_help_and_config_load_neither_textual_nor_the_store_nor_markdown(argv, env, tmp_path):
    loaded = loaded_modules(argv, env, tmp_path)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "hfs.db"
    store = Store.open(path)
    store.create_review("region", "Region Nordmark", "Region Söderås")
    store.close()
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["new", "--template", "blank", "--party-a", "A", "--party-b", "B"],
        ["import-sample"],
        ["import-answers", "1", "a", str(ANSWERS_A)],
        ["import-assessments", "1", "a", str(ASSESSMENTS_OF_A)],
        ["answer-template", "1", "--party", "a"],
        ["export", "1", "--out", "{tmp}/ut"],
        ["config", "set", "theme", "hfs-contrast-dark"],
    ],
    ids=lambda argv: " ".join(argv[:3]),
)
def test_commands_that_do_not_open_the_app_never_import_textual(argv, env, tmp_path, db):
    words = [word.format(tmp=tmp_path) for word in argv] + ([] if argv[0] == "config" else ["--db", db])
    loaded = loaded_modules(words, env, tmp_path)
    assert "textual" not in loaded
    if argv[0] != "config":
        assert "sqlite_utils" in loaded  # the check sees what a handler imports


def test_the_theme_list_matches_textual_and_ours():
    from hfs_tui.screens.themes import THEMES
    from textual.theme import BUILTIN_THEMES

    from hfs_tui.cli_config import theme_names

    assert sorted(theme_names()) == sorted([*(theme.name for theme in THEMES), *BUILTIN_THEMES])


def test_python_dash_m_hfs_tui_runs_the_command(env):
    result = subprocess.run(
        [sys.executable, "-m", "hfs_tui", "--version"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "hfs-tui 0.1.0\n", "")


def test_python_dash_m_hfs_tui_passes_the_exit_code(env, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "hfs_tui", "list", "--db", str(tmp_path / "saknas.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("hfs-tui: ") and len(result.stderr.splitlines()) == 1


# ------------------------------------------------------------------ crash report


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "state" / "hfs-tui" / "crash"


def failing(error: BaseException):
    def handler(args):
        raise error

    return handler


def test_an_unexpected_error_writes_a_crash_report_and_says_where_in_one_line(capsys, monkeypatch, state, db):
    monkeypatch.setattr(cli, "cmd_list", failing(ValueError("oväntat \x1b]0;x\x07")))
    code = cli.main(["list", "--db", db])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    (report,) = state.glob("crash-*.txt")
    assert err == f"hfs-tui: ett oväntat fel (ValueError); en felrapport finns i {report}\n"
    text = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "ValueError: oväntat \x1b]0;x\x07" in text  # the file holds the error as it was
    assert "['list', '--db'" in text


def test_a_user_error_stays_one_plain_line_without_a_report(capsys, monkeypatch, state, db):
    monkeypatch.setattr(cli, "cmd_list", failing(errors.ExportError("något gick inte")))
    code = cli.main(["list", "--db", db])
    assert (code, capsys.readouterr().err) == (1, "hfs-tui: något gick inte\n")
    assert not state.exists()


def test_ctrl_c_exits_130_quietly(capsys, monkeypatch, state, db):
    monkeypatch.setattr(cli, "cmd_list", failing(KeyboardInterrupt()))
    assert cli.main(["list", "--db", db]) == 130
    assert capsys.readouterr() == ("", "")
    assert not state.exists()


def test_a_crash_report_that_cannot_be_saved_prints_the_traceback_safely(capsys, monkeypatch, tmp_path, db):
    blocker = tmp_path / "state-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.setattr(cli, "cmd_list", failing(RuntimeError("trasig \x1b[2J")))
    assert cli.main(["list", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hfs-tui: ett oväntat fel (RuntimeError); felrapporten kunde inte sparas (")
    assert "RuntimeError: trasig ␛[2J" in err and "\x1b" not in err
