"""The review's questions: chosen, ordered, edited (step 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..errors import StoreError
from ..i18n import t
from ..model import Question
from . import rows
from .connection import StoreBase


class QuestionsMixin(StoreBase):
    def questions(self, review_id: int, selected_only: bool = False) -> list[Question]:
        where = " AND selected = 1" if selected_only else ""
        return [
            rows.question(r)
            for r in self.db.query(f"SELECT * FROM questions WHERE review_id = ?{where} ORDER BY position", [review_id])
        ]

    def question(self, question_id: int) -> Question:
        row = self._one("SELECT * FROM questions WHERE id = ?", [question_id])
        if row is None:
            raise StoreError(t("error.question_missing", id=question_id))
        return rows.question(row)

    def add_question(self, review_id: int, text: str, sub_questions: Sequence[str] = ()) -> Question:
        if not text.strip():
            raise StoreError(t("error.question_needs_text"))
        with self.transaction():
            position = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM questions WHERE review_id = ?", [review_id]
            ).fetchone()[0]
            question_id = self._insert(
                "questions",
                {
                    "review_id": review_id,
                    "position": position,
                    "text": text.strip(),
                    "sub_questions": json.dumps(list(sub_questions), ensure_ascii=False),
                },
            )
        return self.question(question_id)

    def update_question(self, question_id: int, text: str, sub_questions: Sequence[str]) -> Question:
        if not text.strip():
            raise StoreError(t("error.question_needs_text"))
        with self.transaction():
            self.db.table("questions").update(
                question_id,
                {"text": text.strip(), "sub_questions": json.dumps(list(sub_questions), ensure_ascii=False)},
            )
        return self.question(question_id)

    def set_question_selected(self, question_id: int, selected: bool) -> None:
        with self.transaction():
            self.db.table("questions").update(question_id, {"selected": int(selected)})

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
            self.db.table("questions").delete(question_id)
            rest = self.questions(question.review_id)
            for position, q in enumerate(rest, start=1):
                self.db.execute("UPDATE questions SET position = ? WHERE id = ?", [position, q.id])
