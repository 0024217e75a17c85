"""The database schema as sqlite-utils migrations.

The schema is a user-facing interface (people open the file with sqlite-utils or Datasette), so the
README documents every column. Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "hfs_tui"
APPLICATION_ID = 0x48465354  # "HFST": marks a file as an hfs-tui database

migrations = Migrations(MIGRATION_SET)

_INITIAL_TABLES = (
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        template TEXT NOT NULL,
        facilitator TEXT NOT NULL DEFAULT '',
        confidentiality TEXT NOT NULL DEFAULT '',
        report_form TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    """CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        key TEXT NOT NULL CHECK (key IN ('a', 'b')),
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other',
        hours_estimate REAL,
        UNIQUE (review_id, key)
    )""",
    """CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        sub_questions TEXT NOT NULL DEFAULT '[]',
        selected INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1))
    )""",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (question_id, party_id)
    )""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
        title TEXT NOT NULL
    )""",
    """CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        reviewer_party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        sign TEXT NOT NULL CHECK (sign IN ('+', '-')),
        comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('intro', 'feedback', 'follow_up')),
        title TEXT NOT NULL,
        held_on TEXT,
        current_slot_id INTEGER,
        current_question_id INTEGER,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE slots (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,
        planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0)
    )""",
    """CREATE TABLE timer_events (
        id INTEGER PRIMARY KEY,
        slot_id INTEGER NOT NULL REFERENCES slots(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'stop')),
        at TEXT NOT NULL
    )""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        slot_id INTEGER REFERENCES slots(id) ON DELETE SET NULL,
        question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        category TEXT NOT NULL
            CHECK (category IN ('strength', 'improvement', 'good_example', 'lesson', 'action', 'note')),
        text TEXT NOT NULL,
        in_report INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1)),
        share TEXT NOT NULL DEFAULT 'internal' CHECK (share IN ('internal', 'network')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    """CREATE TABLE note_history (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        op TEXT NOT NULL CHECK (op IN ('edit', 'delete')),
        before TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT
    )""",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
        goal TEXT NOT NULL,
        activities TEXT NOT NULL DEFAULT '',
        responsible TEXT NOT NULL DEFAULT '',
        timeline TEXT NOT NULL DEFAULT '',
        follow_up TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'done', 'partly', 'not_started')),
        outcome TEXT NOT NULL DEFAULT '',
        sustain TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    )""",
    "CREATE INDEX idx_parties_review ON parties(review_id)",
    "CREATE INDEX idx_questions_review ON questions(review_id, position)",
    "CREATE INDEX idx_assessments_question ON assessments(question_id, party_id)",
    "CREATE INDEX idx_slots_meeting ON slots(meeting_id, position)",
    "CREATE INDEX idx_timer_events_slot ON timer_events(slot_id, at)",
    "CREATE INDEX idx_notes_meeting_question ON notes(meeting_id, question_id)",
    "CREATE INDEX idx_note_history_meeting ON note_history(meeting_id, id)",
    "CREATE INDEX idx_actions_review ON actions(review_id, party_id)",
)


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _INITIAL_TABLES:
        db.execute(statement)


KNOWN_MIGRATIONS = frozenset(m.name for m in migrations._migrations)


# ------------------------------------------------------------------------------------------------
# The network's memory (issue 14): a stable identity for each review across databases, and one
# full-text index over notes, answers, assessments and actions, kept current by triggers.

# A random UUID (version 4 layout) made by SQLite itself, so a review inserted by any code gets one.
_NEW_UUID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || lower(hex(randomblob(6)))"
)

# search_index.rowid = source id * 4 + kind code: 0 note, 1 answer, 2 assessment, 3 action.
_ACTION_SEARCH_TEXT = (
    "{r}.goal || char(10) || {r}.activities || char(10) || {r}.timeline || char(10) || {r}.follow_up"
    " || char(10) || {r}.outcome || char(10) || {r}.sustain"
)
_SEARCH_SOURCES = (  # table, kind code, indexed text (of row alias {r}), columns whose change re-indexes
    ("notes", 0, "{r}.text", "text"),
    ("answers", 1, "{r}.text", "text"),
    ("assessments", 2, "{r}.comment", "comment"),
    ("actions", 3, _ACTION_SEARCH_TEXT, "goal, activities, timeline, follow_up, outcome, sustain"),
)


@migrations()
def m_network_search_and_review_uid(db: Database) -> None:
    db.execute("ALTER TABLE reviews ADD COLUMN uid TEXT")
    db.execute(f"UPDATE reviews SET uid = {_NEW_UUID_SQL} WHERE uid IS NULL")
    db.execute("CREATE UNIQUE INDEX idx_reviews_uid ON reviews(uid)")
    db.execute(
        f"""CREATE TRIGGER reviews_uid_ai AFTER INSERT ON reviews WHEN NEW.uid IS NULL
            BEGIN UPDATE reviews SET uid = {_NEW_UUID_SQL} WHERE id = NEW.id; END"""
    )
    db.execute("CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 0')")
    for table, code, text, columns in _SEARCH_SOURCES:
        new = text.format(r="NEW")
        db.execute(
            f"""CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table}
                BEGIN INSERT INTO search_index (rowid, text) VALUES (NEW.id * 4 + {code}, {new}); END"""
        )
        db.execute(
            f"""CREATE TRIGGER {table}_search_au AFTER UPDATE OF {columns} ON {table}
                BEGIN UPDATE search_index SET text = {new} WHERE rowid = OLD.id * 4 + {code}; END"""
        )
        db.execute(
            f"""CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table}
                BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 4 + {code}; END"""
        )
        db.execute(f"INSERT INTO search_index (rowid, text) SELECT r.id * 4 + {code}, {text.format(r='r')} FROM {table} r")


KNOWN_MIGRATIONS = frozenset(m.name for m in migrations._migrations)  # again: includes the migration above
