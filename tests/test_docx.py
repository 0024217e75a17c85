"""The Word rendering: read back with python-docx, it has every heading and table of the Markdown rendering of the
same document tree, cell for cell, with real heading styles, grid tables, a landscape action plan and no escapes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

import docx as python_docx
import pytest
from docx.enum.section import WD_ORIENT

from hfs_tui.documents import docx, markdown
from hfs_tui.documents.export import ALL_PARTS, build_documents
from hfs_tui.documents.model import Table
from hfs_tui.export import load_record
from hfs_tui.model import Action
from tests.test_minutes import BREAKERS, PARTIES, golden_store, make_record, note


def markdown_outline(text: str) -> tuple[list[tuple[int, str]], list[list[list[str]]]]:
    """(level, text) of every heading and the cell texts of every table, as a CommonMark reader sees them."""
    tokens = markdown.markdown_parser().parse(text)
    headings, tables, row = [], [], None
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
            tables[-1].append(row)
        elif token.type == "inline":
            content = "".join(" " if c.type == "softbreak" else c.content for c in token.children)
            opener = tokens[index - 1]
            if opener.type == "heading_open":
                headings.append((int(opener.tag[1]), content))
            elif opener.type in ("th_open", "td_open"):
                row.append(content)
        elif token.type in ("th_open", "td_open") and tokens[index + 1].type != "inline":
            row.append("")
    return headings, tables


def word_outline(data: bytes):
    document = python_docx.Document(io.BytesIO(data))
    headings = [
        (int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return document, headings, tables


@pytest.fixture(scope="module")
def golden_trees():
    store, review_id = golden_store()
    record = load_record(store, review_id, now=datetime(2026, 3, 10, 12, 40, tzinfo=UTC))
    trees = [doc for lang in ("sv", "en") for _stem, doc in build_documents(record, ALL_PARTS, lang=lang)]
    assert {"onepager", "handover"} <= {tree.kind for tree in trees}  # the new documents are read back too
    return trees


def test_every_heading_and_table_of_the_markdown_is_in_the_word_file(golden_trees):
    assert sum(isinstance(b, Table) for tree in golden_trees for b in tree.blocks) >= 6
    for tree in golden_trees:
        md_headings, md_tables = markdown_outline(markdown.render(tree))
        document, headings, tables = word_outline(docx.render(tree))
        assert headings == md_headings, tree.title
        assert tables == md_tables, tree.title
        assert len(headings) >= 3 and all(table.style.name == "Table Grid" for table in document.tables)


def test_core_properties_and_language(golden_trees):
    for tree in golden_trees:
        document = python_docx.Document(io.BytesIO(docx.render(tree)))
        assert document.core_properties.title == tree.title
        assert document.core_properties.language == {"sv": "sv-SE", "en": "en-GB"}[tree.lang]
        xml = document.styles["Normal"].element.xml
        assert f'w:val="{document.core_properties.language}"' in xml


def test_action_plan_is_on_a_landscape_page_and_no_column_breaks_a_word(golden_trees):
    report = next(t for t in golden_trees if t.kind == "report")
    document = python_docx.Document(io.BytesIO(docx.render(report)))
    orientations = [s.orientation for s in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    plan = next(b for b in report.blocks if isinstance(b, Table) and b.landscape)
    section = next(s for s in document.sections if s.orientation == WD_ORIENT.LANDSCAPE)
    usable = (section.page_width - section.left_margin - section.right_margin) / 12700
    widths = docx.column_widths(plan, usable, "sv")
    assert abs(sum(widths) - usable) < 1
    for row in (plan.header, *plan.rows):
        for width, cell in zip(widths, row):
            text = cell if isinstance(cell, str) else docx.cell_text(cell, "sv")
            longest = max((len(w) for w in text.split()), default=0)
            assert width >= longest * docx.TABLE_POINTS * docx.CHAR_POINTS, (text, width)


def test_a_word_longer_than_its_share_widens_its_column():
    table = Table(("A", "B"), (("Hälsofrämjandeprocessledaruppdragsbeskrivning", "x"),), widths=(1, 9))
    narrow, wide = docx.column_widths(table, 500, "sv")
    assert narrow >= len("Hälsofrämjandeprocessledaruppdragsbeskrivning") * docx.TABLE_POINTS * docx.CHAR_POINTS
    assert abs(narrow + wide - 500) < 0.01


@pytest.mark.parametrize("text", BREAKERS)
def test_user_text_reads_literally_in_word_without_markdown_escapes(text):
    record = replace(make_record([note(1, text)]), actions=(Action(1, 1, 1, text, activities="a|b *c*"),))
    for _stem, tree in build_documents(record, lang="sv"):
        if tree.title == "Rapport från kollegialt lärande – Region Söderås":
            continue  # the note and the action are Region Nordmark's
        document = python_docx.Document(io.BytesIO(docx.render(tree)))
        body = "\n".join(p.text for p in document.paragraphs)
        cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        expected = [line.strip() for line in text.replace("\t", " ").split("\n") if line.strip()]
        for line in expected:
            if "\x1b" in line:
                continue
            assert line in body + "\n" + cells, (tree.kind, line)
        assert "\x1b" not in body + cells
        if "\\" not in text:
            assert "\\" not in body + cells  # no Markdown escape shows


def test_python_docx_is_imported_only_when_word_files_are_written():
    import subprocess
    import sys

    code = (
        "import hfs_tui.documents.export, hfs_tui.documents.markdown, sys; "
        "assert 'docx' not in sys.modules, 'docx imported'"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_party_names_with_markup_are_plain_in_word():
    record = make_record([note(1, "anteckning")])
    record = replace(record, parties=(replace(PARTIES[0], name="*Region* | Nord"), PARTIES[1]))
    tree = build_documents(record, ("reports",), lang="sv")[0][1]
    _document, headings, _tables = word_outline(docx.render(tree))
    assert headings[0] == (1, "Rapport från kollegialt lärande – *Region* | Nord")
