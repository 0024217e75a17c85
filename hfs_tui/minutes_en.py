"""Kept for importers: the English document wording now lives in `hfs_tui.documents.strings`."""

from .documents.strings import ENGLISH, MONTHS, WEEKDAYS

__all__ = ["ENGLISH", "MONTHS", "WEEKDAYS"]
