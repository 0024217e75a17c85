"""The only module that talks to SQLite. Queries return model objects; every write is one transaction.

The connection runs in WAL mode with `synchronous=FULL`, so a note that a write here has returned
for survives a crash or a power cut, and a second hfs-tui on the same file waits instead of corrupting it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import i18n, schema
from .i18n import t
from .clock import Clock, system_clock, to_iso
from .model import (
    Action,
    ActionStatus,
    Answer,
    Assessment,
    Category,
    Document,
    Meeting,
    MeetingKind,
    Member,
    Note,
    Party,
    Question,
    Review,
    ReviewSummary,
    Share,
    Sign,
    Slot,
    TimerEvent,
    TimerEventKind,
)
from .progress import MeetingActivity, ReviewCounts
from .templates import get_template, review_title

BUSY_TIMEOUT_MS = 5000
RECOVERABLE_DAYS = 30


class StoreError(Exception):
    """A problem the user can act on, said in one line."""


class Store:
    def __init__(self, db: Database, path: str, clock: Clock = system_clock) -> None:
        self.db = db
        self.path = path
        self.clock = clock

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | Path, clock: Clock = system_clock) -> "Store":
        """Open or create an hfs-tui database; refuse foreign, newer or damaged files with a clear message."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(t("error.db.is_folder", path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(t("error.db.no_folder", path=path, reason=error.strerror)) from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(t("error.db.cannot_open", path=path, reason=error)) from None
        db = Database(conn, execute_plugins=False)  # no third-party sqlite-utils plugins run on our file (and start-up skips scanning for them)
        try:
            _configure(db)
            _check_identity(db, path)
            schema.migrations.apply(db)
            if db.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
                db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")  # a write: only when needed
        except sqlite3.OperationalError as error:  # locked, read-only, unreadable: not a damaged file
            conn.close()
            raise StoreError(t("error.db.cannot_open", path=path, reason=error)) from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(t("error.db.damaged_file", path=path, reason=error)) from None
        except StoreError:
            conn.close()
            raise
        return cls(db, str(path), clock)

    @classmethod
    def memory(cls, clock: Clock = system_clock) -> "Store":
        db = Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        schema.migrations.apply(db)
        return cls(db, ":memory:", clock)

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; a database failure (disk full, locked, read-only) becomes a one-line StoreError.

        The outermost one starts with BEGIN IMMEDIATE: it waits (busy_timeout) for another hfs-tui's write to
        finish, where a plain BEGIN that reads first fails at once with "database is locked" when it tries to write.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():  # nested: a savepoint
                    yield
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(t("error.db.write", reason=error)) from error

    def _now(self) -> str:
        return to_iso(self.clock())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        return next(iter(self.db.query(sql, params)), None)

    # ----------------------------------------------------------------- reviews

    def create_review(
        self,
        template_key: str,
        party_a: str,
        party_b: str,
        title: str | None = None,
        facilitator: str = "",
        language: str | None = None,
    ) -> Review:
        """A review from a template: two parties, the template's questions and its three meetings.

        The questions and meeting titles are in `language` (default: the UI's language, Swedish unless chosen).
        """
        language = language or i18n.language()
        template = get_template(template_key, language)
        party_a, party_b = party_a.strip(), party_b.strip()
        if not party_a or not party_b:
            raise StoreError(t("error.parties_need_names"))
        if party_a.casefold() == party_b.casefold():  # find_party matches names case-insensitively
            raise StoreError(t("error.parties_same_name"))
        title = (title or "").strip() or review_title(party_a, party_b, language)
        now = self._now()
        with self.transaction():
            review_id = self.db["reviews"].insert(
                {"title": title, "template": template.key, "facilitator": facilitator, "created_at": now}
            ).last_pk
            party_ids = []
            for key, name in (("a", party_a), ("b", party_b)):
                party_ids.append(
                    self.db["parties"].insert(
                        {"review_id": review_id, "key": key, "name": name, "kind": template.party_kind}
                    ).last_pk
                )
            for position, question in enumerate(template.questions, start=1):
                self.db["questions"].insert(
                    {
                        "review_id": review_id,
                        "position": position,
                        "text": question.text,
                        "sub_questions": json.dumps(list(question.sub_questions), ensure_ascii=False),
                        "selected": 1,
                    }
                )
            names = {party_ids[0]: party_a, party_ids[1]: party_b}
            for plan in template.meetings:
                meeting_id = self.db["meetings"].insert(
                    {"review_id": review_id, "kind": plan.kind.value, "title": plan.title, "created_at": now}
                ).last_pk
                position = 0
                for slot in plan.slots:
                    owners = party_ids if slot.per_party else [None]
                    for party_id in owners:
                        position += 1
                        self.db["slots"].insert(
                            {
                                "meeting_id": meeting_id,
                                "position": position,
                                "title": slot.title.format(party=names.get(party_id, "")),
                                "party_id": party_id,
                                "planned_minutes": slot.minutes,
                            }
                        )
        return self.review(review_id)

    def review(self, review_id: int) -> Review:
        row = self._one("SELECT * FROM reviews WHERE id = ?", [review_id])
        if row is None:
            raise StoreError(t("error.review_missing", id=review_id))
        return _review(row)

    def find_review(self, ref: str) -> Review:
        """A review by id or by exact title (the CLI's REVIEW argument)."""
        ref = ref.strip()
        if ref.isdigit():
            row = self._one("SELECT * FROM reviews WHERE id = ? AND deleted_at IS NULL", [int(ref)])
        else:
            rows = list(self.db.query("SELECT * FROM reviews WHERE title = ? AND deleted_at IS NULL", [ref]))
            if len(rows) > 1:
                raise StoreError(t("error.review_ambiguous", ref=repr(ref)))
            row = rows[0] if rows else None
        if row is None:
            raise StoreError(t("error.review_unknown", ref=repr(ref)))
        return _review(row)

    def reviews(self, include_deleted: bool = False) -> list[ReviewSummary]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        reviews = [_review(row) for row in self.db.query(f"SELECT * FROM reviews {where} ORDER BY id")]
        parties: dict[int, list[Party]] = {}
        for row in self.db.query("SELECT * FROM parties ORDER BY review_id, key"):
            parties.setdefault(row["review_id"], []).append(_party(row))
        return [ReviewSummary(review, tuple(parties.get(review.id, ()))) for review in reviews]

    def update_review(self, review_id: int, **fields: str) -> Review:
        allowed = {"title", "facilitator", "confidentiality", "report_form"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not review fields: {sorted(unknown)}")
        if "title" in fields and not fields["title"].strip():
            raise StoreError(t("error.review_needs_title"))
        with self.transaction():
            self.db["reviews"].update(review_id, fields)
        return self.review(review_id)

    def delete_review(self, review_id: int) -> None:
        """Soft delete: the review stays recoverable for RECOVERABLE_DAYS days."""
        with self.transaction():
            self.db["reviews"].update(review_id, {"deleted_at": self._now()})

    def restore_review(self, review_id: int) -> None:
        with self.transaction():
            self.db["reviews"].update(review_id, {"deleted_at": None})

    def purge_deleted_reviews(self) -> int:
        cutoff = to_iso(self.clock() - timedelta(days=RECOVERABLE_DAYS))
        with self.transaction():
            cursor = self.db.execute(
                "DELETE FROM reviews WHERE deleted_at IS NOT NULL AND deleted_at < ?", [cutoff]
            )
        return cursor.rowcount

    def review_counts(self) -> dict[int, ReviewCounts]:
        """For each live review, what `progress.current_step` decides from: a handful of grouped queries."""
        ids = [r["id"] for r in self.db.query("SELECT id FROM reviews WHERE deleted_at IS NULL")]
        questions = dict(self.db.execute(
            "SELECT review_id, COUNT(*) FROM questions WHERE selected = 1 GROUP BY review_id"
        ).fetchall())
        per_party: dict[str, dict[int, list[int]]] = {"answered": {}, "assessed": {}}
        for name, sql in (
            ("answered", "SELECT question_id, party_id FROM answers WHERE trim(text) != ''"),
            ("assessed", "SELECT DISTINCT question_id, party_id FROM assessments"),
        ):
            rows = self.db.execute(
                f"""SELECT p.review_id, p.key, COUNT(DISTINCT x.question_id) FROM ({sql}) x
                    JOIN questions q ON q.id = x.question_id AND q.selected = 1
                    JOIN parties p ON p.id = x.party_id GROUP BY p.review_id, p.key"""
            )
            for review_id, key, count in rows:
                per_party[name].setdefault(review_id, [0, 0])["ab".index(key)] = count
        actions = {
            review_id: (count, followed)
            for review_id, count, followed in self.db.execute(
                """SELECT review_id, COUNT(*), SUM(status != 'open') FROM actions
                   WHERE deleted_at IS NULL GROUP BY review_id"""
            )
        }
        meetings: dict[int, dict[MeetingKind, MeetingActivity]] = {}
        for row in self.db.query(
            """SELECT m.review_id, m.kind, m.held_on,
                      (SELECT COUNT(*) FROM slots s WHERE s.meeting_id = m.id) AS slots,
                      (SELECT COUNT(DISTINCT e.slot_id) FROM timer_events e JOIN slots s ON s.id = e.slot_id
                       WHERE s.meeting_id = m.id) AS started,
                      (SELECT COUNT(*) FROM notes n WHERE n.meeting_id = m.id AND n.deleted_at IS NULL) AS notes
               FROM meetings m ORDER BY m.id"""
        ):
            meetings.setdefault(row["review_id"], {}).setdefault(  # the first of a kind, as meeting_of_kind
                MeetingKind(row["kind"]), MeetingActivity(row["slots"], row["started"], row["notes"], row["held_on"])
            )
        return {
            review_id: ReviewCounts(
                questions=questions.get(review_id, 0),
                answered=tuple(per_party["answered"].get(review_id, (0, 0))),
                assessed=tuple(per_party["assessed"].get(review_id, (0, 0))),
                actions=actions.get(review_id, (0, 0))[0],
                actions_followed_up=actions.get(review_id, (0, 0))[1] or 0,
                meetings=meetings.get(review_id, {}),
            )
            for review_id in ids
        }

    # ----------------------------------------------------------------- parties

    def parties(self, review_id: int) -> list[Party]:
        return [_party(r) for r in self.db.query("SELECT * FROM parties WHERE review_id = ? ORDER BY key", [review_id])]

    def party(self, party_id: int) -> Party:
        row = self._one("SELECT * FROM parties WHERE id = ?", [party_id])
        if row is None:
            raise StoreError(t("error.party_missing", id=party_id))
        return _party(row)

    def find_party(self, review_id: int, ref: str) -> Party:
        """A party by key (`a`/`b`) or by name, case-insensitively."""
        wanted = ref.strip().casefold()
        for party in self.parties(review_id):
            if wanted in (party.key, party.name.casefold()):
                return party
        names = ", ".join(f"{p.key} = {p.name}" for p in self.parties(review_id))
        raise StoreError(t("error.party_unknown", ref=repr(ref), names=names))

    def update_party(self, party_id: int, **fields: Any) -> Party:
        allowed = {"name", "kind", "hours_estimate"}
        if set(fields) - allowed:
            raise ValueError(f"not party fields: {sorted(set(fields) - allowed)}")
        if "name" in fields and not str(fields["name"]).strip():
            raise StoreError(t("error.party_needs_name"))
        with self.transaction():
            self.db["parties"].update(party_id, fields)
        return self.party(party_id)

    def rename_party(self, party_id: int, name: str) -> Party:
        """Rename a party and, in the same transaction, its meeting slots ("Återkoppling till …") that carry the name."""
        name = name.strip()
        if not name:
            raise StoreError(t("error.party_needs_name"))
        party = self.party(party_id)
        if any(p.name.casefold() == name.casefold() for p in self.parties(party.review_id) if p.id != party_id):
            raise StoreError(t("error.parties_same_name"))
        with self.transaction():
            self.db["parties"].update(party_id, {"name": name})
            self.db.execute(
                "UPDATE slots SET title = replace(title, ?, ?) WHERE party_id = ?", [party.name, name, party_id]
            )
        return self.party(party_id)

    def members(self, party_id: int) -> list[Member]:
        return [
            Member(r["id"], r["party_id"], r["name"], r["role"])
            for r in self.db.query("SELECT * FROM members WHERE party_id = ? ORDER BY id", [party_id])
        ]

    def member(self, member_id: int) -> Member:
        row = self._one("SELECT * FROM members WHERE id = ?", [member_id])
        if row is None:
            raise StoreError(t("error.member_missing", id=member_id))
        return Member(row["id"], row["party_id"], row["name"], row["role"])

    def add_member(self, party_id: int, name: str, role: str = "") -> Member:
        if not name.strip():
            raise StoreError(t("error.member_needs_name"))
        with self.transaction():
            member_id = self.db["members"].insert({"party_id": party_id, "name": name.strip(), "role": role}).last_pk
        return Member(member_id, party_id, name.strip(), role)

    def update_member(self, member_id: int, name: str, role: str) -> None:
        if not name.strip():
            raise StoreError(t("error.member_needs_name"))
        with self.transaction():
            self.db["members"].update(member_id, {"name": name.strip(), "role": role.strip()})

    def remove_member(self, member_id: int) -> None:
        with self.transaction():
            self.db["members"].delete(member_id)

    # --------------------------------------------------------------- questions

    def questions(self, review_id: int, selected_only: bool = False) -> list[Question]:
        where = " AND selected = 1" if selected_only else ""
        return [
            _question(r)
            for r in self.db.query(
                f"SELECT * FROM questions WHERE review_id = ?{where} ORDER BY position", [review_id]
            )
        ]

    def question(self, question_id: int) -> Question:
        row = self._one("SELECT * FROM questions WHERE id = ?", [question_id])
        if row is None:
            raise StoreError(t("error.question_missing", id=question_id))
        return _question(row)

    def add_question(self, review_id: int, text: str, sub_questions: Sequence[str] = ()) -> Question:
        if not text.strip():
            raise StoreError(t("error.question_needs_text"))
        with self.transaction():
            position = self._one(
                "SELECT COALESCE(MAX(position), 0) + 1 AS p FROM questions WHERE review_id = ?", [review_id]
            )["p"]
            question_id = self.db["questions"].insert(
                {
                    "review_id": review_id,
                    "position": position,
                    "text": text.strip(),
                    "sub_questions": json.dumps(list(sub_questions), ensure_ascii=False),
                }
            ).last_pk
        return self.question(question_id)

    def update_question(self, question_id: int, text: str, sub_questions: Sequence[str]) -> Question:
        if not text.strip():
            raise StoreError(t("error.question_needs_text"))
        with self.transaction():
            self.db["questions"].update(
                question_id,
                {"text": text.strip(), "sub_questions": json.dumps(list(sub_questions), ensure_ascii=False)},
            )
        return self.question(question_id)

    def set_question_selected(self, question_id: int, selected: bool) -> None:
        with self.transaction():
            self.db["questions"].update(question_id, {"selected": int(selected)})

    def move_question(self, question_id: int, offset: int) -> None:
        """Move a question up (negative) or down in the list; positions stay 1..n."""
        question = self.question(question_id)
        ordered = self.questions(question.review_id)
        index = next(i for i, q in enumerate(ordered) if q.id == question_id)
        target = max(0, min(len(ordered) - 1, index + offset))
        ordered.insert(target, ordered.pop(index))
        with self.transaction():
            for position, q in enumerate(ordered, start=1):
                self.db.execute("UPDATE questions SET position = ? WHERE id = ?", [position, q.id])

    def remove_question(self, question_id: int) -> None:
        question = self.question(question_id)
        with self.transaction():
            self.db["questions"].delete(question_id)
            rest = self.questions(question.review_id)
            for position, q in enumerate(rest, start=1):
                self.db.execute("UPDATE questions SET position = ? WHERE id = ?", [position, q.id])

    # ---------------------------------------------------------- answers, docs

    def answers(self, review_id: int) -> dict[tuple[int, int], Answer]:
        """All answers of a review, keyed by (question_id, party_id)."""
        rows = self.db.query(
            "SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.review_id = ?",
            [review_id],
        )
        return {(r["question_id"], r["party_id"]): _answer(r) for r in rows}

    def set_answer(self, question_id: int, party_id: int, text: str) -> None:
        with self.transaction():
            self._write_answer(question_id, party_id, text)

    def _write_answer(self, question_id: int, party_id: int, text: str) -> None:
        self.db.execute(
            """INSERT INTO answers (question_id, party_id, text, updated_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (question_id, party_id) DO UPDATE SET text = excluded.text,
               updated_at = excluded.updated_at""",
            [question_id, party_id, text, self._now()],
        )

    def documents(self, party_id: int) -> list[Document]:
        return [
            Document(r["id"], r["party_id"], r["question_id"], r["title"])
            for r in self.db.query("SELECT * FROM documents WHERE party_id = ? ORDER BY id", [party_id])
        ]

    def add_document(self, party_id: int, title: str, question_id: int | None = None) -> Document:
        if not title.strip():
            raise StoreError(t("error.document_needs_title"))
        with self.transaction():
            doc_id = self.db["documents"].insert(
                {"party_id": party_id, "question_id": question_id, "title": title.strip()}
            ).last_pk
        return Document(doc_id, party_id, question_id, title.strip())

    def remove_document(self, document_id: int) -> None:
        with self.transaction():
            self.db["documents"].delete(document_id)

    def rename_document(self, document_id: int, title: str) -> None:
        if not title.strip():
            raise StoreError(t("error.document_needs_title"))
        with self.transaction():
            self.db["documents"].update(document_id, {"title": title.strip()})

    def import_answers(self, party_id: int, answers: Iterable[tuple[int, str, Sequence[str]]]) -> int:
        """Replace a party's answers and documents for the given questions, all or nothing.

        A question left empty in the file (as in a fresh answer template) is skipped, not blanked.
        """
        count = 0
        with self.transaction():
            for question_id, text, documents in answers:
                if not text.strip() and not documents:
                    continue
                self._write_answer(question_id, party_id, text)
                self.db.execute(
                    "DELETE FROM documents WHERE party_id = ? AND question_id = ?", [party_id, question_id]
                )
                for title in documents:
                    self.db["documents"].insert({"party_id": party_id, "question_id": question_id, "title": title})
                count += 1
        return count

    # ------------------------------------------------------------- assessments

    def assessments(self, review_id: int) -> list[Assessment]:
        rows = self.db.query(
            """SELECT a.* FROM assessments a JOIN questions q ON q.id = a.question_id
               WHERE q.review_id = ? ORDER BY q.position, a.id""",
            [review_id],
        )
        return [_assessment(r) for r in rows]

    def add_assessment(
        self, question_id: int, party_id: int, reviewer_party_id: int, sign: Sign, comment: str
    ) -> Assessment:
        if party_id == reviewer_party_id:
            raise StoreError(t("error.assessment_own"))
        with self.transaction():
            assessment_id = self.db["assessments"].insert(
                {
                    "question_id": question_id,
                    "party_id": party_id,
                    "reviewer_party_id": reviewer_party_id,
                    "sign": Sign(sign).value,
                    "comment": comment.strip(),
                    "created_at": self._now(),
                }
            ).last_pk
        return _assessment(self._one("SELECT * FROM assessments WHERE id = ?", [assessment_id]))

    def update_assessment(self, assessment_id: int, sign: Sign, comment: str) -> None:
        with self.transaction():
            self.db["assessments"].update(assessment_id, {"sign": Sign(sign).value, "comment": comment.strip()})

    def delete_assessment(self, assessment_id: int) -> None:
        with self.transaction():
            self.db["assessments"].delete(assessment_id)

    def import_assessments(
        self, party_id: int, reviewer_party_id: int, items: Iterable[tuple[int, Sign, str]]
    ) -> int:
        """Replace the reviewer's assessments of a party for the questions in the file, all or nothing."""
        items = list(items)
        now = self._now()
        with self.transaction():
            for question_id in {question_id for question_id, _, _ in items}:
                self.db.execute(
                    "DELETE FROM assessments WHERE question_id = ? AND party_id = ? AND reviewer_party_id = ?",
                    [question_id, party_id, reviewer_party_id],
                )
            for question_id, sign, comment in items:
                self.db["assessments"].insert(
                    {
                        "question_id": question_id,
                        "party_id": party_id,
                        "reviewer_party_id": reviewer_party_id,
                        "sign": Sign(sign).value,
                        "comment": comment,
                        "created_at": now,
                    }
                )
        return len(items)

    # ---------------------------------------------------------------- meetings

    def meetings(self, review_id: int) -> list[Meeting]:
        return [_meeting(r) for r in self.db.query("SELECT * FROM meetings WHERE review_id = ? ORDER BY id", [review_id])]

    def meeting(self, meeting_id: int) -> Meeting:
        row = self._one("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise StoreError(t("error.meeting_missing", id=meeting_id))
        return _meeting(row)

    def meeting_of_kind(self, review_id: int, kind: MeetingKind) -> Meeting:
        row = self._one(
            "SELECT * FROM meetings WHERE review_id = ? AND kind = ? ORDER BY id LIMIT 1", [review_id, kind.value]
        )
        if row is None:
            raise StoreError(t("error.meeting_kind_missing", id=review_id, kind=kind.value))
        return _meeting(row)

    def set_meeting_position(self, meeting_id: int, slot_id: int | None, question_id: int | None) -> None:
        """Remember where the meeting is, so a restart opens it on the same slot and question."""
        with self.transaction():
            self.db["meetings"].update(meeting_id, {"current_slot_id": slot_id, "current_question_id": question_id})

    def set_meeting_held_on(self, meeting_id: int, held_on: str | None) -> None:
        with self.transaction():
            self.db["meetings"].update(meeting_id, {"held_on": held_on})

    def slots(self, meeting_id: int) -> list[Slot]:
        return [_slot(r) for r in self.db.query("SELECT * FROM slots WHERE meeting_id = ? ORDER BY position", [meeting_id])]

    def update_slot(self, slot_id: int, title: str | None = None, planned_minutes: int | None = None) -> None:
        fields: dict[str, Any] = {}
        if title is not None:
            fields["title"] = title
        if planned_minutes is not None:
            if planned_minutes <= 0:
                raise StoreError(t("error.slot_minutes"))
            fields["planned_minutes"] = planned_minutes
        with self.transaction():
            self.db["slots"].update(slot_id, fields)

    def add_timer_event(self, slot_id: int, kind: TimerEventKind, at: datetime | None = None) -> TimerEvent:
        at_text = to_iso(at or self.clock())
        with self.transaction():
            event_id = self.db["timer_events"].insert({"slot_id": slot_id, "kind": kind.value, "at": at_text}).last_pk
        return TimerEvent(event_id, slot_id, kind, at_text)

    def timer_events(self, meeting_id: int) -> dict[int, list[TimerEvent]]:
        """Every slot's timer events, keyed by slot id, in the order they happened."""
        rows = self.db.query(
            """SELECT e.* FROM timer_events e JOIN slots s ON s.id = e.slot_id
               WHERE s.meeting_id = ? ORDER BY e.at, e.id""",
            [meeting_id],
        )
        events: dict[int, list[TimerEvent]] = {slot.id: [] for slot in self.slots(meeting_id)}
        for r in rows:
            events[r["slot_id"]].append(TimerEvent(r["id"], r["slot_id"], TimerEventKind(r["kind"]), r["at"]))
        return events

    # ------------------------------------------------------------------- notes

    def add_note(
        self,
        meeting_id: int,
        party_id: int,
        category: Category,
        text: str,
        slot_id: int | None = None,
        question_id: int | None = None,
    ) -> Note:
        """Commit a note; only when this returns may the screen show it as saved."""
        text = text.strip()
        if not text:
            raise StoreError(t("error.note_empty"))
        now = self._now()
        with self.transaction():
            note_id = self.db["notes"].insert(
                {
                    "meeting_id": meeting_id,
                    "slot_id": slot_id,
                    "question_id": question_id,
                    "party_id": party_id,
                    "category": Category(category).value,
                    "text": text,
                    "in_report": 0,
                    "share": Share.INTERNAL.value,
                    "created_at": now,
                    "updated_at": now,
                }
            ).last_pk
        return self.note(note_id)

    def note(self, note_id: int) -> Note:
        row = self._one("SELECT * FROM notes WHERE id = ?", [note_id])
        if row is None:
            raise StoreError(t("error.note_missing", id=note_id))
        return _note(row)

    def notes(self, meeting_id: int, question_id: int | None = None, include_deleted: bool = False) -> list[Note]:
        sql = "SELECT * FROM notes WHERE meeting_id = ?"
        params: list[Any] = [meeting_id]
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        return [_note(r) for r in self.db.query(sql + " ORDER BY id", params)]

    def review_notes(self, review_id: int, kind: MeetingKind | None = None) -> list[Note]:
        """Every live note of a review (optionally of one kind of meeting), oldest first."""
        sql = """SELECT n.* FROM notes n JOIN meetings m ON m.id = n.meeting_id
                 WHERE m.review_id = ? AND n.deleted_at IS NULL"""
        params: list[Any] = [review_id]
        if kind is not None:
            sql += " AND m.kind = ?"
            params.append(kind.value)
        return [_note(r) for r in self.db.query(sql + " ORDER BY n.id", params)]

    def edit_note(self, note_id: int, text: str, category: Category | None = None) -> Note:
        text = text.strip()
        if not text:
            raise StoreError(t("error.note_edit_empty"))
        note = self.note(note_id)
        fields = {"text": text, "category": Category(category or note.category).value, "updated_at": self._now()}
        with self.transaction():
            self._record_history(note, "edit")
            self.db["notes"].update(note_id, fields)
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        note = self.note(note_id)
        with self.transaction():
            self._record_history(note, "delete")
            self.db["notes"].update(note_id, {"deleted_at": self._now(), "updated_at": self._now()})

    def _record_history(self, note: Note, op: str) -> None:
        before = {"text": note.text, "category": note.category.value, "deleted_at": note.deleted_at}
        self.db["note_history"].insert(
            {
                "note_id": note.id,
                "meeting_id": note.meeting_id,
                "op": op,
                "before": json.dumps(before, ensure_ascii=False),
                "at": self._now(),
            }
        )

    def undo_last_change(self, meeting_id: int) -> tuple[str, Note] | None:
        """Undo the meeting's most recent edit or delete that is not undone yet; works across restarts."""
        row = self._one(
            "SELECT * FROM note_history WHERE meeting_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [meeting_id],
        )
        if row is None:
            return None
        before = json.loads(row["before"])
        with self.transaction():
            self.db["notes"].update(
                row["note_id"],
                {
                    "text": before["text"],
                    "category": before["category"],
                    "deleted_at": before["deleted_at"],
                    "updated_at": self._now(),
                },
            )
            self.db["note_history"].update(row["id"], {"undone_at": self._now()})
        return row["op"], self.note(row["note_id"])

    def set_note_flags(
        self, note_id: int, in_report: bool | None = None, share: Share | None = None, party_id: int | None = None
    ) -> Note:
        fields: dict[str, Any] = {"updated_at": self._now()}
        if in_report is not None:
            fields["in_report"] = int(in_report)
        if share is not None:
            fields["share"] = Share(share).value
        if party_id is not None:
            fields["party_id"] = party_id
        with self.transaction():
            self.db["notes"].update(note_id, fields)
        return self.note(note_id)

    def set_party_in_report(self, meeting_id: int, party_id: int, in_report: bool) -> int:
        """Agree all of one party's live notes of a meeting for its report at once, or withdraw them all.

        A withdrawn note is also made internal: only what is in the report may be shared with the network.
        Returns how many notes were changed.
        """
        if in_report:
            change, unchanged = "in_report = 1", "in_report = 1"
        else:
            change, unchanged = "in_report = 0, share = 'internal'", "in_report = 0 AND share = 'internal'"
        sql = f"""UPDATE notes SET {change}, updated_at = ?
                  WHERE meeting_id = ? AND party_id = ? AND deleted_at IS NULL AND NOT ({unchanged})"""
        with self.transaction():
            return self.db.execute(sql, [self._now(), meeting_id, party_id]).rowcount

    # ----------------------------------------------------------------- actions

    def actions(self, review_id: int, party_id: int | None = None) -> list[Action]:
        sql = "SELECT * FROM actions WHERE review_id = ? AND deleted_at IS NULL"
        params: list[Any] = [review_id]
        if party_id is not None:
            sql += " AND party_id = ?"
            params.append(party_id)
        return [_action(r) for r in self.db.query(sql + " ORDER BY party_id, id", params)]

    def action(self, action_id: int) -> Action:
        row = self._one("SELECT * FROM actions WHERE id = ?", [action_id])
        if row is None:
            raise StoreError(t("error.action_missing", id=action_id))
        return _action(row)

    def add_action(self, review_id: int, party_id: int, goal: str, note_id: int | None = None, **fields: str) -> Action:
        if not goal.strip():
            raise StoreError(t("error.action_needs_goal"))
        now = self._now()
        record = {"review_id": review_id, "party_id": party_id, "note_id": note_id, "goal": goal.strip()}
        record.update(_action_fields(fields))
        record.update({"created_at": now, "updated_at": now})
        with self.transaction():
            action_id = self.db["actions"].insert(record).last_pk
        return self.action(action_id)

    def action_from_note(self, note_id: int) -> Action:
        """Turn a meeting note (typically a `>` note) into its owner's improvement action, once."""
        note = self.note(note_id)
        existing = self._one("SELECT * FROM actions WHERE note_id = ? AND deleted_at IS NULL", [note_id])
        if existing is not None:
            return _action(existing)
        review_id = self.meeting(note.meeting_id).review_id
        return self.add_action(review_id, note.party_id, note.text, note_id=note.id)

    def actions_from_notes(self, note_ids: Iterable[int]) -> list[Action]:
        """Several notes into actions at once (all of a party's `>` notes): all of them or, on failure, none."""
        with self.transaction():
            return [self.action_from_note(note_id) for note_id in note_ids]

    def update_action(self, action_id: int, **fields: str) -> Action:
        record = _action_fields(fields)
        if "goal" in fields:
            if not fields["goal"].strip():
                raise StoreError(t("error.action_needs_goal"))
            record["goal"] = fields["goal"].strip()
        record["updated_at"] = self._now()
        with self.transaction():
            self.db["actions"].update(action_id, record)
        return self.action(action_id)

    def delete_action(self, action_id: int) -> None:
        with self.transaction():
            self.db["actions"].update(action_id, {"deleted_at": self._now()})


# --------------------------------------------------------------------- helpers


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def _check_identity(db: Database, path: Path) -> None:
    """Refuse files that are another program's database, damaged, or from a newer hfs-tui."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = set(db.table_names())
    if application_id != schema.APPLICATION_ID and tables - {schema.migrations.migrations_table}:
        raise StoreError(t("error.db.foreign", path=path))
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise StoreError(t("error.db.damaged", path=path, reason=check))
    applied = {m.name for m in schema.migrations.applied(db)}
    newer = applied - schema.KNOWN_MIGRATIONS
    if newer:
        raise StoreError(t("error.db.newer", path=path))


_ACTION_TEXT_FIELDS = ("activities", "responsible", "timeline", "follow_up", "outcome", "sustain")


def _action_fields(fields: dict[str, str]) -> dict[str, str]:
    unknown = set(fields) - set(_ACTION_TEXT_FIELDS) - {"goal", "status"}
    if unknown:
        raise ValueError(f"not action fields: {sorted(unknown)}")
    record = {key: fields[key] for key in _ACTION_TEXT_FIELDS if key in fields}
    if "status" in fields:
        record["status"] = ActionStatus(fields["status"]).value
    return record


def _review(r: dict) -> Review:
    return Review(
        id=r["id"],
        title=r["title"],
        template=r["template"],
        created_at=r["created_at"],
        facilitator=r["facilitator"],
        confidentiality=r["confidentiality"],
        report_form=r["report_form"],
        deleted_at=r["deleted_at"],
    )


def _party(r: dict) -> Party:
    return Party(r["id"], r["review_id"], r["key"], r["name"], r["kind"], r["hours_estimate"])


def _question(r: dict) -> Question:
    return Question(
        id=r["id"],
        review_id=r["review_id"],
        position=r["position"],
        number=str(r["position"]),
        text=r["text"],
        sub_questions=tuple(json.loads(r["sub_questions"])),
        selected=bool(r["selected"]),
    )


def _answer(r: dict) -> Answer:
    return Answer(r["id"], r["question_id"], r["party_id"], r["text"], r["updated_at"])


def _assessment(r: dict) -> Assessment:
    return Assessment(
        r["id"], r["question_id"], r["party_id"], r["reviewer_party_id"], Sign(r["sign"]), r["comment"], r["created_at"]
    )


def _meeting(r: dict) -> Meeting:
    return Meeting(
        id=r["id"],
        review_id=r["review_id"],
        kind=MeetingKind(r["kind"]),
        title=r["title"],
        created_at=r["created_at"],
        held_on=r["held_on"],
        current_slot_id=r["current_slot_id"],
        current_question_id=r["current_question_id"],
    )


def _slot(r: dict) -> Slot:
    return Slot(r["id"], r["meeting_id"], r["position"], r["title"], r["planned_minutes"], r["party_id"])


def _note(r: dict) -> Note:
    return Note(
        id=r["id"],
        meeting_id=r["meeting_id"],
        slot_id=r["slot_id"],
        question_id=r["question_id"],
        party_id=r["party_id"],
        category=Category(r["category"]),
        text=r["text"],
        in_report=bool(r["in_report"]),
        share=Share(r["share"]),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        deleted_at=r["deleted_at"],
    )


def _action(r: dict) -> Action:
    return Action(
        id=r["id"],
        review_id=r["review_id"],
        party_id=r["party_id"],
        goal=r["goal"],
        activities=r["activities"],
        responsible=r["responsible"],
        timeline=r["timeline"],
        follow_up=r["follow_up"],
        status=ActionStatus(r["status"]),
        outcome=r["outcome"],
        sustain=r["sustain"],
        note_id=r["note_id"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        deleted_at=r["deleted_at"],
    )
