"""Read and write the user's files: one reader for every file a user hands us, atomic writes.

`read_user_file` is the only way an importer (CLI or the app's import prompt) reads a user's file:
it refuses anything that is not a regular file before reading from it (a FIFO would block, a device
such as /dev/zero never ends), reads at most `limit + 1` bytes, and turns every OSError into one
`ImportFileError` line that names the file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from . import errors
from .i18n import t
from .safe_text import for_terminal

MAX_BYTES = 5 * 1024 * 1024


class ImportFileError(errors.ImportFileError):
    """A bad import file, said in one line: `file:line: what is wrong` (`file: …` when no line applies).

    `source` is the file name as it may be shown (control characters made visible); `path` is the
    name as given.
    """

    def __init__(self, source: str, line: int, message: str, path: str | None = None) -> None:
        shown = for_terminal(str(source))
        super().__init__(f"{shown}:{line}: {message}" if line > 0 else f"{shown}: {message}")
        self.source, self.line, self.message = shown, line, message
        self.path = str(source) if path is None else path


def read_user_file(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or an ImportFileError naming the file."""
    name = os.fspath(path)
    try:
        _check_regular(os.stat(name), name)
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(name, flags)
        try:
            _check_regular(os.fstat(fd), name)  # the name may have been swapped since the stat
            chunks, size = [], 0
            while size <= limit:
                chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except OSError as error:
        raise ImportFileError(name, 0, _reason(error)) from None
    if size > limit:
        raise ImportFileError(
            name, 1, t("error.import.too_big", size=f"{size / 1024 / 1024:.1f}", limit=limit // 1024 // 1024)
        )
    return b"".join(chunks)


def _check_regular(info: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(name, 0, t("error.import.is_folder"))
    if not stat.S_ISREG(info.st_mode):
        raise ImportFileError(name, 0, t("error.import.not_regular"))


def _reason(error: OSError) -> str:
    known = {
        errno.ENOENT: "error.import.missing",
        errno.EACCES: "error.import.no_permission",
        errno.EPERM: "error.import.no_permission",
        errno.EISDIR: "error.import.is_folder",
        errno.ELOOP: "error.import.symlink_loop",
        errno.ENAMETOOLONG: "error.import.name_too_long",
        errno.ENOTDIR: "error.import.not_folder",
    }
    key = known.get(error.errno) if error.errno is not None else None
    if key:
        return t(key)
    return t("error.import.cannot_read", reason=error.strerror or type(error).__name__)


def check_write_target(path: str | Path) -> None:
    """Refuse, in one line (ExportError), to replace anything but a regular file: a device, a named pipe,
    a socket, a folder or a symlink loop is never renamed over (nor opened, which could hang on a pipe)."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        return  # nothing there yet (or a dangling link, which the rename replaces)
    except OSError as error:
        raise errors.ExportError(f"{for_terminal(name)}: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise errors.ExportError(f"{for_terminal(name)}: {t('error.import.is_folder')}")
    if not stat.S_ISREG(info.st_mode):
        raise errors.ExportError(f"{for_terminal(name)}: {t('error.write.not_regular')}")


def write_atomic(path: Path, text: str | bytes) -> Path:
    """Write `text` (or bytes) to a temporary file beside `path`, flush it to disk, then rename it into place
    (never over a device, pipe, socket or folder: `check_write_target`)."""
    path = Path(path)
    check_write_target(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a document should follow the umask
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
