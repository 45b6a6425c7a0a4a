"""Who holds the server's database: `serve` while it runs, `restore` while it replaces it.

- SQLite: a lock file beside the database (`<file>.lock`, locked by the operating system, on
  Windows too). One `serve` per file: SQLite takes one writer at a time, so a second server
  process would only wait for the first. `restore` is refused while a server runs.
- PostgreSQL: an advisory lock of the database. Every `serve` process holds it shared (several
  processes, on one machine or several, serve one database); `restore` holds it exclusively, so
  it is refused while any server runs and no server starts during a restore.

The operating system (or PostgreSQL) lets go of either lock when the process ends, however it
ends: a crashed server never blocks the next start.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from server_stub.admin import AdminError
from server_stub.store import APPLICATION_NAME

ADVISORY_KEY = 0x4D75666B  # "Mufk": the same number for every Mufakat server of a database

STOP_FIRST = (
    "a mufakat-server is running on {db}: stop it first (systemctl stop 'mufakat-server@*'), "
    "then run this again"
)


class DatabaseBusy(AdminError):
    pass


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


@contextmanager
def serving(url: str) -> Iterator[None]:
    """Held for as long as a `serve` process runs."""
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    database = _sqlite_file(parsed)
    if database is not None:
        busy = (
            f"another mufakat-server serve is already running on {shown}: a SQLite database "
            "takes one server process (stop the other one, or use PostgreSQL for more)"
        )
        with _file_lock(database, busy):
            yield
        return
    if parsed.get_backend_name() == "postgresql":
        with _advisory(
            parsed, shared=True, busy=f"a restore of {shown} is under way; start the server after it"
        ):
            yield
        return
    yield


@contextmanager
def replacing(url: str) -> Iterator[None]:
    """Held while `restore` replaces the database: no server may run meanwhile."""
    parsed = make_url(url)
    busy = STOP_FIRST.format(db=parsed.render_as_string(hide_password=True))
    database = _sqlite_file(parsed)
    if database is not None:
        with _file_lock(database, busy):
            yield
        return
    with _advisory(parsed, shared=False, busy=busy):
        yield


@contextmanager
def _file_lock(database: Path, busy: str) -> Iterator[None]:
    lock = FileLock(str(database) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseBusy(busy) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _advisory(url: URL, shared: bool, busy: str) -> Iterator[None]:
    """An advisory lock on a connection of its own, kept open while the lock is held."""
    engine = create_engine(
        url,
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"application_name": APPLICATION_NAME},
    )
    try:
        with engine.connect() as conn:
            take = "pg_try_advisory_lock_shared" if shared else "pg_try_advisory_lock"
            if not conn.execute(text(f"SELECT {take}(:key)"), {"key": ADVISORY_KEY}).scalar():
                raise DatabaseBusy(busy)
            yield
    finally:
        engine.dispose()
