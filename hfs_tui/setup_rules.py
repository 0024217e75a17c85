"""The text rules of step 1 (setup): team roles, party kinds, the question editor's format, hours and dates.

Kept apart from the screen so that what a typed line means is decided in one place and tested
without a terminal. Errors are ValueError with a message the user can act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .i18n import language, t

ROLES = (
    "processledare",
    "vårdcentralschef",
    "medarbetare",
    "hälsoprocessledare (resursperson)",
    "HFS-stöd",
)
"""The roles the instructions name (seeds 000 and 002); any other role may be typed freely."""

PARTY_KINDS = ("region", "vardcentral", "other")


def resolve_role(text: str) -> str:
    """A role as typed: its number in ROLES (1–5), a known role in any case, or free text as written."""
    text = " ".join(text.split())
    if text.isdigit() and 1 <= int(text) <= len(ROLES):
        return ROLES[int(text) - 1]
    return next((role for role in ROLES if role.casefold() == text.casefold()), text)


def party_kind_label(kind: str) -> str:
    return t(f"setup.kind.{kind}") if kind in PARTY_KINDS else kind


def question_editor_text(text: str, sub_questions: Sequence[str]) -> str:
    """The editor's format: the question on the first line, then one sub-question per line."""
    return "\n".join([text, *sub_questions])


def parse_question_editor(text: str) -> tuple[str, tuple[str, ...]]:
    """Back from the editor's format; blank lines and list marks (-, *, ·) before sub-questions are dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError(t("setup.error.question_empty"))
    subs = tuple(line.lstrip("-*·• ").strip() for line in lines[1:])
    return lines[0], tuple(sub for sub in subs if sub)


def parse_hours(text: str) -> float | None:
    """Hours as typed, with a decimal comma or point; empty means not agreed yet."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        hours = float(text)
    except ValueError:
        raise ValueError(t("setup.error.hours", text=text)) from None
    if not 0 <= hours <= 1000:
        raise ValueError(t("setup.error.hours", text=text))
    return hours


def hours_number(hours: float | None) -> str:
    """Hours as the user types them (6, 2,5 in Swedish, 2.5 in English); empty when not agreed."""
    if hours is None:
        return ""
    return f"{hours:g}" if language() == "en" else f"{hours:g}".replace(".", ",")


def format_hours(hours: float | None) -> str:
    """Swedish style: 6 timmar, 2,5 timmar; nothing agreed shows as a dash."""
    if hours is None:
        return "–"
    return t("setup.hour_value" if hours == 1 else "setup.hours_value", hours=hours_number(hours))


def parse_meeting_date(text: str) -> str | None:
    """A meeting date as YYYY-MM-DD; empty clears it."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(t("setup.error.date", text=text)) from None
