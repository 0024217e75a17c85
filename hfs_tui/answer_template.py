"""The empty Markdown answer file a party fills in (the import format of hfs_tui/importers.py)."""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import t
from .model import Question


def answer_template(party_name: str, questions: Sequence[Question]) -> str:
    """The empty answer file a party fills in; reading it back gives empty answers, not errors."""
    documents = t("answer_file.documents")
    parts = [t("answer_file.title", party=party_name), ""]
    parts.append(f"<!-- {t('answer_file.hint', documents=documents)} -->")
    for question in questions:
        parts += ["", f"## {question.number}. {question.text}", ""]
        if question.sub_questions:
            parts += [f"> - {' '.join(sub.split())}" for sub in question.sub_questions]
        parts += ["", f"### {documents}", ""]
    return "\n".join(parts) + "\n"
