"""The home screen and its parts."""

from .screen import HomeScreen

__all__ = ["HomeScreen"]
