"""`hfs-tui` (the app), `hfs-tui demo` and `hfs-tui config`: the commands that start Textual or change settings."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings as user_settings
from .cli_common import DB_ENV, default_db_path, open_store, resolve_db
from .cli_config import run_config, theme_names
from .i18n import t

if TYPE_CHECKING:
    from .store import Store


def cmd_app(args: argparse.Namespace) -> int:
    return run_app(resolve_db(args.db), args, review_id=None)


def cmd_demo(args: argparse.Namespace) -> int:
    from .sample import find_sample, load_sample

    path = resolve_db(args.db, demo=True)
    store = open_store(path).store  # handed to the app: one open (and one identity check) per start
    try:
        review = find_sample(store, args.sample) or load_sample(store, args.sample)
    except BaseException:
        store.close()
        raise
    return run_app(path, args, review_id=review.id, store=store)


def cmd_config(args: argparse.Namespace) -> int:
    return run_config(args, check_theme=check_theme, default_db=f"${DB_ENV} / {default_db_path()}")


def check_theme(name: str | None) -> None:
    """A theme the app knows (Textual's own or ours); checked before the app starts, with a one-line error."""
    known = theme_names()
    if name is not None and name not in known:
        raise user_settings.SettingsError(t("settings.error.theme", value=repr(name), known=", ".join(known)))


def apply_settings(args: argparse.Namespace, settings: user_settings.Settings) -> None:
    """Command-line options win over the settings file; --db > $HFS_TUI_DB > settings > the data directory."""
    if not args.db and not os.environ.get(DB_ENV) and settings.database and args.func is not cmd_demo:
        args.db = settings.database
    args.theme = args.theme or settings.theme
    if settings.bell is False:
        args.no_bell = True
    args.settings = settings


def run_app(path: Path, args: argparse.Namespace, review_id: int | None, store: Store | None = None) -> int:
    """Start the app on `store` (or on the file at `path`, opened once here: a foreign or damaged file fails
    with a one-line message before Textual is even imported)."""
    try:
        check_theme(args.theme)
    except BaseException:
        if store is not None:
            store.close()
        raise
    store = store or open_store(path).store
    from .app import make_app  # Textual is imported only when the app really starts

    settings = user_settings.Settings(**{**args.settings.as_dict(), "theme": args.theme})
    app = make_app(
        store,
        review_id=review_id,
        bell=not args.no_bell,
        settings=settings,
        settings_file=user_settings.settings_path(),
    )
    app.run()
    return app.return_code or 0
