"""The `hfs-tui` command: opens the app, or runs one task from the shell.

Errors are one line on stderr and a non-zero exit code; nothing is half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from platformdirs import user_data_dir

from . import __version__
from .files import write_atomic
from .importers import ImportFileError, answer_template, read_answers, read_assessments
from .sample import SAMPLES, find_sample, load_sample
from .store import Store, StoreError
from .templates import TEMPLATES

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


def cmd_app(args: argparse.Namespace) -> int:
    return _run_app(resolve_db(args.db), args, review_id=None)


def cmd_demo(args: argparse.Namespace) -> int:
    path = resolve_db(args.db, demo=True)
    with _open(path) as store:
        review = find_sample(store, args.sample) or load_sample(store, args.sample)
    return _run_app(path, args, review_id=review.id)


def cmd_new(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = store.create_review(args.template, args.party_a, args.party_b, args.title)
    print(review.id)
    return 0


def cmd_import_answers(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        answers = read_answers(args.file, store.questions(review.id))
        count = store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers])
    print(f"{count} svar från {party.name} inlästa")
    return 0


def cmd_import_assessments(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        reviewer = next(p for p in store.parties(review.id) if p.id != party.id)
        items = read_assessments(args.file, store.questions(review.id))
        count = store.import_assessments(party.id, reviewer.id, [(i.question.id, i.sign, i.comment) for i in items])
    print(f"{count} bedömningar av {party.name} (gjorda av {reviewer.name}) inlästa")
    return 0


def cmd_import_sample(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = load_sample(store, args.sample)
    print(review.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        summaries = store.reviews()
    for summary in summaries:
        parties = " – ".join(p.name for p in summary.parties)
        print(f"{summary.review.id}\t{summary.review.title}\t{parties}\t{summary.review.template}\t{summary.review.created_at[:10]}")
    return 0


def cmd_answer_template(args: argparse.Namespace) -> int:
    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        text = answer_template(party.name, store.questions(review.id, selected_only=True))
    if args.out:
        write_atomic(Path(args.out), text)
        print(args.out)
    else:
        sys.stdout.write(text)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import default_export_dir, export, parse_parts

    parts = parse_parts(args.what)
    with _open(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        out = Path(args.out).expanduser() if args.out else default_export_dir(review)
        paths = export(store, review.id, out, what=parts, html=args.html, meeting_id=args.meeting)
    for path in paths:
        print(path)
    return 0


# ------------------------------------------------------------------- plumbing


class _open:
    """Open the store for one command and always close it."""

    def __init__(self, path: Path) -> None:
        self.store = Store.open(path)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def _run_app(path: Path, args: argparse.Namespace, review_id: int | None) -> int:
    from .app import make_app  # Textual is imported only when the app really starts

    Store.open(path).close()  # a foreign or damaged file fails here, with a one-line message
    app = make_app(path, review_id=review_id, bell=not args.no_bell)
    app.run()
    return app.return_code or 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's unset --db must not overwrite one given before the subcommand.
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help=f"databasfil (annars ${DB_ENV} eller {default_db_path()})"
    )
    app_options = argparse.ArgumentParser(add_help=False)
    app_options.add_argument(
        "--no-bell", action="store_true", default=argparse.SUPPRESS, help="ingen ljudsignal vid tidsvarningar"
    )

    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Kollegialt lärande i HFS-nätverket: frågor, svar, granskning, återkopplingsmöte och rapport.",
        parents=[common, app_options],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(title="kommandon", metavar="KOMMANDO")

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str, *, app: bool = False) -> argparse.ArgumentParser:
        parents = [common, app_options] if app else [common]
        command = sub.add_parser(name, help=help, description=help, parents=parents)
        command.set_defaults(func=func)
        return command

    demo = add("demo", cmd_demo, "öppna exempelgranskningen (egen demodatabas om inte --db anges)", app=True)
    demo.add_argument("--sample", choices=SAMPLES, default="region", help="vilket exempel (standard: region)")

    new = add("new", cmd_new, "skapa en ny granskning från en mall och skriv ut dess id")
    new.add_argument("--template", choices=list(TEMPLATES), required=True, help="frågemall")
    new.add_argument("--party-a", required=True, metavar="NAMN", help="part A, t.ex. Region Nordmark")
    new.add_argument("--party-b", required=True, metavar="NAMN", help="part B")
    new.add_argument("--title", metavar="T", help="granskningens titel")

    for name, func, what in (
        ("import-answers", cmd_import_answers, "läs in en parts svar från en Markdown-fil"),
        ("import-assessments", cmd_import_assessments, "läs in bedömningar (+/−) av en parts svar från en Markdown-fil"),
    ):
        command = add(name, func, what)
        command.add_argument("review", metavar="REVIEW", help="granskningens id eller titel")
        command.add_argument("party", metavar="PARTY", help="a, b eller partens namn (vid bedömningar: den bedömda parten)")
        command.add_argument("file", metavar="FILE", help="Markdown-fil i UTF-8")

    sample = add("import-sample", cmd_import_sample, "lägg in en exempelgranskning och skriv ut dess id")
    sample.add_argument("--sample", choices=SAMPLES, default="region")

    add("list", cmd_list, "lista granskningarna (id, titel, parter, mall, skapad)")

    template = add("answer-template", cmd_answer_template, "skriv den tomma svarsfilen som en part fyller i")
    template.add_argument("review", metavar="REVIEW", help="granskningens id eller titel")
    template.add_argument("--party", required=True, metavar="PARTY", help="a, b eller partens namn")
    template.add_argument("--out", metavar="FILE", help="skriv till filen i stället för standard ut")

    export = add("export", cmd_export, "skriv protokoll, partsrapporter och nätverkssammanfattning som Markdown")
    export.add_argument("review", metavar="REVIEW", help="granskningens id eller titel")
    export.add_argument("--meeting", type=int, metavar="ID", help="mötets id (standard: återkopplingsmötet)")
    export.add_argument("--out", metavar="DIR", help="mapp att skriva till (standard: hfs-export/<datum>-<granskning>)")
    export.add_argument(
        "--what", default="minutes,reports,network", metavar="DELAR",
        help="kommaseparerat: minutes, reports, network (standard: alla)",
    )
    export.add_argument("--html", action="store_true", help="skriv även en HTML-version av varje dokument")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Options may stand before or after the subcommand; set_defaults would leak into the shared
    # parent actions, so the absent ones are filled in here.
    args.db = getattr(args, "db", None)
    args.no_bell = getattr(args, "no_bell", False)
    try:
        return args.func(args)
    except (StoreError, ImportFileError, OSError) as error:
        print(f"hfs-tui: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror}"
    return " ".join(str(error).split())


if __name__ == "__main__":
    raise SystemExit(main())
