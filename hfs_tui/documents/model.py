"""The document tree every document is built as, and every renderer reads (Markdown, HTML, Word).

Frozen dataclasses, no behaviour. User text stays raw here: escaping is the renderer's job, so the same tree
renders to Markdown (backslash escapes) and to Word (no escapes at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Run(NamedTuple):
    """A piece of text in one style. `text` may hold newlines; renderers fold or continue them.

    A named tuple, not a frozen dataclass: a document holds one or more per note, and a frozen dataclass costs
    several times as much to make (a 10,000-note export made 80,000 of them)."""

    text: str
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]
Cell = str | Runs


def runs(*parts: str | Run) -> Runs:
    """`runs("Status: ", value)` -> a tuple of Runs (plain strings become plain runs)."""
    return tuple([part if isinstance(part, Run) else Run(part) for part in parts])


def bold(text: str) -> Run:
    return Run(text, bold=True)


def italic(text: str) -> Run:
    return Run(text, italic=True)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class BulletList:
    items: tuple[Runs, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    landscape: bool = False
    widths: tuple[float, ...] | None = None  # relative column widths (Word); None = equal


@dataclass(frozen=True)
class Facts:
    """`label: value` lines (the header of a document)."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class SignOff:
    """Closing lines with room for a signature: `Vid protokollet`, `Justeras` (one line per name)."""

    label: str
    names: tuple[str, ...]


Block = Heading | Paragraph | BulletList | Table | Facts | PageBreak | SignOff


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    footer: str = ""
    lang: str = "sv"
    kind: str = field(default="")  # "minutes", "report", "network": for file names and properties
