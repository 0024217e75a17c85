"""The follow up screen and its parts."""

from .screen import FollowUpScreen

__all__ = ["FollowUpScreen"]
