"""The setup screen and its parts."""

from .screen import SetupScreen

__all__ = ["SetupScreen"]
