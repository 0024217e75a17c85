"""Everything the `hfs-tui` command prints goes through here, so no byte of user data drives the terminal.

`say` writes a line (or a multi-line text) to stdout, `fail` one error line to stderr; both pass the
text through `safe_text.for_terminal` (ESC shows as ␛, a C1 CSI as �). `guarded()` does the same for
anything a handler prints by other means while a command runs (argparse's messages have their own
hook in cli.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from .safe_text import for_terminal

PROG = "hfs-tui"

# A byte that is not UTF-8 in a command-line word or a file name arrives as a lone surrogate; it
# cannot be written to a UTF-8 terminal, so it is shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    return _SURROGATE.sub("\ufffd", for_terminal(text))


def has_undecodable(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def say(text: object = "", *, end: str = "\n") -> None:
    sys.stdout.write(printable(f"{text}{end}"))


def fail(error: object) -> int:
    """One line on stderr, `hfs-tui: …`; returns the exit code 1."""
    sys.stderr.write(f"{PROG}: {printable(one_line(error))}\n")
    return 1


def one_line(error: object) -> str:
    if isinstance(error, OSError) and (error.filename or error.filename2):
        # os.replace(temporary, target) names the temporary first; the user knows only the target
        name = error.filename2 if error.filename2 is not None else error.filename
        return f"{name}: {error.strerror or error}"
    return " ".join(str(error).split())


class _SafeStream:
    """A text stream that writes through `for_terminal`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """While a (non-app) command runs, whatever reaches sys.stdout or sys.stderr is made safe too."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(out), _SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
