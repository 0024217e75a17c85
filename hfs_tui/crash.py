"""A crash report instead of a bare traceback (after Harlequin's crash.py).

Anything unexpected that escapes a command is written, with its full traceback, to a file in the
user's state directory (platformdirs; `$XDG_STATE_HOME/hfs-tui/crash/` on Linux), and the user gets
one line saying where. Errors the user can act on (`HfsError`) never come here: they stay one line.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from platformdirs import user_state_dir

from . import __version__
from .cli_output import PROG, fail
from .i18n import t
from .safe_text import for_terminal


def crash_dir() -> Path:
    return Path(user_state_dir(PROG, appauthor=False)) / "crash"


def report_crash(error: BaseException, argv: list[str] | None = None) -> int:
    """Write the report, say where in one line; returns the exit code 1."""
    text = _report(error, argv)
    try:
        path = _write(text)
    except OSError as write_error:
        fail(t("cli.crash_unwritten", kind=type(error).__name__, reason=write_error.strerror or write_error))
        sys.stderr.write(for_terminal(text))  # no file to point at: the traceback itself, made safe
        return 1
    return fail(t("cli.crash", kind=type(error).__name__, path=path))


def _report(error: BaseException, argv: list[str] | None) -> str:
    lines = [
        f"{PROG} {__version__} crash report, {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"arguments: {argv if argv is not None else sys.argv[1:]!r}",
        "",
        *traceback.format_exception(error),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def _write(text: str) -> Path:
    folder = crash_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    with open(path, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(text)
    return path
