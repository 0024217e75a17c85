"""The README documents the database (a user-facing interface) and every CLI command."""

from __future__ import annotations

import re
from pathlib import Path

from hfs_tui.store import Store

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def documented_columns() -> dict[str, set[str]]:
    """Table → columns, read from the README's `| table | column | meaning |` table."""
    section = README[README.index("| table | column | meaning |") :]
    columns: dict[str, set[str]] = {}
    table = ""
    for line in section.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0]:
            table = cells[0].strip("`")
        columns.setdefault(table, set()).update(re.findall(r"`([a-z_]+)`", cells[1]))
    return columns


def schema_columns() -> dict[str, set[str]]:
    store = Store.memory()
    try:
        db = store.db
        return {
            table.name: {column.name for column in table.columns}
            for table in db.tables
            if not table.name.startswith(("_", "sqlite_"))
            # FTS5's own shadow tables (search_index_data, _idx, _content, _docsize, _config)
            and not table.name.startswith("search_index_")
        }
    finally:
        store.close()


def test_every_table_and_column_of_the_schema_is_in_the_readme():
    documented = documented_columns()
    missing = [
        f"{table}.{column}"
        for table, columns in schema_columns().items()
        for column in sorted(columns)
        if column not in documented.get(table, set())
    ]
    assert not missing, f"README's database table lacks: {', '.join(missing)}"


def test_the_readme_documents_no_column_that_does_not_exist():
    schema = schema_columns()
    stale = [
        f"{table}.{column}"
        for table, columns in documented_columns().items()
        for column in sorted(columns)
        if column not in schema.get(table, set())
    ]
    assert not stale, f"README documents columns that do not exist: {', '.join(stale)}"
