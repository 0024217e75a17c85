"""Which notes the meeting shows, in which order, and how much room the notes get.

Pure rules (no widgets), so the presenter view's promise is tested on its own: the participants see the
notes of the slot being discussed, never an internal note of the party that is not being discussed.

Room is computed from the terminal size and the screen's state only (never from content height): a
question change then redraws the widgets without a layout pass of the whole screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hfs_tui.model import Note, Share, Slot

# How the body is shared between the answers and the notes, as (answers, notes) fractions per level:
# 0 balanced, 1 the notes larger (many notes), 2 the notes take the whole body.
NOTES_LEVELS = ((3, 2), (2, 3), (0, 1))
COMPACT_HEIGHT = 32  # below this the question gets two lines instead of three


@dataclass(frozen=True)
class ShownNotes:
    current: list[Note]  # the current slot's notes
    later: list[Note]  # the other slots' notes, shown under a heading (empty when filtered away)
    hidden: int  # notes left out of the presenter view


def shown_notes(notes: Sequence[Note], slot: Slot, presenter: bool, only_slot: bool) -> ShownNotes:
    """The current slot's notes first, then the others (unless `only_slot`).

    The presenter view shows the current slot's notes only and leaves out the internal notes of the party
    not being discussed, whatever their category (a good example to take home belongs to the learner, so
    it shows once the learner releases it). A slot of no party (the introductory meeting) hides nothing.
    """
    current = [n for n in notes if n.slot_id == slot.id]
    later = [] if only_slot or presenter else [n for n in notes if n.slot_id != slot.id]
    if presenter and slot.party_id is not None:
        visible = [n for n in current if _for_everyone(n, slot)]
        return ShownNotes(visible, [], len(notes) - len(visible))
    return ShownNotes(current, later, 0 if not only_slot else len(notes) - len(current))


def _for_everyone(note: Note, slot: Slot) -> bool:
    return note.party_id == slot.party_id or note.share == Share.NETWORK


def question_height(screen_height: int, presenter: bool) -> int:
    if screen_height < COMPACT_HEIGHT:
        return 3 if presenter else 2
    return 4 if presenter else 3


def notes_room(level: int) -> tuple[int, int]:
    """(answers, notes) fractions of the body for a notes level."""
    return NOTES_LEVELS[max(0, min(level, len(NOTES_LEVELS) - 1))]
