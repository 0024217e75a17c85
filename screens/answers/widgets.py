"""The parts of the answers screen: progress per party, the question list, the answer and its marks.

They only show what the screen hands them; the screen reads the store and does every write.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Static

from hfs_tui.answer_progress import PartyProgress, QuestionStatus
from hfs_tui.i18n import t
from hfs_tui.model import Answer, Assessment, Document, Party, Question, Sign
from hfs_tui.safe_text import clean, one_line, plain

from ..marks import SIGN_LABEL, SIGN_STYLE, SIGN_SYMBOL
from ..widgets.wrapped_text import WrappedText

Item = Document | Assessment
DONE = "hfs.plus"  # named styles that follow the theme (screens/themes.py): complete, and secondary text
MUTED = "hfs.muted"


class ProgressPanel(Static):
    """One row per party: its key, answered questions and how many of its answers the other party reviewed."""

    def show_progress(self, progress: Sequence[PartyProgress], active: int) -> None:
        grid = Table.grid(expand=True, padding=(0, 2))
        grid.add_column(width=3, no_wrap=True)  # the key that shows the party
        grid.add_column(ratio=2, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=3, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True)
        for index, row in enumerate(progress):
            current = index == active
            answered = t("answers.progress_answered", done=row.answered, total=row.total)
            reviewed = t(
                "answers.progress_reviewed", done=row.reviewed, total=row.total, reviewer=one_line(row.reviewer.name)
            )
            grid.add_row(
                Text(f"{index + 1}{' ▶' if current else ''}", style="bold" if current else ""),
                plain(one_line(row.party.name), style="bold" if current else ""),
                Text(answered, style=DONE if row.total and row.answered == row.total else ""),
                Text(reviewed, style=DONE if row.total and row.reviewed == row.total else ""),
                Text(t("answers.progress_ready") if row.ready else "", style=DONE),
            )
        self.update(grid)


class QuestionTable(DataTable):
    """The selected questions with one party's answer status; the row cursor is the current question."""

    FIXED_WIDTH = 16  # the documents, + and − columns and every column's cell padding, plus one spare cell

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.statuses: tuple[QuestionStatus, ...] = ()

    def show_statuses(self, statuses: Sequence[QuestionStatus]) -> None:
        """Rebuild the rows (a review has at most a few dozen questions), keeping the cursor row."""
        row = self.cursor_row
        self.statuses = tuple(statuses)
        self.clear(columns=True)
        question_width = max(8, self.scrollable_content_region.width - self.FIXED_WIDTH)
        self.add_column(Text(t("answers.col.question")), width=question_width)
        self.add_column(Text(t("answers.col.documents"), justify="right"), width=3)
        self.add_column(Text("+", justify="right"), width=2)
        self.add_column(Text("−", justify="right"), width=2)
        for status in self.statuses:
            self.add_row(*_status_cells(status, question_width))
        if self.statuses:
            self.move_cursor(row=min(max(row, 0), len(self.statuses) - 1), animate=False)

    def on_resize(self) -> None:
        if self.statuses:
            self.show_statuses(self.statuses)


def _status_cells(status: QuestionStatus, width: int) -> list[Text]:
    """✓ (answered) or · first, then the number and as much of the question as fits; counts only when > 0."""
    question = status.question
    cell = Text()
    cell.append("✓ " if status.answered else "· ", style=DONE if status.answered else MUTED)
    cell.append_text(plain(one_line(f"{question.number}. {question.text}", width - 2)))
    return [
        cell,
        Text(str(status.documents) if status.documents else "", justify="right"),
        Text(str(status.plus) if status.plus else "", style=SIGN_STYLE[Sign.PLUS], justify="right"),
        Text(str(status.minus) if status.minus else "", style=SIGN_STYLE[Sign.MINUS], justify="right"),
    ]


class AnswerView(WrappedText):
    """The current question and one party's answer, read-only; focus it with tab to scroll a long answer."""

    def show_answer(self, party: Party, question: Question | None, answer: Answer | None) -> None:
        if question is None:
            self.show([Text(t("answers.no_questions"), style="italic")])
            return
        blocks = [
            Text(t("answers.heading", number=question.number, party=one_line(party.name)), style=MUTED),
            plain(question.text, style="bold"),
        ]
        blocks += [plain(f"  · {sub}", style="italic") for sub in question.sub_questions]
        blocks.append(Text(""))
        if answer is not None and answer.text.strip():
            blocks.append(plain(answer.text))
        else:
            blocks.append(Text(t("answers.no_answer"), style="italic"))
        self.show(blocks)


class ItemList(WrappedText):
    """The answer's documents and the other party's + / − on it; ↑ ↓ select one for the screen's keys."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("enter", "screen.edit_item", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Item] = []
        self._item_blocks: list[int] = []
        self._selected: int | None = None

    def show_items(
        self,
        documents: Sequence[Document],
        assessments: Sequence[Assessment],
        reviewer: Party,
        keep: Item | None = None,
    ) -> None:
        blocks: list[Text] = []
        self.items, self._item_blocks = [], []

        def add(item: Item, block: Text) -> None:
            self.items.append(item)
            self._item_blocks.append(len(blocks))
            blocks.append(block)

        if documents:
            blocks.append(Text(t("answers.documents", count=len(documents)), style="bold"))
            for document in documents:
                add(document, plain(f"▸ {document.title}"))
        else:
            blocks.append(Text(t("answers.no_documents"), style=MUTED))
        plus = sum(1 for a in assessments if a.sign == Sign.PLUS)
        heading = t(
            "answers.assessments_by", reviewer=one_line(reviewer.name), plus=plus, minus=len(assessments) - plus
        )
        blocks.append(Text(heading, style="bold"))
        if not assessments:
            blocks.append(Text(t("answers.no_assessments"), style=MUTED))
        for assessment in assessments:
            # The sign and its word carry the meaning; colour is a second channel only.
            line = Text()
            line.append(
                f"{SIGN_SYMBOL[assessment.sign]} {t(SIGN_LABEL[assessment.sign])}: ", style=SIGN_STYLE[assessment.sign]
            )
            line.append(clean(assessment.comment))
            add(assessment, line)
        self.show(blocks)
        keys = [_key(item) for item in self.items]
        self.select(keys.index(_key(keep)) if keep is not None and _key(keep) in keys else (0 if self.items else None))

    def select(self, index: int | None) -> None:
        self._selected = index
        self.highlight(None if index is None else self._item_blocks[index])

    def action_move(self, delta: int) -> None:
        if self._selected is None:
            self.scroll_relative(y=delta, animate=False)
        else:
            self.select(max(0, min(len(self.items) - 1, self._selected + delta)))

    @property
    def selected(self) -> Item | None:
        return None if self._selected is None else self.items[self._selected]


def _key(item: Item) -> tuple[str, int]:
    """Documents and assessments have separate id spaces."""
    return (type(item).__name__, item.id)
