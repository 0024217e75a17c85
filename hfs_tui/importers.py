"""Read a party's answers, or a reviewer's + / − assessments, from Markdown (markdown-it-py tokens).

Format: each `##` heading names a question by its number (`## 3.`, `## 3` or `## 3. Text`) or by its
exact text. In an answer file the body under it is the answer, kept as written, and a `### Dokument`
list gives the party's document references. In an assessment file the body is a list whose items start
with `+` (strength) or `-` (improvement area). Every problem is one line: `file:line: what is wrong`.
Nothing is written here; the store imports the parsed result in one transaction.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .answer_template import answer_template
from .files import MAX_BYTES, ImportFileError, read_user_file
from .i18n import t
from .import_problems import Problems
from .import_text import char_name, first_refused, strip_invisible
from .model import Question, Sign

__all__ = [
    "MAX_BYTES",
    "ImportFileError",
    "ImportedAnswer",
    "ImportedAssessment",
    "answer_template",
    "parse_answers",
    "parse_assessments",
    "read_answers",
    "read_assessments",
    "read_text",
]
DOCUMENTS_HEADINGS = ("dokument", "documents")  # `### Dokument` (or in an English file `### Documents`)

_NUMBERED = re.compile(r"^(\d+)\.?(?:\s+(.*))?$")
_markdown = MarkdownIt("commonmark")


@dataclass(frozen=True)
class ImportedAnswer:
    question: Question
    text: str
    documents: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class ImportedAssessment:
    question: Question
    sign: Sign
    comment: str
    line: int


@dataclass(frozen=True)
class _Section:
    question: Question
    line: int  # 1-based line of the heading
    tokens: list[Token]  # tokens after the heading up to the next `##`


def read_text(path: str | Path) -> str:
    """A file's text through `read_user_file`, refusing what is not UTF-8 or holds control characters.

    A BOM and CRLF are fine; see `import_text` for the characters refused or stripped.
    """
    source = os.fspath(path)
    data = read_user_file(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(source, line, t("error.import.not_utf8")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refused = first_refused(text)
    if refused is not None:
        offset, char = refused
        line = text.count("\n", 0, offset) + 1
        raise ImportFileError(source, line, t("error.import.control", char=char_name(char)))
    return strip_invisible(text)


def read_answers(path: str | Path, questions: Sequence[Question]) -> list[ImportedAnswer]:
    """A party's answers from a Markdown file, or from a Word document (`.docx`)."""
    if _is_docx(path):
        # python-docx is loaded only for a Word file
        from .docx_answers import read_docx_answers

        return read_docx_answers(path, questions)
    return parse_answers(read_text(path), questions, os.fspath(path))


def read_assessments(path: str | Path, questions: Sequence[Question]) -> list[ImportedAssessment]:
    """A reviewer's + / − assessments from a Markdown file (a Word file holds answers only)."""
    if _is_docx(path):
        raise ImportFileError(os.fspath(path), 0, t("error.import.docx_assessments"))
    return parse_assessments(read_text(path), questions, os.fspath(path))


def _is_docx(path: str | Path) -> bool:
    return os.fspath(path).lower().endswith(".docx")


def parse_answers(text: str, questions: Sequence[Question], source: str = "<text>") -> list[ImportedAnswer]:
    """Every answer of the file, or an ImportFileError with every problem of it (up to MAX_PROBLEMS)."""
    lines = text.split("\n")
    result = []
    problems = Problems(source)
    for section in _sections(text, questions, problems):
        blocks: list[str] = []
        documents: list[str] = []
        for index, token in enumerate(section.tokens):
            if token.level != 0 or not token.map or token.type.endswith("_close") or token.type == "inline":
                continue
            if token.type == "heading_open" and token.tag == "h3":
                if section.tokens[index + 1].content.strip().casefold() in DOCUMENTS_HEADINGS:
                    where = t("error.import.document_list")
                    documents = _list_items(section.tokens[index + 3 :], problems, where)
                    break
            if token.type == "html_block" and _is_comment(token.content):
                continue
            if token.type == "blockquote_open" and _is_sub_question_quote(section.tokens, index, section.question):
                continue  # the template's `> - sub-question` list, not the party's answer
            blocks.append("\n".join(lines[token.map[0] : token.map[1]]).strip("\n"))
        answer = "\n\n".join(block for block in blocks if block.strip())
        result.append(ImportedAnswer(section.question, answer, tuple(documents), section.line))
    problems.raise_if_any()
    return result


def parse_assessments(text: str, questions: Sequence[Question], source: str = "<text>") -> list[ImportedAssessment]:
    """Every assessment of the file, or an ImportFileError with every problem of it (up to MAX_PROBLEMS)."""
    result = []
    problems = Problems(source)
    for section in _sections(text, questions, problems):
        depth = 0
        sign: Sign | None = None
        for index, token in enumerate(section.tokens):
            # A list nested in an item (bulleted or numbered) is part of that item, never an assessment of its own.
            if token.type == "bullet_list_open" or (token.type == "ordered_list_open" and depth > 0):
                depth += 1
                if depth == 1 and token.markup not in ("+", "-"):
                    problems.add(_line(token), t("error.import.bad_sign", mark=repr(token.markup)))
                if depth == 1:
                    sign = Sign(token.markup) if token.markup in ("+", "-") else None
            elif token.type in ("bullet_list_close", "ordered_list_close") and depth > 0:
                depth -= 1
            elif token.type == "list_item_open" and depth == 1:
                comment = _item_text(section.tokens, index)
                if comment and sign is not None:
                    result.append(ImportedAssessment(section.question, sign, comment, _line(token)))
            elif depth == 0 and token.level == 0 and token.type.endswith("_open") and token.map:
                problems.add(_line(token), t("error.import.outside_list"))
    problems.raise_if_any()
    return result


# ------------------------------------------------------------------- internals


def _sections(text: str, questions: Sequence[Question], problems: Problems) -> list[_Section]:
    """The file's `##` sections; a heading that names no question, or one named twice, is a problem and
    its section is left out (the next heading starts over)."""
    source = problems.source
    if not text.strip():
        raise ImportFileError(source, 1, t("error.import.empty"))
    tokens = _markdown.parse(text)
    by_number = {question.number: question for question in questions}
    by_text = {_normalise(question.text): question for question in questions}
    sections: list[_Section] = []
    seen: dict[int, int] = {}
    skipping = False  # inside a section whose heading was a problem
    headings = 0
    for index, token in enumerate(tokens):
        # Only a top-level `##` line names a question: not one quoted or inside a list item, and not a
        # paragraph underlined with `---` (a setext heading), which stays part of the answer as written.
        if token.type == "heading_open" and token.tag == "h2" and token.level == 0 and token.markup == "##":
            line = _line(token)
            headings += 1
            try:
                question = _resolve(tokens[index + 1].content, by_number, by_text, source, line)
            except ImportFileError as error:
                problems.add(line, error.message)
                skipping = True
                continue
            if question.id in seen:
                problems.add(line, t("error.import.duplicate", number=question.number, line=seen[question.id]))
                skipping = True
                continue
            skipping = False
            seen[question.id] = line
            sections.append(_Section(question, line, []))
        elif sections and not skipping:
            sections[-1].tokens.append(token)
    if not headings:
        raise ImportFileError(source, 1, t("error.import.no_headings"))
    return sections


def _resolve(
    heading: str, by_number: dict[str, Question], by_text: dict[str, Question], source: str, line: int
) -> Question:
    heading = heading.strip()
    exact = by_text.get(_normalise(heading))
    if exact is not None:  # a question whose text starts with a number ("5 om dagen?") is named by its text
        return exact
    numbered = _NUMBERED.match(heading)
    if numbered:
        question = by_number.get(numbered.group(1))
        if question is None:
            raise ImportFileError(
                source, line, t("error.import.unknown_number", number=numbered.group(1), count=len(by_number))
            )
        named = by_text.get(_normalise(numbered.group(2) or ""))
        if named is not None and named.id != question.id:  # "## 12. <question 7's text>": which one is meant?
            raise ImportFileError(
                source,
                line,
                t("error.import.number_text_mismatch", number=question.number, other=named.number),
            )
        return question
    raise ImportFileError(source, line, t("error.import.unknown_text", heading=heading[:60]))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_comment(html: str) -> bool:
    html = html.strip()
    return html.startswith("<!--") and html.endswith("-->")


def _is_sub_question_quote(tokens: list[Token], start: int, question: Question) -> bool:
    """Whether the quote opened at `start` is only a list of the question's own sub-questions."""
    subs = {_normalise(sub) for sub in question.sub_questions}
    depth, items = 0, []
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                break
        elif token.type == "list_item_open" and token.level == tokens[start].level + 2:
            items.append(_normalise(_item_text(tokens, index)))
        elif token.type == "paragraph_open" and token.level == tokens[start].level + 1:
            return False  # a quote with its own text is part of the answer
    return bool(items) and all(item in subs for item in items)


def _list_items(tokens: list[Token], problems: Problems, where: str) -> list[str]:
    items = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            text = _item_text(tokens, index)
            if text:
                items.append(text)
        elif depth == 0 and token.level == 0 and token.type.endswith("_open") and token.map:
            problems.add(_line(token), t("error.import.outside_documents", where=where))
    return items


def _item_text(tokens: list[Token], start: int) -> str:
    """The text of the list item opened at `start`: its paragraphs and nested items joined by spaces."""
    depth = 0
    parts = []
    for token in tokens[start:]:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
            if depth == 0:
                break
        elif token.type == "inline" and depth >= 1:
            parts.append(" ".join(token.content.split()))
    return " ".join(parts).strip()


def _line(token) -> int:
    """The 1-based source line of a markdown-it token (block tokens carry their map)."""
    return token.map[0] + 1 if token.map else 0
