"""The settings file and `hfs-tui config`: TOML that reads back exactly, one-line errors, options that win."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hfs_tui import cli, i18n
from hfs_tui import settings as user_settings
from hfs_tui.settings import Settings, SettingsError
from hfs_tui.store import Store


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every test has its own settings file, data directory and no $HFS_TUI_DB; the language is reset after."""
    monkeypatch.setenv(user_settings.CONFIG_ENV, str(tmp_path / "config" / "settings.toml"))
    monkeypatch.delenv(cli.DB_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    yield
    i18n.set_language("sv")


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ the file


def test_a_missing_file_means_every_default(config_file):
    assert not config_file.exists()
    assert user_settings.load() == Settings()


def test_the_default_file_lives_in_the_user_config_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(user_settings.CONFIG_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert user_settings.settings_path() == tmp_path / "xdg" / "hfs-tui" / "settings.toml"


TRICKY = [
    "C:\\Users\\Åsa\\Protokoll",
    'a "quoted" name',
    "line one\nline two\r\n\ttabbed",
    "bell \x07 escape \x1b[31m nul-free \x7f end",
    "\\\\server\\share\\",
    "''' \"\"\" # not a comment",
    "emoji 🙂 and ö",
]


@pytest.mark.parametrize("text", TRICKY)
def test_strings_written_by_hand_read_back_exactly(config_file, text):
    user_settings.save(Settings(export_dir=text, database=text))
    assert user_settings.load() == Settings(export_dir=text, database=text)
    assert tomllib.loads(config_file.read_text(encoding="utf-8"))["export_dir"] == text


def test_only_set_values_are_written(config_file):
    user_settings.save(Settings(language="en", bell=False))
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {"language": "en", "bell": False}


def test_remember_changes_one_value_and_keeps_the_others():
    user_settings.save(Settings(language="en", export_dir="~/ut"))
    user_settings.remember("theme", "hfs-contrast-light")
    assert user_settings.load() == Settings(language="en", theme="hfs-contrast-light", export_dir="~/ut")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("language = 'fr'\n", "language"),
        ("bell = 'ja'\n", "bell"),
        ("theme = ''\n", "theme"),
        ("colour = 'red'\n", "colour"),
        ("language = \n", "settings.toml"),
    ],
)
def test_a_bad_file_is_a_one_line_error_naming_the_file(config_file, content, expected):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        user_settings.load()
    message = str(raised.value)
    assert str(config_file) in message and expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("word", "value"), [("ja", True), ("true", True), ("on", True), ("nej", False), ("off", False), ("0", False)]
)
def test_bell_accepts_swedish_and_english_words(word, value):
    assert user_settings.set_value(Settings(), "bell", word).bell is value


def test_an_unknown_key_cannot_be_set():
    with pytest.raises(SettingsError, match="colour"):
        user_settings.set_value(Settings(), "colour", "red")


# ------------------------------------------------------------- hfs-tui config


def test_config_shows_where_the_file_is_and_the_defaults(capsys, config_file):
    code, out, err = run(capsys, "config")
    assert (code, err) == (0, "")
    assert str(config_file) in out.splitlines()[0]
    assert "language = standard: sv" in out
    assert "theme = standard: textual-dark" in out


def test_config_set_writes_the_file_and_config_shows_it(capsys, config_file):
    assert run(capsys, "config", "set", "theme", "hfs-contrast-dark")[0] == 0
    assert run(capsys, "config", "set", "bell", "nej")[0] == 0
    code, out, _ = run(capsys, "config")
    assert 'theme = "hfs-contrast-dark"' in out and "bell = false" in out
    assert user_settings.load(config_file) == Settings(theme="hfs-contrast-dark", bell=False)


def test_config_unset_goes_back_to_the_default(capsys):
    run(capsys, "config", "set", "language", "en")
    code, out, _ = run(capsys, "config", "unset", "language")
    assert code == 0
    assert user_settings.load().language is None


def test_config_refuses_an_unknown_theme_with_one_line(capsys, config_file):
    code, out, err = run(capsys, "config", "set", "theme", "neon")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "neon" in err and "hfs-contrast-light" in err
    assert not config_file.exists()


def test_config_still_shows_the_path_of_a_broken_file(capsys, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text("language = [\n", encoding="utf-8")
    code, out, err = run(capsys, "config")
    assert code == 1
    assert str(config_file) in out and str(config_file) in err


def test_a_broken_file_stops_other_commands_with_one_line(capsys, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text("bell = 'kanske'\n", encoding="utf-8")
    code, out, err = run(capsys, "list")
    assert code == 1 and out == "" and len(err.splitlines()) == 1


# ------------------------------------------------------- options win over it


@pytest.fixture
def started(monkeypatch):
    """Replaces the app with a recorder: what `make_app` was given, without opening a terminal."""
    calls: list[dict] = []

    class Recorder:
        return_code = 0

        def run(self) -> None:
            pass

    def fake_make_app(store, review_id=None, **kwargs):
        store.close()  # the CLI hands over the store it opened (one open per start)
        calls.append({"path": Path(store.path), "review_id": review_id, "language": i18n.language(), **kwargs})
        return Recorder()

    monkeypatch.setattr("hfs_tui.app.make_app", fake_make_app)
    return calls


def test_settings_give_language_theme_bell_and_database(capsys, started, tmp_path):
    db = tmp_path / "settings.db"
    user_settings.save(Settings(language="en", theme="hfs-contrast-light", bell=False, database=str(db)))
    assert run(capsys)[0] == 0
    (call,) = started
    assert call["path"] == db
    assert call["language"] == "en"
    assert call["settings"].theme == "hfs-contrast-light"
    assert call["bell"] is False


def test_options_win_over_the_settings(capsys, started, tmp_path):
    user_settings.save(Settings(language="en", theme="hfs-contrast-light", database=str(tmp_path / "settings.db")))
    db = tmp_path / "option.db"
    assert run(capsys, "--lang", "sv", "--theme", "hfs-contrast-dark", "--no-bell", "--db", str(db))[0] == 0
    (call,) = started
    assert (call["path"], call["language"], call["settings"].theme, call["bell"]) == (
        db,
        "sv",
        "hfs-contrast-dark",
        False,
    )


def test_the_env_var_wins_over_the_settings_database(capsys, started, monkeypatch, tmp_path):
    user_settings.save(Settings(database=str(tmp_path / "settings.db")))
    monkeypatch.setenv(cli.DB_ENV, str(tmp_path / "env.db"))
    run(capsys)
    assert started[0]["path"] == tmp_path / "env.db"


def test_without_anything_the_database_is_in_the_user_data_directory(capsys, started):
    run(capsys)
    assert started[0]["path"] == cli.default_db_path()


def test_the_demo_never_uses_the_settings_database(capsys, started, tmp_path):
    user_settings.save(Settings(database=str(tmp_path / "real.db")))
    assert run(capsys, "demo")[0] == 0
    assert started[0]["path"] == cli.demo_db_path()
    assert not (tmp_path / "real.db").exists()


def test_the_app_remembers_themes_in_the_settings_file(capsys, started, config_file):
    run(capsys)
    assert started[0]["settings_file"] == config_file


def test_an_unknown_theme_option_is_one_line_and_starts_nothing(capsys, started, tmp_path):
    code, out, err = run(capsys, "--theme", "neon", "--db", str(tmp_path / "x.db"))
    assert code == 1 and len(err.splitlines()) == 1 and "neon" in err
    assert started == []


def test_lang_after_the_subcommand_works_too(capsys, tmp_path):
    code, out, err = run(capsys, "config", "--lang", "en")
    assert code == 0 and out.startswith("Settings file:")


def test_export_goes_under_the_export_dir_setting(capsys, tmp_path, monkeypatch):
    db = tmp_path / "e.db"
    store = Store.open(db)
    review = store.create_review("region", "Region Nordmark", "Region Söderås")
    store.close()
    user_settings.save(Settings(export_dir=str(tmp_path / "protokoll")))
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", str(review.id), "--db", str(db), "--what", "minutes")
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    assert line.startswith("ny: ")  # a new file (the export says which files it replaced)
    written = Path(line.removeprefix("ny: "))
    assert written.parent.parent == tmp_path / "protokoll"  # <export_dir>/<review-slug>/<file>


# ------------------------------------------------------------------ the user's comments and layout


COMMENTED = """\
# Mina inställningar för hfs-tui
# (delas med kollegan på enheten)

language = "sv"   # svenska i mötet

# Ljud vid tidsvarningar
bell = false

# Sist: var exporterna hamnar
export_dir = "~/Dokument/HFS"
"""


def test_config_set_keeps_the_users_comments_blank_lines_and_order(capsys, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(COMMENTED, encoding="utf-8")
    assert run(capsys, "config", "set", "theme", "hfs-contrast-dark")[0] == 0
    assert config_file.read_text(encoding="utf-8") == COMMENTED + 'theme = "hfs-contrast-dark"\n'
    assert user_settings.load() == Settings(
        language="sv", bell=False, export_dir="~/Dokument/HFS", theme="hfs-contrast-dark"
    )


def test_config_set_changes_a_value_in_place_and_keeps_its_comment(capsys, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(COMMENTED, encoding="utf-8")
    assert run(capsys, "config", "set", "bell", "ja")[0] == 0
    assert config_file.read_text(encoding="utf-8") == COMMENTED.replace("bell = false", "bell = true")


def test_config_unset_removes_only_that_line(capsys, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(COMMENTED, encoding="utf-8")
    assert run(capsys, "config", "unset", "language")[0] == 0
    text = config_file.read_text(encoding="utf-8")
    assert text == COMMENTED.replace('language = "sv"   # svenska i mötet\n', "")
    assert user_settings.load() == Settings(bell=False, export_dir="~/Dokument/HFS")


def test_the_apps_theme_change_keeps_the_comments_too(config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(COMMENTED, encoding="utf-8")
    user_settings.remember("theme", "hfs-contrast-light")
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED)
    assert user_settings.load().theme == "hfs-contrast-light"


def test_a_new_settings_file_starts_with_a_comment(config_file):
    user_settings.save(Settings(language="en"))
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith("# hfs-tui settings")
    assert tomllib.loads(text) == {"language": "en"}


def test_saving_does_not_import_tomlkit_until_it_saves():
    code = "import sys; import hfs_tui.settings as s; s.load(); print('tomlkit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "False", result.stderr
