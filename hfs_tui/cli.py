"""The `hfs-tui` command: opens the app, or runs one task from the shell.

Errors are one line on stderr and a non-zero exit code; nothing is half-written. Every line printed
goes through `cli_output.say` / `fail` (user text never reaches the terminal as control sequences).
Start-up stays light: the store, the importers, the export and Textual are imported inside the
handlers that need them, so `--version`, `--help` and `config` load none of them.

This module is the parser and the dispatch; the handlers live beside it, one file per group:
cli_common (database path, opening the store), cli_app (app, demo, config), cli_review (new, list),
cli_import, cli_export (export, answer-template), cli_network (search, publish, bundle), cli_config.
The handlers are imported into this module's namespace, where `build_parser` looks them up.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__
from . import settings as user_settings
from .cli_app import apply_settings, cmd_app, cmd_config, cmd_demo
from .cli_common import APP_NAME, DB_ENV, CommandError, default_db_path, demo_db_path, resolve_db
from .cli_config import add_config_parser
from .cli_export import cmd_answer_template, cmd_export
from .cli_import import cmd_import_answers, cmd_import_assessments, cmd_import_sample
from .cli_output import fail, guarded, has_undecodable, printable
from .cli_review import cmd_list, cmd_new
from .errors import HfsError
from .i18n import LANGUAGES, bind_argparse, set_language, t
from .sample import SAMPLES
from .templates import TEMPLATES

__all__ = [
    "APP_NAME",
    "DB_ENV",
    "CommandError",
    "build_parser",
    "default_db_path",
    "demo_db_path",
    "main",
    "resolve_db",
]


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=t("cli.version"))
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
    except (HfsError, OSError) as error:  # one line (an OSError with its file name)
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
    bind_argparse()  # argparse's own words ("användning:", "flaggor:", its errors) in that language too
    parser = build_parser()
    args = parser.parse_args(argv)
    # Options may stand before or after the subcommand; set_defaults would leak into the shared
    # parent actions, so the absent ones are filled in here.
    args.db = getattr(args, "db", None)
    args.no_bell = getattr(args, "no_bell", False)
    args.theme = getattr(args, "theme", None)
    apply_settings(args, settings)
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
