"""Full-text search over notes, answers, assessments and actions (SQLite FTS5), with the ownership rule.

The index is the FTS5 table `search_index` (migration `m_network_search_and_review_uid`): one row per
note, answer, assessment and action, `rowid = source id * 4 + kind code`, kept current by triggers on
every insert, text change and hard delete. Flags (owner, share, in_report, deleted_at) are not copied
into the index: every search joins the live rows, so an owner switch or a soft delete counts at once.

Ownership rule: what emerges about a party belongs to it. Searching the facilitator's own database shows
every live hit. With `network_only`, or from the perspective of a review (`for_review_id`: hits from the
other reviews), only notes and actions that their owner released (`share = 'network'`) and that are in
the report show; answers and assessments of other reviews never do (there is no release flag for them).
Deleted notes, actions and reviews never show.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from .model import Category

KINDS = ("note", "answer", "assessment", "action")  # index = kind code in search_index.rowid
HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"  # snippet markers; turned into spans, never into markup
SNIPPET_TOKENS = 16
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # note, answer, assessment or action
    source_id: int  # id in the kind's table
    review_id: int
    review_title: str
    party_id: int
    party_name: str
    question_id: int | None
    question_number: int | None
    question_text: str | None
    category: str | None  # a note's category; strength/improvement for + / − assessments; action
    snippet: str  # with HIGHLIGHT_START / HIGHLIGHT_END around the matched terms
    rank: float  # bm25: lower is better
    meeting_id: int | None = None  # the note's meeting

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) pieces, for a screen to style as spans."""
        return snippet_parts(self.snippet)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    parts: list[tuple[str, bool]] = []
    highlighted = False
    for piece in re.split(f"([{HIGHLIGHT_START}{HIGHLIGHT_END}])", snippet):
        if piece == HIGHLIGHT_START:
            highlighted = True
        elif piece == HIGHLIGHT_END:
            highlighted = False
        elif piece:
            parts.append((piece, highlighted))
    return parts


def fts_query(text: str) -> str:
    """Any typed text as a safe FTS5 query: each word a quoted prefix term, all of them required.

    Quoting makes `"`, `*`, `-`, `NEAR`, `AND`, `OR`, `NOT`, `:` and parentheses plain text, so no
    input can be an FTS syntax error. Words without a letter or digit are dropped. Empty: no query.
    """
    terms = []
    for word in text.replace("\x00", " ").split():  # FTS5 reads a NUL as the end of the query
        if _WORD.search(word.replace("_", "")):
            terms.append('"' + word.replace('"', '""') + '"*')
    return " ".join(terms)


def has_column(db: Database, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def released_action_sql(db: Database, alias: str = "ac") -> str:
    """SQL true for an action its owner released to the network; false unless the schema has the flags."""
    if not has_column(db, "actions", "share"):
        return "0"
    condition = f"{alias}.share = 'network'"
    if has_column(db, "actions", "in_report"):
        condition += f" AND {alias}.in_report = 1"
    return condition


_HITS_SQL = """
WITH matched AS (
    SELECT rowid, rowid % 4 AS code, rowid / 4 AS source_id, bm25(search_index) AS rank
    FROM search_index WHERE search_index MATCH :query
), items AS (
    SELECT m.rowid, m.code, m.source_id, m.rank,
        CASE m.code WHEN 0 THEN mt.review_id WHEN 3 THEN ac.review_id ELSE q.review_id END AS review_id,
        COALESCE(n.party_id, an.party_id, asm.party_id, ac.party_id) AS party_id,
        CASE m.code WHEN 0 THEN n.question_id WHEN 1 THEN an.question_id WHEN 2 THEN asm.question_id
             ELSE an_note.question_id END AS question_id,
        CASE m.code WHEN 0 THEN n.category WHEN 2 THEN
             (CASE asm.sign WHEN '+' THEN 'strength' ELSE 'improvement' END) WHEN 3 THEN 'action' END AS category,
        n.meeting_id AS meeting_id,
        CASE m.code
            WHEN 0 THEN n.deleted_at IS NULL AND n.id IS NOT NULL
            WHEN 3 THEN ac.deleted_at IS NULL AND ac.id IS NOT NULL
            ELSE COALESCE(an.id, asm.id) IS NOT NULL END AS live,
        CASE m.code
            WHEN 0 THEN n.share = 'network' AND n.in_report = 1
            WHEN 3 THEN {released_action}
            ELSE 0 END AS released
    FROM matched m
    LEFT JOIN notes n ON m.code = 0 AND n.id = m.source_id
    LEFT JOIN meetings mt ON mt.id = n.meeting_id
    LEFT JOIN answers an ON m.code = 1 AND an.id = m.source_id
    LEFT JOIN assessments asm ON m.code = 2 AND asm.id = m.source_id
    LEFT JOIN actions ac ON m.code = 3 AND ac.id = m.source_id
    LEFT JOIN notes an_note ON an_note.id = ac.note_id
    LEFT JOIN questions q ON q.id = COALESCE(an.question_id, asm.question_id)
)
SELECT i.*, r.title AS review_title, p.name AS party_name, qq.position AS question_number, qq.text AS question_text
FROM items i
JOIN reviews r ON r.id = i.review_id AND r.deleted_at IS NULL
JOIN parties p ON p.id = i.party_id
LEFT JOIN questions qq ON qq.id = i.question_id
WHERE i.live {filters}
ORDER BY i.rank, i.rowid
LIMIT :limit
"""


def search(
    db: Database,
    text: str,
    *,
    category: str | None = None,
    review_id: int | None = None,
    for_review_id: int | None = None,
    network_only: bool = False,
    limit: int = 50,
) -> list[SearchHit]:
    """Ranked hits (best first) for typed text; see the module doc for what each perspective may see.

    `review_id` keeps hits of that review only; `category` those of one note category (assessments count
    as strength/improvement, actions as action).
    """
    query = fts_query(text)
    if not query or limit <= 0:
        return []
    filters: list[str] = []
    params: dict[str, object] = {"query": query, "limit": int(limit)}
    if network_only:
        filters.append("i.released")
    elif for_review_id is not None:
        filters.append("(i.review_id = :for_review OR i.released)")
        params["for_review"] = int(for_review_id)
    if review_id is not None:
        filters.append("i.review_id = :review")
        params["review"] = int(review_id)
    if category is not None:
        filters.append("i.category = :category")
        params["category"] = Category(category).value
    sql = _HITS_SQL.format(
        released_action=released_action_sql(db),
        filters="".join(f" AND {f}" for f in filters),
    )
    try:
        cursor = db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    except sqlite3.OperationalError as error:
        if "fts5" in str(error).lower():  # never expected with fts_query; a search must not crash the app
            return []
        raise
    snippets = _snippets(db, query, [row["rowid"] for row in rows])
    return [
        SearchHit(
            kind=KINDS[row["code"]],
            source_id=row["source_id"],
            review_id=row["review_id"],
            review_title=row["review_title"],
            party_id=row["party_id"],
            party_name=row["party_name"],
            question_id=row["question_id"],
            question_number=row["question_number"],
            question_text=row["question_text"],
            category=row["category"],
            snippet=snippets.get(row["rowid"], ""),
            rank=row["rank"],
            meeting_id=row["meeting_id"],
        )
        for row in rows
    ]


def _snippets(db: Database, query: str, rowids: list[int]) -> dict[int, str]:
    """snippet() for the few rows shown only (computing it for every match would cost the most)."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    sql = (
        f"SELECT rowid, snippet(search_index, 0, ?, ?, '…', {SNIPPET_TOKENS}) FROM search_index"
        f" WHERE search_index MATCH ? AND rowid IN ({marks})"
    )
    return dict(db.execute(sql, [HIGHLIGHT_START, HIGHLIGHT_END, query, *rowids]).fetchall())


def rebuild_index(db: Database) -> None:
    """Rebuild the index from the tables (for a repair; the triggers keep it current otherwise)."""
    from .schema import _SEARCH_SOURCES

    with db.atomic():
        db.execute("DELETE FROM search_index")
        for table, code, text, _columns in _SEARCH_SOURCES:
            db.execute(
                f"INSERT INTO search_index (rowid, text) SELECT r.id * 4 + {code}, {text.format(r='r')} FROM {table} r"
            )
