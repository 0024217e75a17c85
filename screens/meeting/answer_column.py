"""One party's answer to the current question, with the other party's + / − assessments under it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from hfs_tui.i18n import t
from hfs_tui.model import Answer, Assessment, Document, Party
from hfs_tui.safe_text import clean, one_line, plain

from ..marks import SIGN_LABEL, SIGN_STYLE, SIGN_SYMBOL
from ..widgets.wrapped_text import WrappedText


class AnswerColumn(WrappedText):
    """Scrolls on its own (focus it with tab); the party whose slot it is gets the `-focus-party` class."""

    def show_answer(self, *parts: object) -> None:
        self.show(self.answer_blocks(*parts))  # type: ignore[arg-type]

    def prefetch_answer(self, *parts: object) -> None:
        """Wrap a neighbouring question's answer now, so moving to it shows cached lines (WrappedText.prefetch)."""
        self.prefetch(self.answer_blocks(*parts))  # type: ignore[arg-type]

    def answer_blocks(
        self,
        party: Party,
        reviewer: Party,
        answer: Answer | None,
        documents: Sequence[Document],
        assessments: Sequence[Assessment],
    ) -> list[Text]:
        blocks = [Text(t("meeting.answer_of", party=one_line(party.name)), style="bold"), Text("")]
        if answer and answer.text.strip():
            blocks.append(plain(answer.text))
        else:
            blocks.append(Text(t("meeting.no_answer"), style="italic"))
        if documents:
            blocks.append(Text(""))
            blocks += [plain(f"▸ {document.title}") for document in documents]
        blocks += [Text(""), Text(t("meeting.assessments_by", party=one_line(reviewer.name)), style="bold underline")]
        if not assessments:
            blocks.append(Text(t("meeting.no_assessments"), style="italic"))
        for assessment in assessments:
            # Colour is a second channel only: the sign and its word carry the meaning on any theme.
            line = Text()
            line.append(
                f"{SIGN_SYMBOL[assessment.sign]} {t(SIGN_LABEL[assessment.sign])}: ", style=SIGN_STYLE[assessment.sign]
            )
            line.append(clean(assessment.comment))
            blocks.append(line)
        return blocks
