"""Writing one export's files all or nothing.

Every file goes to a temporary name in the target folder first (prefix `.hfs-tui-export-`, so they are ours and
recognisable); only when all are written and flushed are they renamed into place. If a rename fails half-way,
the files already renamed get their old content back (kept as a hard link, or a copy, before the first rename),
so a failing export leaves every earlier file as it was. Temporary files that an earlier, interrupted export
left behind (a process that is gone) are removed at the next export.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TEMP_PREFIX = ".hfs-tui-export-"


@dataclass(frozen=True)
class Written:
    new: tuple[Path, ...]
    replaced: tuple[Path, ...]
    targets: tuple[Path, ...] = ()  # every file written, in order


Content = bytes | Iterable[bytes]  # the whole file, or its pieces in order (written as they come)


class WriteFailure(Exception):
    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(str(error))
        self.path, self.error = path, error


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own process runs one export at a time: a leftover of ours is stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove `.hfs-tui-export-<pid>-…` files whose process is gone; returns what was removed."""
    removed = []
    for path in folder.glob(TEMP_PREFIX + "*"):
        pid_text = path.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)) or not path.is_file():
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _temporary(folder: Path, name: str, data: Content) -> Path:
    fd, temporary = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=f"-{name}.tmp", dir=folder)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a document should follow the umask
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes | bytearray):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(Path(temporary))
        raise
    return Path(temporary)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _backup(target: Path) -> Path:
    fd, backup = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=f"-{target.name}.old", dir=target.parent
    )
    os.close(fd)
    os.unlink(backup)
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return Path(backup)


def write_all(folder: Path, files: Iterable[tuple[str, Content]]) -> Written:
    """Write `(name, content)` into `folder` all or nothing; raises WriteFailure naming the file that failed.

    `files` may be a generator that renders each file when it is reached: every temporary file is written (and an
    error while rendering one removes them all) before the first is renamed into place."""
    remove_stale_temporaries(folder)
    temporaries: list[tuple[Path, Path]] = []
    try:
        for name, data in files:
            target = folder / name
            if target.is_dir():
                raise WriteFailure(target, IsADirectoryError(21, os.strerror(21)))
            try:
                temporaries.append((_temporary(folder, name, data), target))
            except OSError as error:
                raise WriteFailure(target, error) from None
        existed = {target: target.exists() for _, target in temporaries}
        backups: dict[Path, Path] = {}
        done: list[Path] = []
        try:
            for _temp, target in temporaries:
                if existed[target]:
                    backups[target] = _backup(target)
            for temp, target in temporaries:
                try:
                    os.replace(temp, target)
                except OSError as error:
                    raise WriteFailure(target, error) from None
                done.append(target)
        except BaseException:
            for target in done:  # put the earlier files back as they were
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    _unlink(target)
            raise
        finally:
            for backup in backups.values():
                _unlink(backup)
    finally:
        for temp, _target in temporaries:
            _unlink(temp)
    return Written(
        new=tuple(t for _, t in temporaries if not existed[t]),
        replaced=tuple(t for _, t in temporaries if existed[t]),
        targets=tuple(t for _, t in temporaries),
    )
