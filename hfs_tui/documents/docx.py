"""The Word renderer: the same document tree as the Markdown, as a .docx (python-docx, imported only here).

Real heading styles (Heading 1-3), tables with grid lines ("Table Grid") and a repeated header row, the action
plan on a landscape A4 section with column widths that never break a word, no Markdown escapes, and the
document's title and language (sv-SE / en-GB) in its core properties and on the Normal style.
"""

from __future__ import annotations

import io
import re

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
    SignOff,
    Table,
)
from .strings import tr
from .visible import visible

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
FONT_POINTS = 10.5
TABLE_POINTS = 9.5
CHAR_POINTS = 0.62  # generous average glyph width in ems (bold and wide letters such as å, m, w)
CELL_PADDING_POINTS = 14  # left + right cell margins, with a little slack


def lines_of(text: str) -> list[str]:
    """User text as the lines a reader sees: cleaned, invisible characters handled, each line stripped."""
    return [line.strip() for line in clean(visible(text)).replace("\t", " ").split("\n") if line.strip()]


def flat(text: str, lang: str) -> str:
    """One line (headings, table cells): newlines fold to spaces; an empty text reads "(tom)"."""
    return " ".join(lines_of(text)) or tr("(tom)", lang)


def runs_text(runs: tuple[Run, ...], lang: str) -> str:
    parts, last = [], len(runs) - 1
    for index, run in enumerate(runs):
        lead = " " if index > 0 and run.text[:1].isspace() else ""
        trail = " " if index < last and run.text[-1:].isspace() else ""
        parts.append(lead + flat(run.text, lang) + trail)
    return "".join(parts)


def cell_text(cell: Cell, lang: str) -> str:
    """What a table cell reads in Word (and, unescaped, in the Markdown)."""
    if isinstance(cell, str):
        return " ".join(lines_of(cell))
    return runs_text(cell, lang)


def _add_runs(paragraph, runs: tuple[Run, ...], lang: str, breaks: bool = False, size=None) -> None:
    last = len(runs) - 1
    for index, run in enumerate(runs):
        lines = lines_of(run.text) or [tr("(tom)", lang)]
        lead = " " if index > 0 and run.text[:1].isspace() else ""
        trail = " " if index < last and run.text[-1:].isspace() else ""
        pieces = lines if breaks else [" ".join(lines)]
        for number, piece in enumerate(pieces):
            text = (lead if number == 0 else "") + piece + (trail if number == len(pieces) - 1 else "")
            added = paragraph.add_run(text)
            added.bold, added.italic = run.bold or None, run.italic or None
            if size is not None:
                added.font.size = size
            if number < len(pieces) - 1:
                added.add_break()


def column_widths(table: Table, usable_points: float, lang: str) -> list[float]:
    """Widths in points: every column at least as wide as its longest word, the rest shared by `table.widths`."""
    columns = len(table.header)
    longest = [0] * columns
    texts = [[flat(h, lang) for h in table.header]] + [[cell_text(c, lang) for c in row] for row in table.rows]
    for row in texts:
        for index, text in enumerate(row):
            longest[index] = max([longest[index], *(len(word) for word in re.split(r"\s+", text))])
    minimum = [n * TABLE_POINTS * CHAR_POINTS + CELL_PADDING_POINTS for n in longest]
    weights = list(table.widths or (1,) * columns)
    if sum(minimum) >= usable_points:  # even the longest words do not fit: share the page by them
        return [usable_points * m / sum(minimum) for m in minimum]
    fixed: set[int] = set()
    while True:  # share by weight, but never below a column's minimum
        rest = [i for i in range(columns) if i not in fixed]
        left = usable_points - sum(minimum[i] for i in fixed)
        total = sum(weights[i] for i in rest) or 1
        widths = [minimum[i] if i in fixed else left * weights[i] / total for i in range(columns)]
        more = {i for i in rest if widths[i] < minimum[i]}
        if not more:
            return widths
        fixed |= more


class _Writer:
    def __init__(self, document: Document) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self.Pt, self.WD_ORIENT = Pt, WD_ORIENT
        self.source = document
        self.lang = document.lang
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
        self._styles()
        properties = self.doc.core_properties
        properties.title = flat(document.title, self.lang)
        properties.language = LANGUAGE_TAGS[self.lang]
        properties.author = "hfs-tui"
        properties.comments = ""
        if document.footer:
            footer = section.footer.paragraphs[0]
            footer.text = flat(document.footer, self.lang)
            footer.style = self.doc.styles["Footer"]

    def _styles(self) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = self.Pt(FONT_POINTS)
        rpr = normal.element.get_or_add_rPr()
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        tag = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            tag.set(qn(attribute), LANGUAGE_TAGS[self.lang])
        rpr.append(tag)

    def write(self) -> bytes:
        blocks = self.source.blocks
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            wide_table = isinstance(block, Table) and block.landscape
            heading_of_wide = isinstance(block, Heading) and isinstance(following, Table) and following.landscape
            if (wide_table or heading_of_wide) and not self._landscape():
                self._orientation(landscape=True)  # a wide table's heading goes onto the landscape page with it
            elif self._landscape() and not (wide_table or heading_of_wide):
                self._orientation(landscape=False)
            self._block(block)
            if isinstance(block, Paragraph | Facts) and isinstance(following, BulletList | Table):
                self.doc.paragraphs[-1].paragraph_format.keep_with_next = True  # a label stays with its list
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _landscape(self) -> bool:
        return self.doc.sections[-1].orientation == self.WD_ORIENT.LANDSCAPE

    def _orientation(self, landscape: bool) -> None:
        from docx.enum.section import WD_SECTION

        current = self.doc.sections[-1]
        short, long = sorted((current.page_width or 0, current.page_height or 0))  # python-docx: None if unset
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = self.WD_ORIENT.LANDSCAPE if landscape else self.WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)

    def _block(self, block: object) -> None:
        doc, lang = self.doc, self.lang
        if isinstance(block, Heading):
            doc.add_heading(flat(block.text, lang), level=min(max(block.level, 1), 9))
        elif isinstance(block, Paragraph):
            _add_runs(doc.add_paragraph(), block.runs, lang)
        elif isinstance(block, BulletList):
            for item in block.items:
                _add_runs(doc.add_paragraph(style="List Bullet"), item, lang, breaks=True)
        elif isinstance(block, Facts):
            for label, value in block.lines:
                paragraph = doc.add_paragraph()
                paragraph.paragraph_format.space_after = self.Pt(2)
                paragraph.add_run(flat(label, lang) + ": ").bold = True
                paragraph.add_run(flat(value, lang))
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, PageBreak):
            doc.add_page_break()
        elif isinstance(block, SignOff):
            doc.add_paragraph().add_run(flat(block.label, lang)).bold = True
            for name in block.names:
                line = doc.add_paragraph("_" * 36)
                line.paragraph_format.space_before = self.Pt(24)
                line.paragraph_format.space_after = self.Pt(0)
                doc.add_paragraph(flat(name, lang))
        else:
            raise TypeError(f"not a document block: {block!r}")

    def _table(self, block: Table) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        section = self.doc.sections[-1]
        page, left, right = (section.page_width or 0), (section.left_margin or 0), (section.right_margin or 0)
        usable = (page - left - right) / 12700  # EMU -> points
        widths = column_widths(block, usable, self.lang)
        table = self.doc.add_table(rows=1, cols=len(block.header))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        header = table.rows[0]
        flag = OxmlElement("w:tblHeader")  # repeat the header row on every page
        flag.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(flag)
        size = self.Pt(TABLE_POINTS)
        for cell, text in zip(header.cells, block.header):
            run = cell.paragraphs[0].add_run(flat(text, self.lang))
            run.bold, run.font.size = True, size
        for row in block.rows:
            for cell, value in zip(table.add_row().cells, row):
                paragraph = cell.paragraphs[0]
                if isinstance(value, str):
                    if value.strip():
                        paragraph.add_run(" ".join(lines_of(value))).font.size = size
                else:
                    _add_runs(paragraph, value, self.lang, size=size)
        for index, width in enumerate(widths):
            table.columns[index].width = self.Pt(width)
            for cell in table.columns[index].cells:
                cell.width = self.Pt(width)
        self.doc.add_paragraph()


def render(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    return _Writer(document).write()
