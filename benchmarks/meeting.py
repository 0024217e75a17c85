"""Meeting screen under load: a question change measured inside the app, and the note commit.

Question change: the key event is posted to the app as the terminal driver posts it (no Pilot and its
per-key wait), and the time runs to the end of the compositor updates it causes: "first" is the end of
the first update after the key, "settled" the end of the last one before the screen is quiet (80 ms
without an update). Each update is also encoded for the terminal (`render_segments`), as a real terminal
write would be; headless Textual skips that step. The slot timer's 0.5 s tick is switched off so that it
cannot be counted as part of a change. p50/p95/max at 80x24, 120x36 and 160x45, for a generated review
(200 questions, ~2,000 words per answer and party, 10,000 notes) and for the sample review.

Note commit: `Store.add_note` on the generated review (10,000 notes), back to back, and with the idle
checkpoint between notes (what the app's idle timer does while nobody types; when the store has it).

    python benchmarks/meeting.py [--changes 100] [--sizes 80x24,120x36,160x45] [--only big|sample]
                                 [--commits 1000] [--db FILE]

To compare two versions on a shared machine, run them in turn, one size at a time, a few rounds
(`--db` keeps one generated review for all the runs), and compare the medians of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hfs_tui.screens.meeting.slot_meeting import SlotMeeting
from textual import events
from textual._compositor import CompositorUpdate

from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind
from hfs_tui.sample import load_sample
from hfs_tui.store import Store

QUESTIONS = 200
WORDS_PER_ANSWER = 2000
NOTES = 10_000
WORDS = (
    "hälsofrämjande styrgrupp handlingsplan uppföljning levnadsvanor processledare vårdcentral "
    "indikatorenkät tobaksenkät nätverk kontaktpersoner utbildning rutin dokumentation"
).split()
QUIET_S = 0.08


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def build(path: Path) -> int:
    rng = random.Random(7)
    store = Store.open(path)
    with store.transaction():
        review = store.create_review("blank", "Region Nordmark", "Region Söderås", "Belastningsprov")
        parties = store.parties(review.id)
        for number in range(QUESTIONS):
            store.add_question(review.id, f"Fråga {number + 1} om det hälsofrämjande arbetet?")
        questions = store.questions(review.id)
        for question in questions:
            for party in parties:
                paragraphs = [" ".join(rng.choices(WORDS, k=100)) + "." for _ in range(WORDS_PER_ANSWER // 100)]
                store.set_answer(question.id, party.id, "\n\n".join(paragraphs))
        meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
        slots = store.slots(meeting.id)
        categories = list(Category)
        for index in range(NOTES):
            slot = slots[index % 2]
            store.add_note(
                meeting.id,
                slot.party_id,
                rng.choice(categories),
                " ".join(rng.choices(WORDS, k=12)),
                slot_id=slot.id,
                question_id=rng.choice(questions).id,
            )
    store.close()
    return review.id


def build_sample(path: Path) -> int:
    store = Store.open(path)
    review = load_sample(store)
    store.close()
    return review.id


def key_sequence(questions: int, changes: int) -> list[str]:
    """Forward to the last question and back again, as often as it takes (60 n then 40 p on a long review)."""
    forward = min(60, questions - 1)
    keys: list[str] = []
    while len(keys) < changes:
        keys += ["n"] * forward + ["p"] * min(forward, 40 if forward == 60 else forward)
    return keys[:changes]


async def question_changes(path: Path, review_id: int, size: tuple[int, int], changes: int):
    app = make_app(path, review_id=review_id, bell=False)
    updates: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # what the terminal write would encode
                updates.append(time.perf_counter())

        app._display = timed_display
        questions = len(app.screen.questions)
        first_ms: list[float] = []
        settled_ms: list[float] = []
        for key in key_sequence(questions, changes):
            await asyncio.sleep(0.02)
            updates.clear()
            start = time.perf_counter()
            app.post_message(events.Key(key, key))
            while True:
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                if (updates and now - updates[-1] > QUIET_S) or now - start > 3:
                    break
            if updates:
                first_ms.append((updates[0] - start) * 1000)
                settled_ms.append((updates[-1] - start) * 1000)
    return first_ms, settled_ms


def commit_times(path: Path, review_id: int, count: int, idle_checkpoint: bool) -> list[float]:
    store = Store.open(path)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    question = store.questions(review_id)[0]
    checkpoint = getattr(store, "checkpoint", None) if idle_checkpoint else None
    times = []
    for index in range(count):
        start = time.perf_counter()
        store.add_note(
            meeting.id, slot.party_id, Category.STRENGTH, f"Mätning {index}", slot_id=slot.id, question_id=question.id
        )
        times.append((time.perf_counter() - start) * 1000)
        if checkpoint is not None:
            checkpoint()
    store.close()
    return times


def line(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):6.1f}  p95 {percentile(values, 95):6.1f}  max {max(values):6.1f} ms"
        f"  (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--sizes", default="80x24,120x36,160x45")
    parser.add_argument("--only", choices=("big", "sample"))
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="the generated review's file: built there once, reused after")
    options = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in options.sizes.split(",")]
    print(f"Python {sys.version.split()[0]}; question change, key event to end of compositor update")
    with tempfile.TemporaryDirectory() as folder:
        reviews = []
        if options.only != "sample":
            big = options.db or Path(folder) / "load.db"
            start = time.perf_counter()
            review_id = 1 if big.exists() else build(big)
            reviews.append(("big", big, review_id))
            print(
                f"generated review: {QUESTIONS} questions, ~{WORDS_PER_ANSWER} words per answer and party, "
                f"{NOTES} notes ({big.stat().st_size / 1e6:.1f} MB, ready in {time.perf_counter() - start:.1f} s)"
            )
        if options.only != "big":
            sample = Path(folder) / "sample.db"
            reviews.append(("sample", sample, build_sample(sample)))
        SlotMeeting.start_ticking = lambda self: None  # the 0.5 s timer tick is not part of a change
        for name, path, review_id in reviews:
            for size in sizes:
                first, settled = asyncio.run(question_changes(path, review_id, size, options.changes))
                print(f"{name:<6} {size[0]:>3}x{size[1]:<3} first   {line(first)}")
                print(f"{'':<6} {'':>7} settled {line(settled)}")
        if options.only != "sample" and options.commits:
            for idle in (False, True):
                commits = commit_times(big, reviews[0][2], options.commits, idle)
                label = "with idle checkpoint" if idle else "back to back        "
                print(
                    f"note commit at {NOTES} notes, {label}: p50 {statistics.median(commits):5.2f} ms"
                    f"  p99 {percentile(commits, 99):5.2f} ms  max {max(commits):5.2f} ms  (n={len(commits)})"
                )
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
