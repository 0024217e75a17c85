"""One family of user-facing errors: the CLI and the screens catch `HfsError` and show its one-line message.

Each area raises its own subclass; the message is already translated (`hfs_tui.i18n.t`) and never spans lines.
The original low-level exception, when there is one, is the `__cause__`.
"""

from __future__ import annotations


class HfsError(Exception):
    """A problem the user can act on, said in one line."""


class StoreError(HfsError):
    """The database refused, failed or was asked for something that does not exist (hfs_tui.store)."""


class ExportError(HfsError):
    """An export that could not be written (hfs_tui.export)."""


class ImportFileError(HfsError):
    """A file to import that cannot be read or understood (hfs_tui.importers)."""


class SettingsError(HfsError):
    """A settings file that cannot be read or written (hfs_tui.settings)."""
