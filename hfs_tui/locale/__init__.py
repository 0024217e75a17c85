"""The UI string tables, one module per area (`STRINGS = {key: (swedish, english)}`), and the gettext catalogues
generated from them (`<lang>/LC_MESSAGES/hfs_tui.po` and `.mo`, by `python tools/strings_to_po.py`)."""

from __future__ import annotations

import pkgutil
from importlib import import_module

Text = str | tuple[str, str]  # a text, or a plural entry's (one, many)


def source_strings() -> dict[str, tuple[Text, Text]]:
    """Every area's table merged (a key defined twice is an error)."""
    merged: dict[str, tuple[Text, Text]] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_") or module.ispkg:
            continue
        strings = import_module(f"{__name__}.{module.name}").STRINGS
        clash = merged.keys() & strings.keys()
        if clash:
            raise RuntimeError(f"UI string keys defined twice: {sorted(clash)}")
        merged.update(strings)
    return merged
