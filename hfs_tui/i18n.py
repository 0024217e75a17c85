"""UI strings in Swedish (default) and English.

Each area of the app keeps its strings in its own catalogue module under `hfs_tui/locale/`
(`STRINGS = {key: (swedish, english)}`); this module finds them all, merges them (a key defined
twice is an error) and looks keys up.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from . import locale as _locale_package

LANGUAGES = ("sv", "en")

_language = "sv"


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in sorted(pkgutil.iter_modules(_locale_package.__path__), key=lambda m: m.name):
        name = module.name
        strings = import_module(f"{__package__}.locale.{name}").STRINGS
        clash = merged.keys() & strings.keys()
        if clash:
            raise RuntimeError(f"UI string keys defined twice: {sorted(clash)}")
        merged.update(strings)
    return merged


STRINGS = _load()


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
    _language = language


def language() -> str:
    return _language


def t(key: str, **values: object) -> str:
    """The UI string for `key` in the current language, with `{name}` fields filled in."""
    swedish, english = STRINGS[key]
    text = english if _language == "en" else swedish
    return text.format(**values) if values else text
