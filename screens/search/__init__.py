"""The search screen: ranked hits over notes, answers, assessments and actions."""

from .screen import SearchScreen, hit_prompt

__all__ = ["SearchScreen", "hit_prompt"]
