"""The four lists of the setup screen: parties and teams, the questions, the agreements and the meetings.

Each row is an option whose id says what it edits ("name:3", "member:7", "q:12", "date:4",
"present:4:7"), so the
screen routes `enter`/`e`/`n`/`d` by id and every list stays a plain view of the store's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hfs_tui.i18n import t
from hfs_tui.model import Meeting, Member, Party, Question, Review
from hfs_tui.safe_text import one_line, plain
from hfs_tui.setup_rules import format_hours, party_kind_label

LABEL_WIDTH = 14


class IdOptionList(OptionList):
    """An OptionList rebuilt from scratch on every change that keeps the highlight on the same row id."""

    def rebuild(self, options: Iterable[Option], keep_id: str | None = None) -> None:
        keep_id = keep_id or self.highlighted_id
        self.clear_options()
        self.add_options(options)
        ids = [option.id for option in self.options]
        if keep_id in ids and not self.options[ids.index(keep_id)].disabled:
            self.highlighted = ids.index(keep_id)
        else:
            self.highlighted = next((i for i, option in enumerate(self.options) if not option.disabled), None)

    def highlight_near(self, index: int) -> None:
        """Highlight the row now at `index` (or the nearest selectable one before it): after a removal."""
        count = len(self.options)
        for candidate in [*range(min(index, count - 1), count), *range(min(index, count) - 1, -1, -1)]:
            if 0 <= candidate < count and not self.options[candidate].disabled:
                self.highlighted = candidate
                return

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None


def _field(label: str, value: Text | str, option_id: str, width: int = LABEL_WIDTH) -> Option:
    """A row `label   value` with the value wrapped under itself, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=width, no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    grid.add_row(Text(label), value if isinstance(value, Text) else plain(value))
    return Option(grid, id=option_id)


def _heading(text: str, option_id: str, gap: bool = False) -> Option:
    """A bold, unselectable heading; `gap` puts an empty line above it to separate the sections."""
    return Option(Text(("\n" if gap else "") + text, style="bold"), id=option_id, disabled=True)


def _unset(text: str = "") -> Text:
    return Text(text or t("setup.unset"), style="dim italic")


class TeamList(IdOptionList):
    """Title, each party (name, kind, team members with roles) and the facilitator."""

    def show(self, review: Review, parties: Sequence[Party], members: dict[int, list[Member]]) -> None:
        options = [_field(t("setup.review_title"), review.title, "title")]
        for party in parties:
            options.append(_heading(t("setup.party", letter=party.key.upper()), f"party:{party.id}", gap=True))
            options.append(_field(t("setup.party_name"), party.name, f"name:{party.id}"))
            options.append(_field(t("setup.party_kind"), Text(party_kind_label(party.kind)), f"kind:{party.id}"))
            adjuster = party.adjuster.strip()
            options.append(_field(t("setup.adjuster"), adjuster or _unset(), f"adjuster:{party.id}"))
            label = t("setup.members")
            for member in members.get(party.id, []):
                person = plain(one_line(member.name))
                if member.role:
                    person.append(" — ")
                    person.append(plain(one_line(member.role), style="italic"))
                options.append(_field(label, person, f"member:{member.id}"))
                label = ""
            options.append(_field(label, Text(t("setup.add_member"), style="dim"), f"add:{party.id}"))
        options.append(_heading(t("setup.process"), "heading:process", gap=True))
        options.append(_field(t("setup.facilitator"), review.facilitator or _unset(), "facilitator"))
        self.rebuild(options)


class QuestionList(IdOptionList):
    """The question list: a mark for selected, the number, the question and its sub-questions."""

    def show(self, questions: Sequence[Question], keep_id: str | None = None) -> None:
        options: list[Option] = []
        for question in questions:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=7, no_wrap=True)
            grid.add_column(ratio=1)
            mark = "[x]" if question.selected else "[ ]"
            body = plain(question.text, style="" if question.selected else "dim")
            for sub in question.sub_questions:
                body.append("\n")
                body.append(plain(f"· {sub}", style="dim italic"))
            grid.add_row(Text(f"{mark} {question.number:>2}.", style="bold" if question.selected else "dim"), body)
            options.append(Option(grid, id=f"q:{question.id}"))
        self.rebuild(options, keep_id)


class AgreementsList(IdOptionList):
    """What step 1 agrees besides the questions: confidentiality, the report's form, hours and dates."""

    def show(self, review: Review, parties: Sequence[Party], meetings: Sequence[Meeting]) -> None:
        options: list[Option] = []
        for field, label in (("confidentiality", "setup.confidentiality"), ("report_form", "setup.report_form")):
            text = getattr(review, field)
            options.append(_heading(t(label), f"heading:{field}", gap=bool(options)))
            value = plain(text.strip()) if text.strip() else _unset(t("setup.not_agreed"))
            options.append(Option(Padding(value, (0, 0, 0, 2)), id=field))
        labels = [one_line(party.name) for party in parties] + [t(f"progress.meeting.{m.kind.value}") for m in meetings]
        width = min(30, max(map(len, labels), default=LABEL_WIDTH))
        options.append(_heading(t("setup.hours"), "heading:hours", gap=True))
        for party, label in zip(parties, labels):
            options.append(_field(label, Text(format_hours(party.hours_estimate)), f"hours:{party.id}", width))
        options.append(_heading(t("setup.meeting_dates"), "heading:dates", gap=True))
        for meeting, label in zip(meetings, labels[len(parties) :]):
            options.append(_field(label, Text(meeting.held_on or t("setup.unset")), f"date:{meeting.id}", width))
        self.rebuild(options)


class MeetingsList(IdOptionList):
    """Per meeting: its place, its secretary and who is present (a checklist of both teams, everyone by default)."""

    def show(
        self,
        review: Review,
        parties: Sequence[Party],
        members: dict[int, list[Member]],
        meetings: Sequence[Meeting],
        present: dict[int, set[int]],
    ) -> None:
        options: list[Option] = []
        facilitator = one_line(review.facilitator)
        for meeting in meetings:
            title = t(f"progress.meeting.{meeting.kind.value}")
            if meeting.held_on:
                title += f" · {meeting.held_on}"
            options.append(_heading(title, f"heading:meeting:{meeting.id}", gap=bool(options)))
            options.append(
                _field(t("setup.place"), meeting.place or _unset(t("setup.place_unset")), f"place:{meeting.id}")
            )
            secretary = meeting.secretary or _unset(t("setup.secretary_default", name=facilitator or "–"))
            options.append(_field(t("setup.secretary"), secretary, f"secretary:{meeting.id}"))
            for party in parties:
                team = members.get(party.id, [])
                label = Text(t("setup.present", party=one_line(party.name)), style="dim")
                options.append(Option(label, id=f"heading:present:{meeting.id}:{party.id}", disabled=True))
                for member in team:
                    here = member.id in present.get(meeting.id, set())
                    person = Text(" " * (LABEL_WIDTH + 1))
                    person.append("[x] " if here else "[ ] ", style="bold" if here else "dim")
                    person.append(plain(one_line(member.name), style="" if here else "dim"))
                    if not here:
                        person.append(" — " + t("setup.absent"), style="dim italic")
                    options.append(Option(person, id=f"present:{meeting.id}:{member.id}"))
                if not team:
                    empty = Text("  " + t("setup.no_team"), style="dim italic")
                    options.append(Option(empty, id=f"heading:noteam:{meeting.id}:{party.id}", disabled=True))
        self.rebuild(options)
