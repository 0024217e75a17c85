"""The migrations themselves, in order: m001 (the first tables) to m004 (the network's memory).

Never edit a migration that has shipped: add the next one here, and a line for each new column in the
README's table. `schema.py` counts them (SCHEMA_VERSION) and applies them (`migrate`).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "hfs_tui"

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


@migrations()
def m002_release_meeting_fields(db: Database) -> None:
    """Owner's release of actions, when a note was released, and the per-meeting fields (place, end, attendance)."""
    for statement in (
        "ALTER TABLE actions ADD COLUMN in_report INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1))",
        "ALTER TABLE actions ADD COLUMN share TEXT NOT NULL DEFAULT 'internal' CHECK (share IN ('internal', 'network'))",
        "ALTER TABLE actions ADD COLUMN source_text TEXT",  # the note's text when the action was made from it
        "ALTER TABLE actions ADD COLUMN note_deleted_in_report INTEGER",  # in_report before delete_note withdrew it
        "ALTER TABLE notes ADD COLUMN released_at TEXT",
        "ALTER TABLE meetings ADD COLUMN place TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE meetings ADD COLUMN ended_at TEXT",
        "ALTER TABLE parties ADD COLUMN adjuster TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            present INTEGER NOT NULL CHECK (present IN (0, 1)),
            PRIMARY KEY (meeting_id, member_id)
        )""",
        "UPDATE notes SET released_at = updated_at WHERE share = 'network'",  # the best time known
        # the note's text as it is now: an action made before this migration counts as made from it
        "UPDATE actions SET source_text = (SELECT text FROM notes WHERE notes.id = actions.note_id) WHERE note_id IS NOT NULL",
    ):
        db.execute(statement)


_NOTES_WITH_DECISION = """CREATE TABLE notes_m003 (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        slot_id INTEGER REFERENCES slots(id) ON DELETE SET NULL,
        question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN
            ('strength', 'improvement', 'good_example', 'lesson', 'action', 'note', 'decision')),
        text TEXT NOT NULL,
        in_report INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1)),
        share TEXT NOT NULL DEFAULT 'internal' CHECK (share IN ('internal', 'network')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        released_at TEXT
    )"""
_NOTE_COLUMNS = (
    "id, meeting_id, slot_id, question_id, party_id, category, text, in_report, share,"
    " created_at, updated_at, deleted_at, released_at"
)


@migrations()
def m003_decision_category(db: Database) -> None:
    """The `decision` (Beslut) note category: SQLite cannot widen a CHECK, so `notes` is rebuilt (same rows, same ids).

    Runs with foreign keys off (see `migrate`), so dropping the old table neither cascades to note_history
    nor clears actions.note_id; the references name `notes` and point at the rebuilt table.
    """
    db.execute(_NOTES_WITH_DECISION)
    db.execute(f"INSERT INTO notes_m003 ({_NOTE_COLUMNS}) SELECT {_NOTE_COLUMNS} FROM notes")
    db.execute("DROP TABLE notes")
    db.execute("ALTER TABLE notes_m003 RENAME TO notes")
    db.execute("CREATE INDEX idx_notes_meeting_question ON notes(meeting_id, question_id)")


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
def m004_network_search_and_review_uid(db: Database) -> None:
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
        db.execute(
            f"INSERT INTO search_index (rowid, text) SELECT r.id * 4 + {code}, {text.format(r='r')} FROM {table} r"
        )


@migrations()
def m005_meeting_secretary(db: Database) -> None:
    """Who keeps the minutes of a meeting (sekreterare); empty: the facilitator does."""
    db.execute("ALTER TABLE meetings ADD COLUMN secretary TEXT NOT NULL DEFAULT ''")
