"""Every sqlite3.Error from any public Store method surfaces as a one-line StoreError (the original as its cause),
and a failed call loses nothing that was committed before it. Faults are injected with a connection wrapper; the
methods are enumerated with `inspect`, so a method added later is covered (or this test asks for a sample)."""

from __future__ import annotations

import inspect
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from hfs_tui.model import Category, MeetingKind, Share, Sign, TimerEventKind
from hfs_tui.store import Store, StoreError
from hfs_tui.store.failures import public_methods

FAULTS = {
    "disk I/O error": "disken",
    "database or disk is full": "disken är full",
    "database is locked": "används av ett annat program",
}
NOT_CALLED_HERE = {
    "open": "makes its own connection: opening failures are in test_store.py and test_store_opening.py",
    "memory": "makes its own in-memory connection",
    "close": "runs no SQL",
    "transaction": "a context manager: tested on its own below",
    "checkpoint": "never raises by design: a checkpoint that cannot run returns False and is tried again when idle",
}
# Given on top of the required arguments where the required ones alone would run no SQL at all.
EXTRA: dict[str, dict[str, Any]] = {
    "update_review": {"title": "Ny titel"},
    "update_party": {"name": "Nytt namn"},
    "update_action": {"activities": "ny aktivitet"},
    "update_slot": {"planned_minutes": 5},
    "set_note_flags": {"in_report": True},
    "set_action_flags": {"in_report": True},
}


class FaultyConnection:
    """A real connection whose every statement but transaction control raises `error`."""

    PASS = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")

    def __init__(self, real: sqlite3.Connection, error: sqlite3.Error) -> None:
        self._real = real
        self._error = error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(self.PASS):
            return self._real.execute(sql, *args)
        raise self._error

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        raise self._error

    def executescript(self, *args: Any) -> sqlite3.Cursor:
        raise self._error

    def cursor(self, *args: Any) -> sqlite3.Cursor:
        raise self._error


def populated(store: Store) -> dict[str, Any]:
    review = store.create_review("region", "Region Nordmark", "Region Söderås")
    party_a, party_b = store.parties(review.id)
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    slot = store.slots(meeting.id)[0]
    question = store.questions(review.id)[0]
    member = store.add_member(party_a.id, "Anna Bergström", "processledare")
    note = store.add_note(meeting.id, party_a.id, Category.ACTION, "Skriv uppdrag", slot.id, question.id)
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    action = store.action_from_note(note.id)
    assessment = store.add_assessment(question.id, party_a.id, party_b.id, Sign.PLUS, "tydligt")
    document = store.add_document(party_a.id, "Handlingsplan", question.id)
    store.set_answer(question.id, party_a.id, "vårt svar")
    store.add_timer_event(slot.id, TimerEventKind.START)
    return {
        "review_id": review.id,
        "party_id": party_a.id,
        "reviewer_party_id": party_b.id,
        "member_id": member.id,
        "question_id": question.id,
        "meeting_id": meeting.id,
        "slot_id": slot.id,
        "note_id": note.id,
        "action_id": action.id,
        "assessment_id": assessment.id,
        "document_id": document.id,
        "template_key": "region",
        "party_a": "A",
        "party_b": "B",
        "goal": "Mål",
        "text": "text",
        "title": "Titel",
        "name": "Namn",
        "secretary": "Sekreterare",
        "role": "roll",
        "ref": "1",
        "sign": Sign.MINUS,
        "comment": "kommentar",
        "category": Category.NOTE,
        "kind": MeetingKind.FEEDBACK,
        "offset": 1,
        "selected": False,
        "in_report": False,
        "present": False,
        "place": "Teams",
        "ended_at": datetime(2026, 3, 10, 12, tzinfo=UTC),
        "held_on": "2026-04-01",
        "sub_questions": ("Vem?",),
        "note_ids": [note.id],
        "answers": [(question.id, "nytt svar", ("Dokument",))],
        "items": [(question.id, Sign.MINUS, "ny")],
    }


OVERRIDES: dict[str, dict[str, Any]] = {
    "add_timer_event": {"kind": TimerEventKind.PAUSE},
    "find_party": {"ref": "a"},
    "set_note_owner": {},  # party_id is filled with the other party below
}


def arguments(name: str, samples: dict[str, Any]) -> dict[str, Any]:
    signature = inspect.signature(getattr(Store, name))
    kwargs: dict[str, Any] = {}
    for param in list(signature.parameters.values())[1:]:
        if param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL) or param.default is not param.empty:
            continue
        if param.name not in samples:
            raise LookupError(f"no sample argument for Store.{name}({param.name}): add one to populated()")
        kwargs[param.name] = samples[param.name]
    kwargs.update(OVERRIDES.get(name, {}))
    if name == "set_note_owner":
        kwargs["party_id"] = samples["reviewer_party_id"]
    kwargs.update(EXTRA.get(name, {}))
    return kwargs


def dump(path: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_every_public_method_is_enumerated():
    names = public_methods(Store)
    assert {"add_note", "notes", "review_counts", "set_present", "open", "transaction"} <= set(names)
    assert all(getattr(getattr(Store, n), "__store_guarded__", False) for n in names)


@pytest.mark.parametrize("fault", FAULTS)
def test_any_sqlite_failure_of_any_method_is_a_one_line_store_error_and_loses_nothing(tmp_path: Path, clock, fault):
    path = str(tmp_path / "faults.db")
    store = Store.open(path, clock=clock)
    samples = populated(store)
    store.close()
    before = dump(path)
    problems: list[str] = []
    called = 0
    for name in public_methods(Store):
        if name in NOT_CALLED_HERE:
            continue
        store = Store.open(path, clock=clock)
        injected = sqlite3.OperationalError(fault)
        real = store.db.conn
        store.db.conn = FaultyConnection(real, injected)  # type: ignore[assignment]
        try:
            getattr(store, name)(**arguments(name, samples))
        except StoreError as error:
            called += 1
            message = str(error)
            if error.__cause__ is not injected or "\n" in message or FAULTS[fault] not in message:
                problems.append(f"{name}: {message!r} caused by {error.__cause__!r}")
        except Exception as error:  # noqa: BLE001 - collected and asserted on below
            problems.append(f"{name}: {type(error).__name__}: {error}")
        else:
            problems.append(f"{name}: returned although every statement failed")
        finally:
            store.db.conn = real
            store.close()
    assert problems == []
    assert called > 60
    assert dump(path) == before  # the committed data is all still there, unchanged


def test_a_failing_statement_inside_transaction_is_a_store_error_and_rolls_back(store: Store):
    review = store.create_review("blank", "A", "B")
    real = store.db.conn
    with pytest.raises(StoreError, match="disken är full") as excinfo, store.transaction():
        store.db.execute("UPDATE reviews SET title = 'ändrad'")
        store.db.conn = FaultyConnection(real, sqlite3.OperationalError("database or disk is full"))
        store.db.execute("UPDATE reviews SET facilitator = 'x'")
    store.db.conn = real
    assert isinstance(excinfo.value.__cause__, sqlite3.OperationalError)
    assert store.review(review.id).title != "ändrad"


def test_a_damaged_page_met_by_a_read_says_damaged(store: Store):
    real = store.db.conn
    store.db.conn = FaultyConnection(real, sqlite3.DatabaseError("database disk image is malformed"))
    try:
        with pytest.raises(StoreError, match="databasen är skadad"):
            store.reviews()
    finally:
        store.db.conn = real


def test_a_write_lock_held_by_another_program_fails_after_the_short_busy_timeout(tmp_path: Path):
    """Another program's write lock: the write gives up after BUSY_TIMEOUT_MS and says who is in the way."""
    path = tmp_path / "held.db"
    store = Store.open(path)
    store.create_review("blank", "A", "B")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    outcome: list[BaseException | None] = []

    def write() -> None:
        try:
            store.create_review("blank", "C", "D")
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - asserted below
            outcome.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=30)
    holder.execute("ROLLBACK")
    holder.close()
    assert len(outcome) == 1 and isinstance(outcome[0], StoreError)
    assert "används av ett annat program" in str(outcome[0])
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 2000
    assert len(store.reviews()) == 1
    store.close()
