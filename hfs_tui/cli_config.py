"""`hfs-tui config`: where the settings file is and what is set; `set KEY VALUE` / `unset KEY` change one value."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from . import settings as user_settings
from .cli_output import say
from .i18n import t

# The themes `config set theme` and `--theme` accept: ours (screens/themes.py) and Textual's built-in
# ones. Listed here so that checking a name never imports Textual; a test compares it with both.
OUR_THEMES = ("hfs-contrast-dark", "hfs-contrast-light")
TEXTUAL_THEMES = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)


def theme_names() -> tuple[str, ...]:
    return OUR_THEMES + TEXTUAL_THEMES


def add_config_parser(config: argparse.ArgumentParser) -> None:
    config.set_defaults(action=None)
    actions = config.add_subparsers(dest="action", metavar="set|unset")
    keys_help = t("config.help.key", keys=", ".join(user_settings.KEYS))
    set_parser = actions.add_parser("set", help=t("config.help.set"), description=t("config.help.set"))
    set_parser.add_argument("key", choices=user_settings.KEYS, metavar="KEY", help=keys_help)
    set_parser.add_argument("value", metavar="VALUE", help=t("config.help.value"))
    unset_parser = actions.add_parser("unset", help=t("config.help.unset"), description=t("config.help.unset"))
    unset_parser.add_argument("key", choices=user_settings.KEYS, metavar="KEY", help=keys_help)


def run_config(args: argparse.Namespace, check_theme: Callable[[str | None], None], default_db: str) -> int:
    """`check_theme` raises SettingsError for a theme the app does not know (the CLI asks Textual)."""
    path = user_settings.settings_path()
    if args.action is None:
        say(t("config.file", path=path))
        if not path.exists():
            say(t("config.missing"))
        defaults = _defaults(default_db)
        for key, value in user_settings.load(path).as_dict().items():
            shown = t("config.default", value=defaults[key]) if value is None else user_settings.toml_value(value)
            say(f"{key} = {shown}")
        return 0
    current = user_settings.load(path)
    if args.action == "set":
        changed = user_settings.set_value(current, args.key, args.value)
        if args.key == "theme":
            check_theme(changed.theme)
        user_settings.save(changed, path)
        value = user_settings.toml_value(getattr(changed, args.key))
        say(t("config.saved", setting=args.key, value=value, path=path))
    else:
        user_settings.save(user_settings.set_value(current, args.key, None), path)
        say(t("config.unset", setting=args.key, path=path))
    return 0


def _defaults(default_db: str) -> dict[str, str]:
    return {
        "language": "sv",
        "theme": "textual-dark",
        "bell": "true",
        "export_dir": "./hfs-export",
        "database": default_db,
    }
