"""The action plan screen and its parts."""

from .screen import ActionsScreen

__all__ = ["ActionsScreen"]
