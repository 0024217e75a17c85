"""Meeting screen under load: 200 questions, ~2,000-word answers per party, 10,000 notes.

Prints: question change until the screen is updated (p50/p95, driven by real `n`/`p` key presses
through Textual's Pilot), `enter` to note committed (p50/p99, the store write the screen waits for, and
the whole key-to-list-updated path), and the process's peak RSS.

    python benchmarks/meeting.py
"""

from __future__ import annotations

import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind
from hfs_tui.store import Store

QUESTIONS = 200
WORDS_PER_ANSWER = 2000
NOTES = 10_000
WORDS = (
    "hälsofrämjande styrgrupp handlingsplan uppföljning levnadsvanor processledare vårdcentral "
    "indikatorenkät tobaksenkät nätverk kontaktpersoner utbildning rutin dokumentation"
).split()


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


async def drive(path: Path, review_id: int) -> tuple[list[float], list[float], list[float]]:
    """Times key presses through the Pilot, which waits until the app is idle (screen updated).

    An unbound key is timed the same way: that is the Pilot's own cost, measured alongside.
    """
    app = make_app(path, review_id=review_id, bell=False)
    question_ms: list[float] = []
    enter_ms: list[float] = []
    idle_ms: list[float] = []
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(50):
            start = time.perf_counter()
            await pilot.press("x")
            idle_ms.append((time.perf_counter() - start) * 1000)
        for key in ["n"] * 60 + ["p"] * 40:
            start = time.perf_counter()
            await pilot.press(key)
            question_ms.append((time.perf_counter() - start) * 1000)
        await pilot.press("plus")
        for index in range(100):
            await pilot.press(*f"Styrka nummer {index}")
            start = time.perf_counter()
            await pilot.press("enter")
            enter_ms.append((time.perf_counter() - start) * 1000)
    return question_ms, enter_ms, idle_ms


def commit_times(path: Path, review_id: int) -> list[float]:
    store = Store.open(path)
    meeting = store.meeting_of_kind(review_id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    question = store.questions(review_id)[0]
    times = []
    for index in range(300):
        start = time.perf_counter()
        store.add_note(
            meeting.id, slot.party_id, Category.STRENGTH, f"Mätning {index}", slot_id=slot.id, question_id=question.id
        )
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "load.db"
        start = time.perf_counter()
        review_id = build(path)
        built = time.perf_counter() - start
        question_ms, enter_ms, idle_ms = asyncio.run(drive(path, review_id))
        commit_ms = commit_times(path, review_id)
        size_mb = path.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(
        f"generated review: {QUESTIONS} questions, ~{WORDS_PER_ANSWER} words per answer and party, "
        f"{NOTES} notes ({size_mb:.1f} MB database, built in {built:.1f} s; Python {sys.version.split()[0]})"
    )
    base = statistics.median(idle_ms)
    print(f"Pilot cost of a key that does nothing:        p50 {base:6.1f} ms (subtracted below)")
    print(
        f"question change, key to screen updated: p50 {statistics.median(question_ms) - base:6.1f} ms   p95 {percentile(question_ms, 95) - base:6.1f} ms   (n={len(question_ms)}; raw p50 {statistics.median(question_ms):.1f} ms)"
    )
    print(
        f"note commit (store write, synchronous=FULL): p50 {statistics.median(commit_ms):6.2f} ms   p99 {percentile(commit_ms, 99):6.2f} ms   (n={len(commit_ms)})"
    )
    print(
        f"enter to note committed and list updated:   p50 {statistics.median(enter_ms) - base:6.1f} ms   p99 {percentile(enter_ms, 99) - base:6.1f} ms   (n={len(enter_ms)}; raw p50 {statistics.median(enter_ms):.1f} ms)"
    )
    print(f"peak RSS of the process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
