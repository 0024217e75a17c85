"""Full-text search: Swedish words, prefixes, hostile queries, the index following every write, the ownership rule."""

from __future__ import annotations

import random
import sqlite3

import pytest
from helpers import enter_text
from sqlite_utils import Database

from hfs_tui.cli import main
from hfs_tui.model import Category, MeetingKind, Share, Sign
from hfs_tui.store import Store, schema
from hfs_tui.store.search import HIGHLIGHT_END, HIGHLIGHT_START, fts_query, search, snippet_parts

SEARCH_MIGRATION = "m004_network_search_and_review_uid"


def make_review(store: Store, a: str = "Region Nordmark", b: str = "Region Söderås", title: str | None = None):
    review = store.create_review("region", a, b, title=title)
    meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    parties = store.parties(review.id)
    questions = store.questions(review.id)
    return review, meeting, parties, questions


def note(store, meeting, party, text, question=None, category=Category.STRENGTH, released=False):
    created = store.add_note(meeting.id, party.id, category, text, question_id=question.id if question else None)
    if released:
        created = store.set_note_flags(created.id, in_report=True, share=Share.NETWORK)
    return created


def texts(hits) -> list[str]:
    return ["".join(part for part, _ in hit.snippet_parts()) for hit in hits]


def ids(hits, kind="note") -> set[int]:
    return {hit.source_id for hit in hits if hit.kind == kind}


# ---------------------------------------------------------------------------------------- words


def test_swedish_letters_match_as_typed_and_are_not_folded(store):
    _, meeting, (a, _b), questions = make_review(store)
    month = note(store, meeting, a, "Styrgruppen möts varje månad", questions[0])
    man = note(store, meeting, a, "En man från hälsoprocessen", questions[0])
    assert ids(search(store.db, "mån")) == {month.id}
    assert ids(search(store.db, "man")) == {man.id}  # "man" is not "mån"
    assert ids(search(store.db, "MÅNAD")) == {month.id}  # case does not matter
    assert ids(search(store.db, "halsoprocessen")) == set()  # ä is its own letter
    assert ids(search(store.db, "hälsoprocessen")) == {man.id}


def test_a_word_finds_longer_words_that_start_with_it(store):
    _, meeting, (a, _b), questions = make_review(store)
    found = note(store, meeting, a, "Tydlig styrgruppen med mandat", questions[0])
    note(store, meeting, a, "Ingen grupp alls", questions[0])
    hits = search(store.db, "styrgrupp")
    assert ids(hits) == {found.id}
    assert snippet_parts(hits[0].snippet)[1] == ("styrgruppen", True)


def test_all_words_are_required_and_ranked_by_relevance(store):
    _, meeting, (a, _b), questions = make_review(store)
    both = note(store, meeting, a, "styrgrupp och handlingsplan, styrgrupp igen", questions[0])
    one = note(store, meeting, a, "bara styrgrupp här i en mycket längre mening om allt möjligt annat", questions[0])
    assert ids(search(store.db, "styrgrupp handlingsplan")) == {both.id}
    hits = [h for h in search(store.db, "styrgrupp") if h.kind == "note"]
    assert [h.source_id for h in hits] == [both.id, one.id]
    assert hits[0].rank <= hits[1].rank


HOSTILE = [
    '"',
    '""',
    '"""',
    "*",
    "**",
    "-",
    "--x",
    "-styrgrupp",
    "NEAR",
    "NEAR(a b)",
    "NEAR/3",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "NOT styrgrupp",
    "(",
    ")",
    "()",
    "((styrgrupp",
    "styrgrupp)",
    "text:styrgrupp",
    ":",
    "^",
    "^styrgrupp",
    "{text}: x",
    "[",
    "]",
    "\\",
    "'",
    "''; DROP TABLE notes; --",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "a\nb",
    "\t",
    "x*y*",
    '"styrgrupp',
    'styr"grupp',
    "+",
    "-",
    "✓",
    "😀",
    "中文",
    "_",
    "__init__",
    "%",
    "?",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_strings_are_plain_searches(store, query):
    _, meeting, (a, _b), questions = make_review(store)
    note(store, meeting, a, 'styrgrupp med [/] och (parenteser) samt "citat"', questions[0])
    search(store.db, query)  # never an FTS syntax error
    if query.strip("\"'()[]*-:^\\{} \n\t\x00") == "styrgrupp":
        assert search(store.db, query)


def test_random_query_strings_never_fail(store):
    _, meeting, (a, _b), questions = make_review(store)
    note(store, meeting, a, "styrgrupp NEAR handlingsplan AND mål", questions[0])
    alphabet = list("\"*-()^:+{}[]\\'.,;!?\x00\x1b\n\t åäöÅÄÖ") + ["NEAR", "AND", "OR", "NOT", "styr", "mål", "é"]
    rng = random.Random(1414)
    for _ in range(500):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        search(store.db, query)
        assert fts_query(query).count('"') % 2 == 0


def test_a_query_without_letters_or_digits_has_no_hits(store):
    _, meeting, (a, _b), questions = make_review(store)
    note(store, meeting, a, "styrgrupp", questions[0])
    assert search(store.db, "   ") == []
    assert search(store.db, '"* - ()') == []


# ------------------------------------------------------------------------- the index follows writes


def test_the_index_follows_edits_deletes_undo_and_owner_switches(store):
    _, meeting, (a, b), questions = make_review(store)
    n = note(store, meeting, a, "Styrgruppen saknar mandat", questions[2])
    assert ids(search(store.db, "mandat")) == {n.id}
    store.edit_note(n.id, "Styrgruppen har ordförande")
    assert ids(search(store.db, "mandat")) == set()
    assert ids(search(store.db, "ordförande")) == {n.id}
    store.delete_note(n.id)
    assert ids(search(store.db, "ordförande")) == set()
    store.undo_last_change(meeting.id)  # the delete undone
    assert ids(search(store.db, "ordförande")) == {n.id}
    store.undo_last_change(meeting.id)  # the edit undone
    assert ids(search(store.db, "mandat")) == {n.id}
    assert ids(search(store.db, "ordförande")) == set()
    store.set_note_flags(n.id, party_id=b.id)
    (hit,) = [h for h in search(store.db, "mandat") if h.kind == "note"]
    assert (hit.party_id, hit.party_name, hit.question_number) == (b.id, "Region Söderås", 3)
    store.edit_note(n.id, "Styrgruppen saknar mandat", category=Category.IMPROVEMENT)
    assert search(store.db, "mandat", category="improvement")[0].source_id == n.id
    assert search(store.db, "mandat", category="strength") == []


def test_answers_assessments_and_actions_are_indexed_and_follow_changes(store):
    review, meeting, (a, b), questions = make_review(store)
    store.set_answer(questions[0].id, a.id, "Vi har en folkhälsostrategi")
    store.import_assessments(a.id, b.id, [(questions[0].id, Sign.MINUS, "Strategin saknar uppföljning")])
    action = store.add_action(review.id, a.id, "Inför årlig uppföljning", activities="Workshop med chefer")
    hits = search(store.db, "folkhälsostrategi")
    assert [(h.kind, h.party_id, h.question_number) for h in hits] == [("answer", a.id, 1)]
    (hit,) = search(store.db, "strategin")
    assert (hit.kind, hit.party_id, hit.category) == ("assessment", a.id, "improvement")
    assert {h.kind for h in search(store.db, "uppföljning")} == {"assessment", "action"}
    assert ids(search(store.db, "workshop"), "action") == {action.id}
    store.update_action(action.id, activities="Seminarium", outcome="Alla chefer utbildade")
    assert search(store.db, "workshop") == []
    assert ids(search(store.db, "utbildade"), "action") == {action.id}
    store.set_answer(questions[0].id, a.id, "Vi har en plan")
    assert search(store.db, "folkhälsostrategi") == []
    store.delete_action(action.id)
    assert search(store.db, "utbildade") == []


def test_a_purged_review_leaves_nothing_in_the_index(store, clock):
    from datetime import timedelta

    review, meeting, (a, b), questions = make_review(store)
    note(store, meeting, a, "Styrgrupp", questions[0])
    store.set_answer(questions[0].id, a.id, "Styrgrupp finns")
    store.delete_review(review.id)
    assert search(store.db, "styrgrupp") == []  # a deleted review is not searched
    clock.advance(timedelta(days=31).total_seconds())
    store.purge_deleted_reviews()
    assert store.db.execute("SELECT COUNT(*) FROM search_index").fetchone()[0] == 0


def test_the_migration_builds_the_index_and_uids_for_an_existing_database(tmp_path):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(str(path)))
    schema.migrations.apply(db, stop_before=SEARCH_MIGRATION)
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db["reviews"].insert({"id": 1, "title": "Gammal", "template": "region", "created_at": "2025-01-01T00:00:00Z"})
    db["parties"].insert({"id": 1, "review_id": 1, "key": "a", "name": "Region A"})
    db["parties"].insert({"id": 2, "review_id": 1, "key": "b", "name": "Region B"})
    db["questions"].insert({"id": 1, "review_id": 1, "position": 1, "text": "Hur?"})
    db["meetings"].insert({"id": 1, "review_id": 1, "kind": "feedback", "title": "M", "created_at": "2025-01-01"})
    db["notes"].insert(
        {
            "meeting_id": 1,
            "party_id": 1,
            "question_id": 1,
            "category": "strength",
            "text": "Förankrad styrgrupp",
            "created_at": "2025",
            "updated_at": "2025",
        }
    )
    db["answers"].insert({"question_id": 1, "party_id": 2, "text": "Handlingsplanen", "updated_at": "2025"})
    db.conn.commit()
    db.conn.close()
    store = Store.open(path)
    try:
        assert {h.kind for h in search(store.db, "styrgrupp handlingsplan")} == set()
        assert [h.kind for h in search(store.db, "styrgrupp")] == ["note"]
        assert [h.kind for h in search(store.db, "handlingsplanen")] == ["answer"]
        (uid,) = store.db.execute("SELECT uid FROM reviews").fetchone()
        assert len(uid) == 36 and uid[14] == "4"
        new = store.create_review("region", "X", "Y")
        assert store.db.execute("SELECT uid FROM reviews WHERE id = ?", [new.id]).fetchone()[0] not in (None, uid)
    finally:
        store.close()
    Store.open(path).close()  # our own migration is known: the file is not "from a newer hfs-tui"


# ------------------------------------------------------------------------------- ownership


def test_other_reviews_show_only_released_notes_in_the_report(store):
    mine, m1, (a1, _b1), q1 = make_review(store, "Vårdcentral Ekbacken", "Vårdcentral Tallåsen")
    other, m2, (a2, b2), q2 = make_review(store)
    own_internal = note(store, m1, a1, "styrgrupp internt hos oss", q1[0])
    released = note(store, m2, a2, "styrgrupp släppt", q2[0], released=True)
    internal = note(store, m2, a2, "styrgrupp intern", q2[0])
    shared_not_report = note(store, m2, b2, "styrgrupp utan rapport", q2[0])
    store.set_note_flags(shared_not_report.id, share=Share.NETWORK)
    report_not_shared = note(store, m2, b2, "styrgrupp bara rapport", q2[0])
    store.set_note_flags(report_not_shared.id, in_report=True)
    deleted = note(store, m2, a2, "styrgrupp borttagen", q2[0], released=True)
    store.delete_note(deleted.id)
    store.set_answer(q2[0].id, a2.id, "styrgrupp i svaret")
    store.import_assessments(a2.id, b2.id, [(q2[0].id, Sign.PLUS, "styrgrupp bra")])

    everything = search(store.db, "styrgrupp")
    assert ids(everything) == {own_internal.id, released.id, internal.id, shared_not_report.id, report_not_shared.id}
    assert {h.kind for h in everything} == {"note", "answer", "assessment"}
    seen_from_mine = search(store.db, "styrgrupp", for_review_id=mine.id)
    assert ids(seen_from_mine) == {own_internal.id, released.id}
    assert {h.kind for h in seen_from_mine} == {"note"}  # answers and assessments of other reviews: never
    assert ids(search(store.db, "styrgrupp", network_only=True)) == {released.id}
    assert ids(search(store.db, "styrgrupp", review_id=other.id, for_review_id=mine.id)) == {released.id}
    assert {h.kind for h in search(store.db, "styrgrupp", for_review_id=other.id)} == {"note", "answer", "assessment"}
    store.set_note_flags(released.id, share=Share.INTERNAL)
    assert search(store.db, "styrgrupp", network_only=True) == []


def test_actions_cross_reviews_only_when_their_own_flags_say_network(store):
    mine, *_ = make_review(store, "Vårdcentral Ekbacken", "Vårdcentral Tallåsen")
    other, _m, (a, _b), _q = make_review(store)
    action = store.add_action(other.id, a.id, "Inför styrgrupp")
    assert search(store.db, "styrgrupp", for_review_id=mine.id) == []  # internal and not in the report
    assert search(store.db, "styrgrupp", network_only=True) == []
    store.set_action_flags(action.id, share=Share.NETWORK)
    assert search(store.db, "styrgrupp", network_only=True) == []  # not in the report yet
    store.set_action_flags(action.id, in_report=True)
    assert ids(search(store.db, "styrgrupp", for_review_id=mine.id), "action") == {action.id}
    store.delete_action(action.id)
    assert search(store.db, "styrgrupp", network_only=True) == []


def test_snippets_carry_user_text_as_data(store):
    _, meeting, (a, _b), questions = make_review(store)
    note(store, meeting, a, "[bold]styrgrupp[/] \x1b]52;c;x\x07 [@click=app.quit]", questions[0])
    (hit,) = search(store.db, "styrgrupp")
    assert HIGHLIGHT_START in hit.snippet and HIGHLIGHT_END in hit.snippet
    assert "[bold]" in "".join(p for p, _ in hit.snippet_parts())


# ------------------------------------------------------------------------------------- CLI


def test_cli_search_prints_ranked_hits_escaped_for_the_terminal(tmp_path, capsys):
    path = tmp_path / "cli.db"
    store = Store.open(path)
    review, meeting, (a, _b), questions = make_review(store)
    note(store, meeting, a, "Styrgruppen \x1b[2J rensar", questions[1])
    store.close()
    assert main(["--db", str(path), "search", "styrgrupp"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "␛[2J" in out
    assert "Region Nordmark" in out and "fråga 2" in out and "[Styrgruppen]" in out
    assert main(["search", "--db", str(path), '"NEAR(', "--network-only"]) == 0
    assert main(["search", "--db", str(path), "x", "--review", "finns inte"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and err.strip().splitlines()[-1].startswith("hfs-tui: ")


# ----------------------------------------------------------------------------------- the screen


async def test_the_search_screen_shows_ranked_hits_and_enter_opens_the_meeting_at_the_question(tmp_path, clock):
    from hfs_tui.screens.meeting import MeetingScreen
    from hfs_tui.screens.search import SearchScreen
    from textual.widgets import Input, OptionList

    from hfs_tui.app import make_app

    path = tmp_path / "screen.db"
    store = Store.open(path, clock=clock)
    review, meeting, (a, _b), questions = make_review(store)
    hostile = note(store, meeting, a, "[bold]Styrgruppen[/] möts [@click=app.quit] \x1b[2J", questions[4])
    store.close()
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(SearchScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await enter_text(pilot, "styrgrupp", submit=None)  # the screen searches as the query changes
        await pilot.pause(0.3)
        assert [(h.kind, h.source_id) for h in screen.hits] == [("note", hostile.id)]
        prompt = screen.query_one("#search-hits", OptionList).get_option_at_index(0).prompt
        assert "[bold]Styrgruppen[/]" in prompt.plain and "\x1b" not in prompt.plain
        assert any(
            span.style == "bold reverse" and prompt.plain[span.start : span.end] == "Styrgruppen"
            for span in prompt.spans
        )
        assert "fråga 5" in prompt.plain and "Region Nordmark" in prompt.plain
        screen.query_one(Input).value = '"NEAR( -'  # hostile typing: no crash, no hits
        await pilot.pause(0.3)
        assert screen.hits == [] and app.screen is screen
        screen.query_one(Input).value = "styrgrupp"
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.question.id == questions[4].id
    check = Store.open(path)
    assert check.meeting(meeting.id).current_question_id == questions[4].id
    check.close()


async def test_from_a_review_the_screen_shows_other_reviews_only_released(tmp_path, clock):
    from hfs_tui.screens.search import SearchScreen

    from hfs_tui.app import make_app

    path = tmp_path / "perspective.db"
    store = Store.open(path, clock=clock)
    mine, *_ = make_review(store, "Vårdcentral Ekbacken", "Vårdcentral Tallåsen")
    _other, meeting, (a, _b), questions = make_review(store)
    shown = note(store, meeting, a, "styrgrupp släppt", questions[0], released=True)
    note(store, meeting, a, "styrgrupp intern", questions[0])
    store.close()
    app = make_app(path, clock=clock, bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        results = []
        app.push_screen(SearchScreen(for_review_id=mine.id, open_hits=False, query="styrgrupp"), results.append)
        await pilot.pause()
        assert [h.source_id for h in app.screen.hits] == [shown.id]
        await pilot.press("ctrl+n")  # network only: the same here
        assert [h.source_id for h in app.screen.hits] == [shown.id]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [h.source_id for h in results] == [shown.id]  # returned to the caller, not opened


def index_contents(db) -> dict[int, str]:
    return dict(db.execute("SELECT rowid, text FROM search_index").fetchall())


def test_after_random_writes_the_index_equals_a_rebuild_from_the_tables(store):
    from hfs_tui.store.search import rebuild_index

    rng = random.Random(77)
    review, meeting, parties, questions = make_review(store)
    note_ids, action_ids = [], []
    for step in range(300):
        choice = rng.random()
        word = rng.choice(["styrgrupp", "mål", "hälsa", "plan"]) + str(step)
        if choice < 0.3 or not note_ids:
            note_ids.append(note(store, meeting, rng.choice(parties), word, rng.choice(questions)).id)
        elif choice < 0.45:
            store.edit_note(rng.choice(note_ids), word, category=rng.choice(list(Category)))
        elif choice < 0.55:
            target = store.note(rng.choice(note_ids))
            if target.deleted_at is None:
                store.delete_note(target.id)
        elif choice < 0.62:
            store.undo_last_change(meeting.id)
        elif choice < 0.7:
            note_id = rng.choice(note_ids)
            store.set_note_owner(note_id, rng.choice(parties).id)
            store.set_note_flags(note_id, share=rng.choice(list(Share)))
        elif choice < 0.8:
            store.set_answer(rng.choice(questions).id, rng.choice(parties).id, word)
        elif choice < 0.9 or not action_ids:
            action_ids.append(store.add_action(review.id, rng.choice(parties).id, word).id)
        else:
            store.update_action(rng.choice(action_ids), outcome=word)
    live = index_contents(store.db)
    rebuild_index(store.db)
    assert index_contents(store.db) == live
    for note_id in note_ids:  # and what search says agrees with the table, word by word
        current = store.note(note_id)
        found = note_id in ids(search(store.db, current.text, limit=1000))
        assert found == (current.deleted_at is None), current


def test_the_snippet_is_cut_around_the_match_and_marks_prefix_matches():
    from hfs_tui.store.search import make_snippet

    text = " ".join(f"ord{i}" for i in range(40)) + " Styrgruppen möts. " + " ".join(f"slut{i}" for i in range(40))
    snippet = make_snippet(text, [["styrgrupp"]])
    parts = snippet_parts(snippet)
    assert ("Styrgruppen", True) in parts
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 200
    assert make_snippet("kort text", [["saknas"]]) == "kort text"
    assert snippet_parts(make_snippet("styr-grupp och styrning", [["styr", "grupp"]])) == [
        ("styr", True),
        ("-", False),
        ("grupp", True),
        (" och styrning", False),  # "styr" of a phrase is whole
    ]
