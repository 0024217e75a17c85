"""`hfs-tui search`, `hfs-tui publish` and `hfs-tui bundle export|import`: the network's memory.

Every printed line goes through `safe_text.for_terminal`; errors are one line on stderr with exit code 1.
The store and sqlite-utils are imported inside the handlers (start-up speed of the other commands).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .i18n import t
from .model import Category
from .safe_text import for_terminal, one_line

SNIPPET_LIMIT = 160


def register(subparsers: argparse._SubParsersAction, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Add the subcommands; `parents` carries the shared options (--db, --lang)."""

    def add(name: str, func, help: str, where=subparsers) -> argparse.ArgumentParser:
        command = where.add_parser(name, help=help, description=help, parents=list(parents))
        command.set_defaults(func=func)
        return command

    search = add("search", cmd_search, t("network.search.help"))
    search.add_argument("text", nargs="+", metavar="TEXT", help=t("network.search.text"))
    search.add_argument("--category", choices=[c.value for c in Category], help=t("network.search.category"))
    search.add_argument("--review", metavar="REVIEW", help=t("network.search.review"))
    search.add_argument("--network-only", action="store_true", help=t("network.search.network_only"))
    search.add_argument("--limit", type=int, default=50, metavar="N", help=t("network.search.limit"))

    publish = add("publish", cmd_publish, t("network.publish.help"))
    publish.add_argument("--out", required=True, metavar="FILE", help=t("network.publish.out"))
    publish.add_argument("--merge", nargs="+", metavar="FILE", help=t("network.publish.merge"))
    publish.add_argument("--review", action="append", metavar="REVIEW", help=t("network.publish.review"))

    bundle = subparsers.add_parser(
        "bundle", help=t("network.bundle.help"), description=t("network.bundle.help"), parents=list(parents)
    )
    bundle_commands = bundle.add_subparsers(metavar="export|import", required=True)
    export = add("export", cmd_bundle_export, t("network.bundle.export"), bundle_commands)
    export.add_argument("review", metavar="REVIEW", help=t("network.search.review"))
    export.add_argument("--out", required=True, metavar="FILE", help=t("network.bundle.file"))
    imported = add("import", cmd_bundle_import, t("network.bundle.import"), bundle_commands)
    imported.add_argument("file", metavar="FILE", help=t("network.bundle.file"))
    imported.add_argument("--replace", action="store_true", help=t("network.bundle.replace"))


def _fail(error: BaseException) -> int:
    print(f"hfs-tui: {for_terminal(' '.join(str(error).split()))}", file=sys.stderr)
    return 1


def _store(args: argparse.Namespace):
    from .cli_common import open_store, resolve_db

    return open_store(resolve_db(getattr(args, "db", None)))


def format_hit(hit) -> list[str]:
    """Two lines per hit: where it is (review · party · question · kind), then the snippet with [ ] around matches."""
    question = (
        t("network.search.question", number=hit.question_number) + " " + one_line(hit.question_text or "", 60)
        if hit.question_number is not None
        else t("network.search.no_question")
    )
    kind = t(f"network.kind.{hit.kind}") + (f" ({t(f'category.{hit.category}')})" if _has_category_label(hit) else "")
    head = f"{hit.review_id}\t{one_line(hit.review_title, 60)} · {one_line(hit.party_name, 40)} · {question} · {kind}"
    snippet = "".join(f"[{text}]" if marked else text for text, marked in hit.snippet_parts())
    return [for_terminal(head), for_terminal("    " + one_line(snippet, SNIPPET_LIMIT))]


def _has_category_label(hit) -> bool:
    from .i18n import STRINGS

    return hit.category is not None and hit.kind != "action" and f"category.{hit.category}" in STRINGS


def cmd_search(args: argparse.Namespace) -> int:
    from .store import StoreError

    try:
        with _store(args) as store:
            review_id = store.find_review(args.review).id if args.review else None
            hits = store.search(  # guarded like every Store method: a sqlite error is one StoreError line
                " ".join(args.text),
                category=args.category,
                review_id=review_id,
                network_only=args.network_only,
                limit=args.limit,
            )
    except StoreError as error:
        return _fail(error)
    if not hits:
        print(t("network.search.none"), file=sys.stderr)
        return 0
    for hit in hits:
        for line in format_hit(hit):
            print(line)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .store import StoreError
    from .store.publish import PublishError, merge, publish

    try:
        if args.merge:
            path = merge(args.merge, args.out)
        else:
            with _store(args) as store:
                ids = [store.find_review(ref).id for ref in args.review] if args.review else None
                path = publish(store.db, args.out, ids)
    except (PublishError, StoreError, OSError) as error:
        return _fail(error)
    print(for_terminal(str(path)))
    print(for_terminal(str(Path(path).with_name("metadata.json"))))
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from .store import StoreError
    from .store.bundle import BundleError, export_bundle

    try:
        with _store(args) as store:
            review = store.find_review(args.review)
            path = export_bundle(store.db, review.id, args.out)
    except (BundleError, StoreError) as error:
        return _fail(error)
    print(for_terminal(str(path)))
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from .store import StoreError
    from .store.bundle import BundleError, import_bundle

    try:
        with _store(args) as store:
            review_id = import_bundle(store.db, args.file, replace=args.replace)
            review = store.review(review_id)
    except (BundleError, StoreError) as error:
        return _fail(error)
    print(for_terminal(t("network.bundle.imported", id=review.id, title=one_line(review.title))))
    return 0
