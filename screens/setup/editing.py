"""Setup's dialogs: what enter (or e) opens on each row, what n adds, and the small pickers they use.

Every dialog writes to the store the moment it saves; the screen then shows the lists again with the
highlight kept on its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.widgets import OptionList

from hfs_tui.i18n import t
from hfs_tui.safe_text import one_line
from hfs_tui.setup_rules import (
    PARTY_KINDS,
    hours_number,
    parse_hours,
    parse_meeting_date,
    parse_question_editor,
    party_kind_label,
    question_editor_text,
)

from ..base import HfsScreen
from ..widgets.forms import ChoicePrompt, TextAreaPrompt, TextPrompt
from .dialogs import MemberForm
from .lists import IdOptionList


class SetupEditing(HfsScreen):
    review_id: int

    if TYPE_CHECKING:  # defined by SetupScreen

        @property
        def tab(self) -> str: ...

        @property
        def current_list(self) -> IdOptionList: ...

        def show_all(self) -> None: ...

        def show_team(self) -> None: ...

        def show_questions(self, keep_id: str | None = None) -> None: ...

        def show_meetings(self) -> None: ...

        def party_of_row(self, row_id: str) -> int: ...

    # ------------------------------------------------------------ editing

    @on(OptionList.OptionSelected)
    def edit_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.edit(event.option.id)

    def action_edit(self) -> None:
        self.edit(self.current_list.highlighted_id)

    def edit(self, row_id: str | None) -> None:
        """Open the dialog for the row: each dialog saves through the store and stays open on a refusal."""
        if row_id is None:
            return
        kind, _, ident = row_id.partition(":")
        store, review = self.store, self.store.review(self.review_id)
        if kind in ("title", "facilitator"):
            label = "setup.review_title" if kind == "title" else "setup.facilitator"
            self.prompt(
                TextPrompt(t(label), getattr(review, kind), save=lambda v: store.update_review(review.id, **{kind: v}))
            )
        elif kind == "name":
            party = store.party(int(ident))
            self.prompt(TextPrompt(t("setup.party_name"), party.name, save=lambda v: store.rename_party(party.id, v)))
        elif kind == "kind":
            self.edit_kind(int(ident))
        elif kind == "adjuster":
            party = store.party(int(ident))
            save = lambda v: store.update_party(party.id, adjuster=" ".join(v.split()))  # noqa: E731
            self.prompt(TextPrompt(t("setup.adjuster_title", party=one_line(party.name)), party.adjuster, save=save))
        elif kind in ("place", "secretary"):
            self.edit_meeting_field(kind, int(ident))
        elif kind == "present":
            self.toggle_present(row_id)
        elif kind in ("member", "add"):
            self.edit_member(row_id)
        elif kind == "q":
            self.edit_question(int(ident))
        elif kind in ("confidentiality", "report_form"):
            label = t(f"setup.{kind}")
            save_text = lambda v: store.update_review(review.id, **{kind: v.strip()})  # noqa: E731
            self.prompt(TextAreaPrompt(label, getattr(review, kind), save=save_text))
        elif kind == "hours":
            party = store.party(int(ident))
            save = lambda v: store.update_party(party.id, hours_estimate=parse_hours(v))  # noqa: E731
            title = t("setup.hours_title", party=one_line(party.name))
            self.prompt(TextPrompt(title, hours_number(party.hours_estimate), save=save))
        elif kind == "date":
            meeting = store.meeting(int(ident))
            label = t("setup.date_title", meeting=t(f"progress.meeting.{meeting.kind.value}").lower())
            save_date = lambda v: store.set_meeting_held_on(meeting.id, parse_meeting_date(v))  # noqa: E731
            self.prompt(TextPrompt(label, meeting.held_on or "", save=save_date, placeholder="2026-03-12"))

    def prompt(self, dialog) -> None:
        """Show a dialog; whatever it saved is shown as soon as it closes (the highlight stays on its row)."""

        def closed(result: object) -> None:
            if result is not None:
                self.show_all()

        self.app.push_screen(dialog, closed)

    def edit_kind(self, party_id: int) -> None:
        party = self.store.party(party_id)
        choices = [(kind, party_kind_label(kind)) for kind in PARTY_KINDS]

        def chosen(kind: str | None) -> None:
            if kind is not None and kind != party.kind and self.store_ok(self.store.update_party, party_id, kind=kind):
                self.show_team()

        self.app.push_screen(
            ChoicePrompt(t("setup.kind_title", party=one_line(party.name)), choices, party.kind), chosen
        )

    def edit_member(self, row_id: str) -> None:
        store = self.store
        kind, _, ident = row_id.partition(":")
        if kind == "add":
            party = store.party(int(ident))
            save = lambda name, role: store.add_member(party.id, name, role)  # noqa: E731
            self.prompt(MemberForm(t("forms.member", party=one_line(party.name)), save))
            return
        member = store.member(int(ident))
        party = store.party(member.party_id)
        update = lambda name, role: store.update_member(member.id, name, role)  # noqa: E731
        self.prompt(MemberForm(t("forms.member", party=one_line(party.name)), update, member.name, member.role))

    def edit_question(self, question_id: int | None) -> None:
        store = self.store
        if question_id is None:
            title, initial = t("setup.question_new"), ""
            save = lambda v: store.add_question(self.review_id, *parse_question_editor(v))  # noqa: E731
        else:
            question = store.question(question_id)
            title, initial = (
                t("setup.question_edit", number=question.number),
                question_editor_text(question.text, question.sub_questions),
            )
            save = lambda v: store.update_question(question.id, *parse_question_editor(v))  # noqa: E731
        hint = t("setup.question_editor_hint")

        def saved(result: str | None) -> None:
            if result is None:
                return
            questions = store.questions(self.review_id)
            keep = f"q:{question_id}" if question_id is not None else f"q:{questions[-1].id}"
            self.show_questions(keep_id=keep)

        self.app.push_screen(TextAreaPrompt(title, initial, save=save, hint=hint, line_numbers=True), saved)

    def edit_meeting_field(self, field: str, meeting_id: int) -> None:
        """The place (`Teams`, a room) or the secretary of one meeting; empty clears it."""
        store = self.store
        meeting = store.meeting(meeting_id)
        name = t(f"progress.meeting.{meeting.kind.value}").lower()
        if field == "place":
            save = lambda v: store.set_meeting_place(meeting.id, v)  # noqa: E731
            dialog = TextPrompt(t("setup.place_title", meeting=name), meeting.place, save=save, placeholder="Teams")
        else:
            save = lambda v: store.set_meeting_secretary(meeting.id, v)  # noqa: E731
            hint = one_line(store.review(self.review_id).facilitator) or t("setup.facilitator")
            dialog = TextPrompt(
                t("setup.secretary_title", meeting=name), meeting.secretary, save=save, placeholder=hint
            )
        self.prompt(dialog)

    def toggle_present(self, row_id: str) -> None:
        """`present:<meeting>:<member>`: present <-> absent, written at once."""
        _, meeting_text, member_text = row_id.split(":")
        meeting_id, member_id = int(meeting_text), int(member_text)
        here = member_id in self.store.attendance(meeting_id)
        if self.store_ok(self.store.set_present, meeting_id, member_id, not here):
            self.show_meetings()

    def action_add(self) -> None:
        row_id = self.current_list.highlighted_id or ""
        if self.tab == "questions":
            self.edit_question(None)
        elif self.tab != "team":
            return
        elif row_id.partition(":")[0] in ("name", "kind", "adjuster", "member", "add"):
            self.edit_member(f"add:{self.party_of_row(row_id)}")
        else:  # the title or the facilitator belong to no party: ask which team the new member joins
            self.choose_party(t("setup.add_member_to"), lambda party_id: self.edit_member(f"add:{party_id}"))

    def choose_party(self, title: str, then, current: int | None = None) -> None:
        parties = self.store.parties(self.review_id)
        choices = [(str(p.id), f"{t('setup.party', letter=p.key.upper())}: {one_line(p.name)}") for p in parties]

        def chosen(value: str | None) -> None:
            if value is not None:
                then(int(value))

        self.app.push_screen(ChoicePrompt(title, choices, str(current) if current else None), chosen)
