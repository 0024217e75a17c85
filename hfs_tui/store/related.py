"""What other reviews released to the network for the same question: the meeting's "others" panel.

The same question across reviews: reviews of the same template, and the same question of that template,
recognised by its text in any language the template comes in (so reordering or the review's language
does not matter); a question the template does not have (added or reworded in setup) is the same as
another review's question with the same text, whitespace and case aside.

Ownership: only notes their owner released to the network (search.released_note_sql, the rule search
and publish use), of live reviews other than the one asked from, on a question selected there. The
review asked from contributes nothing, not even its released notes: the panel is about the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..errors import StoreError
from ..i18n import t
from ..model import Category
from ..templates import TEMPLATES, get_template
from .connection import StoreBase
from .search import SearchHit, released_note_sql, search

LANGUAGES = ("sv", "en")
CATEGORY_ORDER = (  # strengths and good examples first: "Region X solved this with …"
    Category.GOOD_EXAMPLE,
    Category.STRENGTH,
    Category.LESSON,
    Category.ACTION,
    Category.IMPROVEMENT,
    Category.NOTE,
)


@dataclass(frozen=True)
class ReleasedNote:
    note_id: int
    review_id: int
    review_title: str
    party_name: str
    question_number: int
    category: Category
    text: str


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=16)
def _template_positions(template_key: str) -> dict[str, int]:
    """Each question text of the template (every language, normalised) -> its place in the template."""
    if template_key not in TEMPLATES:
        return {}
    positions: dict[str, int] = {}
    for language in LANGUAGES:
        for index, question in enumerate(get_template(template_key, language).questions):
            positions.setdefault(_normal(question.text), index)
    return positions


def question_key(template_key: str, text: str) -> tuple[str, str]:
    """How a question is known across reviews (see the module doc)."""
    index = _template_positions(template_key).get(_normal(text))
    return (template_key, f"#{index}") if index is not None else (template_key, _normal(text))


_NOTES_SQL = """
SELECT n.id AS note_id, r.id AS review_id, r.title AS review_title, p.name AS party_name,
       q.position AS question_number, n.category, n.text
FROM questions q
JOIN reviews r ON r.id = q.review_id AND r.deleted_at IS NULL
JOIN meetings m ON m.review_id = r.id
JOIN notes n ON n.meeting_id = m.id AND n.question_id = q.id
JOIN parties p ON p.id = n.party_id AND p.review_id = r.id
WHERE q.id IN (SELECT value FROM json_each(:ids)) AND q.selected = 1 AND r.id != :review AND {released}
ORDER BY r.created_at DESC, r.id DESC, n.id
"""


class RelatedMixin(StoreBase):
    def search(self, text: str, **options: object) -> list[SearchHit]:
        """Ranked hits for typed text (store.search.search: the perspectives and the ownership rule)."""
        return search(self.db, text, **options)  # type: ignore[arg-type]

    def released_elsewhere(self, question_id: int, limit: int = 200) -> list[ReleasedNote]:
        """The released notes of other reviews on the same question, good examples and strengths first."""
        asked = self._one(
            "SELECT q.text, r.id AS review_id, r.template FROM questions q JOIN reviews r ON r.id = q.review_id "
            "WHERE q.id = ?",
            [question_id],
        )
        if asked is None:
            raise StoreError(t("error.question_missing", id=question_id))
        wanted = question_key(asked["template"], asked["text"])
        candidates = self.db.execute(
            "SELECT q.id, q.text FROM questions q JOIN reviews r ON r.id = q.review_id "
            "WHERE r.template = ? AND r.id != ? AND r.deleted_at IS NULL AND q.selected = 1",
            [asked["template"], asked["review_id"]],
        ).fetchall()
        ids = [qid for qid, text in candidates if question_key(asked["template"], text) == wanted]
        if not ids:
            return []
        cursor = self.db.execute(
            _NOTES_SQL.format(released=released_note_sql("n")),
            {"ids": json.dumps(ids), "review": asked["review_id"]},
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        notes = [ReleasedNote(**{**row, "category": Category(row["category"])}) for row in rows]
        order = {category: place for place, category in enumerate(CATEGORY_ORDER)}
        notes.sort(key=lambda note: order[note.category])  # stable: newest review first within a category
        return notes[:limit]
