"""Load the fictional sample reviews shipped in `sample_data/` (the demo and the tests use them).

Each sample is a folder with `review.toml` (title, parties, members, step-1 agreements) and the
Markdown files a real review would have: both parties' answers and both directions of assessments.
Loading goes through the same importer as a user's files, so the sample also proves the importer.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store and the importers are loaded when a sample is, not when the CLI starts
    from .model import Review
    from .store import Store

SAMPLES = ("region", "vardcentral")


def sample_folder(name: str) -> Traversable:
    if name not in SAMPLES:
        raise ValueError(f"unknown sample {name!r} (known: {', '.join(SAMPLES)})")
    return files("hfs_tui.sample_data") / name


def sample_title(name: str) -> str:
    return tomllib.loads((sample_folder(name) / "review.toml").read_text(encoding="utf-8"))["title"]


def find_sample(store: Store, name: str = "region") -> Review | None:
    title = sample_title(name)
    return next((s.review for s in store.reviews() if s.review.title == title), None)


def load_sample(store: Store, name: str = "region") -> Review:
    from .importers import parse_answers, parse_assessments

    folder = sample_folder(name)
    spec = tomllib.loads((folder / "review.toml").read_text(encoding="utf-8"))
    party_a, party_b = spec["parties"]
    with store.transaction():
        review = store.create_review(
            spec["template"],
            party_a["name"],
            party_b["name"],
            spec["title"],
            spec.get("facilitator", ""),
            language="sv",  # the sample's answers are in Swedish and answer the Swedish questions
        )
        store.update_review(
            review.id,
            confidentiality=spec.get("confidentiality", ""),
            report_form=spec.get("report_form", ""),
        )
        questions = store.questions(review.id)
        parties = {p.key: p for p in store.parties(review.id)}
        other = {"a": parties["b"], "b": parties["a"]}
        for party_spec in spec["parties"]:
            party = parties[party_spec["key"]]
            store.update_party(
                party.id, kind=party_spec.get("kind", party.kind), hours_estimate=party_spec.get("hours_estimate")
            )
            for member in party_spec.get("members", []):
                store.add_member(party.id, member["name"], member.get("role", ""))
            answers_file = folder / f"answers-{party.key}.md"
            answers = parse_answers(answers_file.read_text(encoding="utf-8"), questions, answers_file.name)
            store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers])
            assessments_file = folder / f"assessments-of-{party.key}.md"
            items = parse_assessments(assessments_file.read_text(encoding="utf-8"), questions, assessments_file.name)
            store.import_assessments(party.id, other[party.key].id, [(i.question.id, i.sign, i.comment) for i in items])
    return store.review(review.id)
