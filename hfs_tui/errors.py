"""The errors the user can act on: each is said in one line; the CLI catches `HfsError`."""


class HfsError(Exception):
    """A problem the user can act on, said in one line."""


class StoreError(HfsError):
    """The database refused an operation."""


class ExportError(HfsError):
    """An export could not be written."""


class ImportFileError(HfsError):
    """An import file could not be read or understood."""


class SettingsError(HfsError):
    """A settings file or value that cannot be used."""
