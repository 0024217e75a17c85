"""The answers screen's imports: ask for a file, show the importer's error (file and line) or a preview of
what the file would replace, and import it only when confirmed. Showing a file before it replaces anything
lets the facilitator catch the wrong party's file or a stale copy.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from hfs_tui.i18n import t
from hfs_tui.import_problems import each_problem
from hfs_tui.importers import (
    ImportedAnswer,
    ImportedAssessment,
    ImportFileError,
    read_answers,
    read_assessments,
)
from hfs_tui.model import Answer, Assessment, Party, Question, Sign
from hfs_tui.safe_text import one_line, plain
from hfs_tui.store import StoreError

from ..marks import SIGN_STYLE, SIGN_SYMBOL
from ..widgets.forms import ChoicePrompt
from .dialogs import ImportPreview, PathPrompt

SHOWN_PROBLEMS = 10  # the prompt lists this many of a file's problems (the CLI's one line has them all)


if TYPE_CHECKING:  # a mixin of AnswersScreen: what it uses of the screen, for the type checker only
    from textual.screen import ModalScreen

    from ..base import HfsScreen as _Screen
else:
    _Screen = object


class ImportActions(_Screen):
    """The import key (ctrl+o) of AnswersScreen, for the party it shows: answers or assessments."""

    if TYPE_CHECKING:  # defined by AnswersScreen
        review_id: int
        answers: dict[tuple[int, int], Answer]
        assessments: list[Assessment]

        @property
        def party(self) -> Party: ...

        @property
        def reviewer(self) -> Party: ...

        def write(self, method: Any, *args: Any) -> Any: ...

        def reload(self, keep: Any = None) -> None: ...

        def ask(self, form: ModalScreen, callback: Any = None) -> None: ...

    def action_import_file(self) -> None:
        choices = [("answers", t("answers.key.import_answers")), ("assessments", t("answers.key.import_assessments"))]
        self.app.clear_notifications()
        self.ask(ChoicePrompt(t("answers.import_which"), choices), self._import_chosen)

    def _import_chosen(self, kind: str | None) -> None:
        if kind == "answers":
            self.action_import_answers()
        elif kind == "assessments":
            self.action_import_assessments()

    def action_import_answers(self) -> None:
        party = self.party
        self._ask_for_file(
            t("answers.prompt_answer_file", party=one_line(party.name)), read_answers, self._preview_answers
        )

    def action_import_assessments(self) -> None:
        title = t(
            "answers.prompt_assessment_file", party=one_line(self.party.name), reviewer=one_line(self.reviewer.name)
        )
        self._ask_for_file(title, read_assessments, self._preview_assessments)

    def _ask_for_file(self, title: str, read, preview) -> None:
        """Ask for a path; a file the importer refuses keeps the prompt open with its error (file and line)."""
        parsed: dict[str, list] = {}

        def check(path: str) -> None:
            if not path.strip():
                raise ValueError(t("answers.no_path"))
            file = Path(os.path.expanduser(path.strip()))
            try:
                refuse_special_file(file)
                parsed[path] = read(file, self.store.questions(self.review_id))
            except OSError as error:  # a symlink loop, a name too long, `file.md/x.md`, …
                reason = one_line(error.strerror or str(error))
                unreadable = ImportFileError(str(file), 0, t("answers.file_unreadable", reason=reason))
                raise ValueError(import_error_text(unreadable)) from None
            except ImportFileError as error:
                # Shown under the path, every problem of the file at once: no notification to cover it.
                raise ValueError(import_error_text(error)) from None

        def chosen(path: str | None) -> None:
            if path is not None:
                self.app.clear_notifications()
                preview(Path(path.strip()).name, parsed[path])

        self.app.clear_notifications()
        self.ask(
            PathPrompt(title, save=check, placeholder=t("answers.path_placeholder"), hint=t("answers.path_hint")),
            chosen,
        )

    def _preview_answers(self, file: str, imported: list) -> None:
        party, count = self.party, len(answers_to_import(imported))
        question = t("answers.preview_answers", count=count, party=one_line(party.name), file=file)
        lines = answer_preview(imported, party, self.answers)
        self.app.push_screen(ImportPreview(question, lines), partial(self._import_answers, party, imported))

    def _import_answers(self, party, imported: list, confirmed: bool | None) -> None:
        if not confirmed:
            return
        rows = [(answer.question.id, answer.text, answer.documents) for answer in imported]
        try:
            count = self.write(self.store.import_answers, party.id, rows)
        except StoreError:
            return
        self.notify(t("answers.imported_answers", count=count, party=one_line(party.name)), markup=False)
        self.reload()

    def _preview_assessments(self, file: str, imported: list) -> None:
        party, reviewer = self.party, self.reviewer
        question = t(
            "answers.preview_assessments",
            count=len(imported),
            party=one_line(party.name),
            reviewer=one_line(reviewer.name),
            file=file,
        )
        lines = assessment_preview(imported, party, reviewer, self.assessments)
        self.app.push_screen(
            ImportPreview(question, lines), partial(self._import_assessments, party, reviewer, imported)
        )

    def _import_assessments(self, party, reviewer, imported: list, confirmed: bool | None) -> None:
        if not confirmed:
            return
        items = [(item.question.id, item.sign, item.comment) for item in imported]
        try:
            count = self.write(self.store.import_assessments, party.id, reviewer.id, items)
        except StoreError:
            return
        self.notify(t("answers.imported_assessments", count=count, party=one_line(party.name)), markup=False)
        self.reload()


def refuse_special_file(file: Path) -> None:
    """A FIFO would block the read and /dev/zero never ends: only a regular file (or a folder, which the
    importer names as such) is opened. Raises OSError for a path that cannot be looked at."""
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        return  # the importer names a missing file itself
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise ImportFileError(str(file), 0, t("answers.not_regular_file"))


def import_error_text(error: ImportFileError) -> str:
    """`answers-a.md, rad 12: fråga 3 finns redan på rad 7 (inget har lästs in)`; several problems of one
    file are a title line and one line each (the first SHOWN_PROBLEMS of them)."""
    file = Path(error.source).name or error.source
    problems = each_problem(error)
    if len(problems) > 1:
        lines = [t("answers.import_errors_title", file=file, count=len(problems))]
        for problem in problems[:SHOWN_PROBLEMS]:
            line = problem.line
            lines.append(
                t("answers.import_error_line", line=line, message=problem.message) if line else problem.message
            )
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(t("answers.import_errors_more", count=len(problems) - SHOWN_PROBLEMS))
        return "\n".join(lines)
    if error.line > 0:
        return t("answers.import_error", file=file, line=error.line, message=error.message)
    return t("answers.import_error_no_line", file=file, message=error.message)


def answers_to_import(imported: Sequence[ImportedAnswer]) -> list[ImportedAnswer]:
    """The answers the store will write: a question left empty in the file is skipped, as in a fresh template."""
    return [answer for answer in imported if not _skipped(answer)]


def _skipped(answer: ImportedAnswer) -> bool:
    return not answer.text.strip() and not answer.documents


def answer_preview(
    imported: Sequence[ImportedAnswer], party: Party, current: Mapping[tuple[int, int], Answer]
) -> list[Text]:
    lines = []
    for answer in imported:
        details = []
        if _skipped(answer):
            details.append(t("answers.preview_empty"))
        else:
            details.append(t("answers.preview_words", count=len(answer.text.split())))
            if answer.documents:
                details.append(t("answers.preview_documents", count=len(answer.documents)))
            existing = current.get((answer.question.id, party.id))
            if existing is not None and existing.text.strip() and existing.text != answer.text:
                details.append(t("answers.preview_replaces"))
        if not answer.question.selected:
            details.append(t("answers.preview_not_selected"))
        line = _question_line(answer.question)
        line.append("  " + " · ".join(details), style="hfs.muted")
        lines.append(line)
        lines += [plain(f"     ▸ {one_line(title, 100)}") for title in answer.documents]
    return lines


def assessment_preview(
    imported: Sequence[ImportedAssessment], party: Party, reviewer: Party, current: Sequence[Assessment]
) -> list[Text]:
    by_question: dict[int, list[ImportedAssessment]] = {}
    for item in imported:
        by_question.setdefault(item.question.id, []).append(item)
    lines = []
    for items in by_question.values():
        question = items[0].question
        plus = sum(1 for item in items if item.sign == Sign.PLUS)
        details = [f"+{plus} −{len(items) - plus}"]
        replaced = sum(
            1
            for a in current
            if (a.question_id, a.party_id, a.reviewer_party_id) == (question.id, party.id, reviewer.id)
        )
        if replaced:
            details.append(t("answers.preview_replaces_assessments", count=replaced))
        if not question.selected:
            details.append(t("answers.preview_not_selected"))
        line = _question_line(question)
        line.append("  " + " · ".join(details), style="hfs.muted")
        lines.append(line)
        for item in items:
            mark = Text(f"     {SIGN_SYMBOL[item.sign]} ", style=SIGN_STYLE[item.sign])
            lines.append(mark + plain(one_line(item.comment, 100)))
    return lines


def _question_line(question: Question) -> Text:
    line = Text(f"{question.number}. ", style="bold")
    line.append_text(plain(one_line(question.text, 60), style="bold"))
    return line
