"""The Markdown renderer (CommonMark + GFM tables) and the HTML page made from it with markdown-it-py.

User text is data, never markup: every run is escaped here, so no note can break a document's structure
(a note starting with `#` or holding `---` stays inside its bullet).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from markdown_it import MarkdownIt

from ..safe_text import clean
from .model import (
    BulletList,
    Cell,
    Document,
    Facts,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Runs,
    SignOff,
    Table,
)
from .strings import tr
from .visible import visible

# One pass puts a backslash before each structural character and before an `&` that would start an entity
# (a regex scan in C: str.translate with a mapping to two-character strings cost a dict lookup per character).
_STRUCTURE = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?[0-9A-Za-z]+;)")
_LEADING = re.compile(r"^(?:[=+-]|(\d{1,9})([.)]))")
_PLAIN = re.compile(r"[^\\`*_\[\]<>|~#&\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()  # a function: faster than a `\g<0>` template, which is expanded in Python


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group()


@lru_cache(maxsize=65536)
def escaped_lines(text: str, line_start: bool = True) -> tuple[str, ...]:
    """User text as Markdown lines that show it literally, whatever it holds; () when it has no text.

    Every character CommonMark could read as structure is backslash-escaped: emphasis, code, links,
    HTML, table pipes, headings, and what only counts at the start of a line (list markers, `1.`,
    setext `===`/`---`). Lines are stripped, so nothing becomes an indented code block or a hard break.
    `line_start=False`: the text's first line follows other text on its line (after a label, inside `**`), where
    `1.` or `+` cannot start a block, so only its later lines get the line-start escapes.
    The cache holds no language: the "(tom)" of an empty text is added by the caller.
    """
    if _PLAIN.fullmatch(text) and text == text.strip() and not (line_start and _LEADING.match(text)):
        return (text,)  # the common case: one line with nothing to escape
    lines: list[str] = []
    for raw in clean(visible(text)).replace("\t", " ").split("\n"):
        line = raw.strip()
        if line:
            line = _STRUCTURE.sub(_backslashed, line)
            if line_start or lines:
                line = _LEADING.sub(_escape_leading, line, count=1)
            lines.append(line)
    return tuple(lines)


def md_lines(text: str, lang: str = "sv", line_start: bool = True) -> tuple[str, ...]:
    return escaped_lines(text, line_start) or (tr("(tom)", lang),)


def md_inline(text: str, lang: str = "sv") -> str:
    """User text on one line (headings, table cells, bold labels): newlines fold to spaces."""
    return " ".join(md_lines(text, lang))


def _runs(runs: Runs, lang: str, joiner: str = " ") -> str:
    out = []
    last = len(runs) - 1
    for index, run in enumerate(runs):
        at_line_start = index == 0 and not (run.bold or run.italic)
        body = joiner.join(md_lines(run.text, lang, at_line_start))
        if run.bold:
            body = f"**{body}**"
        if run.italic:
            body = f"*{body}*"
        lead = " " if index > 0 and run.text[:1].isspace() else ""
        trail = " " if index < last and run.text[-1:].isspace() else ""
        out.append(lead + body + trail)
    return "".join(out)


def _cell(cell: Cell, lang: str) -> str:
    if isinstance(cell, str):
        return md_inline(cell, lang) if cell.strip() else ""
    return _runs(cell, lang)


def _block(block: object, lang: str) -> str | None:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_inline(block.text, lang)
    if isinstance(block, Paragraph):
        return _runs(block.runs, lang)
    if isinstance(block, BulletList):
        return "\n".join("- " + _runs(item, lang, "\n  ") for item in block.items)
    if isinstance(block, Facts):
        return "\n".join(f"- **{md_inline(label, lang)}:** {md_inline(value, lang)}" for label, value in block.lines)
    if isinstance(block, Table):
        lines = ["| " + " | ".join(md_inline(h, lang) for h in block.header) + " |", "|" + "---|" * len(block.header)]
        lines += ["| " + " | ".join(_cell(c, lang) for c in row) + " |" for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, SignOff):  # the label, then one paragraph per name to sign
        return "\n\n".join([md_inline(block.label, lang), *(md_inline(name, lang) for name in block.names)])
    if isinstance(block, PageBreak):
        return None
    raise TypeError(f"not a document block: {block!r}")


def block_text(block: object, lang: str) -> str | None:
    """One block as Markdown (None for a page break): for renderers that arrange blocks their own way (slides)."""
    return _block(block, lang)


def footer_text(document: Document) -> str:
    return _runs((Run(document.footer, italic=True),), document.lang)


def render(document: Document) -> str:
    """The document as Markdown: blocks separated by blank lines, so every block stands alone."""
    return "".join(chunks(document))


def chunks(document: Document) -> Iterator[str]:
    """The Markdown of `render`, one block at a time (an export writes them as they come)."""
    separator = ""
    for block in document.blocks:
        text = _block(block, document.lang)
        if text is not None:
            yield separator + text
            separator = "\n\n"
    if document.footer:
        yield separator + footer_text(document)
    yield "\n"


# --------------------------------------------------------------------- HTML

_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
{body}</body>
</html>
"""


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, raw HTML off: the parser for the HTML version and for the tests."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(markdown_text: str, title: str, lang: str = "sv") -> str:
    """A small complete HTML page; any HTML in user text is shown as text, never run."""
    body = markdown_parser().render(markdown_text)
    return _PAGE.format(lang=lang, title=html.escape(clean(visible(title)).replace("\n", " ")), body=body)
