"""The network's memory under load: 50 reviews × 17 questions, 100,000 notes, answers for every question.

Prints: search p50/p95 (whole database, from one review's perspective, network only), note commit
p50/p99 with the search index (and without it, and with sqlite-utils' `enable_fts(create_triggers=True)`
for comparison), publish time and the published file's size. Prints, never asserts.

    python benchmarks/search.py [--notes N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.store import Store
from hfs_tui.store.publish import publish
from hfs_tui.store.search import fts_query, search

REVIEWS = 50
STEMS = (
    "hälsofrämjande styrgrupp handlingsplan uppföljning levnadsvanor processledare vårdcentral indikatorenkät "
    "tobaksenkät nätverk kontaktperson utbildning rutin dokumentation mandat ledning samverkan patient "
    "befolkning medarbetare hälsoorientering strategi fysisk aktivitet alkohol matvanor samtal journal "
    "förbättring mål resultat chef region kommun skola jämlik vård tillgänglighet delaktighet"
).split()
ENDINGS = ("", "en", "ar", "arna", "er", "erna", "s", "et", "ens")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


SYLLABLES = "ba be bo da de di fa fe ga gi ha he ja jo ka ke ko la le lo ma me mo na ne no pa pe ra re ro sa se so ta te to va ve vå ä ö".split()
_vocabulary: list[str] = []
_weights: list[float] = []
DOMAIN_SHARE = 0.3  # realistic corpus: share of words that are the domain words searched for


def vocabulary(size: int) -> None:
    """A Zipf-distributed vocabulary of made-up Swedish-looking words (the realistic corpus)."""
    rng = random.Random(5)
    words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
    _vocabulary[:] = sorted(words)[:size]
    rng.shuffle(_vocabulary)
    total = 0.0
    for rank in range(len(_vocabulary)):
        total += 1 / (rank + 1)
        _weights.append(total)  # cumulative: rng.choices bisects instead of summing 20,000 weights a word


def word(rng: random.Random) -> str:
    if not _vocabulary or rng.random() < DOMAIN_SHARE:
        return rng.choice(STEMS) + rng.choice(ENDINGS)
    return rng.choices(_vocabulary, cum_weights=_weights)[0]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(word(rng) for _ in range(words)).capitalize() + "."


def build(path: Path, notes: int) -> Store:
    rng = random.Random(14)
    store = Store.open(path)
    now = "2026-03-10T09:00:00Z"
    per_review = notes // REVIEWS
    for index in range(REVIEWS):
        review = store.create_review("region", f"Region {index} Nord", f"Region {index} Syd")
        parties = store.parties(review.id)
        questions = store.questions(review.id)
        meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
        with store.transaction():
            store.db["answers"].insert_all(
                {"question_id": q.id, "party_id": p.id, "text": sentence(rng, 120), "updated_at": now}
                for q in questions
                for p in parties
            )
            store.db["notes"].insert_all(
                {
                    "meeting_id": meeting.id,
                    "party_id": rng.choice(parties).id,
                    "question_id": rng.choice(questions).id,
                    "category": rng.choice(list(Category)).value,
                    "text": sentence(rng, rng.randint(5, 25)),
                    "in_report": int(rng.random() < 0.5),
                    "share": rng.choice(["internal", "network"]),
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(per_review)
            )
    return store


def time_searches(store: Store, rng: random.Random, **options) -> list[float]:
    timings, matches = [], []
    for _ in range(200):
        words = [rng.choice(STEMS)[: rng.randint(4, 9)] for _ in range(rng.randint(1, 2))]
        started = time.perf_counter()
        search(store.db, " ".join(words), **options)
        timings.append((time.perf_counter() - started) * 1000)
        if not options:
            matches.append(
                store.db.execute(
                    "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", [fts_query(" ".join(words))]
                ).fetchone()[0]
            )
    if matches:
        print(f"  (matching rows per query: median {statistics.median(matches):.0f}, max {max(matches)})")
    return timings


def time_commits(store: Store, rng: random.Random, count: int = 300) -> list[float]:
    review = store.reviews()[0].review
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    party = store.parties(review.id)[0]
    question = store.questions(review.id)[0]
    timings = []
    for _ in range(count):
        text = sentence(rng, 12)
        started = time.perf_counter()
        note = store.add_note(meeting.id, party.id, Category.STRENGTH, text, question_id=question.id)
        timings.append((time.perf_counter() - started) * 1000)
        store.set_note_flags(note.id, share=Share.NETWORK)
    return timings


def report(label: str, timings: list[float], p: float) -> None:
    print(f"{label:<52} p50 {statistics.median(timings):6.2f} ms   p{p:g} {percentile(timings, p):6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument(
        "--corpus",
        choices=("realistic", "narrow"),
        default="realistic",
        help="realistic: a 20,000-word Zipf vocabulary, 30%% domain words; narrow: only the 40 domain stems "
        "(every searched word is in about a third of all notes: the worst case for bm25)",
    )
    args = parser.parse_args()
    if args.corpus == "realistic":
        vocabulary(20_000)
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        store = build(path, args.notes)
        print(
            f"{args.corpus} corpus: built {REVIEWS} reviews × 17 questions, {args.notes} notes in {time.perf_counter() - started:.1f} s"
        )
        print(
            f"database {path.stat().st_size / 1e6:.1f} MB, index rows "
            f"{store.db.execute('SELECT COUNT(*) FROM search_index').fetchone()[0]}"
        )
        report("search, whole database", time_searches(store, rng), 95)
        report("search, from one review (others: released only)", time_searches(store, rng, for_review_id=1), 95)
        report("search, network only", time_searches(store, rng, network_only=True), 95)
        report("note commit with the search index", time_commits(store, rng), 99)

        started = time.perf_counter()
        out = publish(store.db, Path(folder) / "network.db")
        print(f"publish {time.perf_counter() - started:.2f} s, file {out.stat().st_size / 1e6:.1f} MB")

        for table in ("notes",):
            for suffix in ("ai", "au", "ad"):
                store.db.execute(f"DROP TRIGGER {table}_search_{suffix}")
        report("note commit without any index (triggers dropped)", time_commits(store, rng), 99)
        store.db["notes"].enable_fts(["text"], tokenize="unicode61 remove_diacritics 0", create_triggers=True)
        report("note commit, sqlite-utils enable_fts triggers", time_commits(store, rng), 99)
        store.close()


if __name__ == "__main__":
    main()
