"""Kept for importers (cli, screens, tests): writing the documents now lives in `hfs_tui.documents.export`."""

from .documents.export import (
    ALL_PARTS,
    EXTRA_PARTS,
    MEETING_KINDS,
    NETWORK_FILE,
    PARTS,
    ExportError,
    ExportResult,
    build_documents,
    default_export_dir,
    export,
    parse_parts,
    render_documents,
    slug,
)
from .documents.record import MeetingRecord, load_record

__all__ = [
    "ALL_PARTS",
    "EXTRA_PARTS",
    "MEETING_KINDS",
    "NETWORK_FILE",
    "PARTS",
    "ExportError",
    "ExportResult",
    "MeetingRecord",
    "build_documents",
    "default_export_dir",
    "export",
    "load_record",
    "parse_parts",
    "render_documents",
    "slug",
]
