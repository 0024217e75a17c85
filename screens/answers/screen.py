"""Steps 2 and 3: each party's answers (imported from a file or typed), its documents, and the other party's
+ / − review of them. The progress rows at the top tell the facilitator whether both parties are ready
for the feedback meeting. After every write the screen re-reads the store, so what it shows is what is saved.
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from hfs_tui.answer_progress import answer_progress
from hfs_tui.i18n import t
from hfs_tui.model import Assessment, Sign
from hfs_tui.safe_text import one_line
from hfs_tui.store import StoreError

from ..base import HfsScreen
from ..keys import ANSWERS_KEYS, bindings
from ..widgets.dialogs import ConfirmDialog
from ..widgets.forms import TextAreaPrompt, TextPrompt
from .file_import import ImportActions
from .widgets import AnswerView, Item, ItemList, ProgressPanel, QuestionTable


class AnswersScreen(ImportActions, HfsScreen):
    KEY_ACTIONS = ANSWERS_KEYS
    HELP_TITLE = "answers.help_title"
    BINDINGS = bindings(ANSWERS_KEYS)

    def __init__(self, review_id: int) -> None:
        super().__init__()
        self.review_id = review_id
        self.party_index = 0
        self.shown_question_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="answers-title")
        yield ProgressPanel(id="answers-progress")
        with Horizontal(id="answers-body"):
            yield QuestionTable(id="answers-questions")
            with Vertical(id="answers-detail"):
                yield AnswerView(id="answers-text")
                yield ItemList(id="answers-items")
        yield Footer()

    def on_mount(self) -> None:
        store = self.store
        self.review = store.review(self.review_id)
        self.parties = store.parties(self.review_id)
        self.questions = store.questions(self.review_id, selected_only=True)
        self.query_one("#answers-title", Static).update(Text(t("answers.title", title=one_line(self.review.title))))
        self.reload()
        self.query_one(QuestionTable).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-compact")

    # -------------------------------------------------------------- showing

    @property
    def party(self):
        return self.parties[self.party_index]

    @property
    def reviewer(self):
        return self.parties[1 - self.party_index]

    @property
    def question(self):
        table = self.query_one(QuestionTable)
        return self.questions[table.cursor_row] if self.questions and table.cursor_row >= 0 else None

    def reload(self, keep: Item | None = None) -> None:
        """Re-read answers, documents and assessments and redraw everything (a review is small)."""
        store = self.store
        self.answers = store.answers(self.review_id)
        self.documents = [document for party in self.parties for document in store.documents(party.id)]
        self.assessments = store.assessments(self.review_id)
        progress = answer_progress(self.questions, self.parties, self.answers, self.documents, self.assessments)
        self.query_one(ProgressPanel).show_progress(progress, self.party_index)
        self.query_one(QuestionTable).show_statuses(progress[self.party_index].questions)
        self.show_question(keep)

    def show_question(self, keep: Item | None = None) -> None:
        question, party = self.question, self.party
        self.shown_question_id = question.id if question else None
        answer = self.answers.get((question.id, party.id)) if question else None
        self.query_one(AnswerView).show_answer(party, question, answer)
        items = self.query_one(ItemList)
        items.display = question is not None
        if question is not None:
            documents = [d for d in self.documents if (d.question_id, d.party_id) == (question.id, party.id)]
            assessments = [a for a in self.assessments if (a.question_id, a.party_id) == (question.id, party.id)]
            items.show_items(documents, assessments, self.reviewer, keep)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        question = self.question
        if question is not None and question.id != self.shown_question_id:
            self.show_question()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.query_one(ItemList).focus()

    def action_show_party(self, index: int) -> None:
        self.party_index = index
        self.reload()

    # -------------------------------------------------------------- writing

    def write(self, method, *args):
        """A store write; a refusal is said in a notification and raised again, so an open form shows it too."""
        try:
            return method(*args)
        except StoreError as error:
            self.show_store_error(error)
            raise

    def ask(self, form: ModalScreen, callback=None) -> None:
        """Open a shared form; its title names parties and questions, so it wraps instead of being cut."""
        self.app.push_screen(form.add_class("answers-form"), callback)

    def saved(self, key: str, keep: Item | None = None) -> None:
        self.notify(t(key), timeout=2, markup=False)
        self.reload(keep)

    def action_edit_answer(self) -> None:
        question, party = self.question, self.party
        if question is None:
            return
        answer = self.answers.get((question.id, party.id))
        title = t("answers.editor_title", party=one_line(party.name), number=question.number)
        editor = TextAreaPrompt(
            f"{title}\n{question.number}. {question.text}",
            answer.text if answer else "",
            save=partial(self._save_answer, question.id, party.id),
        )
        self.ask(editor.add_class("answer-editor"))

    def _save_answer(self, question_id: int, party_id: int, text: str) -> None:
        self.write(self.store.set_answer, question_id, party_id, text.rstrip())
        self.saved("answers.answer_saved")

    def action_add_assessment(self, sign: str) -> None:
        question = self.question
        if question is None:
            return
        key = "answers.prompt_plus" if sign == Sign.PLUS else "answers.prompt_minus"
        title = t(key, party=one_line(self.party.name), number=question.number, reviewer=one_line(self.reviewer.name))
        save = partial(self._save_new_assessment, question.id, Sign(sign))
        self.ask(TextPrompt(title, save=save, placeholder=t("answers.prompt_comment")))

    def _save_new_assessment(self, question_id: int, sign: Sign, comment: str) -> None:
        if not comment.strip():
            raise ValueError(t("answers.empty_comment"))
        store = self.store
        self.saved(
            "answers.assessment_saved",
            self.write(store.add_assessment, question_id, self.party.id, self.reviewer.id, sign, comment),
        )

    def action_add_document(self) -> None:
        question = self.question
        if question is None:
            return
        title = t("answers.prompt_document", party=one_line(self.party.name), number=question.number)
        save = partial(self._save_document, question.id)
        self.ask(TextPrompt(title, save=save, placeholder=t("answers.document_placeholder")))

    def _save_document(self, question_id: int, title: str) -> None:
        self.saved("answers.document_saved", self.write(self.store.add_document, self.party.id, title, question_id))

    # ------------------------------------------------------- selected item

    def selected_item(self) -> Item | None:
        item = self.query_one(ItemList).selected if self.question else None
        if item is None:
            self.notify(t("answers.nothing_selected"), timeout=3, markup=False)
        return item

    def action_edit_item(self) -> None:
        item = self.selected_item()
        if isinstance(item, Assessment):
            title = t("answers.prompt_edit_assessment", sign=t(f"sign.{'plus' if item.sign == Sign.PLUS else 'minus'}"))
            self.ask(TextPrompt(title, item.comment, save=partial(self._update_item, item)))
        elif item is not None:
            title = t("answers.prompt_rename_document")
            self.ask(TextPrompt(title, item.title, save=partial(self._update_item, item)))

    def _update_item(self, item: Item, text: str) -> None:
        if isinstance(item, Assessment):
            if not text.strip():
                raise ValueError(t("answers.empty_comment"))
            self.write(self.store.update_assessment, item.id, item.sign, text)
            self.saved("answers.assessment_saved", item)
        else:
            self.write(self.store.rename_document, item.id, text)
            self.saved("answers.document_saved", item)

    def action_toggle_sign(self) -> None:
        item = self.selected_item()
        if item is not None and not isinstance(item, Assessment):
            self.notify(t("answers.not_an_assessment"), timeout=3, markup=False)
        elif item is not None:
            sign = Sign.MINUS if item.sign == Sign.PLUS else Sign.PLUS
            with suppress(StoreError):
                self.write(self.store.update_assessment, item.id, sign, item.comment)
                self.saved("answers.assessment_saved", item)

    def action_delete_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        is_assessment = isinstance(item, Assessment)
        key = "answers.confirm_delete_assessment" if is_assessment else "answers.confirm_delete_document"
        text = item.comment if isinstance(item, Assessment) else item.title
        question = t(key, text=one_line(text, 80))
        self.app.push_screen(ConfirmDialog(question), partial(self._delete_confirmed, item))

    def _delete_confirmed(self, item: Item, confirmed: bool | None) -> None:
        if not confirmed:
            return
        store = self.store
        with suppress(StoreError):
            self.write(store.delete_assessment if isinstance(item, Assessment) else store.remove_document, item.id)
            self.saved("answers.deleted")

    # ---------------------------------------------------------------- misc

    def action_back(self) -> None:
        if isinstance(self.focused, (AnswerView, ItemList)):
            self.query_one(QuestionTable).focus()
        else:
            self.app.pop_screen()
