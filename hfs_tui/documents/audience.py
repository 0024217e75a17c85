"""Ownership in one place (DESIGN §1): which notes and actions a document's readers may see.

Every builder asks `select` and shows only what it returns; nothing else in `documents/` filters notes or actions.

- `minutes`: the protokoll goes to both teams, who were both in the meeting, so it holds every live note of the
  meeting, internal ones included; `share` decides what leaves the two teams, not what the teams see of their own
  meeting. Live actions of both parties.
- `report` (for party P): P's own notes marked for the report, P's actions put in the report, and the other
  party's written + / − assessments of P's answers (step 3; they are about P, so P owns them).
- `network`: notes marked for the report AND released by their owner (`share = network`); the same for actions
  (`actions.in_report` and `actions.share`): the follow-up's achieved improvements reach the network this way.

- `onepager`: the network's one page per review: what `network` sees, from every meeting of the review when the
  record holds their notes (`load_record(..., review_notes=True)`).
- `handover` (for party P, steps 2–3): no notes and no actions (the meeting has not been held); P's written + / −
  assessments of the other party's answers (P sends them along with its own answers).

Deleted notes and actions never reach any document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Action, Assessment, Note, Party, Share
from .record import MeetingRecord

AUDIENCES = ("minutes", "report", "network", "onepager", "handover")
_PER_PARTY = ("report", "handover")


@dataclass(frozen=True)
class Selection:
    notes: tuple[Note, ...]  # in document order (question, category, as taken)
    actions: tuple[Action, ...]
    assessments: tuple[Assessment, ...] = ()  # step 3's written + / -: about the party (report), by it (handover)

    def of(self, party: Party) -> tuple[Note, ...]:
        """The selected notes owned by `party` (grouping, not filtering: the selection is already made)."""
        return tuple(n for n in self.notes if n.party_id == party.id)

    def actions_of(self, party: Party) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.party_id == party.id)


def _action_in_report(action: Action) -> bool:
    """The party put the action in its report (the store's `actions.in_report`, default no)."""
    return bool(action.in_report)


def select(record: MeetingRecord, audience: str, party: Party | None = None) -> Selection:
    """The notes and actions `audience` may see; `party` is required for (and only for) `report` and `handover`."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience: {audience!r}")
    if (audience in _PER_PARTY) != (party is not None):
        raise ValueError("a party is given for, and only for, the report and hand-over audiences")
    notes = [n for n in record.live_notes if n.deleted_at is None]
    actions = [a for a in record.actions if a.deleted_at is None]
    assessments: list[Assessment] = []
    if audience == "report":
        assert party is not None  # checked above: per-party audiences always have a party
        notes = [n for n in notes if n.party_id == party.id and n.in_report]
        actions = [a for a in actions if a.party_id == party.id and _action_in_report(a)]
        assessments = [a for a in record.assessments if a.party_id == party.id]
    elif audience in ("network", "onepager"):
        if audience == "onepager":  # one page per review: what was released in any of its meetings
            notes = [n for n in record.live_review_notes if n.deleted_at is None]
        notes = [n for n in notes if n.in_report and n.share is Share.NETWORK]
        actions = [a for a in actions if a.in_report and a.share is Share.NETWORK]
    elif audience == "handover":
        assert party is not None
        notes, actions = [], []
        assessments = [a for a in record.assessments if a.reviewer_party_id == party.id]
    return Selection(tuple(notes), tuple(actions), tuple(assessments))
