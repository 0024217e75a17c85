"""Full-text search over notes, answers, assessments and actions (SQLite FTS5), with the ownership rule.

The index is the FTS5 table `search_index` (migration `m004_network_search_and_review_uid`): one row per
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

import json
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from ..model import Category

KINDS = ("note", "answer", "assessment", "action")  # index = kind code in search_index.rowid
HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"  # snippet markers; turned into spans, never into markup
SNIPPET_TOKENS = 16
CANDIDATES_PER_HIT, MIN_CANDIDATES = 4, 200  # ranked in FTS5 before the ownership joins
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


def released_note_sql(alias: str = "n") -> str:
    """SQL true for a note its owner released to the network: shared, in the report and not deleted.

    The one statement of the rule for notes; search, the meeting's panel (related.py) and publish use it.
    """
    return f"{alias}.share = 'network' AND {alias}.in_report = 1 AND {alias}.deleted_at IS NULL"


def released_action_sql(db: Database, alias: str = "ac") -> str:
    """SQL true for an action its owner released to the network; false unless the schema has the flags."""
    if not (has_column(db, "actions", "share") and has_column(db, "actions", "in_report")):
        return "0"  # released means share 'network' AND in_report = 1: without both flags nothing is released
    return f"{alias}.share = 'network' AND {alias}.in_report = 1"


_HITS_SQL = """
WITH matched AS (
    SELECT j.key AS position, j.value AS rowid, j.value % 4 AS code, j.value / 4 AS source_id
    FROM json_each(:candidates) j
), items AS (
    SELECT m.position, m.rowid, m.code, m.source_id,
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
            WHEN 0 THEN {released_note}
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
ORDER BY i.position
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
    params: dict[str, object] = {}
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
        released_note=released_note_sql("n"),
        released_action=released_action_sql(db),
        filters="".join(f" AND {f}" for f in filters),
    )
    try:
        rows = _ranked_rows(db, sql, params, query, limit)
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


def _ranked_rows(db: Database, sql: str, params: dict[str, object], query: str, limit: int) -> list[dict]:
    """Rank every match once in FTS5 (bm25), then join and filter the best ones a batch at a time.

    The whole database needs one batch; a narrow perspective (network only) reads further down the
    ranking in growing batches, so its cost stays one bm25 pass plus the rows it really looks at.
    """
    ranked = db.conn.execute(
        "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ? ORDER BY 2, 1", [query]
    )
    rows: list[dict] = []
    batch = max(CANDIDATES_PER_HIT * limit, MIN_CANDIDATES)
    while len(rows) < limit:
        candidates = ranked.fetchmany(batch)
        if not candidates:
            break
        rank = dict(candidates)
        for row in _rows(db, sql, {**params, "candidates": json.dumps([rowid for rowid, _ in candidates])}):
            row["rank"] = rank[row["rowid"]]
            rows.append(row)
        batch *= 4
    ranked.close()
    return rows[:limit]


def _rows(db: Database, sql: str, params: dict[str, object]) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _snippets(db: Database, query: str, rowids: list[int]) -> dict[int, str]:
    """A snippet of each hit's indexed text, for the few rows shown only.

    FTS5's own snippet() re-expands every prefix term for each row it is asked about outside an
    `ORDER BY rank` scan (about 3 ms a row at 100,000 notes), so the snippet is cut here from the indexed
    text with the tokenizer's rule (unicode61: runs of letters and digits, case folded, å ä ö kept).
    """
    if not rowids:
        return {}
    terms = [_tokens(part) for part in _query_terms(query)]
    marks = ",".join("?" * len(rowids))
    texts = dict(db.execute(f"SELECT rowid, text FROM search_index WHERE rowid IN ({marks})", rowids).fetchall())
    return {rowid: make_snippet(text or "", terms) for rowid, text in texts.items()}


_TOKEN = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


def _query_terms(query: str) -> list[str]:
    """The typed words back out of an `fts_query` string."""
    return [match.replace('""', '"') for match in re.findall(r'"((?:[^"]|"")*)"\*', query)]


def make_snippet(text: str, terms: list[list[str]], size: int = SNIPPET_TOKENS) -> str:
    """About `size` tokens of `text` around the first match, matched tokens between the highlight markers.

    A token matches when it is one of a term's tokens (the last one as a prefix, as the query is).
    """
    tokens = list(_TOKEN.finditer(text))
    exact = {t for term in terms for t in term[:-1]}
    prefixes = tuple(term[-1] for term in terms if term)
    matched = [
        i for i, m in enumerate(tokens) if (w := m.group().lower()) in exact or (prefixes and w.startswith(prefixes))
    ]
    if not tokens:
        return text
    best = 0
    if matched:  # the window of `size` tokens holding the most matches, starting at a match
        best = max(matched, key=lambda i: (sum(1 for j in matched if i <= j < i + size), -i))
        best = max(0, min(best - 2, len(tokens) - size)) if len(tokens) > size else 0
    window = tokens[best : best + size]
    begin = 0 if best == 0 else window[0].start()
    finish = len(text) if best + size >= len(tokens) else window[-1].end()
    out, position = [], begin
    hits = set(matched)
    for index, match in enumerate(window, start=best):
        if index in hits:
            out.append(text[position : match.start()] + HIGHLIGHT_START + match.group() + HIGHLIGHT_END)
            position = match.end()
    out.append(text[position:finish])
    return ("…" if begin > 0 else "") + "".join(out) + ("…" if finish < len(text) else "")


def rebuild_index(db: Database) -> None:
    """Rebuild the index from the tables (for a repair; the triggers keep it current otherwise)."""
    from .schema import _SEARCH_SOURCES

    with db.atomic():
        db.execute("DELETE FROM search_index")
        for table, code, text, _columns in _SEARCH_SOURCES:
            db.execute(
                f"INSERT INTO search_index (rowid, text) SELECT r.id * 4 + {code}, {text.format(r='r')} FROM {table} r"
            )
