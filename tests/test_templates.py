"""The templates follow the seeds: the region questions are read from seed 000 itself and compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_tui import templates
from hfs_tui.model import MeetingKind

REPO_ROOT = Path(__file__).resolve().parent.parent
# The two seed instructions the templates are built from, copied from ../shared/seeds so the comparison never
# depends on a folder beside the repository (test_vendored_seeds_match_the_shared_ones checks they have not drifted).
SEEDS = Path(__file__).resolve().parent / "seeds"
SHARED_SEEDS = REPO_ROOT.parent / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    (match,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return match.read_text(encoding="utf-8")


def test_vendored_seeds_match_the_shared_ones():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout; the vendored copies are used as they are")
    for vendored in sorted(SEEDS.glob("*.txt")):
        assert vendored.read_bytes() == (SHARED_SEEDS / vendored.name).read_bytes(), vendored.name


def normalise(text: str) -> str:
    return " ".join(text.split())


def seed_000_questions() -> list[tuple[str, tuple[str, ...]]]:
    """The questions of seed 000: `- ` lines are questions, the lines under each are its sub-questions."""
    lines = seed_text("000").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Frågor som kan belysas:") + 1
    questions: list[tuple[str, list[str]]] = []
    for line in lines[start:]:
        line = line.strip()
        if line.startswith("Viktigt att framföra"):
            break
        if line.startswith("- "):
            questions.append((normalise(line[2:]), []))
        elif line:
            questions[-1][1].append(normalise(line))
    return [(text, tuple(subs)) for text, subs in questions]


def seed_002_parts(seed: str) -> list[str]:
    """The four parts of "hälsofrämjande arbetssätt": the seed's `- ` items (the last wraps onto a second line)."""
    parts: list[str] = []
    previous = ""
    for line in seed.splitlines():
        line = line.strip()
        if line.startswith("- "):
            parts.append(line[2:])
        elif line and previous.startswith("- "):
            parts[-1] += " " + line
        previous = line
    return [normalise(part) for part in parts]


def template_questions(key: str) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (normalise(q.text), tuple(normalise(s) for s in q.sub_questions)) for q in templates.get_template(key).questions
    ]


def test_region_template_has_every_question_of_seed_000_in_order_with_its_sub_questions():
    expected = seed_000_questions()
    assert len(expected) == 17  # the parser above really read the seed
    assert template_questions("region") == expected


def test_region_sub_questions_sit_under_organisation_survey_and_network():
    with_subs = {text: subs for text, subs in template_questions("region") if subs}
    assert [len(subs) for subs in with_subs.values()] == [4, 1, 4]
    assert "Finns det en styrgrupp?" in with_subs["Hur är det hälsofrämjande arbetet organiserat?"]


def test_vardcentral_template_has_the_starting_question_the_four_parts_and_documents():
    seed = seed_text("002")
    starting = next(normalise(line) for line in seed.splitlines() if line.strip().startswith("I vilken omfattning"))
    parts = seed_002_parts(seed)
    assert len(parts) == 4
    questions = [text for text, _ in template_questions("vardcentral")]
    assert questions[0] == starting
    for question, part in zip(questions[1:5], parts, strict=True):
        ending = " ".join(part.rstrip(".").split()[-3:])  # the template rephrases the verb, keeps the object
        assert ending in question
    assert "handlingsplaner" in questions[-1] and "rutiner" in questions[-1]
    assert len(questions) == 6


def test_blank_template_has_no_questions():
    assert templates.get_template("blank").questions == ()


def test_unknown_template_names_the_known_ones():
    with pytest.raises(ValueError, match="region, vardcentral, blank"):
        templates.get_template("kommun")


@pytest.mark.parametrize("key", sorted(templates.TEMPLATES))
def test_intro_meeting_takes_at_most_an_hour(key):
    plan = templates.get_template(key).meeting_plan(MeetingKind.INTRO)
    assert 0 < plan.planned_minutes_for_two_parties <= 60


@pytest.mark.parametrize("key", sorted(templates.TEMPLATES))
def test_feedback_meeting_has_a_90_minute_slot_for_each_party(key):
    plan = templates.get_template(key).meeting_plan(MeetingKind.FEEDBACK)
    assert [(s.title, s.minutes, s.per_party) for s in plan.slots] == [("Återkoppling till {party}", 90, True)]
    assert plan.planned_minutes_for_two_parties == 180


@pytest.mark.parametrize("key", sorted(templates.TEMPLATES))
def test_follow_up_meeting_takes_two_to_three_hours(key):
    plan = templates.get_template(key).meeting_plan(MeetingKind.FOLLOW_UP)
    assert 120 <= plan.planned_minutes_for_two_parties <= 180


def test_a_new_review_gets_one_feedback_slot_titled_for_each_party(store):
    review = store.create_review("vardcentral", "Vårdcentralen Lindbacken", "Vårdcentralen Ekudden")
    feedback = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    assert [(s.title, s.planned_minutes) for s in store.slots(feedback.id)] == [
        ("Återkoppling till Vårdcentralen Lindbacken", 90),
        ("Återkoppling till Vårdcentralen Ekudden", 90),
    ]
