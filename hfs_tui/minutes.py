"""Kept for importers (screens, tests, benchmarks): the documents now live in `hfs_tui.documents`.

`render_*` take the language as an argument; left out, it is the UI language at the moment of the call.
"""

from __future__ import annotations

from .documents.common import CATEGORY_HEADINGS as _HEADINGS
from .documents.common import CATEGORY_LABELS as _LABELS
from .documents.common import GENERAL, SHARED_MARK
from .documents.dates import long_date
from .documents.markdown import (
    markdown_parser,
    md_inline,
    md_lines,
    render,
    render_html,
)
from .documents.minutes import (
    ACTION_STATUS_LABELS,
    AGREED_HEADING,
    FOLLOW_UP_HEADING,
    FOLLOW_UP_LABELS,
    build_minutes,
)
from .documents.network import build_network_summary
from .documents.record import MeetingRecord
from .documents.report import (
    ACTION_PLAN_COLUMNS,
    ACTION_PLAN_HEADING,
    build_party_report,
)
from .i18n import language
from .model import Category, Party

# Keyed by Category, as before (the documents themselves key by the category's value).
CATEGORY_HEADINGS = {c: _HEADINGS[c.value] for c in Category}
CATEGORY_LABELS = {c: _LABELS[c.value] for c in Category}

__all__ = [
    "ACTION_PLAN_COLUMNS",
    "ACTION_PLAN_HEADING",
    "ACTION_STATUS_LABELS",
    "AGREED_HEADING",
    "CATEGORY_HEADINGS",
    "CATEGORY_LABELS",
    "FOLLOW_UP_HEADING",
    "FOLLOW_UP_LABELS",
    "GENERAL",
    "SHARED_MARK",
    "MeetingRecord",
    "markdown_parser",
    "md_inline",
    "md_lines",
    "render_html",
    "render_minutes",
    "render_network_summary",
    "render_party_report",
    "swedish_date",
]


def render_minutes(record: MeetingRecord, lang: str | None = None) -> str:
    return render(build_minutes(record, lang or language()))


def render_party_report(record: MeetingRecord, party: Party, lang: str | None = None) -> str:
    return render(build_party_report(record, party, lang or language()))


def render_network_summary(record: MeetingRecord, lang: str | None = None) -> str:
    return render(build_network_summary(record, lang or language()))


def swedish_date(day, lang: str | None = None) -> str:
    return long_date(day, lang or language())
