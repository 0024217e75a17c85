"""Export time for a feedback meeting with 1,000 and 10,000 notes: load the record, render everything.

Times `load_record` plus the minutes, both party reports and the network summary (no file writes), best of
a few runs, on a temporary database file. Prints both figures and their ratio; the target is linear growth
(ratio ≤ 12) and 10,000 notes in ≤ 0.5 s. Prints only, never asserts.

    python benchmarks/export_speed.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hfs_tui.clock import FakeClock
from hfs_tui.documents.markdown import escaped_lines
from hfs_tui.export import load_record
from hfs_tui.minutes import render_minutes, render_network_summary, render_party_report
from hfs_tui.model import Category, MeetingKind, Share, TimerEventKind
from hfs_tui.store import Store

SIZES = (1_000, 10_000)
RUNS = 5
WORDS = (
    "hälsofrämjande styrgrupp handlingsplan uppföljning levnadsvanor processledare vårdcentral "
    "indikatorenkät tobaksenkät nätverk kontaktpersoner utbildning rutin dokumentation"
).split()
CPU: list[float] = []  # CPU seconds of each export_once: steadier than wall time on a shared machine
MARKERS = ("", "", "", "# ", "| ", "*", "<b>", "1. ", "`")


def build(path: Path, notes: int) -> int:
    """A region review whose feedback meeting holds `notes` notes: both parties, every category and flag."""
    rng = random.Random(notes)
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    store = Store.open(path, clock=clock)
    with store.transaction():
        review = store.create_review("region", "Region Nordmark", "Region Söderås", f"Prov med {notes} anteckningar")
        parties = store.parties(review.id)
        for party in parties:
            for number in range(4):
                store.add_member(party.id, f"Deltagare {number + 1}", "processledare")
        questions = store.questions(review.id)
        meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
        slots = store.slots(meeting.id)
        for offset, slot in enumerate(slots):
            start = clock.now + timedelta(minutes=100 * offset)
            store.add_timer_event(slot.id, TimerEventKind.START, start)
            store.add_timer_event(slot.id, TimerEventKind.STOP, start + timedelta(minutes=92))
        for index in range(notes):
            slot = slots[index % 2]
            text = rng.choice(MARKERS) + " ".join(rng.choices(WORDS, k=rng.randint(6, 30)))
            question = rng.choice(questions).id if rng.random() < 0.95 else None
            note = store.add_note(meeting.id, slot.party_id, rng.choice(list(Category)), text, slot.id, question)
            if rng.random() < 0.6:
                store.set_note_flags(note.id, in_report=True, share=rng.choice((Share.INTERNAL, Share.NETWORK)))
            if note.category is Category.ACTION and rng.random() < 0.3:
                store.action_from_note(note.id)
    store.close()
    return review.id


def export_once(path: Path, review_id: int) -> float:
    store = Store.open(path)
    escaped_lines.cache_clear()  # measure a cold export, as the first `hfs-tui export` of a session is
    started, cpu = time.perf_counter(), time.process_time()
    record = load_record(store, review_id)
    documents = [render_minutes(record), render_network_summary(record)]
    documents += [render_party_report(record, party) for party in record.parties]
    elapsed = time.perf_counter() - started
    CPU.append(time.process_time() - cpu)
    store.close()
    assert all(documents)
    return elapsed


def files_once(path: Path, review_id: int, out: Path) -> tuple[float, float]:
    """`export()` as `hfs-tui export` runs it (the four Markdown files written and renamed into place): seconds, and
    the peak memory of the export in MiB (tracemalloc, a separate run, since tracing slows the export down)."""
    from hfs_tui.documents.export import export

    store = Store.open(path)
    escaped_lines.cache_clear()
    started = time.perf_counter()
    export(store, review_id, out)
    elapsed = time.perf_counter() - started
    escaped_lines.cache_clear()
    tracemalloc.start()
    export(store, review_id, out)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    store.close()
    return elapsed, peak


def word_once(path: Path, review_id: int) -> float:
    """The four documents as .docx (python-docx), from a loaded record: what `--docx` adds to an export."""
    from hfs_tui.documents import docx
    from hfs_tui.documents.export import build_documents

    store = Store.open(path)
    record = load_record(store, review_id)
    store.close()
    started = time.perf_counter()
    files = [docx.render(tree) for _stem, tree in build_documents(record, lang="sv")]
    elapsed = time.perf_counter() - started
    assert all(files)
    return elapsed


def best_time(notes: int, folder: Path) -> tuple[float, float]:
    """Best wall time and best CPU time of RUNS exports."""
    path = folder / f"export-{notes}.db"
    review_id = build(path, notes)
    export_once(path, review_id)  # warm the page cache and imports
    CPU.clear()
    wall = min(export_once(path, review_id) for _ in range(RUNS))
    return wall, min(CPU)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        times = {notes: best_time(notes, Path(folder)) for notes in SIZES}
        files = {}
        for notes in SIZES:
            runs = [files_once(Path(folder) / f"export-{notes}.db", 1, Path(folder) / f"out-{notes}") for _ in range(3)]
            files[notes] = (min(r[0] for r in runs), max(r[1] for r in runs))
        word = min(word_once(Path(folder) / f"export-{SIZES[0]}.db", 1) for _ in range(3))
    small, large = (times[n][0] for n in SIZES)
    for notes in SIZES:
        wall, cpu = times[notes]
        print(
            f"{notes:>6} notes: {wall * 1000:7.1f} ms, CPU {cpu * 1000:7.1f} ms (load_record + minutes, 2 reports, network)"
        )
    print(f" ratio: {large / small:.1f} (target ≤ 12; 10,000 notes target ≤ 500 ms)")
    for notes in SIZES:
        seconds, peak = files[notes]
        print(f"{notes:>6} notes: {seconds * 1000:7.1f} ms export() to files, peak {peak:5.1f} MiB traced")
    print(f"{SIZES[0]:>6} notes: {word * 1000:7.1f} ms for the four documents as .docx (no target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
