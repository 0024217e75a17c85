"""The core runs without a terminal: importing every hfs_tui module but app.py and cli.py loads no Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import hfs_tui

ALLOWED_TO_IMPORT_TEXTUAL = {"hfs_tui.app", "hfs_tui.cli"}
UI_PACKAGES = ("hfs_tui.screens", "hfs_tui.styles")  # packaged into hfs_tui, but they are the UI


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(hfs_tui.__path__, prefix="hfs_tui."):
        if info.name in ALLOWED_TO_IMPORT_TEXTUAL or info.name.startswith(UI_PACKAGES):
            continue
        names.append(info.name)
    return sorted(names)


def test_the_core_module_list_is_complete():
    modules = core_modules()
    for name in ("hfs_tui.model", "hfs_tui.store", "hfs_tui.importers", "hfs_tui.safe_text", "hfs_tui.locale.common"):
        assert name in modules
    assert "hfs_tui.app" not in modules and "hfs_tui.cli" not in modules


def test_core_modules_do_not_import_textual():
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual imported by the core: {result.stdout.strip()}"


def test_the_check_would_notice_textual():
    """The subprocess check is real: importing app.py does load Textual."""
    code = "import sys, hfs_tui.app; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True", result.stderr
