"""The export screen and its parts."""

from .screen import ExportScreen

__all__ = ["ExportScreen"]
