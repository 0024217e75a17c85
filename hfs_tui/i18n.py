"""UI strings in Swedish (default) and English, through gettext.

The strings are looked up in standard gettext catalogues, `hfs_tui/locale/<lang>/LC_MESSAGES/hfs_tui.mo`, read
with the standard library's `gettext` (msgid = the key, e.g. "cli.answers_read"; msgstr = the text with its
`{name}` fields). The catalogues are generated from the per-area string tables `hfs_tui/locale/<area>.py`
(`STRINGS = {key: (swedish, english)}`; a plural entry is `{key: ((sv_one, sv_many), (en_one, en_many))}`) by
`python tools/strings_to_po.py`; a test checks they are current. `STRINGS` here is the merged table (a key defined
twice is an error), for the checks that a key exists.

`t(key, **values)` fills in the fields; for a plural entry it picks the form by `count=` (ngettext).
`bind_argparse()` makes argparse's own messages ("usage:", "options", its errors) follow the language.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from .locale import source_strings

LANGUAGES = ("sv", "en")
DOMAIN = "hfs_tui"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_language = "sv"

STRINGS = source_strings()
_PLURAL_KEYS = frozenset(key for key, (swedish, _) in STRINGS.items() if isinstance(swedish, tuple))


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
    _language = language


def language() -> str:
    return _language


@cache
def catalogue(language: str) -> gettext.GNUTranslations:
    """The compiled catalogue of one language (read once)."""
    with open(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
        return gettext.GNUTranslations(file)


def t(key: str, **values: object) -> str:
    """The UI string for `key` in the current language, with `{name}` fields filled in.

    A plural entry takes its form from `count=` (e.g. "1 bedömning", "2 bedömningar")."""
    texts = catalogue(_language)
    count = values.get("count")
    if key in _PLURAL_KEYS:
        if not isinstance(count, int):
            raise KeyError(f"{key!r} is a plural entry: it needs count= (a number)")
        text = texts.ngettext(key, key, count)
    else:
        text = texts.gettext(key)
    if text == key:
        raise KeyError(
            f"{key!r} is not in the {_language} catalogue; after adding a string to hfs_tui/locale/*.py run: "
            "python tools/strings_to_po.py"
        )
    return text.format(**values) if values else text


def t_plural(key: str, count: int, **values: object) -> str:
    """`t(key, count=count, **values)`, for call sites that want to say the entry is a plural one."""
    return t(key, count=count, **values)


def bind_argparse() -> None:
    """argparse's messages in the current language (Swedish from `sv/LC_MESSAGES/argparse.mo`, English as it is).

    argparse translates through the two names it imported from gettext (`_` and `ngettext`, module globals looked
    up at each call) in the global default domain; rebinding those two names is the only hook it offers. Call
    before building a parser: the "options" and "show this help message" texts are read when a parser is made."""
    import argparse

    translation = gettext.translation("argparse", LOCALE_DIR, languages=[_language], fallback=True)
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
