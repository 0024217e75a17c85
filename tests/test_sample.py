"""The sample reviews are complete: they load through the importer, and every question has its answers,
documents and marks in both directions."""

from __future__ import annotations

from collections import Counter

import pytest

from hfs_tui.model import MeetingKind, Sign
from hfs_tui.sample import SAMPLES, find_sample, load_sample, sample_title
from hfs_tui.store import Store


def test_region_sample_has_17_questions_answered_by_both_parties(sample_store: Store):
    (summary,) = sample_store.reviews()
    review = summary.review
    questions = sample_store.questions(review.id)
    party_a, party_b = sample_store.parties(review.id)
    answers = sample_store.answers(review.id)
    assert review.template == "region" and len(questions) == 17
    for question in questions:
        for party in (party_a, party_b):
            answer = answers.get((question.id, party.id))
            assert answer is not None and len(answer.text.split()) >= 20, (question.number, party.name)


def test_region_sample_lists_documents_for_both_parties(sample_store: Store):
    review = sample_store.reviews()[0].review
    for party in sample_store.parties(review.id):
        documents = sample_store.documents(party.id)
        assert len(documents) >= 5, party.name
        assert all(d.question_id is not None and d.title.strip() for d in documents)


def test_region_sample_has_assessments_both_ways_with_enough_marks(sample_store: Store):
    review = sample_store.reviews()[0].review
    party_a, party_b = sample_store.parties(review.id)
    marks = Counter((a.party_id, a.reviewer_party_id, a.sign) for a in sample_store.assessments(review.id))
    for assessed, reviewer in ((party_a, party_b), (party_b, party_a)):
        assert marks[(assessed.id, reviewer.id, Sign.PLUS)] >= 12
        assert marks[(assessed.id, reviewer.id, Sign.MINUS)] >= 8
    assert set(marks) == {(a.id, r.id, s) for a, r in ((party_a, party_b), (party_b, party_a)) for s in Sign}


def test_region_sample_has_members_agreements_and_feedback_slots(sample_store: Store):
    review = sample_store.reviews()[0].review
    assert review.confidentiality and review.report_form and review.facilitator
    parties = sample_store.parties(review.id)
    assert all(len(sample_store.members(p.id)) >= 2 for p in parties)
    feedback = sample_store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    assert [s.title for s in sample_store.slots(feedback.id)] == [f"Återkoppling till {p.name}" for p in parties]


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_loads_and_is_found_again_by_title(store: Store, name):
    review = load_sample(store, name)
    assert review.title == sample_title(name)
    assert find_sample(store, name) == review
    questions = store.questions(review.id)
    answers = store.answers(review.id)
    assert len(answers) == 2 * len(questions)
    assert store.assessments(review.id)


def test_vardcentral_sample_uses_its_template(store: Store):
    review = load_sample(store, "vardcentral")
    assert review.template == "vardcentral"
    assert [p.kind for p in store.parties(review.id)] == ["vardcentral", "vardcentral"]
    assert len(store.questions(review.id)) == 6


def test_find_sample_is_none_before_loading(store: Store):
    assert find_sample(store, "region") is None


def test_unknown_sample_is_refused(store: Store):
    with pytest.raises(ValueError, match="region, vardcentral"):
        load_sample(store, "kommun")


def test_a_sample_that_fails_halfway_leaves_nothing_behind(store: Store, monkeypatch: pytest.MonkeyPatch):
    import hfs_tui.importers

    def broken(*args, **kwargs):
        raise RuntimeError("assessment file unreadable")

    monkeypatch.setattr(hfs_tui.importers, "parse_assessments", broken)  # sample.py imports it when loading
    with pytest.raises(RuntimeError):
        load_sample(store, "region")
    assert store.reviews(include_deleted=True) == []
    assert store.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 0
