"""Reviews: creating one from a template, finding, editing, soft-deleting and the home list's counts."""

from __future__ import annotations

import json
from datetime import timedelta

from .. import i18n
from ..clock import to_iso
from ..errors import StoreError
from ..i18n import t
from ..model import MeetingKind, Party, Review, ReviewSummary
from ..progress import MeetingActivity, ReviewCounts
from ..templates import get_template, review_title
from . import rows
from .connection import StoreBase

RECOVERABLE_DAYS = 30


class ReviewsMixin(StoreBase):
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
            review_id = self._insert(
                "reviews", {"title": title, "template": template.key, "facilitator": facilitator, "created_at": now}
            )
            party_ids: list[int | None] = []
            for key, name in (("a", party_a), ("b", party_b)):
                party = {"review_id": review_id, "key": key, "name": name, "kind": template.party_kind}
                party_ids.append(self._insert("parties", party))
            for position, question in enumerate(template.questions, start=1):
                self.db.table("questions").insert(
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
                meeting = {"review_id": review_id, "kind": plan.kind.value, "title": plan.title, "created_at": now}
                meeting_id = self._insert("meetings", meeting)
                position = 0
                for slot in plan.slots:
                    owners: list[int | None] = party_ids if slot.per_party else [None]
                    for party_id in owners:
                        position += 1
                        self.db.table("slots").insert(
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
        return rows.review(row)

    def find_review(self, ref: str) -> Review:
        """A review by id or by exact title (the CLI's REVIEW argument)."""
        ref = ref.strip()
        if ref.isdigit():
            row = self._one("SELECT * FROM reviews WHERE id = ? AND deleted_at IS NULL", [int(ref)])
        else:
            found = list(self.db.query("SELECT * FROM reviews WHERE title = ? AND deleted_at IS NULL", [ref]))
            if len(found) > 1:
                raise StoreError(t("error.review_ambiguous", ref=repr(ref)))
            row = found[0] if found else None
        if row is None:
            raise StoreError(t("error.review_unknown", ref=repr(ref)))
        return rows.review(row)

    def reviews(self, include_deleted: bool = False) -> list[ReviewSummary]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        reviews = [rows.review(row) for row in self.db.query(f"SELECT * FROM reviews {where} ORDER BY id")]
        parties: dict[int, list[Party]] = {}
        for row in self.db.query("SELECT * FROM parties ORDER BY review_id, key"):
            parties.setdefault(row["review_id"], []).append(rows.party(row))
        return [ReviewSummary(review, tuple(parties.get(review.id, ()))) for review in reviews]

    def update_review(self, review_id: int, **fields: str) -> Review:
        allowed = {"title", "facilitator", "confidentiality", "report_form"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not review fields: {sorted(unknown)}")
        if "title" in fields and not fields["title"].strip():
            raise StoreError(t("error.review_needs_title"))
        with self.transaction():
            self.db.table("reviews").update(review_id, fields)
        return self.review(review_id)

    def delete_review(self, review_id: int) -> None:
        """Soft delete: the review stays recoverable for RECOVERABLE_DAYS days."""
        with self.transaction():
            self.db.table("reviews").update(review_id, {"deleted_at": self._now()})

    def restore_review(self, review_id: int) -> None:
        with self.transaction():
            self.db.table("reviews").update(review_id, {"deleted_at": None})

    def purge_deleted_reviews(self) -> int:
        cutoff = to_iso(self.clock() - timedelta(days=RECOVERABLE_DAYS))
        with self.transaction():
            cursor = self.db.execute("DELETE FROM reviews WHERE deleted_at IS NOT NULL AND deleted_at < ?", [cutoff])
        return cursor.rowcount

    def review_counts(self) -> dict[int, ReviewCounts]:
        """For each live review, what `progress.current_step` decides from: a handful of grouped queries."""
        ids = [r["id"] for r in self.db.query("SELECT id FROM reviews WHERE deleted_at IS NULL")]
        questions = dict(
            self.db.execute(
                "SELECT review_id, COUNT(*) FROM questions WHERE selected = 1 GROUP BY review_id"
            ).fetchall()
        )
        per_party: dict[str, dict[int, list[int]]] = {"answered": {}, "assessed": {}}
        for name, sql in (
            ("answered", "SELECT question_id, party_id FROM answers WHERE trim(text) != ''"),
            ("assessed", "SELECT DISTINCT question_id, party_id FROM assessments"),
        ):
            found = self.db.execute(
                f"""SELECT p.review_id, p.key, COUNT(DISTINCT x.question_id) FROM ({sql}) x
                    JOIN questions q ON q.id = x.question_id AND q.selected = 1
                    JOIN parties p ON p.id = x.party_id GROUP BY p.review_id, p.key"""
            )
            for review_id, key, count in found:
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
            """SELECT m.review_id, m.kind, m.held_on, m.ended_at IS NOT NULL AS ended,
                      (SELECT COUNT(*) FROM slots s WHERE s.meeting_id = m.id) AS slots,
                      (SELECT COUNT(DISTINCT e.slot_id) FROM timer_events e JOIN slots s ON s.id = e.slot_id
                       WHERE s.meeting_id = m.id) AS started,
                      (SELECT COUNT(*) FROM notes n WHERE n.meeting_id = m.id AND n.deleted_at IS NULL) AS notes
               FROM meetings m ORDER BY m.id"""
        ):
            meetings.setdefault(row["review_id"], {}).setdefault(  # the first of a kind, as meeting_of_kind
                MeetingKind(row["kind"]),
                MeetingActivity(row["slots"], row["started"], row["notes"], row["held_on"], bool(row["ended"])),
            )
        return {
            review_id: ReviewCounts(
                questions=questions.get(review_id, 0),
                answered=_pair(per_party["answered"].get(review_id, [0, 0])),
                assessed=_pair(per_party["assessed"].get(review_id, [0, 0])),
                actions=actions.get(review_id, (0, 0))[0],
                actions_followed_up=actions.get(review_id, (0, 0))[1] or 0,
                meetings=meetings.get(review_id, {}),
            )
            for review_id in ids
        }


def _pair(counts: list[int]) -> tuple[int, int]:
    return counts[0], counts[1]
