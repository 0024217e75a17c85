"""Writing a meeting's minutes, party reports and network summary to files: the I/O half of `minutes.py`.

Every document is rendered before the first file is written, and each file goes through `write_atomic`
(a temporary file renamed into place), so a failed export leaves any earlier file with that name intact.
"""

from __future__ import annotations

import errno
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from .files import write_atomic
from .i18n import t
from .minutes import (
    MeetingRecord,
    _,
    render_html,
    render_minutes,
    render_network_summary,
    render_party_report,
)
from .model import MeetingKind, Review
from .store import Store, StoreError

PARTS = ("minutes", "reports", "network")
EXPORT_ROOT = Path("hfs-export")
NETWORK_FILE = "natverkssammanfattning"

# Swedish names for `--what` too, since the users are Swedish.
_PART_ALIASES = {
    "protokoll": "minutes",
    "rapport": "reports",
    "rapporter": "reports",
    "natverk": "network",
    "nätverk": "network",
    "natverkssammanfattning": "network",
}
_REASONS = {  # i18n keys
    errno.EACCES: "error.reason.access",
    errno.EPERM: "error.reason.access",
    errno.EROFS: "error.reason.read_only",
    errno.ENOSPC: "error.reason.disk_full",
    errno.EDQUOT: "error.reason.quota",
    errno.EISDIR: "error.reason.is_folder",
    errno.ENOTDIR: "error.reason.not_folder",
}


class ExportError(StoreError):
    """An export that could not be written, said in one line (the CLI and the screens catch StoreError)."""


def parse_parts(text: str) -> tuple[str, ...]:
    """`minutes,reports,network` (or Swedish: `protokoll,rapporter,natverk`) in document order."""
    wanted = set()
    for word in (w.strip().casefold() for w in text.split(",")):
        if not word:
            continue
        part = _PART_ALIASES.get(word, word)
        if part not in PARTS:
            raise ExportError(t("error.export.unknown_part", word=repr(word), parts=", ".join(PARTS)))
        wanted.add(part)
    if not wanted:
        raise ExportError(t("error.export.nothing", parts=", ".join(PARTS)))
    return tuple(part for part in PARTS if part in wanted)


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def slug(text: str, limit: int = 80) -> str:
    """ASCII file-name part: `Region Söderås` -> `region-soderas` (å, ä -> a; ö -> o)."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ASCII))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(result) > limit:
        result = result[:limit].rsplit("-", 1)[0] or result[:limit]
    return result


def default_export_dir(review: Review, today: date | None = None, root: Path | str | None = None) -> Path:
    """`<root>/<date>-<review-slug>`; the root is the `export_dir` setting, else `hfs-export` where hfs-tui started."""
    today = today or date.today()
    folder = Path(root).expanduser() if root else EXPORT_ROOT
    return folder / f"{today.isoformat()}-{slug(review.title) or 'granskning'}"


def load_record(
    store: Store, review_id: int, meeting_id: int | None = None, now: datetime | None = None
) -> MeetingRecord:
    """Read one meeting (default: the review's feedback meeting) and all its documents need, in a few queries."""
    review = store.review(review_id)
    if meeting_id is None:
        meeting = store.meeting_of_kind(review.id, MeetingKind.FEEDBACK)
    else:
        meeting = store.meeting(meeting_id)
        if meeting.review_id != review.id:
            raise StoreError(t("error.meeting_not_of_review", meeting=meeting_id, review=review.id))
    parties = store.parties(review.id)
    notes = store.notes(meeting.id)
    noted = {n.question_id for n in notes}
    return MeetingRecord(
        review=review,
        parties=tuple(parties),
        members=tuple(m for p in parties for m in store.members(p.id)),
        questions=tuple(q for q in store.questions(review.id) if q.selected or q.id in noted),
        meeting=meeting,
        slots=tuple(store.slots(meeting.id)),
        timer_events=tuple(e for events in store.timer_events(meeting.id).values() for e in events),
        notes=tuple(notes),
        actions=tuple(store.actions(review.id)),
        exported_at=now or store.clock(),
    )


def render_documents(record: MeetingRecord, parts: Iterable[str] = PARTS) -> list[tuple[str, str, str]]:
    """(file stem, title, Markdown) of each document asked for: what the export screen previews."""
    parts = set(parts)
    unknown = parts - set(PARTS)
    if unknown:
        raise ValueError(f"unknown export parts: {sorted(unknown)}")
    documents = []
    if "minutes" in parts:
        stem = f"{_('protokoll')}-{slug(record.meeting.title) or 'mote'}"
        documents.append((stem, _("Protokoll: {title}").format(title=record.meeting.title), render_minutes(record)))
    if "reports" in parts:
        stems = [slug(p.name) or f"part-{p.key}" for p in record.parties]
        for party, party_slug in zip(record.parties, stems):
            if stems.count(party_slug) > 1:
                party_slug = f"{party_slug}-{party.key}"
            title = _("Rapport: {name}").format(name=party.name)
            documents.append((f"{_('rapport')}-{party_slug}", title, render_party_report(record, party)))
    if "network" in parts:
        title = _("Nätverkssammanfattning: {title}").format(title=record.review.title)
        documents.append((_(NETWORK_FILE), title, render_network_summary(record)))
    return documents


def export(
    store: Store,
    review_id: int,
    out_dir: Path | str,
    what: Iterable[str] = PARTS,
    html: bool = False,
    meeting_id: int | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Render, then write each document (and its HTML page if asked); returns the paths written, in order."""
    record = load_record(store, review_id, meeting_id, now)
    files: list[tuple[str, str]] = []
    for stem, title, markdown in render_documents(record, what):
        files.append((f"{stem}.md", markdown))
        if html:
            files.append((f"{stem}.html", render_html(markdown, title)))
    folder = _folder(Path(out_dir))
    return [_write(folder / name, text) for name, text in files]


def _reason(error: OSError) -> str:
    key = _REASONS.get(error.errno)
    return t(key) if key else error.strerror or str(error)


def _folder(path: Path) -> Path:
    """A missing folder is created; anything else in the way is a one-line error."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(t("error.export.not_a_folder", path=path)) from None
    except OSError as error:
        raise ExportError(t("error.export.no_folder", path=path, reason=_reason(error))) from None
    return path


def _write(path: Path, text: str) -> Path:
    try:
        return write_atomic(path, text)
    except OSError as error:
        raise ExportError(t("error.export.write", path=path, reason=_reason(error))) from None
