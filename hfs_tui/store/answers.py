"""Each party's answers and documents (step 2) and the + / − assessments (step 3), with their file imports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import StoreError
from ..i18n import t
from ..model import Answer, Assessment, Document, Sign
from . import rows
from .connection import StoreBase


class AnswersMixin(StoreBase):
    def answers(self, review_id: int) -> dict[tuple[int, int], Answer]:
        """All answers of a review, keyed by (question_id, party_id)."""
        found = self.db.query(
            "SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.review_id = ?",
            [review_id],
        )
        return {(r["question_id"], r["party_id"]): rows.answer(r) for r in found}

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
            document = {"party_id": party_id, "question_id": question_id, "title": title.strip()}
            doc_id = self._insert("documents", document)
        return Document(doc_id, party_id, question_id, title.strip())

    def remove_document(self, document_id: int) -> None:
        with self.transaction():
            self.db.table("documents").delete(document_id)

    def rename_document(self, document_id: int, title: str) -> None:
        if not title.strip():
            raise StoreError(t("error.document_needs_title"))
        with self.transaction():
            self.db.table("documents").update(document_id, {"title": title.strip()})

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
                self.db.execute("DELETE FROM documents WHERE party_id = ? AND question_id = ?", [party_id, question_id])
                for title in documents:
                    self.db.table("documents").insert(
                        {"party_id": party_id, "question_id": question_id, "title": title}
                    )
                count += 1
        return count

    # ------------------------------------------------------------- assessments

    def assessments(self, review_id: int) -> list[Assessment]:
        found = self.db.query(
            """SELECT a.* FROM assessments a JOIN questions q ON q.id = a.question_id
               WHERE q.review_id = ? ORDER BY q.position, a.id""",
            [review_id],
        )
        return [rows.assessment(r) for r in found]

    def add_assessment(
        self, question_id: int, party_id: int, reviewer_party_id: int, sign: Sign, comment: str
    ) -> Assessment:
        if party_id == reviewer_party_id:
            raise StoreError(t("error.assessment_own"))
        with self.transaction():
            assessment_id = self._insert(
                "assessments",
                {
                    "question_id": question_id,
                    "party_id": party_id,
                    "reviewer_party_id": reviewer_party_id,
                    "sign": Sign(sign).value,
                    "comment": comment.strip(),
                    "created_at": self._now(),
                },
            )
        row = self._one("SELECT * FROM assessments WHERE id = ?", [assessment_id])
        assert row is not None  # just inserted in this connection
        return rows.assessment(row)

    def update_assessment(self, assessment_id: int, sign: Sign, comment: str) -> None:
        with self.transaction():
            self.db.table("assessments").update(assessment_id, {"sign": Sign(sign).value, "comment": comment.strip()})

    def delete_assessment(self, assessment_id: int) -> None:
        with self.transaction():
            self.db.table("assessments").delete(assessment_id)

    def import_assessments(self, party_id: int, reviewer_party_id: int, items: Iterable[tuple[int, Sign, str]]) -> int:
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
                self.db.table("assessments").insert(
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
