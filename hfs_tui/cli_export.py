"""`hfs-tui export` (minutes, reports, network summary) and `hfs-tui answer-template` (a file to fill in)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_common import CommandError, open_store, resolve_db
from .cli_output import say
from .i18n import t


def cmd_answer_template(args: argparse.Namespace) -> int:
    from .importers import answer_template

    with open_store(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        questions = store.questions(review.id, selected_only=True)
    if args.docx:
        if not args.out:
            raise CommandError(t("cli.docx_needs_out"))
        from .docx_answers import answer_template_docx

        write_out(args.out, answer_template_docx(party.name, questions))
        say(args.out)
    elif args.out:
        write_out(args.out, answer_template(party.name, questions))  # a file: the text as it is
        say(args.out)
    else:
        say(answer_template(party.name, questions), end="")
    return 0


def write_out(out: str, content: str | bytes) -> None:
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
    with open_store(resolve_db(args.db)) as store:
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
