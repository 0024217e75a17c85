"""Notes typed in a meeting that the store refused (disk full, locked): each waits as its own pending note,
is kept in a journal beside the database (so a crash or a restart loses none), is retried in order before
the next note, and leaving the meeting with notes still waiting asks first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hfs_tui import pending as journal
from hfs_tui.i18n import t
from hfs_tui.model import Category
from hfs_tui.pending import PendingNote
from hfs_tui.store import StoreError

from ..base import HfsScreen
from ..widgets.dialogs import ConfirmDialog


class PendingNotes(HfsScreen):
    meeting_id: int
    pending: list[PendingNote]
    journal: Path | None = None
    journal_failed = False  # the last write of the journal failed: waiting notes exist only in memory

    if TYPE_CHECKING:  # defined by SlotMeeting

        def show_notes(self, keep_note_id: int | None = None) -> None: ...

    def load_journal(self) -> bool:
        """Read this meeting's waiting notes from the journal: True when there are any."""
        self.journal = journal.journal_path(self.store.path)
        self.pending = journal.of_meeting(self.journal, self.meeting_id) if self.journal else []
        return bool(self.pending)

    def show_status(self, text: str) -> None:
        """A short line about what just happened to a note (the meeting screen shows it beside the notes)."""
        self.notify(text, timeout=2, markup=False)

    def save_pending(self) -> list:
        """Save the waiting notes in the order they were typed; stop at the first refusal (said in one line)."""
        saved = []
        while self.pending:
            note = self.pending[0]
            try:
                saved.append(
                    self.store.add_note(
                        self.meeting_id,
                        note.party_id,
                        note.category,
                        note.text,
                        slot_id=note.slot_id,
                        question_id=note.question_id,
                    )
                )
            except StoreError as error:
                self.show_store_error(error, "meeting.note_pending", count=len(self.pending))
                break
            self.pending.pop(0)
        self.write_journal()
        return saved

    def write_journal(self) -> None:
        """The waiting notes to the journal beside the database (or the journal removed when none wait)."""
        if self.journal is None or (not self.pending and not self.journal.exists()):
            return  # the usual case: every note saved, no journal to touch
        try:
            journal.replace_meeting(self.journal, self.meeting_id, self.pending)
            self.journal_failed = False
        except OSError as error:
            self.journal_failed = True
            self.notify(
                t("meeting.journal_failed", reason=error.strerror or str(error)),
                severity="error",
                timeout=6,
                markup=False,
            )

    def action_retry_notes(self) -> None:
        if not self.pending:
            self.notify(t("meeting.nothing_pending"), timeout=2, markup=False)
            return
        saved = self.save_pending()
        if saved:
            self.show_status(t("meeting.pending_saved", count=len(saved)))
        self.show_notes(keep_note_id=saved[-1].id if saved else None)

    @property
    def pending_rows(self) -> list[tuple[Category, str]]:
        return [(note.category, note.text) for note in self.pending]

    def ask_before_leaving(self, leave) -> bool:
        """With notes not saved: try once more, then ask before `leave()` (they stay in the journal).

        True when the question was asked (`leave` then runs only on yes); False when nothing waits."""
        if self.pending:
            self.action_retry_notes()
        if not self.pending:
            return False
        if self.journal is not None and not self.journal_failed:
            question = t("meeting.confirm_leave_pending", count=len(self.pending))
        else:  # not in the journal either: leaving loses them, and the question says so
            question = t("meeting.confirm_leave_lost", count=len(self.pending))
        self.app.push_screen(ConfirmDialog(question), lambda yes: leave() if yes else None)
        return True
