"""The feedback meeting screen and its widgets."""

from .screen import MeetingScreen

__all__ = ["MeetingScreen"]
