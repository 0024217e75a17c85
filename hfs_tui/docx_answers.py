"""A party's answers in Word: the template (`answer-template --docx`) and reading a filled-in `.docx`.

python-docx is imported only here, and this module only when a Word file is written or read.

Reading follows the Markdown importer's rules, by paragraph instead of by line:

- a heading (any level) `N. …`, `N.` or the exact text of a question starts that question's answer;
  a heading `N. …` with an unknown number, or a question named twice, is an error;
- under it, every paragraph until the next question heading is the answer, kept as text (list
  paragraphs as `- item`), except the question's own sub-questions (the template lists them) and
  empty paragraphs;
- a heading `Dokument` (or `Documents`) starts the party's document list: its list paragraphs are
  the documents, any other text there is an error;
- anything before the first question heading (the template's title and hint) is ignored;
- tables are refused (their text would otherwise be lost), and so are control characters
  (`import_text`), each with `file:stycke N:` (paragraph N); all or nothing.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .files import ImportFileError, read_user_file
from .i18n import t
from .import_text import char_name, first_refused, strip_invisible
from .importers import DOCUMENTS_HEADINGS, ImportedAnswer, _normalise
from .model import Question
from .safe_text import clean

MAX_UNPACKED = 50 * 1024 * 1024  # a .docx is a zip: refuse one that unpacks to more than this
_QUESTION_HEADING = re.compile(r"^(\d+)(?:\.|\.\s+.*)$", re.DOTALL)


class DocxImportError(ImportFileError):
    """`file:stycke 12: …`: a Word file's error names the paragraph (counted from 1, headings too)."""

    def __init__(self, source: str, paragraph: int, message: str) -> None:
        super().__init__(source, paragraph, message)
        self.unit = "paragraph"
        if paragraph > 0:
            self.args = (f"{self.source}:{t('error.import.paragraph', number=paragraph)}: {message}",)


def answer_template_docx(party_name: str, questions: Sequence[Question]) -> bytes:
    """The Word file a party fills in: one heading per question, its sub-questions as a list, room to answer."""
    from docx import Document

    document = Document()
    documents = t("answer_file.documents")
    document.add_heading(clean(t("answer_file.title", party=party_name).lstrip("# ")), 1)
    document.add_paragraph(t("answer_file.hint_docx", documents=documents))
    for question in questions:
        document.add_heading(clean(f"{question.number}. {question.text}"), 2)
        for sub in question.sub_questions:
            document.add_paragraph(clean(" ".join(sub.split())), style="List Bullet")
        document.add_paragraph("")
        document.add_heading(documents, 3)
        document.add_paragraph("", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read_docx_answers(path: str | Path, questions: Sequence[Question]) -> list[ImportedAnswer]:
    source = os.fspath(path)
    return parse_docx_answers(read_user_file(source), questions, source)


def parse_docx_answers(data: bytes, questions: Sequence[Question], source: str = "<docx>") -> list[ImportedAnswer]:
    paragraphs = _paragraphs(data, source)
    by_number = {question.number: question for question in questions}
    by_text = {_normalise(question.text): question for question in questions}
    sections: list[dict] = []
    seen: dict[int, int] = {}
    for number, (kind, text) in enumerate(paragraphs, start=1):
        refused = first_refused(text)
        if refused is not None:
            raise DocxImportError(source, number, t("error.import.control", char=char_name(refused[1])))
        text = strip_invisible(text).strip()
        if kind == "heading":
            question = _question_of(text, by_number, by_text, source, number)
            if question is not None:
                if question.id in seen:
                    raise DocxImportError(
                        source,
                        number,
                        t("error.import.duplicate_paragraph", number=question.number, paragraph=seen[question.id]),
                    )
                seen[question.id] = number
                sections.append({"question": question, "paragraph": number, "blocks": [], "documents": None})
                continue
            if sections and text.casefold() in DOCUMENTS_HEADINGS:
                sections[-1]["documents"] = []
                continue
        if not sections or not text:
            continue
        section = sections[-1]
        if section["documents"] is not None:
            if kind != "list":
                raise DocxImportError(
                    source, number, t("error.import.outside_documents", where=t("error.import.document_list"))
                )
            section["documents"].append(" ".join(text.split()))
        elif kind == "list" and _normalise(text) in {_normalise(s) for s in section["question"].sub_questions}:
            continue  # the template's sub-question, not the answer
        else:
            section["blocks"].append((kind, text))
    if not sections:
        raise DocxImportError(source, 0, t("error.import.no_headings_docx"))
    return [
        ImportedAnswer(s["question"], _answer_text(s["blocks"]), tuple(s["documents"] or ()), s["paragraph"])
        for s in sections
    ]


def _paragraphs(data: bytes, source: str) -> list[tuple[str, str]]:
    """(`heading` | `list` | `text`, text) for every paragraph of the body, in order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise DocxImportError(source, 0, t("error.import.not_docx", reason=t("error.import.docx_too_big")))
        from docx import Document

        document = Document(io.BytesIO(data))
    except DocxImportError:
        raise
    except Exception as error:  # noqa: BLE001 - a broken zip or XML: python-docx raises many kinds
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise DocxImportError(source, 0, t("error.import.not_docx", reason=reason)) from None
    if document.tables:
        raise DocxImportError(source, 0, t("error.import.docx_table"))
    result = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith("heading"):
            kind = "heading"
        elif style.lower().startswith("list") or _numbered(paragraph):
            kind = "list"
        else:
            kind = "text"
        result.append((kind, paragraph.text))
    return result


def _numbered(paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _question_of(
    heading: str, by_number: dict[str, Question], by_text: dict[str, Question], source: str, paragraph: int
) -> Question | None:
    exact = by_text.get(_normalise(heading))
    if exact is not None:
        return exact
    numbered = _QUESTION_HEADING.match(heading)
    if numbered is None:
        return None  # another heading: part of the answer
    question = by_number.get(numbered.group(1))
    if question is None:
        raise DocxImportError(
            source, paragraph, t("error.import.unknown_number", number=numbered.group(1), count=len(by_number))
        )
    return question


def _answer_text(blocks: list[tuple[str, str]]) -> str:
    """Paragraphs separated by a blank line; consecutive list paragraphs as one `- item` list."""
    parts: list[str] = []
    for kind, text in blocks:
        line = f"- {text}" if kind == "list" else text
        if kind == "list" and parts and parts[-1].startswith("- "):
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return "\n\n".join(parts)
