"""The user's settings: a small TOML file in the user config directory; command-line options override it.

Read with tomllib. Saved with tomlkit (imported only when saving) into the file as the user left it:
their comments, blank lines and order stay, only the changed key is touched; a new file starts with a
one-line comment. Every write goes through `write_atomic`, so a failed write never leaves half a file.
`HFS_TUI_CONFIG` points at another file (the tests and a second profile use it).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from . import errors
from .files import write_atomic
from .i18n import LANGUAGES, t

APP_NAME = "hfs-tui"
CONFIG_ENV = "HFS_TUI_CONFIG"
FILE_NAME = "settings.toml"

_TRUE = {"true", "yes", "ja", "on", "1"}
_FALSE = {"false", "no", "nej", "off", "0"}


class SettingsError(errors.SettingsError):
    """A settings file or value that cannot be used, said in one line."""


@dataclass(frozen=True)
class Settings:
    """Every setting; None means "not set" (the program's default applies)."""

    language: str | None = None  # "sv" or "en"
    theme: str | None = None  # a registered theme name, e.g. "hfs-contrast-dark"
    bell: bool | None = None  # ring the terminal bell at the timer warnings
    export_dir: str | None = None  # folder the exports go under (default: ./hfs-export)
    database: str | None = None  # the default database file

    def as_dict(self) -> dict[str, str | bool | None]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


KEYS = tuple(field.name for field in fields(Settings))


def settings_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def load(path: Path | None = None) -> Settings:
    """The settings in the file; a missing file is all defaults, a broken one a SettingsError."""
    path = path or settings_path()
    try:
        if path.exists() and not path.is_file():  # a pipe would hang every command, a device never end
            raise SettingsError(
                f"{path}: {t('error.import.is_folder' if path.is_dir() else 'error.import.not_regular')}"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path}: {_reason(error)}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: {error}") from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise SettingsError(f"{path}: {_unknown(key)}")
        try:
            values[key] = _checked(key, value)
        except SettingsError as error:
            raise SettingsError(f"{path}: {error}") from None
    return Settings(**values)


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write every set value (unset ones are removed, so their default can change with the program).

    The file's own comments, blank lines and key order are kept; a value that did not change is not
    rewritten at all.
    """
    import tomlkit  # only a save needs it

    path = path or settings_path()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
        document.add(tomlkit.comment("hfs-tui settings; change them with `hfs-tui config set KEY VALUE`"))
        document.add(tomlkit.nl())
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as error:
        raise SettingsError(f"{path}: {_reason(error)}") from None
    for key, value in settings.as_dict().items():
        if value is None:
            document.pop(key, None)
        elif key not in document or _plain(document[key]) != value or type(_plain(document[key])) is not type(value):
            document[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomic(path, tomlkit.dumps(document))
    except OSError as error:
        raise SettingsError(f"{path}: {_reason(error)}") from None


def _plain(item: object) -> object:
    """A tomlkit item as the Python value it holds (tomlkit gives booleans as plain bool already)."""
    unwrap = getattr(item, "unwrap", None)
    return unwrap() if callable(unwrap) else item


def set_value(settings: Settings, key: str, text: str | None) -> Settings:
    """A copy with `key` set from command-line text (`None` unsets it)."""
    if key not in KEYS:
        raise SettingsError(_unknown(key))
    changes: dict[str, Any] = {key: None if text is None else _parsed(key, text)}
    return replace(settings, **changes)


def remember(key: str, value: str | bool, path: Path | None = None) -> Path:
    """Set one value in the file and keep the others (the app remembers a theme chosen with a key)."""
    if key not in KEYS:
        raise SettingsError(_unknown(key))
    changes: dict[str, Any] = {key: _checked(key, value)}
    return save(replace(load(path), **changes), path)


def toml_value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return toml_string(value)


def toml_string(text: str) -> str:
    """A TOML basic string: backslash, quote and every control character escaped."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _parsed(key: str, text: str) -> str | bool:
    """A value typed on the command line (`config set bell nej`)."""
    if key == "bell":
        word = text.strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise SettingsError(t("settings.error.bell", value=repr(text)))
    return _checked(key, text.strip() if key in ("language", "theme") else text)


def _checked(key: str, value: object) -> str | bool:
    if key == "bell":
        if not isinstance(value, bool):
            raise SettingsError(t("settings.error.bell", value=repr(value)))
        return value
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(t("settings.error.string", setting=key, value=repr(value)))
    if key == "language" and value not in LANGUAGES:
        raise SettingsError(t("settings.error.language", value=repr(value), known=", ".join(LANGUAGES)))
    return value


def _unknown(key: str) -> str:
    return t("settings.error.unknown", setting=repr(key), known=", ".join(KEYS))


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split())
