"""What a SQLite file is, read without changing it: a database at all (its first bytes), its
tables and its schema revision (Alembic's), and, when asked, SQLite's own integrity check.
Opening the data folder's database (`desktop.store.db`) and checking a backup before it is
restored (`desktop.store.backups`) both look at a file this way, and word what they find."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Peek:
    tables: frozenset[str]
    revision: str | None  # None: no Alembic version in it (a new database, or another program's)
    integrity: tuple[str, ...] = ()  # PRAGMA integrity_check's lines ("ok" alone: whole), if asked


def is_sqlite(path: Path) -> bool:
    """Does the file start as a SQLite database does? Raises OSError when it cannot be read."""
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def peek(path: Path, *, integrity: bool = False) -> Peek:
    """The file's tables and revision (and integrity check), read only. Raises
    sqlite3.DatabaseError when SQLite cannot read it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        checked = tuple(str(row[0]) for row in conn.execute("PRAGMA integrity_check")) if integrity else ()
        tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        version = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables else None
        )
    finally:
        conn.close()
    return Peek(tables, str(version[0]) if version is not None else None, checked)
