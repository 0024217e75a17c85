"""Where steps 2 and 3 stand: per party, which selected questions are answered and which answers the
other party has reviewed with + / −, so the facilitator sees whether the parties are ready for the
feedback meeting. Pure: it takes what the store returns, and the screens only show the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Answer, Assessment, Document, Party, Question, Sign


@dataclass(frozen=True)
class QuestionStatus:
    """One party's answer to one question, as the question list shows it."""

    question: Question
    answered: bool
    documents: int
    plus: int  # the other party's + on this answer
    minus: int  # the other party's − on this answer

    @property
    def reviewed(self) -> bool:
        return self.plus + self.minus > 0


@dataclass(frozen=True)
class PartyProgress:
    party: Party
    reviewer: Party  # the other party, who reviews this party's answers
    questions: tuple[QuestionStatus, ...]

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return sum(status.answered for status in self.questions)

    @property
    def reviewed(self) -> int:
        return sum(status.reviewed for status in self.questions)

    @property
    def ready(self) -> bool:
        """Every selected question answered and reviewed: this party's part of the feedback meeting can run."""
        return self.total > 0 and self.answered == self.reviewed == self.total


def answer_progress(
    questions: Sequence[Question],
    parties: Sequence[Party],
    answers: Mapping[tuple[int, int], Answer],
    documents: Iterable[Document],
    assessments: Iterable[Assessment],
) -> list[PartyProgress]:
    """Progress of each of the two parties over `questions` (normally the selected ones), in party order.

    An answer counts as given only when it has text; an answer is reviewed when the other party has put at
    least one + or − on it. Documents not tied to a question are not counted per question.
    """
    document_count: dict[tuple[int, int], int] = {}
    for document in documents:
        if document.question_id is not None:
            doc_key = (document.question_id, document.party_id)
            document_count[doc_key] = document_count.get(doc_key, 0) + 1
    signs: dict[tuple[int, int, Sign], int] = {}
    for assessment in assessments:
        key = (assessment.question_id, assessment.party_id, assessment.sign)
        signs[key] = signs.get(key, 0) + 1
    result = []
    for party in parties:
        reviewer = next(other for other in parties if other.id != party.id)
        statuses = []
        for question in questions:
            answer = answers.get((question.id, party.id))
            statuses.append(
                QuestionStatus(
                    question=question,
                    answered=answer is not None and bool(answer.text.strip()),
                    documents=document_count.get((question.id, party.id), 0),
                    plus=signs.get((question.id, party.id, Sign.PLUS), 0),
                    minus=signs.get((question.id, party.id, Sign.MINUS), 0),
                )
            )
        result.append(PartyProgress(party, reviewer, tuple(statuses)))
    return result
