"""Every SQLite failure leaves the store as a one-line StoreError, the sqlite3 exception as its `__cause__`.

Two places convert, and only these: `transaction()` (a write: "could not write") and `guard()`, which wraps
every public method of the `Store` facade (a read, or anything outside a transaction). A method added to
any mixin is covered without doing anything: the guard enumerates the class.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..i18n import t

T = TypeVar("T")

_KINDS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    # (SQLite error names, words in the message, message key)
    (("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked", "database table is locked", "busy"), "error.db.busy"),
    (("SQLITE_FULL",), ("disk is full", "file size limit"), "error.db.full"),
    (("SQLITE_IOERR",), ("disk i/o error",), "error.db.io"),
    (("SQLITE_READONLY",), ("readonly database", "read-only"), "error.db.read_only"),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "not a database"), "error.db.corrupt"),
)


def reason(error: BaseException) -> str:
    """The sqlite3 message on one line."""
    return " ".join(str(error).split()) or type(error).__name__


def kind(error: sqlite3.Error) -> str | None:
    """The message key for a failure the user can act on (locked, full, I/O, read-only, damaged), else None."""
    name = getattr(error, "sqlite_errorname", None) or ""
    text = str(error).casefold()
    for names, words, key in _KINDS:
        if name.startswith(names) or any(word in text for word in words):
            return key
    return None


def as_store_error(error: sqlite3.Error, fallback: str) -> StoreError:
    """A one-line StoreError for `error`; `fallback` ("error.db.write" or "error.db.read") when nothing more is known."""
    return StoreError(t(kind(error) or fallback, reason=reason(error)))


def open_error(path: Path, error: sqlite3.Error) -> StoreError:
    """Why a file could not be opened: in use by another program, damaged, or another reason."""
    key = kind(error)
    if key == "error.db.busy":
        return StoreError(t("error.db.open_busy", path=path, reason=reason(error)))
    if key == "error.db.corrupt" or type(error) is sqlite3.DatabaseError:
        return StoreError(t("error.db.damaged_file", path=path, reason=reason(error)))
    return StoreError(t("error.db.cannot_open", path=path, reason=reason(error)))


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            raise as_store_error(error, "error.db.read") from error

    guarded.__store_guarded__ = True  # type: ignore[attr-defined]
    return guarded


def public_methods(cls: type) -> list[str]:
    """The names of the public methods and classmethods of `cls` (what the guard wraps and the tests call)."""
    names = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        value = inspect.getattr_static(cls, name)
        if isinstance(value, (classmethod, staticmethod)) or inspect.isfunction(value):
            names.append(name)
    return sorted(names)


C = TypeVar("C", bound=type)


def guard(cls: C) -> C:
    """Class decorator: every public method of `cls` (from any base) turns a sqlite3.Error into a StoreError."""
    for name in public_methods(cls):
        value = inspect.getattr_static(cls, name)
        if isinstance(value, classmethod):
            setattr(cls, name, classmethod(_guarded(value.__func__)))
        elif isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(_guarded(value.__func__)))
        else:
            setattr(cls, name, _guarded(value))
    return cls
