"""The core runs without a terminal: importing every hfs_tui module but app.py and cli.py loads no Textual;
and only the store (hfs_tui/store/) talks to SQLite: no other module, screens included, imports sqlite3 or sqlite_utils."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

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


# ------------------------------------------------------------------ only the store talks to SQLite

SQLITE_MODULES = ("sqlite3", "sqlite_utils")
STORE_PACKAGE = "hfs_tui.store"  # the store and its migrations module (hfs_tui/store/schema.py)
ALLOWED_TO_IMPORT_SQLITE: dict[str, str] = {
    # module name -> owner and reason. Empty: today no module outside hfs_tui/store/ imports SQLite.
}


def sqlite_imports(source: str) -> list[str]:
    """The SQLite modules a piece of Python source imports (plain, from-, and nested imports)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [name for name in names if name.split(".")[0] in SQLITE_MODULES]
    return found


def all_modules() -> dict[str, Path]:
    """Every module of hfs_tui, the UI packages (screens, styles) included, with its source file."""
    files = {}
    screens = importlib.import_module("hfs_tui.screens")  # packaged from screens/, beside hfs_tui/
    for package in (hfs_tui, screens):
        for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
            spec = importlib.util.find_spec(info.name)
            if spec is not None and spec.origin and spec.origin.endswith(".py"):
                files[info.name] = Path(spec.origin)
    for package in (hfs_tui, screens):
        files[package.__name__] = Path(package.__file__ or "")
    return files


def test_no_module_outside_the_store_imports_sqlite():
    modules = all_modules()
    assert "hfs_tui.screens.meeting.screen" in modules and "hfs_tui.store.connection" in modules
    offenders = {
        name: sqlite_imports(path.read_text(encoding="utf-8"))
        for name, path in modules.items()
        if not (name == STORE_PACKAGE or name.startswith(STORE_PACKAGE + ".")) and name not in ALLOWED_TO_IMPORT_SQLITE
    }
    assert {name: found for name, found in offenders.items() if found} == {}
    assert sqlite_imports(modules["hfs_tui.store.connection"].read_text(encoding="utf-8"))  # the scan sees imports


def test_the_sqlite_scan_would_notice_every_form_of_import():
    source = "import os\nimport sqlite3\nfrom sqlite_utils.db import Table\ndef f():\n    import sqlite_utils as su\n"
    assert sqlite_imports(source) == ["sqlite3", "sqlite_utils.db", "sqlite_utils"]
    assert sqlite_imports("from .sqlite3 import x\nimport json\n") == []
