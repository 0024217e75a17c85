"""Dates and times as the documents write them: `tisdag 10 mars 2026`, `kl. 09.00–12.25` (English: 09:00)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..clock import from_iso
from .strings import MONTHS as EN_MONTHS
from .strings import WEEKDAYS as EN_WEEKDAYS
from .strings import tr

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

try:
    LOCAL_TIME: tzinfo = ZoneInfo("Europe/Stockholm")
    ZONE_NOTE = ""
except ZoneInfoNotFoundError:  # no time-zone database: say so rather than show UTC as local time
    LOCAL_TIME, ZONE_NOTE = UTC, " (UTC)"


def parsed(text: str | None) -> datetime | None:
    try:
        return from_iso(text) if text else None
    except (TypeError, ValueError):
        return None


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TIME)


def long_date(day: date, lang: str) -> str:
    """`tisdag 10 mars 2026` (English: `Tuesday 10 March 2026`)."""
    weekdays, months = (EN_WEEKDAYS, EN_MONTHS) if lang == "en" else (WEEKDAYS, MONTHS)
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """`10 mars 2026` (English: `10 March 2026`)."""
    months = EN_MONTHS if lang == "en" else MONTHS
    return f"{day.day} {months[day.month - 1]} {day.year}"


def clock_time(moment: datetime, lang: str) -> str:
    return f"{moment:%H:%M}" if lang == "en" else f"{moment:%H.%M}"


def time_span(start: datetime, end: datetime, lang: str) -> str:
    """`09.00–12.25` (one time when start and end are the same minute)."""
    first, last = clock_time(start, lang), clock_time(end, lang)
    return first + (f"–{last}" if last != first else "") + ZONE_NOTE


def stamp(moment: datetime, lang: str) -> str:
    """`10 mars 2026 kl. 13.40` (English: `10 March 2026 at 13:40`)."""
    moment = local(moment)
    return tr("{day} kl. {time}", lang).format(
        day=short_date(moment.date(), lang), time=clock_time(moment, lang) + ZONE_NOTE
    )


def day_of(text: str | None) -> date | None:
    """A `YYYY-MM-DD...` text as a date, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
