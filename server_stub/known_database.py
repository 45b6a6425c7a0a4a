"""Which database the administrator's command acts on: a Mufakat server's, or one `init` makes.

A wrong but well-formed `--db` (a typo in the file name, the relative default read in another
folder, the `postgres` database instead of `mufakat`) must not become a new, empty server that
every laptop then finds without its units and devices. So every command but `init` (and
`restore`, which puts a backup in place on a new machine) acts only on a database that is
already a Mufakat server's: its tables are there. `init` makes one in a database that is new or
empty, brings an existing one up to date, and never touches a database of another program.
SQLite files are opened read-only for the check: a missing file is not created.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, make_url
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from server_stub.admin import AdminError
from server_stub.models import Base
from server_stub.restore import NEEDED

MIGRATION_MARK = "alembic_version"
SHOWN_TABLES = 5  # names of another program's tables said in the one line


@dataclass(frozen=True)
class Found:
    """What the database named holds: nothing (absent or without tables), a Mufakat server's
    tables, or another program's tables."""

    exists: bool
    tables: frozenset[str]

    @property
    def is_server(self) -> bool:
        return all(name in self.tables for name in NEEDED)

    @property
    def is_empty(self) -> bool:
        return not self.tables

    @property
    def is_ours(self) -> bool:
        """Only tables a Mufakat server makes (an `init` cut off half-way leaves some)."""
        return self.tables <= {MIGRATION_MARK, *Base.metadata.tables}


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def inspect_database(database_url: str) -> Found:
    """The tables of the database `database_url` names, read without changing anything."""
    url = make_url(database_url)
    path = _sqlite_file(url)
    if path is not None:
        if not path.exists():
            return Found(False, frozenset())
        url = url.set(database=f"file:{path}?mode=ro", query={**url.query, "uri": "true"})
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return Found(True, frozenset(inspect(conn).get_table_names()))
    finally:
        engine.dispose()


def _where(database_url: str, source: str) -> str:
    shown = make_url(database_url).render_as_string(hide_password=True)
    return f"{shown} ({source})" if source else shown


def require_server_database(database_url: str, source: str = "") -> None:
    """Refuse, in one line, a database that is not already a Mufakat server's. `source`: where
    the URL came from, when not from --db (the environment, the default in the current folder)."""
    found = inspect_database(database_url)
    if found.is_server:
        return
    where = _where(database_url, source)
    if not found.exists:
        what = "no such file"
    elif found.is_empty:
        what = "it has no tables"
    elif found.is_ours:
        what = "only part of its tables: an init was cut off; run it again"
    else:
        what = f"it holds other tables: {_names(found.tables)}"
    raise AdminError(
        f"{where} is not a Mufakat server database ({what}); give the right --db or "
        "MUFAKAT_SERVER_DB, or make a new server database there with: mufakat-server init"
    )


def check_initialisable(database_url: str, source: str = "") -> bool:
    """Before `init`: True when the database is already a Mufakat server's (it is brought up to
    date), False when it is new, empty or half made (it is made); another program's is refused."""
    found = inspect_database(database_url)
    if found.is_server:
        return True
    if found.is_ours:
        return False
    raise AdminError(
        f"{_where(database_url, source)} holds tables of another program ({_names(found.tables)}): "
        "a Mufakat server needs a database of its own; create an empty one and give it with --db"
    )


def _names(tables: frozenset[str]) -> str:
    names = sorted(tables)
    more = len(names) - SHOWN_TABLES
    return ", ".join(names[:SHOWN_TABLES]) + (f" and {more} more" if more > 0 else "")
