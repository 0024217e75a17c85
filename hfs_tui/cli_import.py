"""`hfs-tui import-answers`, `import-assessments` and `import-sample`: files (or the sample) into the database."""

from __future__ import annotations

import argparse

from .cli_common import open_store, resolve_db
from .cli_output import say
from .i18n import t


def cmd_import_answers(args: argparse.Namespace) -> int:
    from .importers import read_answers

    with open_store(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        answers = read_answers(args.file, store.questions(review.id))
        count = store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers])
    say(t("cli.answers_read", count=count, party=party.name))
    return 0


def cmd_import_assessments(args: argparse.Namespace) -> int:
    from .importers import read_assessments

    with open_store(resolve_db(args.db)) as store:
        review = store.find_review(args.review)
        party = store.find_party(review.id, args.party)
        reviewer = next(p for p in store.parties(review.id) if p.id != party.id)
        items = read_assessments(args.file, store.questions(review.id))
        count = store.import_assessments(party.id, reviewer.id, [(i.question.id, i.sign, i.comment) for i in items])
    say(t("cli.assessments_read", count=count, party=party.name, reviewer=reviewer.name))
    return 0


def cmd_import_sample(args: argparse.Namespace) -> int:
    from .sample import load_sample

    with open_store(resolve_db(args.db)) as store:
        review = load_sample(store, args.sample)
    say(review.id)
    return 0
