"""The `hfs-tui` command: opens the app, or runs one task from the shell.

Errors are one line on stderr and a non-zero exit code; nothing is half-written. Every line printed
goes through `cli_output.say` / `fail` (user text never reaches the terminal as control sequences).
Start-up stays light: the store, the importers, the export and Textual are imported inside the
handlers that need them, so `--version`, `--help` and `config` load none of them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from . import __version__
from . import settings as user_settings
from .cli_config import add_config_parser, run_config, theme_names
from .cli_output import fail, guarded, has_undecodable, printable, say
from .errors import HfsError
from .i18n import LANGUAGES, set_language, t
from .sample import SAMPLES
from .templates import TEMPLATES

if TYPE_CHECKING:
    from .store import Store

APP_NAME = "hfs-tui"
DB_ENV = "HFS_TUI_DB"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "hfs-tui.db"


def demo_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


def resolve_db(arg: str | None, demo: bool = False) -> Path:
    """`--db` wins, then HFS_TUI_DB, then the user data directory; the demo never touches the real file."""
    if arg:
        return Path(arg).expanduser()
    if demo:
        return demo_db_path()
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser() if env else default_db_path()


# ------------------------------------------------------------------ commands


class CommandError(HfsError):
    """A command that cannot run as asked (one line)."""


def cmd_app(args: argparse.Namespace) -> int:
    return _run_app(resolve_db(args.db), args, review_id=None)


def cmd_demo(args: argparse.Namespace) -> int:
    from .sample import find_sample, load_sample

    path = resolve_db(args.db, demo=True)
    with _open(path) as store:
        review = find_sample(store, args.sample) or load_sample(store, args.sample)
    return _run_app(path, args, review_id=review.id)


def cmd_new(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = store.create_review(args.template, args.party_a, args.party_b, args.title)
    say(review.id)
    return 0


def cmd_import_answers(args: argparse.Namespace) -> int:
    from .importers import read_answers

    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        answers = read_answers(args.file, store.questions(review.id))
        count = store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers])
    say(t("cli.answers_read", count=count, party=party.name))
    return 0


def cmd_import_assessments(args: argparse.Namespace) -> int:
    from .importers import read_assessments

    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        reviewer = next(p for p in store.parties(review.id) if p.id != party.id)
        items = read_assessments(args.file, store.questions(review.id))
        count = store.import_assessments(party.id, reviewer.id, [(i.question.id, i.sign, i.comment) for i in items])
    say(t("cli.assessments_read", count=count, party=party.name, reviewer=reviewer.name))
    return 0


def cmd_import_sample(args: argparse.Namespace) -> int:
    from .sample import load_sample

    with _open(resolve_db(args.db)) as store:
        review = load_sample(store, args.sample)
    say(review.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        summaries = store.reviews()
    if not summaries:
        say(t("cli.list_empty", path=resolve_db(args.db)))
    for summary in summaries:
        parties = " – ".join(p.name for p in summary.parties)
        say(
            f"{summary.review.id}\t{summary.review.title}\t{parties}\t{summary.review.template}\t{summary.review.created_at[:10]}"
        )
    return 0


def cmd_answer_template(args: argparse.Namespace) -> int:
    from .importers import answer_template

    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        questions = store.questions(review.id, selected_only=True)
    if args.docx:
        if not args.out:
            raise CommandError(t("cli.docx_needs_out"))
        from .docx_answers import answer_template_docx

        _write_out(args.out, answer_template_docx(party.name, questions))
        say(args.out)
    elif args.out:
        _write_out(args.out, answer_template(party.name, questions))  # a file: the text as it is
        say(args.out)
    else:
        say(answer_template(party.name, questions), end="")
    return 0


def _write_out(out: str, content: str | bytes) -> None:
    """Write the user's --out file; an error names that file, never the temporary one beside it."""
    from .files import write_atomic

    path = Path(out).expanduser()
    if path.is_dir():
        raise CommandError(t("cli.error.out_is_folder", path=out))
    try:
        write_atomic(path, content)
    except OSError as error:
        raise CommandError(t("cli.error.write", path=out, reason=error.strerror or error)) from None


def cmd_export(args: argparse.Namespace) -> int:
    from .export import MEETING_KINDS, ExportError, default_export_dir, export, parse_parts
    from .i18n import language
    from .safe_text import clean

    parts = parse_parts(args.what)
    meeting_id, kind = None, None
    if args.meeting is not None:
        word = args.meeting.strip().casefold()
        if word.isdigit():
            meeting_id = int(word)
        elif word in MEETING_KINDS:
            kind = MEETING_KINDS[word]
        else:
            raise ExportError(t("export.cli.bad_meeting", value=repr(args.meeting)))
    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        out = Path(args.out).expanduser() if args.out else default_export_dir(review, root=args.settings.export_dir)
        result = export(
            store,
            review.id,
            out,
            what=parts,
            html=args.html,
            meeting_id=meeting_id,
            meeting_kind=kind,
            lang=language(),
            docx=args.docx,
        )
    for line in result.lines():
        print(clean(line))
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    return run_config(args, check_theme=_check_theme, default_db=f"${DB_ENV} / {default_db_path()}")


def _check_theme(name: str | None) -> None:
    """A theme the app knows (Textual's own or ours); checked before the app starts, with a one-line error."""
    known = theme_names()
    if name is not None and name not in known:
        raise user_settings.SettingsError(t("settings.error.theme", value=repr(name), known=", ".join(known)))


def _apply_settings(args: argparse.Namespace, settings: user_settings.Settings) -> None:
    """Command-line options win over the settings file; --db > $HFS_TUI_DB > settings > the data directory."""
    if not args.db and not os.environ.get(DB_ENV) and settings.database and args.func is not cmd_demo:
        args.db = settings.database
    args.theme = args.theme or settings.theme
    if settings.bell is False:
        args.no_bell = True
    args.settings = settings


# ------------------------------------------------------------------- plumbing


class _open:
    """Open the store for one command and always close it (the store is imported only here)."""

    def __init__(self, path: Path) -> None:
        from .store import Store

        self.store = Store.open(path)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def _run_app(path: Path, args: argparse.Namespace, review_id: int | None) -> int:
    from .app import make_app  # Textual is imported only when the app really starts
    from .store import Store

    Store.open(path).close()  # a foreign or damaged file fails here, with a one-line message
    _check_theme(args.theme)
    settings = user_settings.Settings(**{**args.settings.as_dict(), "theme": args.theme})
    app = make_app(
        path, review_id=review_id, bell=not args.no_bell, settings=settings, settings_file=user_settings.settings_path()
    )
    app.run()
    return app.return_code or 0


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS: a subcommand's unset --db must not overwrite one given before the subcommand.
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help=t("cli.db", env=DB_ENV, path=default_db_path())
    )
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.lang"))
    app_options = _Parser(add_help=False)
    app_options.add_argument("--no-bell", action="store_true", default=argparse.SUPPRESS, help=t("cli.no_bell"))
    app_options.add_argument(
        "--theme",
        metavar=t("cli.name"),
        default=argparse.SUPPRESS,
        help=t("cli.theme"),
    )

    parser = _Parser(
        prog=APP_NAME,
        description=t("cli.description"),
        parents=[common, app_options],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(title=t("cli.commands"), metavar=t("cli.command"))

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help: str, *, app: bool = False
    ) -> argparse.ArgumentParser:
        parents = [common, app_options] if app else [common]
        command = sub.add_parser(name, help=help, description=help, parents=parents)
        command.set_defaults(func=func)
        return command

    demo = add("demo", cmd_demo, t("cli.demo"), app=True)
    demo.add_argument("--sample", choices=SAMPLES, default="region", help=t("cli.sample"))

    new = add("new", cmd_new, t("cli.new"))
    new.add_argument("--template", choices=list(TEMPLATES), required=True, help=t("cli.template"))
    new.add_argument("--party-a", required=True, metavar=t("cli.name"), help=t("cli.party_a"))
    new.add_argument("--party-b", required=True, metavar=t("cli.name"), help=t("cli.party_b"))
    new.add_argument("--title", metavar="T", help=t("cli.title"))

    for name, func, what in (
        ("import-answers", cmd_import_answers, t("cli.import_answers")),
        ("import-assessments", cmd_import_assessments, t("cli.import_assessments")),
    ):
        command = add(name, func, what)
        command.add_argument("review", metavar="REVIEW", help=t("cli.review"))
        command.add_argument("party", metavar="PARTY", help=t("cli.party_assessed"))
        command.add_argument("file", metavar="FILE", help=t("cli.file"))

    sample = add("import-sample", cmd_import_sample, t("cli.import_sample"))
    sample.add_argument("--sample", choices=SAMPLES, default="region")

    add("list", cmd_list, t("cli.list"))

    template = add("answer-template", cmd_answer_template, t("cli.answer_template"))
    template.add_argument("review", metavar="REVIEW", help=t("cli.review"))
    template.add_argument("--party", required=True, metavar="PARTY", help=t("cli.party"))
    template.add_argument("--out", metavar="FILE", help=t("cli.out_file"))
    template.add_argument("--docx", action="store_true", help=t("cli.docx"))

    export = add("export", cmd_export, t("cli.export"))
    export.add_argument("review", metavar="REVIEW", help=t("cli.review"))
    export.add_argument("--meeting", metavar="ID|KIND", help=t("export.cli.meeting"))
    export.add_argument("--out", metavar="DIR", help=t("export.cli.out"))
    export.add_argument(
        "--what",
        default="minutes,reports,network",
        metavar=t("cli.parts"),
        help=t("cli.what"),
    )
    export.add_argument("--html", action="store_true", help=t("cli.html"))
    export.add_argument("--docx", action="store_true", help=t("export.cli.docx"))

    add_config_parser(add("config", cmd_config, t("config.help")))
    from .cli_network import register as register_network

    register_network(sub, [common])  # search, publish, bundle
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse quotes the user's words in its errors; they are printed like every other line."""

    def _print_message(self, message: str, file=None) -> None:
        if message:
            (file or sys.stderr).write(printable(message))


# Commands that only read: a --db path that does not exist is an error, not a new empty database.
_NEEDS_DATABASE = {"cmd_list", "cmd_export", "cmd_answer_template", "cmd_import_answers", "cmd_import_assessments"}
_APP_COMMANDS = {"cmd_app", "cmd_demo"}
_TEXT_OPTIONS = ("party_a", "party_b", "title", "review", "party", "value")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user error is one line (exit 1), anything unexpected a crash report, ^C exit 130."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except _user_errors() as error:
        return fail(error)
    except Exception as error:  # noqa: BLE001 - the crash report is the last resort
        from .crash import report_crash

        return report_crash(error, argv)


def _main(argv: list[str]) -> int:
    try:
        settings = user_settings.load()
    except user_settings.SettingsError as error:
        if _subcommand(argv) != "config":  # `hfs-tui config` still says where the broken file is
            return fail(error)
        settings = user_settings.Settings()
    # The language is chosen first: the help texts, the templates and the app's screens use it.
    set_language(_early_language(argv) or settings.language or "sv")
    parser = build_parser()
    args = parser.parse_args(argv)
    # Options may stand before or after the subcommand; set_defaults would leak into the shared
    # parent actions, so the absent ones are filled in here.
    args.db = getattr(args, "db", None)
    args.no_bell = getattr(args, "no_bell", False)
    args.theme = getattr(args, "theme", None)
    _apply_settings(args, settings)
    for option in _TEXT_OPTIONS:  # stored text must be UTF-8 (a file name need not be)
        value = getattr(args, option, None)
        if isinstance(value, str) and has_undecodable(value):
            raise CommandError(t("cli.error.not_utf8", option=option.replace("_", "-")))
    name = args.func.__name__
    if name in _NEEDS_DATABASE:
        path = resolve_db(args.db)
        if not path.exists():
            raise CommandError(t("cli.error.no_database", path=path))
    if name in _APP_COMMANDS:
        return args.func(args)
    with guarded():  # whatever a handler prints by other means is made safe as well
        return args.func(args)


def _user_errors() -> tuple[type[BaseException], ...]:
    """`HfsError` (and OSError, said with its file name). Until the store's StoreError derives from
    HfsError (the store split does that), it is added here when the store is loaded."""
    errors: tuple[type[BaseException], ...] = (HfsError, OSError)
    store = sys.modules.get("hfs_tui.store")
    legacy = getattr(store, "StoreError", None)
    if isinstance(legacy, type) and not issubclass(legacy, HfsError):
        errors += (legacy,)
    return errors


def _subcommand(argv: list[str]) -> str | None:
    """The first word that is neither an option nor an option's value."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang", "--theme"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _early_language(argv: list[str]) -> str | None:
    """`--lang X` or `--lang=X` anywhere on the line (argparse checks the value later)."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if word.startswith("--lang=") and word[7:] in LANGUAGES:
            return word[7:]
    return None


if __name__ == "__main__":
    raise SystemExit(main())
