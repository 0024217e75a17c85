"""What the introductory meeting (step 1) agrees on, shown where the feedback meeting shows the answers.

The teams go through the instruction, agree which questions are answered, confidentiality, the form of
the report and a time estimate; the panel shows the current state of each, as set up in the setup screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events

from hfs_tui.i18n import t
from hfs_tui.model import Member, Party, Question, Review
from hfs_tui.safe_text import plain
from hfs_tui.setup_rules import format_hours

from ..widgets.wrapped_text import WrappedText


class AgendaPanel(WrappedText):
    def show_agreements(
        self, review: Review, parties: Sequence[tuple[Party, Sequence[Member]]], questions: Sequence[Question]
    ) -> None:
        blocks: list[Text] = [Text(t("meeting.intro_parties"), style="bold underline")]
        for party, members in parties:
            hours = t("meeting.intro_hours", hours=format_hours(party.hours_estimate)) if party.hours_estimate else ""
            blocks.append(plain(f"{party.name}{hours}", style="bold"))
            blocks += [plain(f"  {member.name}" + (f", {member.role}" if member.role else "")) for member in members]
        if review.facilitator:
            blocks.append(plain(t("meeting.intro_facilitator") + review.facilitator))
        selected = [q for q in questions if q.selected]
        blocks += [
            Text(""),
            Text(t("meeting.intro_questions", selected=len(selected), total=len(questions)), style="bold underline"),
        ]
        blocks += [plain(f"[{'x' if q.selected else ' '}] {q.number}. {q.text}") for q in questions]
        for label, value in (
            ("meeting.intro_confidentiality", review.confidentiality),
            ("meeting.intro_report_form", review.report_form),
        ):
            blocks += [Text(""), Text(t(label), style="bold underline")]
            blocks.append(plain(value) if value.strip() else Text(t("meeting.intro_not_set"), style="italic"))
        self.show(blocks)

    def on_click(self, event: events.Click) -> None:
        """A click on an agreement (a line of the panel, not a heading or a blank line) selects it."""
        offset = event.get_content_offset(self)
        lines = self._lines  # WrappedText's (block, start, end) per wrapped line
        line = None if offset is None else offset.y + round(self.scroll_y)
        if line is not None and 0 <= line < len(lines):
            block = lines[line][0]
            if self._blocks[block].plain.strip() and not self._blocks[block].style:
                self.highlight(block)
                self.focus()

    @property
    def selected_text(self) -> str | None:
        return None if self.highlighted_block is None else self._blocks[self.highlighted_block].plain
