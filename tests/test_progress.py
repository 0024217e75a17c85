"""Where a review stands in the five steps: the pure rules, then the store query that feeds them."""

from __future__ import annotations

from datetime import date

import pytest

from hfs_tui.model import ActionStatus, Category, MeetingKind, TimerEventKind
from hfs_tui.progress import MeetingActivity, ReviewCounts, Step, current_step, next_meeting, step_detail

SIX = 6


def counts(**fields) -> ReviewCounts:
    fields.setdefault("questions", SIX)
    return ReviewCounts(**fields)


def meetings(**activity: MeetingActivity) -> dict[MeetingKind, MeetingActivity]:
    return {MeetingKind(kind): value for kind, value in activity.items()}


# --------------------------------------------------------------- the rules


def test_a_fresh_review_is_in_the_introductory_meeting():
    assert current_step(counts()) == Step.INTRO


def test_the_intro_meeting_having_begun_is_still_step_one():
    started = meetings(intro=MeetingActivity(slots=3, started_slots=2, notes=4))
    assert current_step(counts(meetings=started)) == Step.INTRO


def test_the_intro_meeting_reaching_its_last_slot_moves_on_to_answering():
    done = meetings(intro=MeetingActivity(slots=3, started_slots=3))
    assert current_step(counts(meetings=done)) == Step.ANSWER


def test_the_first_answer_of_either_party_means_answering():
    assert current_step(counts(answered=(0, 1))) == Step.ANSWER
    assert current_step(counts(answered=(SIX, SIX - 1))) == Step.ANSWER


def test_both_parties_answering_every_selected_question_means_reviewing():
    assert current_step(counts(answered=(SIX, SIX))) == Step.REVIEW


def test_a_first_assessment_means_reviewing_even_before_all_answers_are_in():
    assert current_step(counts(answered=(SIX, 2), assessed=(1, 0))) == Step.REVIEW


def test_every_answer_assessed_both_ways_means_ready_for_the_feedback_meeting():
    full = counts(answered=(SIX, SIX), assessed=(SIX, SIX))
    assert current_step(full) == Step.FEEDBACK
    assert step_detail(full, Step.FEEDBACK) == "redo för mötet"


def test_one_direction_assessed_is_still_reviewing():
    assert current_step(counts(answered=(SIX, SIX), assessed=(SIX, SIX - 1))) == Step.REVIEW


def test_a_feedback_meeting_that_has_begun_is_step_four_whatever_else_is_missing():
    begun = meetings(feedback=MeetingActivity(slots=2, notes=1))
    assert current_step(counts(meetings=begun)) == Step.FEEDBACK
    assert step_detail(counts(meetings=begun), Step.FEEDBACK) == "mötet har börjat"


def test_actions_mean_improvement_work():
    assert current_step(counts(answered=(SIX, SIX), assessed=(SIX, SIX), actions=3)) == Step.IMPROVEMENT


def test_the_follow_up_meeting_or_a_followed_up_action_means_step_five():
    follow_up = meetings(follow_up=MeetingActivity(slots=2, started_slots=1))
    assert current_step(counts(actions=3, meetings=follow_up)) == Step.FOLLOW_UP
    assert current_step(counts(actions=3, actions_followed_up=1)) == Step.FOLLOW_UP


def test_no_selected_questions_never_counts_as_all_answered():
    assert current_step(counts(questions=0)) == Step.INTRO


def test_step_labels_carry_the_instructions_numbers():
    assert [step.label for step in Step] == [
        "1 Inledande möte",
        "2 Besvara",
        "3 Granska",
        "4 Återkopplingsmöte",
        "4b Förbättringsarbete",
        "5 Uppföljning",
    ]


@pytest.mark.parametrize(
    ("step", "review", "expected"),
    [
        (Step.INTRO, counts(), "6 frågor valda"),
        (Step.ANSWER, counts(answered=(4, 0)), "svar 4/6 · 0/6"),
        (Step.REVIEW, counts(answered=(6, 6), assessed=(6, 2)), "granskat 6/6 · 2/6"),
        (Step.IMPROVEMENT, counts(actions=5), "5 åtgärder"),
        (Step.FOLLOW_UP, counts(actions=5, actions_followed_up=2), "2 av 5 åtgärder följda upp"),
    ],
)
def test_step_detail_says_how_far_the_step_has_come(step, review, expected):
    assert step_detail(review, step) == expected


def test_next_meeting_is_the_first_dated_today_or_later():
    dated = meetings(
        intro=MeetingActivity(held_on="2026-03-01"),
        feedback=MeetingActivity(held_on="2026-05-20"),
        follow_up=MeetingActivity(held_on="2027-05-01"),
    )
    assert next_meeting(counts(meetings=dated), date(2026, 3, 10)) == (MeetingKind.FEEDBACK, date(2026, 5, 20))
    assert next_meeting(counts(meetings=dated), date(2026, 5, 20)) == (MeetingKind.FEEDBACK, date(2026, 5, 20))
    assert next_meeting(counts(meetings=dated), date(2027, 6, 1)) is None


def test_an_ended_meeting_is_never_the_next_one_whatever_its_date():
    today = meetings(
        intro=MeetingActivity(held_on="2026-12-02", ended=True),
        feedback=MeetingActivity(held_on="2027-01-20"),
    )
    assert next_meeting(counts(meetings=today), date(2026, 12, 2)) == (MeetingKind.FEEDBACK, date(2027, 1, 20))


def test_the_store_counts_an_ended_meeting_as_ended(store):
    review = store.create_review("blank", "A", "B")
    intro = store.meeting_of_kind(review.id, MeetingKind.INTRO)
    assert not store.review_counts()[review.id].meeting(MeetingKind.INTRO).ended
    store.set_meeting_ended(intro.id, store.clock())
    assert store.review_counts()[review.id].meeting(MeetingKind.INTRO).ended


def test_next_meeting_ignores_missing_and_malformed_dates():
    odd = meetings(intro=MeetingActivity(held_on="nästa vecka"), feedback=MeetingActivity())
    assert next_meeting(counts(meetings=odd), date(2026, 3, 10)) is None


# ------------------------------------------------------- the store's counts


def test_review_counts_count_only_selected_questions_and_live_rows(store):
    review = store.create_review("vardcentral", "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden")
    a, b = store.parties(review.id)
    questions = store.questions(review.id)
    store.set_question_selected(questions[-1].id, False)
    store.set_answer(questions[0].id, a.id, "Vi har en plan.")
    store.set_answer(questions[1].id, a.id, "   ")  # blank: not an answer
    store.set_answer(questions[-1].id, a.id, "Svar på en bortvald fråga")
    store.add_assessment(questions[0].id, a.id, b.id, "+", "Tydligt")
    store.add_assessment(questions[0].id, a.id, b.id, "-", "Men ingen uppföljning")
    feedback = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    note = store.add_note(feedback.id, a.id, Category.ACTION, "Inför uppföljning")
    deleted = store.add_note(feedback.id, a.id, Category.NOTE, "Bort")
    store.delete_note(deleted.id)
    store.add_timer_event(store.slots(feedback.id)[0].id, TimerEventKind.START)
    action = store.action_from_note(note.id)
    store.add_action(review.id, b.id, "Skriftlig rutin")
    store.update_action(action.id, status=ActionStatus.DONE.value)
    store.set_meeting_held_on(feedback.id, "2026-04-02")

    got = store.review_counts()[review.id]

    assert got.questions == 5
    assert got.answered == (1, 0)
    assert got.assessed == (1, 0)
    assert (got.actions, got.actions_followed_up) == (2, 1)
    assert got.meeting(MeetingKind.FEEDBACK) == MeetingActivity(slots=2, started_slots=1, notes=1, held_on="2026-04-02")
    assert got.meeting(MeetingKind.INTRO) == MeetingActivity(slots=3)
    assert current_step(got) == Step.FOLLOW_UP


def test_review_counts_leave_out_deleted_reviews_and_the_sample_is_ready_for_feedback(sample_store):
    review_id = sample_store.reviews()[0].review.id
    other = sample_store.create_review("blank", "A", "B")
    sample_store.delete_review(other.id)
    all_counts = sample_store.review_counts()
    assert set(all_counts) == {review_id}
    assert current_step(all_counts[review_id]) == Step.FEEDBACK
