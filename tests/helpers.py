"""Shared helpers for the UI tests: put text into an editor in one call, seed data through the store.

A Pilot key press costs about 0.1 s (Textual waits for idle after each one), so typing a sentence key by key
is the slowest thing a test can do. Type keys only where typing is the behaviour under test; everywhere else:

    await enter_text(pilot, "Region Nordmark")          # into the focused Input, then Enter once
    await enter_text(pilot, "Två\\nstycken", submit=None)  # into the focused TextArea, no key pressed
    seed_notes(store, meeting.id, party.id, [(Category.STRENGTH, "Tydlig styrgrupp")])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from hfs_tui.model import Assessment, Category, Note, Sign
from hfs_tui.store import Store


async def enter_text(
    pilot: Pilot, text: str, *, submit: str | None = "enter", clear: bool = False, widget: Widget | None = None
) -> None:
    """Insert `text` at the cursor of the focused Input or TextArea (or `widget`), as typing it would, then press
    `submit` once (None: no key). The text goes through the widget's own insert path, so a SafeInput or
    SafeTextArea strips control characters exactly as it does for typed keys. `clear` empties the editor first."""
    target = widget if widget is not None else pilot.app.focused
    if isinstance(target, Input):
        if clear:
            target.value = ""
        target.insert_text_at_cursor(text)
    elif isinstance(target, TextArea):
        if clear:
            target.clear()
        target.insert(text)
    else:
        raise AssertionError(f"enter_text: no Input or TextArea has the focus (focused: {target!r})")
    await pilot.pause()
    if submit is not None:
        await pilot.press(submit)


def seed_notes(
    store: Store,
    meeting_id: int,
    party_id: int,
    notes: Iterable[tuple[Category, str]],
    *,
    question_id: int | None = None,
    slot_id: int | None = None,
) -> list[Note]:
    """Commit notes through the store, as the capture line would: (category, text) each."""
    return [
        store.add_note(meeting_id, party_id, category, text, slot_id=slot_id, question_id=question_id)
        for category, text in notes
    ]


def seed_answers(store: Store, party_id: int, answers: Mapping[int, str]) -> None:
    """A party's answers through the store: question id -> text."""
    for question_id, text in answers.items():
        store.set_answer(question_id, party_id, text)


def seed_assessments(
    store: Store, party_id: int, reviewer_party_id: int, marks: Iterable[tuple[int, Sign, str]]
) -> list[Assessment]:
    """The reviewer's + / − marks on a party's answers: (question id, sign, comment) each."""
    return [
        store.add_assessment(question_id, party_id, reviewer_party_id, sign, comment)
        for question_id, sign, comment in marks
    ]
