"""Notes the store refused (disk full, database locked …), kept in a small journal beside the database.

A note that could not be saved must outlive the program: the meeting screen writes its waiting notes
here after every change (JSON lines, one note a line, written to a temporary name and renamed), offers
them again when the same meeting opens next time, and removes each one once the store has saved it.
The journal is its own file so that it can be written when the database cannot.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .files import write_atomic
from .model import Category


@dataclass(frozen=True, eq=False)
class PendingNote:
    """A captured note the store refused: kept on its own (never merged into another) until it is saved."""

    meeting_id: int
    party_id: int
    category: Category
    text: str
    slot_id: int | None
    question_id: int | None


def journal_path(db_path: str | Path) -> Path | None:
    """`reviews.db` -> `reviews.db.pending.jsonl`, in the same folder (None for a database in memory)."""
    if str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    return path.with_name(path.name + ".pending.jsonl")


def load(path: Path) -> list[PendingNote]:
    """Every readable note of the journal; a damaged line is skipped, a missing file is an empty journal."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError):
        return []
    notes = []
    for line in lines:
        try:
            data = json.loads(line)
            notes.append(
                PendingNote(
                    meeting_id=int(data["meeting_id"]),
                    party_id=int(data["party_id"]),
                    category=Category(data["category"]),
                    text=str(data["text"]),
                    slot_id=None if data.get("slot_id") is None else int(data["slot_id"]),
                    question_id=None if data.get("question_id") is None else int(data["question_id"]),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return notes


def of_meeting(path: Path, meeting_id: int) -> list[PendingNote]:
    return [note for note in load(path) if note.meeting_id == meeting_id]


def replace_meeting(path: Path, meeting_id: int, notes: list[PendingNote]) -> None:
    """Store `notes` as the meeting's waiting notes (other meetings' lines are kept); no notes left: no file.

    Raises OSError when the journal cannot be written (the caller says so in one line).
    """
    kept = [note for note in load(path) if note.meeting_id != meeting_id] + list(notes)
    if not kept:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        return
    text = "".join(json.dumps(_row(note), ensure_ascii=False) + "\n" for note in kept)
    write_atomic(path, text)  # temporary file beside it, flushed, then renamed into place


def _row(note: PendingNote) -> dict:
    row = asdict(note)
    row["category"] = note.category.value
    return row
