"""The meeting's "other reviews" panel (Store.released_elsewhere): the same question of the same template in
other reviews, only what the owners released, never anything of the review asked from.

The randomized test keeps its own record of which template question each question was created as (the
template order at creation), then reorders, deselects, flags, switches owners, edits, deletes, undoes and
deletes reviews at random, and checks the panel of every question against that record and the raw rows.
"""

from __future__ import annotations

import random
import sqlite3

import pytest
from hfs_tui.screens.search.related import ReleasedElsewhereDialog, notes_text

from hfs_tui.app import make_app
from hfs_tui.model import Category, MeetingKind, Share
from hfs_tui.store import Store, StoreError
from hfs_tui.store.related import CATEGORY_ORDER, question_key


def review_with_meeting(store: Store, template: str, a: str, b: str, language: str | None = None):
    review = store.create_review(template, a, b, language=language)
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    return review, meeting, store.parties(review.id), store.questions(review.id)


def released(store: Store, meeting, party, category, text, question):
    note = store.add_note(meeting.id, party.id, category, text, question_id=question.id)
    store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    return note


def test_the_panel_shows_other_reviews_released_notes_on_the_same_question_good_examples_first(store):
    mine, m1, (a1, b1), q1 = review_with_meeting(store, "region", "Region Nordmark", "Region Söderås")
    other, m2, (a2, b2), q2 = review_with_meeting(store, "region", "Region Österby", "Region Västerå")
    store.add_note(m1.id, a1.id, Category.STRENGTH, "vår egen interna styrka", question_id=q1[2].id)
    released(store, m1, b1, Category.GOOD_EXAMPLE, "vårt eget släppta exempel", q1[2])
    improvement = released(store, m2, a2, Category.IMPROVEMENT, "förbättra uppföljningen", q2[2])
    example = released(store, m2, b2, Category.GOOD_EXAMPLE, "Västerå löste det med en tertialsrapport", q2[2])
    strength = released(store, m2, a2, Category.STRENGTH, "tydlig styrgrupp", q2[2])
    store.add_note(m2.id, a2.id, Category.GOOD_EXAMPLE, "internt exempel", question_id=q2[2].id)
    released(store, m2, a2, Category.GOOD_EXAMPLE, "en annan fråga", q2[3])

    panel = store.released_elsewhere(q1[2].id)
    assert [n.note_id for n in panel] == [example.id, strength.id, improvement.id]
    assert {(n.review_title, n.party_name) for n in panel} >= {(other.title, "Region Västerå")}
    assert all(n.review_id == other.id and n.question_number == 3 for n in panel)
    # and from the other side: only the first review's released note, none of the other's own
    assert [n.text for n in store.released_elsewhere(q2[2].id)] == ["vårt eget släppta exempel"]


def test_the_same_question_is_found_across_order_language_and_templates_apart(store):
    mine, _m1, _p1, q1 = review_with_meeting(store, "region", "A", "B")
    english, m2, (a2, _b2), q2 = review_with_meeting(store, "region", "C", "D", language="en")
    store.move_question(q2[4].id, -3)  # question 5 of the template is now the review's question 2
    vardcentral, m3, (a3, _b3), q3 = review_with_meeting(store, "vardcentral", "E", "F")
    moved = released(store, m2, a2, Category.STRENGTH, "found in English", q2[4])
    released(store, m3, a3, Category.STRENGTH, "another template", q3[4])
    panel = store.released_elsewhere(q1[4].id)
    assert [n.note_id for n in panel] == [moved.id]
    assert panel[0].question_number == 2  # the number it has in its own review
    assert question_key("region", q1[4].text) == question_key("region", q2[4].text)
    custom = store.add_question(mine.id, "  Hur  delar ni goda exempel? ")
    other_custom = store.add_question(english.id, "hur delar ni goda EXEMPEL?")
    same = released(store, m2, a2, Category.GOOD_EXAMPLE, "a shared custom question", other_custom)
    assert [n.note_id for n in store.released_elsewhere(custom.id)] == [same.id]


def test_a_question_that_does_not_exist_is_one_line(store):
    with pytest.raises(StoreError, match="frågan 999 finns inte"):
        store.released_elsewhere(999)


def test_the_dialog_shows_note_text_literally_and_grouped(store):
    _mine, _m1, _p1, q1 = review_with_meeting(store, "region", "A", "B")
    _other, m2, (a2, _b2), q2 = review_with_meeting(store, "region", "Region [b]X[/b]", "D")
    released(store, m2, a2, Category.STRENGTH, "[red]inte markup[/red]\x1b]0;titel\x07", q2[0])
    text = notes_text(store.released_elsewhere(q1[0].id))
    assert "[red]inte markup[/red]" in text.plain and "\x1b" not in text.plain and "\x07" not in text.plain
    assert "Region [b]X[/b]" in text.plain and text.plain.startswith("Styrka")


def random_database(store: Store, rng: random.Random):
    """Reviews of two templates in two languages, notes with random flags, and the record of each question."""
    template_index: dict[int, tuple[str, int]] = {}  # question id -> (template, place in the template)
    reviews = []
    for number in range(rng.randint(3, 6)):
        template = rng.choice(("region", "vardcentral"))
        review, meeting, parties, questions = review_with_meeting(
            store, template, f"Part {number} A", f"Part {number} B", language=rng.choice(("sv", "en"))
        )
        for index, question in enumerate(questions):
            template_index[question.id] = (template, index)
        follow_up = store.meeting_of_kind(review.id, MeetingKind.FOLLOW_UP)
        reviews.append((review, [meeting, follow_up], parties, questions))
    for _ in range(rng.randint(60, 160)):
        review, meetings, parties, questions = rng.choice(reviews)
        meeting = rng.choice(meetings)
        note = store.add_note(
            meeting.id,
            rng.choice(parties).id,
            rng.choice(list(Category)),
            f"anteckning {rng.random():.6f}",
            question_id=rng.choice(questions).id,
        )
        store.set_note_flags(note.id, in_report=rng.random() < 0.6, share=rng.choice(list(Share)))
        roll = rng.random()
        if roll < 0.1:
            store.delete_note(note.id)
        elif roll < 0.2:
            other = next(p for p in parties if p.id != note.party_id)
            store.set_note_owner(note.id, other.id)  # withdraws a release
        elif roll < 0.25:
            store.edit_note(note.id, note.text + " ändrad")
        elif roll < 0.3:
            store.undo_last_change(meeting.id)
        if rng.random() < 0.05:
            store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)  # released again after all
    for _review, _meetings, _parties, questions in reviews:
        for _ in range(rng.randint(0, 3)):
            store.move_question(rng.choice(questions).id, rng.choice((-2, -1, 1, 2)))
        if rng.random() < 0.3:
            store.set_question_selected(rng.choice(questions).id, False)
    if rng.random() < 0.5:
        store.delete_review(rng.choice(reviews)[0].id)
    return reviews, template_index


@pytest.mark.parametrize("seed", range(12))
def test_random_reviews_the_panel_never_shows_anything_unreleased_deleted_or_of_the_review_asked_from(store, seed):
    rng = random.Random(seed)
    reviews, template_index = random_database(store, rng)
    conn = sqlite3.connect(store.path)
    conn.row_factory = sqlite3.Row
    notes = {
        row["id"]: row
        for row in conn.execute(
            "SELECT n.*, m.review_id, r.deleted_at AS review_deleted, q.selected FROM notes n "
            "JOIN meetings m ON m.id = n.meeting_id JOIN reviews r ON r.id = m.review_id "
            "LEFT JOIN questions q ON q.id = n.question_id"
        )
    }
    conn.close()
    checked = shown = 0
    for review, _meetings, _parties, questions in reviews:
        for question in questions:
            panel = store.released_elsewhere(question.id)
            checked += 1
            expected = {
                note_id
                for note_id, row in notes.items()
                if row["review_id"] != review.id
                and row["review_deleted"] is None
                and row["deleted_at"] is None
                and row["share"] == "network"
                and row["in_report"] == 1
                and row["selected"] == 1
                and template_index.get(row["question_id"]) == template_index[question.id]
            }
            got = [n.note_id for n in panel]
            assert set(got) == expected and len(got) == len(expected)
            for item in panel:
                row = notes[item.note_id]
                assert row["review_id"] != review.id  # never the review asked from, released or not
                assert row["share"] == "network" and row["in_report"] == 1 and row["deleted_at"] is None
                assert item.text == row["text"] and item.category == Category(row["category"])
            places = [CATEGORY_ORDER.index(n.category) for n in panel]
            assert places == sorted(places)  # good examples and strengths first
            shown += len(panel)
    assert checked >= 3 * 9 and shown > 0


async def test_ctrl_n_in_the_meeting_shows_the_other_reviews_released_example(store, clock):
    mine, _m1, (a1, _b1), q1 = review_with_meeting(store, "region", "Region Nordmark", "Region Söderås")
    store.add_note(_m1.id, a1.id, Category.GOOD_EXAMPLE, "vårt interna exempel", question_id=q1[0].id)
    _other, m2, (a2, _b2), q2 = review_with_meeting(store, "region", "Region Österby", "Region Västerå")
    released(store, m2, a2, Category.GOOD_EXAMPLE, "Österby löste det med veckomöten", q2[0])
    store.add_note(m2.id, a2.id, Category.GOOD_EXAMPLE, "Österbys interna", question_id=q2[0].id)
    path = store.path
    store.close()
    app = make_app(path, review_id=mine.id, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReleasedElsewhereDialog)
        shown = str(dialog.query_one("#related-list").render())
        assert "Österby löste det med veckomöten" in shown and "Region Österby" in shown
        assert "interna" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReleasedElsewhereDialog)


async def test_slash_opens_search_from_home_and_from_the_meeting_where_a_hit_of_this_review_moves_there(store, clock):
    from hfs_tui.screens.home import HomeScreen
    from hfs_tui.screens.meeting import MeetingScreen
    from hfs_tui.screens.search import SearchScreen
    from textual.widgets import Input

    mine, m1, (a1, _b1), q1 = review_with_meeting(store, "region", "Region Nordmark", "Region Söderås")
    own = store.add_note(m1.id, a1.id, Category.LESSON, "Årshjulet i styrgruppen", question_id=q1[5].id)
    _other, m2, (a2, _b2), q2 = review_with_meeting(store, "region", "Region Österby", "Region Västerå")
    store.add_note(m2.id, a2.id, Category.STRENGTH, "Österbys interna årshjul", question_id=q2[5].id)
    path = store.path
    store.close()
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen) and search.for_review_id is None and search.open_hits
        search.query_one(Input).value = "årshjul"
        await pilot.press("enter")
        await pilot.pause()
        assert len(search.hits) == 2  # from home: the facilitator's whole database
        await pilot.press("escape")
        await pilot.pause()
        app.open_meeting(mine.id, MeetingKind.FEEDBACK)
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.question.id == q1[0].id
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen) and search.for_review_id == mine.id and not search.open_hits
        search.query_one(Input).value = "årshjul"
        await pilot.press("enter")
        await pilot.pause()
        assert [h.source_id for h in search.hits] == [own.id]  # the other review's internal note: never
        await pilot.press("enter")  # the hit is focused after enter: choose it
        await pilot.pause()
        assert app.screen is meeting and meeting.question.id == q1[5].id
