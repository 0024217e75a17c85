"""The answers screen and its parts."""

from .screen import AnswersScreen

__all__ = ["AnswersScreen"]
