"""The action plan (step 4b): the feedback meeting's `>` notes become each party's improvement actions,
kept in the action-plan columns of the HFS network plan (seed 004).

One party at a time, because the receiving party owns what came out about it and owns its plan: its
proposals (notes not yet turned into actions) above, its action plan below. Every edit is one store write.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from hfs_tui.i18n import t
from hfs_tui.model import Action, Category, MeetingKind, Note, Share
from hfs_tui.safe_text import one_line

from ..base import HfsScreen
from ..keys import ACTIONS_KEYS, bindings
from ..marks import CATEGORY_STYLE, CATEGORY_SYMBOL, category_label
from ..widgets.action_table import PLAN_COLUMNS, ActionTable, edit_action_field, new_action_form, state_line
from ..widgets.dialogs import ConfirmDialog
from ..widgets.note_list import NoteList
from ..widgets.selection import block_at


class ProposalList(NoteList):
    """Notes that could become actions; ↑ ↓ or a click select one, enter turns it into an action."""

    BINDINGS = [Binding("enter", "screen.adopt", show=False)]

    def on_click(self, event: events.Click) -> None:
        block = block_at(self, event)
        if block is not None and block < len(self.note_ids):
            self.highlight(block)

    def show_proposals(self, notes: list[Note], numbers: dict[int, str], keep_note_id: int | None = None) -> None:
        self.note_ids = [note.id for note in notes]
        rows = []
        for note in notes:
            row = Text()
            mark = f"{CATEGORY_SYMBOL[note.category]} {category_label(note.category)}"
            row.append(mark, style=CATEGORY_STYLE[note.category])
            if note.question_id in numbers:
                row.append(" · " + t("actions.question", number=numbers[note.question_id]), style="hfs.muted")
            row.append(": " + one_line(note.text))
            rows.append(row)
        self.show(rows)
        if notes:
            target = keep_note_id if keep_note_id in self.note_ids else self.note_ids[0]
            self.highlight(self.note_ids.index(target))
        else:
            self.highlight(None)


class ActionsScreen(HfsScreen):
    KEY_ACTIONS = ACTIONS_KEYS
    HELP_TITLE = "actions.help_title"
    BINDINGS = bindings(ACTIONS_KEYS)
    AUTO_FOCUS = ""  # focus_default decides: the plan when it has actions (Textual's would pick the proposals)

    def __init__(self, review_id: int) -> None:
        super().__init__()
        self.review_id = review_id
        self.party_index = 0
        self.include_improvements = False

    def compose(self) -> ComposeResult:
        yield Static(id="actions-heading")
        yield Static(id="actions-parties")
        yield Static(id="proposals-title")
        yield ProposalList(id="proposals")
        yield ActionTable(PLAN_COLUMNS, id="action-table")
        yield Static(id="action-detail")
        yield Static(Text(t("actions.empty")), id="actions-empty")
        yield Footer()

    def on_mount(self) -> None:
        store = self.store
        self.review = store.review(self.review_id)
        self.parties = store.parties(self.review_id)
        self.numbers = {q.id: q.number for q in store.questions(self.review_id)}
        self.query_one("#actions-heading", Static).update(
            Text(t("actions.heading", review=one_line(self.review.title)))
        )
        self.show_plan()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-compact")

    @property
    def party(self):
        return self.parties[self.party_index]

    # -------------------------------------------------------------- showing

    def show_plan(
        self, keep_action_id: int | None = None, keep_note_id: int | None = None, first_column: bool = False
    ) -> None:
        store = self.store
        actions = store.actions(self.review_id)
        counts = Counter(action.party_id for action in actions)
        self.query_one("#actions-parties", Static).update(self._party_line(counts))
        linked = {action.note_id for action in actions if action.note_id is not None}
        wanted = {Category.ACTION} | ({Category.IMPROVEMENT} if self.include_improvements else set())
        proposals = [
            note
            for note in store.review_notes(self.review_id, MeetingKind.FEEDBACK)
            if note.category in wanted and note.party_id == self.party.id and note.id not in linked
        ]
        title = "actions.proposals_with_improvements" if self.include_improvements else "actions.proposals"
        if not proposals:
            title = "actions.no_proposals_left" if self.include_improvements else "actions.no_proposals"
        self.query_one("#proposals-title", Static).update(Text(t(title, count=len(proposals))))
        proposal_list = self.query_one(ProposalList)
        proposal_list.display = bool(proposals)
        proposal_list.show_proposals(proposals, self.numbers, keep_note_id)
        own = [action for action in actions if action.party_id == self.party.id]
        table = self.query_one(ActionTable)
        table.show_actions(own, keep_action_id, first_column)
        table.display = bool(own)
        self.query_one("#action-detail").display = bool(own)
        self.query_one("#actions-empty").display = not own
        self.show_detail()
        if self.focused is None or not self.focused.display:
            self.focus_default()

    def _party_line(self, counts: Counter) -> Text:
        line = Text()
        for index, party in enumerate(self.parties):
            if index:
                line.append("   ")
            label = f" {one_line(party.name, 40)} · {_count(counts[party.id])} "
            line.append(label, style="reverse bold" if index == self.party_index else "hfs.muted")
        line.append("   " + t("actions.switch_hint"), style="italic")
        return line

    def focus_default(self) -> None:
        table = self.query_one(ActionTable)
        proposals = self.query_one(ProposalList)
        if table.display:
            table.focus()
        elif proposals.display:
            proposals.focus()

    @on(DataTable.CellHighlighted, "#action-table")
    def show_detail(self) -> None:
        table = self.query_one(ActionTable)
        detail = table.selected_text()
        if table.selected_action is not None and table.selected_column.field != "state":
            detail = Text("\n").join([detail, state_line(table.selected_action)])
        self.query_one("#action-detail", Static).update(detail)

    # -------------------------------------------------------------- editing

    @on(DataTable.CellSelected, "#action-table")
    def _cell_selected(self) -> None:
        self.action_edit_cell()

    def action_edit_cell(self) -> None:
        table = self.query_one(ActionTable)
        action = table.selected_action
        if action is None:
            self.notify(t("actions.nothing_to_edit"), timeout=3, markup=False)
            return
        edit_action_field(self, action, table.selected_column, one_line(self.party.name), self._edited)

    def _edited(self, action_id: int) -> None:
        self.notify(t("actions.saved"), timeout=2, markup=False)
        self.show_plan(keep_action_id=action_id)

    def action_new_action(self) -> None:
        created: list[Action] = []

        def save(values: dict[str, str]) -> None:
            fields: dict[str, Any] = dict(values)
            created.append(self.store.add_action(self.review_id, self.party.id, fields.pop("goal"), **fields))

        dialog = new_action_form(self, one_line(self.party.name), save)
        self.app.push_screen(dialog, lambda values: self._created(created))

    def _created(self, created: list[Action]) -> None:
        if created:
            self.show_plan(keep_action_id=created[0].id)
            self.query_one(ActionTable).focus()
            self.notify(t("actions.added"), timeout=2, markup=False)

    def action_delete_action(self) -> None:
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("actions.nothing_to_delete"), timeout=3, markup=False)
            return
        question = t("actions.confirm_delete", goal=one_line(action.goal, 80))
        self.app.push_screen(ConfirmDialog(question), lambda yes: self._delete(yes, action.id))

    def _delete(self, confirmed: bool | None, action_id: int) -> None:
        if confirmed and self.store_ok(self.store.delete_action, action_id):
            self.notify(t("actions.deleted"), timeout=3, markup=False)
            self.show_plan()

    # ------------------------------------------------------------ proposals

    def action_adopt(self) -> None:
        proposals = self.query_one(ProposalList)
        note_id = proposals.selected_note_id if proposals.display else None
        if note_id is None:
            self.notify(t("actions.no_proposal_selected"), timeout=3, markup=False)
            return
        following = _neighbour(proposals.note_ids, note_id)
        action = self.run_store(self.store.action_from_note, note_id)
        if action is not None:
            self.notify(t("actions.adopted"), timeout=2, markup=False)
            self.show_plan(keep_action_id=action.id, keep_note_id=following)
            self.query_one(ActionTable).focus()  # the new action is selected: ⏎ now edits it

    def action_adopt_all(self) -> None:
        notes = self.store.review_notes(self.review_id, MeetingKind.FEEDBACK)
        wanted = set(self.query_one(ProposalList).note_ids)
        note_ids = [n.id for n in notes if n.id in wanted and n.category is Category.ACTION]
        if not note_ids:
            self.notify(t("actions.no_action_proposals"), timeout=3, markup=False)
            return
        actions = self.run_store(self.store.actions_from_notes, note_ids)
        if actions is not None:
            self.notify(t("actions.adopted_all", count=len(actions)), timeout=3, markup=False)
            self.show_plan(keep_action_id=actions[0].id)
            self.query_one(ActionTable).focus()

    def action_toggle_improvements(self) -> None:
        self.include_improvements = not self.include_improvements
        self.show_plan(keep_action_id=self._selected_action_id())

    def action_show_party(self, index: int) -> None:
        if index >= len(self.parties) or index == self.party_index:
            return
        self.party_index = index
        self.show_plan(first_column=True)
        self.focus_default()

    # ---------------------------------------------------------- report, network

    def action_toggle_report(self) -> None:
        action = self._flag_target()
        if action is not None and self._set_flags(action, in_report=not action.in_report):
            key = "actions.now_in_report" if not action.in_report else "actions.now_not_in_report"
            self.notify(t(key, party=one_line(self.party.name)), timeout=3, markup=False)

    def action_toggle_share(self) -> None:
        action = self._flag_target()
        if action is None:
            return
        share = Share.INTERNAL if action.share == Share.NETWORK else Share.NETWORK
        if self._set_flags(action, share=share):
            # Releasing to the network is the owner's decision: said plainly every time, as for notes.
            key = "actions.now_shared" if share == Share.NETWORK else "actions.now_internal"
            self.notify(t(key, party=one_line(self.party.name)), timeout=4, markup=False)

    def _flag_target(self) -> Action | None:
        action = self.query_one(ActionTable).selected_action
        if action is None:
            self.notify(t("actions.nothing_to_edit"), timeout=3, markup=False)
        return action

    def _set_flags(self, action: Action, **flags) -> bool:
        if not self.store_ok(self.store.set_action_flags, action.id, **flags):
            return False
        self.show_plan(keep_action_id=action.id)
        return True

    # ---------------------------------------------------------------- misc

    def _selected_action_id(self) -> int | None:
        action = self.query_one(ActionTable).selected_action
        return action.id if action else None

    def action_leave(self) -> None:
        self.app.pop_screen()


def _neighbour(ids: list[int], current: int) -> int | None:
    """The id shown after `current` (or before it, at the end): where the selection goes once it is gone."""
    index = ids.index(current)
    rest = ids[index + 1 :] or ids[:index][-1:]
    return rest[0] if rest else None


def _count(count: int) -> str:
    return t("actions.count_one") if count == 1 else t("actions.count", count=count)
