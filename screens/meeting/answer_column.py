"""One party's answer to the current question, with the other party's + / − assessments under it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from hfs_tui.i18n import t
from hfs_tui.model import Answer, Assessment, Document, Party, Sign
from hfs_tui.safe_text import clean, one_line, plain

SIGN_SYMBOL = {Sign.PLUS: "+", Sign.MINUS: "−"}
SIGN_LABEL = {Sign.PLUS: "sign.plus", Sign.MINUS: "sign.minus"}


class AnswerColumn(VerticalScroll):
    """Scrolls on its own (focus it with tab); the party whose slot it is gets the `-focus-party` class."""

    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(classes="column-title")
        yield Static(classes="answer-text")
        yield Static(classes="assessments")

    def show(
        self,
        party: Party,
        reviewer: Party,
        answer: Answer | None,
        documents: Sequence[Document],
        assessments: Sequence[Assessment],
    ) -> None:
        title = Text()
        title.append(t("meeting.answer_of", party=one_line(party.name)), style="bold")
        self.query_one(".column-title", Static).update(title)
        body = plain(answer.text) if answer and answer.text.strip() else Text(t("meeting.no_answer"), style="italic")
        if documents:
            body.append("\n\n")
            for document in documents:
                body.append("▸ ", style="bold")
                body.append(clean(document.title) + "\n")
        self.query_one(".answer-text", Static).update(body)
        self.query_one(".assessments", Static).update(_assessments_text(reviewer, assessments))
        self.scroll_home(animate=False)


def _assessments_text(reviewer: Party, assessments: Sequence[Assessment]) -> Text:
    text = Text()
    text.append(t("meeting.assessments_by", party=one_line(reviewer.name)) + "\n", style="bold underline")
    if not assessments:
        text.append(t("meeting.no_assessments"), style="italic")
        return text
    for assessment in assessments:
        # Colour is a second channel only: the sign and its word carry the meaning on any theme.
        colour = "green" if assessment.sign == Sign.PLUS else "dark_orange"
        text.append(f"{SIGN_SYMBOL[assessment.sign]} {t(SIGN_LABEL[assessment.sign])}: ", style=f"bold {colour}")
        text.append(clean(assessment.comment) + "\n")
    return text

