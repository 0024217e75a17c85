"""Publishing: only what owners released leaves; the same review replaces itself; merged archives by uid.

Includes the randomized ownership test over search from other reviews, the published file and a merged archive.
"""

from __future__ import annotations

import json
import random
import sqlite3

import pytest
from sqlite_utils import Database

from hfs_tui.cli import main
from hfs_tui.model import Category, MeetingKind, Share, Sign
from hfs_tui.store import Store, StoreError
from hfs_tui.store.publish import PublishError, merge, publish
from hfs_tui.store.publish_meta import QUERIES
from hfs_tui.store.search import search

WORD = "styrgrupp"  # every generated note carries it, so every note is a candidate hit


def make_review(store: Store, a: str, b: str):
    review = store.create_review("region", a, b)
    return (
        review,
        store.meeting_of_kind(review.id, MeetingKind.FEEDBACK),
        store.parties(review.id),
        store.questions(review.id),
    )


def archive(path) -> Database:
    return Database(sqlite3.connect(str(path)))


def released_ids(store: Store) -> set[int]:
    return {
        row[0]
        for row in store.db.execute(
            "SELECT id FROM notes WHERE share = 'network' AND in_report = 1 AND deleted_at IS NULL"
        )
    }


def published_note_ids(path) -> set[int]:
    db = archive(path)
    try:
        return {int(row[0].rsplit(":n", 1)[1]) for row in db.execute("SELECT id FROM notes")}
    finally:
        db.conn.close()


def test_only_released_notes_in_the_report_are_published(store, tmp_path):
    review, meeting, (a, b), questions = make_review(store, "Region Nordmark", "Region Söderås")
    store.add_member(a.id, "Anna Andersson", "processledare")
    store.update_review(review.id, facilitator="Fia Facilitator", confidentiality="Hemligt avtal")
    store.set_answer(questions[0].id, a.id, "Svaret är internt")
    store.import_assessments(a.id, b.id, [(questions[0].id, Sign.PLUS, "Bedömningen är intern")])
    good = store.add_note(
        meeting.id, a.id, Category.GOOD_EXAMPLE, "Gott exempel: hälsosamtal", question_id=questions[0].id
    )
    store.set_note_flags(good.id, in_report=True, share=Share.NETWORK)
    internal = store.add_note(meeting.id, b.id, Category.STRENGTH, "Intern styrka", question_id=questions[0].id)
    store.set_note_flags(internal.id, in_report=True)
    store.add_action(review.id, a.id, "Inför styrgrupp")  # the actions table has no share column: not published
    out = publish(store.db, tmp_path / "network.db")
    db = archive(out)
    assert [r["text"] for r in db["notes"].rows] == ["Gott exempel: hälsosamtal"]
    assert db["actions"].count == 0
    assert {r["name"] for r in db["parties"].rows} == {"Region Nordmark", "Region Söderås"}
    assert db["questions"].count == 17
    everything = "\n".join(
        json.dumps(list(db[table].rows), ensure_ascii=False)
        for table in db.table_names()
        if not table.endswith(("_data", "_idx", "_docsize", "_config"))
    )
    for secret in (
        "Anna Andersson",
        "Fia Facilitator",
        "Hemligt avtal",
        "Svaret är internt",
        "Bedömningen är intern",
        "Intern styrka",
        "Inför styrgrupp",
    ):
        assert secret not in everything
    assert [
        r[0]
        for r in db.execute(
            "SELECT n.id FROM notes_fts f JOIN notes n ON n.rowid = f.rowid WHERE notes_fts MATCH 'hälsosamtal'"
        )
    ]
    db.conn.close()
    with pytest.raises(StoreError):
        Store.open(out)  # an archive is not an hfs-tui database
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"]["network"]["tables"]
    for table in ("reviews", "parties", "questions", "notes", "actions"):
        columns = [r[1] for r in sqlite3.connect(out).execute(f"PRAGMA table_info({table})")]
        assert set(tables[table]["columns"]) == set(columns), table
    assert "goda_exempel_per_fraga" in meta["databases"]["network"]["queries"]


def test_publishing_a_review_again_replaces_it(store, tmp_path):
    review, meeting, (a, _b), questions = make_review(store, "Region Nordmark", "Region Söderås")
    first = store.add_note(meeting.id, a.id, Category.STRENGTH, "Första", question_id=questions[0].id)
    store.set_note_flags(first.id, in_report=True, share=Share.NETWORK)
    out = tmp_path / "network.db"
    publish(store.db, out)
    store.set_note_flags(first.id, share=Share.INTERNAL)  # the owner takes it back
    second = store.add_note(meeting.id, a.id, Category.LESSON, "Andra", question_id=questions[1].id)
    store.set_note_flags(second.id, in_report=True, share=Share.NETWORK)
    store.update_review(review.id, title="Ny titel")
    publish(store.db, out)
    db = archive(out)
    assert [r["text"] for r in db["notes"].rows] == ["Andra"]
    assert [r["title"] for r in db["reviews"].rows] == ["Ny titel"]
    assert db["questions"].count == 17 and db["parties"].count == 2
    db.conn.close()


def test_a_second_database_adds_its_reviews_and_a_merge_keys_them_by_uid(tmp_path, clock):
    one = Store.open(tmp_path / "one.db", clock=clock)
    two = Store.open(tmp_path / "two.db", clock=clock)
    for store, names in ((one, ("Region A", "Region B")), (two, ("Vårdcentral C", "Vårdcentral D"))):
        _review, meeting, (a, _b), questions = make_review(store, *names)
        n = store.add_note(
            meeting.id, a.id, Category.GOOD_EXAMPLE, f"Exempel från {names[0]}", question_id=questions[0].id
        )
        store.set_note_flags(n.id, in_report=True, share=Share.NETWORK)
    publish(one.db, tmp_path / "one-pub.db")
    publish(two.db, tmp_path / "two-pub.db")
    merged = merge([tmp_path / "one-pub.db", tmp_path / "two-pub.db", tmp_path / "one-pub.db"], tmp_path / "all.db")
    db = archive(merged)
    assert db["reviews"].count == 2 and db["parties"].count == 4 and db["notes"].count == 2
    assert len(list(db.execute("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'exempel'"))) == 2
    db.conn.close()
    one.close()
    two.close()
    with pytest.raises(PublishError, match="nätverksarkiv"):
        merge([tmp_path / "one.db"], tmp_path / "bad.db")  # an hfs-tui database is not an archive
    assert not (tmp_path / "bad.db").exists()
    with pytest.raises(PublishError):
        merge([tmp_path / "missing.db"], tmp_path / "bad.db")


def test_actions_are_published_only_when_their_flags_say_network(store, tmp_path):
    review, _meeting, (a, _b), _questions = make_review(store, "Region Nordmark", "Region Söderås")
    done = store.add_action(
        review.id,
        a.id,
        "Årlig uppföljning",
        status="done",
        outcome="Alla enheter följs upp",
        responsible="Anna Andersson",
    )
    store.add_action(review.id, a.id, "Intern åtgärd")
    store.set_action_flags(done.id, in_report=True, share=Share.NETWORK)
    out = publish(store.db, tmp_path / "network.db")
    db = archive(out)
    rows = list(db["actions"].rows)
    assert [r["goal"] for r in rows] == ["Årlig uppföljning"]
    assert "responsible" not in rows[0] and "Anna Andersson" not in json.dumps(rows, ensure_ascii=False)
    db.conn.close()


def test_the_canned_queries_run_in_datasette(store, tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    review, meeting, (a, _b), questions = make_review(store, "Region Nordmark", "Region Söderås")
    n = store.add_note(meeting.id, a.id, Category.GOOD_EXAMPLE, "Hälsosamtal i väntrummet", question_id=questions[3].id)
    store.set_note_flags(n.id, in_report=True, share=Share.NETWORK)
    action = store.add_action(review.id, a.id, "Styrgrupp", status="done", outcome="Styrgruppen möts")
    store.set_action_flags(action.id, in_report=True, share=Share.NETWORK)
    out = publish(store.db, tmp_path / "network.db")
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))

    async def run() -> dict[str, list]:
        ds = datasette_app.Datasette(files=[str(out)], metadata=meta)
        await ds.invoke_startup()
        results = {}
        for name in QUERIES:
            response = await ds.client.get(f"/network/{name}.json?_shape=array")
            assert response.status_code == 200, (name, response.text)
            results[name] = response.json()
        search_response = await ds.client.get("/network/notes.json?_search=väntrummet&_shape=array")
        assert search_response.status_code == 200
        results["search"] = search_response.json()
        page = await ds.client.get("/network")
        assert "Goda exempel per fråga" in page.text
        return results

    results = asyncio.run(run())
    assert [(r["nr"], r["part"], r["gott_exempel"]) for r in results["goda_exempel_per_fraga"]] == [
        (4, "Region Nordmark", "Hälsosamtal i väntrummet")
    ]
    assert [(r["status"], r["uppnått"]) for r in results["uppnadda_forbattringar"]] == [
        ("genomförd", "Styrgruppen möts")
    ]
    assert [r["text"] for r in results["search"]] == ["Hälsosamtal i väntrummet"]


def test_a_failed_publish_leaves_the_earlier_file(store, tmp_path):
    out = tmp_path / "network.db"
    out.write_bytes(b"not an archive at all, but somebody's file" * 100)
    with pytest.raises(PublishError):
        publish(store.db, out)
    assert out.read_bytes().startswith(b"not an archive")
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    with pytest.raises(PublishError):
        publish(store.db, tmp_path / "no" / "such" / "folder.db")


def test_cli_publish_and_merge(tmp_path, capsys):
    db = tmp_path / "cli.db"
    store = Store.open(db)
    make_review(store, "Region Nordmark", "Region Söderås")
    store.close()
    assert main(["--db", str(db), "publish", "--out", str(tmp_path / "pub.db")]) == 0
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / "pub.db"), str(tmp_path / "metadata.json")]
    assert main(["publish", "--merge", str(tmp_path / "pub.db"), str(db), "--out", str(tmp_path / "m.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nätverksarkiv" in err


# --------------------------------------------------------------------------- randomized ownership


def test_randomized_ownership_never_leaks(tmp_path, clock):
    """Seeded random notes, owner switches, edits, deletes and undo: nothing internal, outside the report or
    deleted ever reaches search from another review, the published file or a merged archive."""
    rng = random.Random(20261202)
    store = Store.open(tmp_path / "random.db", clock=clock)
    reviews = [make_review(store, f"Region {i}A", f"Region {i}B") for i in range(3)]
    probe, *_ = make_review(store, "Vårdcentral Probe", "Vårdcentral Sond")  # searches from outside
    note_ids: list[int] = []
    previous = None
    for step in range(400):
        review, meeting, parties, questions = rng.choice(reviews)
        choice = rng.random()
        if choice < 0.45 or not note_ids:
            n = store.add_note(
                meeting.id,
                rng.choice(parties).id,
                rng.choice(list(Category)),
                f"{WORD} not {step} {rng.random()}",
                question_id=rng.choice([None, *[q.id for q in questions]]),
            )
            store.set_note_flags(n.id, in_report=rng.random() < 0.5, share=rng.choice(list(Share)))
            note_ids.append(n.id)
            continue
        target = store.note(rng.choice(note_ids))
        target_review = next(r for r in reviews if r[1].id == target.meeting_id)
        if choice < 0.6:
            store.set_note_flags(target.id, share=rng.choice(list(Share)))
        elif choice < 0.7:
            store.set_note_flags(target.id, in_report=rng.random() < 0.5)
        elif choice < 0.78:
            store.set_note_flags(target.id, party_id=rng.choice(target_review[2]).id)
        elif choice < 0.86:
            store.edit_note(target.id, f"{WORD} redigerad {step}")
        elif choice < 0.94:
            if target.deleted_at is None:
                store.delete_note(target.id)
        else:
            store.undo_last_change(target.meeting_id)
        if step % 50 == 49:
            previous = check_no_leak(store, probe.id, tmp_path, step, previous)
    check_no_leak(store, probe.id, tmp_path, "end", previous)
    assert released_ids(store)  # the test released something, so "nothing leaks" is not "nothing at all"
    store.close()


def check_no_leak(store: Store, probe_id: int, tmp_path, step, previous):
    allowed = released_ids(store)
    seen = {h.source_id for h in search(store.db, WORD, for_review_id=probe_id, limit=10_000)}
    assert seen == allowed, step
    assert {h.source_id for h in search(store.db, WORD, network_only=True, limit=10_000)} == allowed
    out = publish(store.db, tmp_path / f"pub-{step}.db")
    assert published_note_ids(out) == allowed, step
    # an older archive of the same reviews first: the newer one replaces every review it holds
    merged = merge([previous or out, out], tmp_path / "merged.db")
    assert published_note_ids(merged) == allowed, step
    live_texts = {
        row[0]
        for row in store.db.execute(f"SELECT text FROM notes WHERE id IN ({','.join(map(str, allowed)) or 'NULL'})")
    }
    db = archive(merged)
    assert {row[0] for row in db.execute("SELECT text FROM notes")} == live_texts  # the current text, not an old one
    db.conn.close()
    return out
