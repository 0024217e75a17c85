"""Step 1, the introductory meeting: parties and teams, the questions to answer, and the agreements.

Three tabs follow the introductory meeting's agenda (who takes part, which questions, confidentiality,
report and time); the fourth holds what each meeting's protokoll says of it (place, secretary, who was present). Every change is written to the store the moment a dialog saves it, so there is no
unsaved state; `m` runs the introductory meeting itself on the shared meeting screen.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Footer, Static, TabbedContent, TabPane, Tabs

from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.safe_text import one_line, plain

from ..keys import SETUP_KEYS, bindings
from ..widgets.dialogs import ConfirmDialog
from .editing import SetupEditing
from .lists import AgreementsList, IdOptionList, MeetingsList, QuestionList, TeamList

TABS = ("team", "questions", "agreements", "meetings")

_ACTION_TABS = {
    "toggle": ("questions", "meetings"),
    "move_party": ("team",),
    "move": ("questions",),
    "add": ("team", "questions"),
    "remove": ("team", "questions"),
}


class SetupScreen(SetupEditing):
    KEY_ACTIONS = SETUP_KEYS
    HELP_TITLE = "setup.title"
    BINDINGS = bindings(SETUP_KEYS)

    def __init__(self, review_id: int) -> None:
        super().__init__()
        self.review_id = review_id

    def compose(self) -> ComposeResult:
        yield Static(id="setup-title")
        with TabbedContent(id="setup-tabs"):
            with TabPane(t("setup.tab.team"), id="team"):
                yield TeamList(id="team-list")
            with TabPane(t("setup.tab.questions"), id="questions"):
                yield Static(id="questions-summary")
                yield QuestionList(id="question-list")
            with TabPane(t("setup.tab.agreements"), id="agreements"):
                yield AgreementsList(id="agreements-list")
            with TabPane(t("setup.tab.meetings"), id="meetings"):
                yield MeetingsList(id="meetings-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False  # ←/→ switch tabs; the focus stays in the list
        self.show_all()
        self.current_list.focus()

    # ------------------------------------------------------------ showing

    def show_all(self) -> None:
        self.show_team()
        self.show_questions()
        self.show_agreements()
        self.show_meetings()

    def show_title(self) -> None:
        title = Text(t("setup.title"), style="bold")
        title.append(" · ")
        title.append(plain(one_line(self.store.review(self.review_id).title)))
        self.query_one("#setup-title", Static).update(title)

    def show_team(self) -> None:
        store = self.store
        parties = store.parties(self.review_id)
        members = {party.id: store.members(party.id) for party in parties}
        self.query_one(TeamList).show(store.review(self.review_id), parties, members)
        self.show_title()

    def show_questions(self, keep_id: str | None = None) -> None:
        questions = self.store.questions(self.review_id)
        selected = sum(q.selected for q in questions)
        summary = Text(t("setup.questions_summary", selected=selected, count=len(questions)), style="bold")
        summary.append("   " + t("setup.questions_hint" if questions else "setup.no_questions"), style="dim")
        self.query_one("#questions-summary", Static).update(summary)
        self.query_one(QuestionList).show(questions, keep_id)

    def show_agreements(self) -> None:
        store = self.store
        meetings = store.meetings(self.review_id)
        self.query_one(AgreementsList).show(store.review(self.review_id), store.parties(self.review_id), meetings)

    def show_meetings(self) -> None:
        store = self.store
        parties = store.parties(self.review_id)
        members = {party.id: store.members(party.id) for party in parties}
        meetings = store.meetings(self.review_id)
        present = {meeting.id: store.attendance(meeting.id) for meeting in meetings}
        self.query_one(MeetingsList).show(store.review(self.review_id), parties, members, meetings, present)

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or TABS[0]

    @property
    def current_list(self) -> IdOptionList:
        return self.query_one(f"#{self.tab} IdOptionList", IdOptionList)

    @on(TabbedContent.TabActivated)
    def focus_list(self) -> None:
        self.current_list.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing on the current tab are hidden from the Footer."""
        return self.tab in _ACTION_TABS.get(action, TABS)

    # ------------------------------------------------------------- moving

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_next_tab(self, step: int) -> None:
        self.action_show_tab(TABS[(TABS.index(self.tab) + step) % len(TABS)])

    def action_move_party(self) -> None:
        """`o`: the highlighted member moves to the other party's team (the highlight follows them)."""
        row_id = self.current_list.highlighted_id or ""
        kind, _, ident = row_id.partition(":")
        if kind != "member":
            self.notify(t("setup.nothing_to_move"), timeout=3, markup=False)
            return
        member = self.store.member(int(ident))
        other = next(p for p in self.store.parties(self.review_id) if p.id != member.party_id)
        if self.store_ok(self.store.move_member, member.id, other.id):
            self.show_all()
            self.notify(t("setup.moved", name=one_line(member.name), party=one_line(other.name)), markup=False)

    def party_of_row(self, row_id: str) -> int:
        """The party a team row belongs to: the nearest party heading above it."""
        options = self.query_one(TeamList).options
        index = next(i for i, option in enumerate(options) if option.id == row_id)
        heading = next(o for o in reversed(options[: index + 1]) if (o.id or "").startswith("party:"))
        return int((heading.id or "").partition(":")[2])

    def action_remove(self) -> None:
        row_id = self.current_list.highlighted_id or ""
        kind, _, ident = row_id.partition(":")
        store = self.store
        remove: Callable[[int], object]
        if kind == "member":
            remove = store.remove_member
            question = t("setup.confirm_remove_member", name=one_line(store.member(int(ident)).name))
        elif kind == "q":
            remove, q = store.remove_question, store.question(int(ident))
            question = t("setup.confirm_remove_question", number=q.number, text=one_line(q.text, 80))
            answered = sum(1 for question_id, _ in store.answers(self.review_id) if question_id == q.id)
            if answered:  # answers go with the question (deselecting keeps them)
                question += " " + t("setup.question_has_answers", count=answered)
        else:
            self.notify(t("setup.nothing_to_remove"), timeout=3, markup=False)
            return

        rows = self.current_list
        position = rows.highlighted or 0

        def confirmed(yes: bool | None) -> None:
            if yes and self.store_ok(remove, int(ident)):
                self.show_all()
                rows.highlight_near(position)  # the cursor stays where the removed row was

        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_toggle(self) -> None:  # type: ignore[override]  # our `toggle` key, not DOMNode's attribute toggle
        if self.tab == "meetings":
            row_id = self.query_one(MeetingsList).highlighted_id or ""
            if row_id.startswith("present:"):
                self.toggle_present(row_id)
            return
        question_row = self.query_one(QuestionList).highlighted_id
        if question_row:
            question = self.store.question(int(question_row.partition(":")[2]))
            if self.store_ok(self.store.set_question_selected, question.id, not question.selected):
                self.show_questions()

    def action_move(self, offset: int) -> None:
        row_id = self.query_one(QuestionList).highlighted_id
        if row_id and self.store_ok(self.store.move_question, int(row_id.partition(":")[2]), offset):
            self.show_questions()

    # --------------------------------------------------------------- misc

    def action_meeting(self) -> None:
        self.hfs_app.open_meeting(self.review_id, MeetingKind.INTRO)

    def action_back(self) -> None:
        self.app.pop_screen()
