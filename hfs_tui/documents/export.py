"""Writing a meeting's documents to files: file names, rendering each asked-for document, writing them.

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

from ..files import write_atomic
from ..i18n import language, t
from ..model import Review
from ..store import Store, StoreError
from . import markdown
from .minutes import build_minutes
from .model import Document
from .network import build_network_summary
from .record import MeetingRecord, load_record
from .report import build_party_report
from .strings import check_lang, tr

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


def build_documents(record: MeetingRecord, parts: Iterable[str] = PARTS, lang: str | None = None) -> list[tuple[str, Document]]:
    """(file stem, document tree) of each document asked for."""
    lang = check_lang(lang or language())
    parts = set(parts)
    unknown = parts - set(PARTS)
    if unknown:
        raise ValueError(f"unknown export parts: {sorted(unknown)}")
    documents = []
    if "minutes" in parts:
        stem = f"{tr('protokoll', lang)}-{slug(record.meeting.title) or 'mote'}"
        documents.append((stem, build_minutes(record, lang)))
    if "reports" in parts:
        stems = [slug(p.name) or f"part-{p.key}" for p in record.parties]
        for party, party_slug in zip(record.parties, stems):
            if stems.count(party_slug) > 1:
                party_slug = f"{party_slug}-{party.key}"
            documents.append((f"{tr('rapport', lang)}-{party_slug}", build_party_report(record, party, lang)))
    if "network" in parts:
        documents.append((tr(NETWORK_FILE, lang), build_network_summary(record, lang)))
    return documents


def render_documents(record: MeetingRecord, parts: Iterable[str] = PARTS, lang: str | None = None) -> list[tuple[str, str, str]]:
    """(file stem, title, Markdown) of each document asked for: what the export screen previews."""
    return [(stem, doc.title, markdown.render(doc)) for stem, doc in build_documents(record, parts, lang)]


def export(
    store: Store,
    review_id: int,
    out_dir: Path | str,
    what: Iterable[str] = PARTS,
    html: bool = False,
    meeting_id: int | None = None,
    now: datetime | None = None,
    lang: str | None = None,
) -> list[Path]:
    """Render, then write each document (and its HTML page if asked); returns the paths written, in order."""
    lang = check_lang(lang or language())
    record = load_record(store, review_id, meeting_id, now)
    files: list[tuple[str, str]] = []
    for stem, title, text in render_documents(record, what, lang):
        files.append((f"{stem}.md", text))
        if html:
            files.append((f"{stem}.html", markdown.render_html(text, title, lang)))
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
