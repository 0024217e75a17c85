"""A Marp-compatible slide deck of a document (the one-pager): `marp: true` front matter, slides separated by `---`.

Each level-2 heading starts a slide; the title slide holds the level-1 heading and what precedes the first level-2
heading. Blocks are rendered by the Markdown renderer, so user text is escaped the same way (a note holding `---`
never starts a slide). Plain Markdown viewers show the deck as a readable document with rules between slides.
"""

from __future__ import annotations

from .markdown import block_text, footer_text
from .model import Document, Heading

FRONT_MATTER = "---\nmarp: true\npaginate: true\n---"


def render(document: Document) -> str:
    slides: list[list[str]] = [[]]
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 2 and slides[-1]:
            slides.append([])
        text = block_text(block, document.lang)
        if text is not None:
            slides[-1].append(text)
    if document.footer:
        slides[-1].append(footer_text(document))
    body = "\n\n---\n\n".join("\n\n".join(parts) for parts in slides if parts)
    return f"{FRONT_MATTER}\n\n{body}\n"
