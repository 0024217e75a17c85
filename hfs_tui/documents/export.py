"""Writing a meeting's documents to files: file names, rendering each asked-for document, writing them.

Each document is built and rendered in turn straight into a temporary file (Markdown block by block); only when
every temporary file is written are they renamed into place (`writing.write_all`), so a failed export, in
rendering or in writing, leaves every earlier file intact.
"""

from __future__ import annotations

import errno
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import partial
from pathlib import Path

from ..i18n import language, t
from ..model import MeetingKind, Review
from ..store import Store, StoreError
from . import markdown, slides
from .common import meeting_day
from .handover import build_handover
from .minutes import build_minutes
from .model import Document
from .network import build_network_summary
from .onepager import build_one_pager
from .record import MeetingRecord, load_record
from .report import build_party_report
from .strings import check_lang, tr
from .writing import WriteFailure, write_all

PARTS = ("minutes", "reports", "network")  # what an export writes unless told otherwise
EXTRA_PARTS = ("onepager", "handover")  # written when asked for: the network's one page (+ slides), the hand-over
ALL_PARTS = PARTS + EXTRA_PARTS
NETWORK_FILE = "natverkssammanfattning"
ONE_PAGER_FILE = "en-sida"
SLIDES_FILE = "bildspel"
HANDOVER_FILE = "overlamning"

# Swedish names for `--what` too, since the users are Swedish.
_PART_ALIASES = {
    "protokoll": "minutes",
    "rapport": "reports",
    "rapporter": "reports",
    "natverk": "network",
    "nätverk": "network",
    "natverkssammanfattning": "network",
    "one-pager": "onepager",
    "en-sida": "onepager",
    "ensida": "onepager",
    "slides": "onepager",
    "bildspel": "onepager",
    "presentation": "onepager",
    "hand-over": "handover",
    "overlamning": "handover",
    "överlämning": "handover",
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
    """`minutes,reports,network,onepager,handover` (or Swedish: `protokoll,rapporter,natverk,en-sida,overlamning`)
    in document order."""
    wanted = set()
    for word in (w.strip().casefold() for w in text.split(",")):
        if not word:
            continue
        part = _PART_ALIASES.get(word, word)
        if part not in ALL_PARTS:
            raise ExportError(t("error.export.unknown_part", word=repr(word), parts=", ".join(ALL_PARTS)))
        wanted.add(part)
    if not wanted:
        raise ExportError(t("error.export.nothing", parts=", ".join(ALL_PARTS)))
    return tuple(part for part in ALL_PARTS if part in wanted)


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def slug(text: str, limit: int = 80) -> str:
    """ASCII file-name part: `Region Söderås` -> `region-soderas` (å, ä -> a; ö -> o)."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ASCII))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(result) > limit:
        result = result[:limit].rsplit("-", 1)[0] or result[:limit]
    return result


MEETING_KINDS = {  # `--meeting` takes these words as well as an id
    "intro": MeetingKind.INTRO,
    "inledande": MeetingKind.INTRO,
    "feedback": MeetingKind.FEEDBACK,
    "aterkoppling": MeetingKind.FEEDBACK,
    "follow-up": MeetingKind.FOLLOW_UP,
    "follow_up": MeetingKind.FOLLOW_UP,
    "uppfoljning": MeetingKind.FOLLOW_UP,
}
KIND_FILE_NAMES = {
    MeetingKind.INTRO: "inledande-mote",
    MeetingKind.FEEDBACK: "aterkopplingsmote",
    MeetingKind.FOLLOW_UP: "uppfoljningsmote",
}
DOCUMENT_SUFFIXES = (".md", ".html", ".docx")


def default_export_dir(review: Review, today: date | None = None, root: Path | str | None = None) -> Path:
    """`<root>/<review-slug>`; the root is the `export_dir` setting, else the user's documents folder/hfs-tui.

    No date in the folder: the file names carry each meeting's date, so one review keeps one folder.
    `today` is accepted for older callers and not used.
    """
    if root:
        folder = Path(root).expanduser()
    else:
        from platformdirs import user_documents_dir

        folder = Path(user_documents_dir()) / "hfs-tui"
    return folder / (slug(review.title) or "granskning")


def meeting_prefix(record: MeetingRecord, lang: str) -> str:
    """`2026-12-02-aterkopplingsmote`: every file of one meeting starts with it (English: `...-feedback-meeting`)."""
    day = meeting_day(record)
    when = day.isoformat() if day else tr("utan-datum", lang)
    return f"{when}-{tr(KIND_FILE_NAMES[record.meeting.kind], lang)}"


def parts_for(record: MeetingRecord, parts: Iterable[str]) -> tuple[str, ...]:
    """The intro meeting has a protokoll only; the other meetings every part asked for."""
    if record.meeting.kind is MeetingKind.INTRO:
        return tuple(p for p in parts if p == "minutes")
    return tuple(parts)


def build_documents(
    record: MeetingRecord, parts: Iterable[str] = PARTS, lang: str | None = None
) -> list[tuple[str, Document]]:
    """(file stem, document tree) of each document asked for; stems name the meeting's date and kind."""
    return [(stem, build()) for stem, build in iter_documents(record, parts, lang)]


def iter_documents(
    record: MeetingRecord, parts: Iterable[str] = PARTS, lang: str | None = None
) -> Iterator[tuple[str, Callable[[], Document]]]:
    """(file stem, builder) of each document asked for, in order: an export builds one tree at a time."""
    lang = check_lang(lang or language())
    parts = set(parts)
    unknown = parts - set(ALL_PARTS)
    if unknown:
        raise ValueError(f"unknown export parts: {sorted(unknown)}")
    parts = set(parts_for(record, parts))
    prefix = meeting_prefix(record, lang)
    if "minutes" in parts:
        yield f"{prefix}-{tr('protokoll', lang)}", partial(build_minutes, record, lang)
    if "reports" in parts:
        for party, party_slug in zip(record.parties, _party_slugs(record)):
            yield f"{prefix}-{tr('rapport', lang)}-{party_slug}", partial(build_party_report, record, party, lang)
    if "network" in parts:
        yield f"{prefix}-{tr(NETWORK_FILE, lang)}", partial(build_network_summary, record, lang)
    if "onepager" in parts:
        yield f"{prefix}-{tr(ONE_PAGER_FILE, lang)}", partial(build_one_pager, record, lang)
    if "handover" in parts:
        for party, party_slug in zip(record.parties, _party_slugs(record)):
            yield f"{prefix}-{tr(HANDOVER_FILE, lang)}-{party_slug}", partial(build_handover, record, party, lang)


def _party_slugs(record: MeetingRecord) -> list[str]:
    stems = [slug(p.name) or f"part-{p.key}" for p in record.parties]
    return [f"{s}-{p.key}" if stems.count(s) > 1 else s for p, s in zip(record.parties, stems)]


def slides_stem(stem: str, lang: str) -> str:
    """The deck beside the one-pager: `...-en-sida` -> `...-bildspel`."""
    return stem[: -len(tr(ONE_PAGER_FILE, lang))] + tr(SLIDES_FILE, lang)


def render_documents(
    record: MeetingRecord, parts: Iterable[str] = PARTS, lang: str | None = None
) -> list[tuple[str, str, str]]:
    """(file stem, title, Markdown) of each document asked for: what the export screen previews."""
    return [(stem, doc.title, markdown.render(doc)) for stem, doc in build_documents(record, parts, lang)]


class ExportResult(list):
    """The paths written, in order (a list, as before), and which of them were new, which replaced an earlier
    file, and which files of the same meeting this export did not write (left as they were, and said so)."""

    def __init__(self, paths: Iterable[Path], new=(), replaced=(), left_over=()) -> None:
        super().__init__(paths)
        self.new, self.replaced, self.left_over = tuple(new), tuple(replaced), tuple(left_over)

    def lines(self) -> list[str]:
        """What the CLI prints: one line per file, `ny`/`ersatte`, then what was left from before."""
        out = [t("export.result.new" if path in self.new else "export.result.replaced", path=path) for path in self]
        if self.left_over:
            names = ", ".join(p.name for p in self.left_over)
            out.append(t("export.result.left_over", names=names))
        return out


def export(
    store: Store,
    review_id: int,
    out_dir: Path | str,
    what: Iterable[str] = PARTS,
    html: bool = False,
    meeting_id: int | None = None,
    now: datetime | None = None,
    lang: str | None = None,
    docx: bool = False,
    meeting_kind: MeetingKind | None = None,
) -> ExportResult:
    """Render everything, then write all files at once (all or nothing); returns the paths and what they replaced.

    Decision on documents of the same meeting this export does not write (the network summary when only
    minutes and reports are asked for): they are left untouched and listed as `left_over` ("kvar sedan
    tidigare"), since removing a file the user did not ask about could lose a copy they still send.
    """
    lang = check_lang(lang or language())
    if meeting_kind is not None and meeting_id is None:
        meeting_id = store.meeting_of_kind(review_id, meeting_kind).id
    what = tuple(what)
    record = load_record(store, review_id, meeting_id, now, review_notes="onepager" in what)
    files = _files(record, what, lang, html, docx)
    folder = _folder(Path(out_dir))
    try:
        written = write_all(folder, files)  # each file is rendered and written in turn, then all are renamed
    except WriteFailure as failure:
        raise ExportError(t("error.export.write", path=failure.path, reason=_reason(failure.error))) from None
    except OSError as error:
        raise ExportError(t("error.export.write", path=folder, reason=_reason(error))) from None
    paths = list(written.targets)
    prefix = meeting_prefix(record, lang)
    left_over = sorted(
        p for p in folder.glob(f"{prefix}-*") if p.suffix in DOCUMENT_SUFFIXES and p not in paths and p.is_file()
    )
    return ExportResult(paths, written.new, written.replaced, left_over)


def _files(
    record: MeetingRecord, what: Iterable[str], lang: str, html: bool, docx: bool
) -> Iterator[tuple[str, bytes | Iterable[bytes]]]:
    """(file name, content) of each file, built one document at a time; Markdown comes block by block, so a long
    meeting's documents never sit in memory together."""
    for stem, build in iter_documents(record, what, lang):
        document = build()
        if html:  # the HTML page is made from the whole Markdown text
            text = markdown.render(document)
            yield f"{stem}.md", text.encode("utf-8")
            yield f"{stem}.html", markdown.render_html(text, document.title, lang).encode("utf-8")
        else:
            yield f"{stem}.md", _encoded(markdown.chunks(document))
        if document.kind == "onepager":
            yield f"{slides_stem(stem, lang)}.md", slides.render(document).encode("utf-8")
        if docx:
            from . import docx as word

            yield f"{stem}.docx", word.render(document)


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


def _reason(error: OSError) -> str:
    key = _REASONS.get(error.errno) if error.errno is not None else None
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
