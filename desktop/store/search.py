"""Full-text search over recommendation texts: an SQLite FTS5 index with the trigram tokenizer.

Trigrams match any part of a word, which Indonesian needs: "layan" finds "pelayanan" and
"layanan". The index is derived data, kept in step by triggers; it never syncs. A batch
migration that recreates the `recommendations` table drops the triggers and renumbers rowids,
so `ensure_index()` runs after every migration: it recreates the triggers and rebuilds.
Words shorter than three characters cannot use trigrams; the query falls back to LIKE for them.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text, text
from sqlalchemy.orm import Session

from storage import bulk

FTS_TABLE = "recommendations_fts"
MIN_SQLITE = (3, 34, 0)  # trigram tokenizer

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='recommendations', content_rowid='rowid', tokenize='trigram')"
)
TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON recommendations BEGIN
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.rowid, new.text); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON recommendations BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.rowid, old.text); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF text ON recommendations
        WHEN old.text IS NOT new.text BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.rowid, new.text); END""",
)
DROP = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)

# A table object for queries only; it lives outside the models' metadata (no migrations from it).
fts = Table(FTS_TABLE, MetaData(), Column("rowid", Integer), Column("text", Text))


def is_search_table(name: str | None) -> bool:
    """FTS5 creates shadow tables (…_data, …_idx, …); migrations and comparisons skip them all."""
    return bool(name) and str(name).startswith(FTS_TABLE)


def ensure_index(connection: Connection) -> None:
    """Create the index and its triggers if missing, then rebuild it from the table."""
    connection.exec_driver_sql(CREATE_TABLE)
    for statement in TRIGGERS:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


_STAGES = MetaData()
_STAGES_LOCK = threading.Lock()  # devices sync in threads; a stage table is built once


def is_indexed(table: Table) -> bool:
    return table.name == "recommendations"


def _stage_of(session: Session, table: Table) -> Table:
    """An empty temporary table shaped like `table` (same columns and defaults, no triggers)."""
    name = f"stage_{table.name}"
    session.execute(
        text(f"CREATE TEMP TABLE IF NOT EXISTS {name} AS SELECT * FROM main.{table.name} WHERE 0")
    )
    with _STAGES_LOCK:
        stage = _STAGES.tables.get(f"temp.{name}")
        return stage if stage is not None else table.to_metadata(_STAGES, schema="temp", name=name)


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows; into an indexed table, by one statement.

    FTS5 writes its pending index data out as a new segment at the end of every statement, so
    a row-by-row insert (executemany) leaves one tiny segment per row for the index to merge:
    1,000 pulled recommendations took several times as long as through a staging table and one
    INSERT … SELECT (the rows' defaults are applied on the way into the stage)."""
    if not rows:
        return
    if not is_indexed(table):
        bulk.insert_rows(session, table, rows)
        return
    stage = _stage_of(session, table)
    bulk.insert_rows(session, stage, rows)
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    session.execute(
        text(f"INSERT INTO main.{table.name} ({columns}) SELECT {columns} FROM temp.{stage.name}")
    )
    session.execute(text(f"DELETE FROM temp.{stage.name}"))


def match_expression(words: list[str]) -> str:
    """An FTS5 query requiring every word (each quoted, so no word is read as an operator)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)
