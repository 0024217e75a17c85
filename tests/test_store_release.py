"""The owner's release: switching a note's owner withdraws it, `released_at` follows the share, and actions carry
their own report agreement and release, with the state of the note they were made from."""

from __future__ import annotations

import pytest

from hfs_tui.clock import FakeClock
from hfs_tui.model import Category, MeetingKind, NoteState, Share
from hfs_tui.store import Store, StoreError


@pytest.fixture
def setting(store: Store):
    review = store.create_review("region", "Region Nordmark", "Region Söderås")
    party_a, party_b = store.parties(review.id)
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    return review, party_a, party_b, meeting


def reopened(store: Store) -> Store:
    store.close()
    return Store.open(store.path, clock=store.clock)


def test_switching_the_owner_withdraws_the_report_agreement_and_the_release(store: Store, setting):
    _, party_a, party_b, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.STRENGTH, "Tydlig styrgrupp")
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    switched = store.set_note_flags(note.id, party_id=party_b.id)  # what the `o` key calls
    assert (switched.party_id, switched.in_report, switched.share, switched.released_at) == (
        party_b.id,
        False,
        Share.INTERNAL,
        None,
    )
    store = reopened(store)
    try:
        again = store.note(note.id)
        assert (again.party_id, again.in_report, again.share, again.released_at) == (
            party_b.id,
            False,
            Share.INTERNAL,
            None,
        )
        back, withdrawn = store.set_note_owner(note.id, party_a.id)
        assert back.party_id == party_a.id and withdrawn is False  # nothing was released any more
        store.set_note_flags(note.id, in_report=True)
        _, withdrawn = store.set_note_owner(note.id, party_b.id)
        assert withdrawn is True
        same, withdrawn = store.set_note_owner(note.id, party_b.id)  # no switch: nothing changes
        assert (same.party_id, withdrawn) == (party_b.id, False)
    finally:
        store.close()


def test_an_owner_switch_and_a_release_are_never_one_call(store: Store, setting):
    _, party_a, party_b, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.NOTE, "x")
    with pytest.raises(ValueError):
        store.set_note_flags(note.id, share=Share.NETWORK, party_id=party_b.id)
    assert store.note(note.id).party_id == party_a.id and store.note(note.id).share is Share.INTERNAL


def test_released_at_is_set_when_shared_kept_while_shared_and_cleared_when_internal(
    store: Store, setting, clock: FakeClock
):
    _, party_a, _, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.LESSON, "Lärdom")
    assert note.released_at is None
    clock.advance(60)
    assert store.set_note_flags(note.id, share=Share.NETWORK).released_at == "2026-03-10T09:01:00.000000+00:00"
    clock.advance(60)
    assert store.set_note_flags(note.id, share=Share.NETWORK).released_at == "2026-03-10T09:01:00.000000+00:00"
    assert store.set_note_flags(note.id, in_report=False).released_at == "2026-03-10T09:01:00.000000+00:00"
    assert store.set_note_flags(note.id, share=Share.INTERNAL).released_at is None
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    store.set_party_in_report(meeting.id, party_a.id, False)  # withdrawing all also makes them internal
    assert (store.note(note.id).share, store.note(note.id).released_at) == (Share.INTERNAL, None)


def test_an_action_from_a_note_copies_its_report_agreement_starts_internal_and_keeps_the_text(store: Store, setting):
    review, party_a, _, meeting = setting
    agreed = store.add_note(meeting.id, party_a.id, Category.ACTION, "Skriv uppdrag")
    store.set_note_flags(agreed.id, in_report=True, share=Share.NETWORK)
    open_note = store.add_note(meeting.id, party_a.id, Category.ACTION, "Inför tertial")
    first, second = store.actions_from_notes([agreed.id, open_note.id])
    assert (first.in_report, first.share, first.note_state) == (True, Share.INTERNAL, NoteState.LIVE)
    assert (second.in_report, second.share, second.note_state) == (False, Share.INTERNAL, NoteState.LIVE)
    row = store.db.execute("SELECT source_text FROM actions WHERE id = ?", [first.id]).fetchone()
    assert row[0] == "Skriv uppdrag"
    plain = store.add_action(review.id, party_a.id, "Eget mål")
    assert plain.note_state is None and plain.in_report is False


def test_note_state_follows_edits_and_deletes_of_the_source_note(store: Store, setting):
    _, party_a, _, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.ACTION, "Skriv uppdrag")
    action = store.action_from_note(note.id)
    store.edit_note(note.id, "Skriv uppdrag för processledarna")
    store = reopened(store)
    try:
        assert store.action(action.id).note_state is NoteState.EDITED
        store.edit_note(note.id, "Skriv uppdrag")  # back to the text the action was made from
        assert store.action(action.id).note_state is NoteState.LIVE
        store.delete_note(note.id)
        assert [a.note_state for a in store.actions(meeting.review_id)] == [NoteState.DELETED]
    finally:
        store.close()


def test_deleting_the_source_note_takes_the_action_out_of_the_report_and_undo_puts_it_back(store: Store, setting):
    _, party_a, _, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.ACTION, "Skriv uppdrag")
    store.set_note_flags(note.id, in_report=True)
    action = store.action_from_note(note.id)
    assert store.action(action.id).in_report is True
    store.delete_note(note.id)
    assert store.action(action.id).in_report is False
    store = reopened(store)  # the undo works across a restart too
    try:
        op, _ = store.undo_last_change(meeting.id)
        assert op == "delete"
        assert (store.action(action.id).in_report, store.action(action.id).note_state) == (True, NoteState.LIVE)
    finally:
        store.close()


def test_the_owners_own_choice_while_the_note_is_deleted_is_not_overwritten_by_undo(store: Store, setting):
    _, party_a, _, meeting = setting
    note = store.add_note(meeting.id, party_a.id, Category.ACTION, "Skriv uppdrag")
    store.set_note_flags(note.id, in_report=True)
    action = store.action_from_note(note.id)
    store.delete_note(note.id)
    store.set_action_flags(action.id, in_report=False, share=Share.NETWORK)
    store.undo_last_change(meeting.id)
    again = store.action(action.id)
    assert (again.in_report, again.share) == (False, Share.NETWORK)


def test_set_action_flags_round_trips_and_refuses_a_missing_action(store: Store, setting):
    review, party_a, _, _ = setting
    action = store.add_action(review.id, party_a.id, "Mätbara mål")
    store.set_action_flags(action.id, in_report=True, share=Share.NETWORK)
    store = reopened(store)
    try:
        again = store.action(action.id)
        assert (again.in_report, again.share) == (True, Share.NETWORK)
        with pytest.raises(StoreError, match="finns inte"):
            store.set_action_flags(999_999, in_report=True)
    finally:
        store.close()
