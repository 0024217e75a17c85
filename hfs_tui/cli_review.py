"""`hfs-tui new` and `hfs-tui list`: make a review, list the reviews of the database."""

from __future__ import annotations

import argparse

from .cli_common import open_store, resolve_db
from .cli_output import say
from .i18n import t


def cmd_new(args: argparse.Namespace) -> int:
    with open_store(resolve_db(args.db)) as store:
        review = store.create_review(args.template, args.party_a, args.party_b, args.title)
    say(review.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(resolve_db(args.db)) as store:
        summaries = store.reviews()
    if not summaries:
        say(t("cli.list_empty", path=resolve_db(args.db)))
    for summary in summaries:
        parties = " – ".join(p.name for p in summary.parties)
        say(
            f"{summary.review.id}\t{summary.review.title}\t{parties}\t{summary.review.template}\t{summary.review.created_at[:10]}"
        )
    return 0
