"""The local SQLite store: opening it safely, migrating it, handing out transactions.

Opening checks, in order, that the data folder can be written, that an existing file is a
SQLite database written by this or an older Mufakat, takes a backup copy before any migration,
and migrates to the newest revision. A file it cannot read, or one written by a newer version,
is refused with a message naming it, and left exactly as it was.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.config import BACKUP_DIRNAME, DB_FILENAME
from desktop.core.errors import StoreError
from desktop.core.i18n import tr
from desktop.core.os_words import os_reason
from desktop.models import AuditEvent, DeviceState
from desktop.store import search
from desktop.store.backups import copy_database
from desktop.store.sqlite_errors import classify, is_damage, sqlite_error
from desktop.store.sqlite_peek import is_sqlite, peek
from desktop.store.wal_guard import mark_copy, set_aside_foreign_wal
from protocol import jsontext
from protocol.hlc import Stamp
from protocol.ids import new_id

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# How long a write waits for another writer (another Mufakat window, the CLI) to finish.
BUSY_TIMEOUT_MS = 15000


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision = (?:"([^"]+)"|None)$', re.MULTILINE)


@cache
def known_revisions() -> list[str]:
    """Every revision this version of the app knows, oldest first, following each migration's
    `down_revision` from the first. Read from the files' `revision` lines, so opening an
    up-to-date database does not import Alembic (it costs ~0.3 s of start-up). The migrations
    form one straight line; a file's number is its unique id, not its place in the line
    (branches merged in another order than they were numbered)."""
    after: dict[str | None, str] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            continue
        if down.group(1) in after:
            raise RuntimeError(
                f"migrations {after[down.group(1)]} and {revision.group(1)} both follow "
                f"{down.group(1)}: re-point one of them so the line is straight"
            )
        after[down.group(1)] = revision.group(1)
    found: list[str] = []
    current = after.get(None)
    while current is not None:
        found.append(current)
        current = after.get(current)
    return found


def head_revision() -> str:
    return known_revisions()[-1]


def migrate(connection: Connection, target: str = "head") -> None:
    """Upgrade (or, given an older target, downgrade) the schema on `connection`."""
    from alembic import command

    cfg = alembic_config(connection)
    current = _revision_of(connection)
    known = known_revisions()
    wanted = known[-1] if target == "head" else target
    if current is not None and known.index(current) > known.index(wanted):
        command.downgrade(cfg, wanted)
    else:
        command.upgrade(cfg, wanted)


def _revision_of(connection: Connection) -> str | None:
    row = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if row is None:
        return None
    version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if version is None else str(version[0])


def _configure_sqlite(engine: Engine, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before the user sees "saved", even on power loss.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        # 32 MB of pages kept in the process: the triage lists at 100,000 recommendations stay
        # fast even where the operating system evicts its file cache eagerly.
        cursor.execute("PRAGMA cache_size=-32768")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin)


class Store:
    """One local database file. Writers get `BEGIN IMMEDIATE` transactions, readers plain ones."""

    def __init__(self, path: Path) -> None:
        self.path = path
        url = f"sqlite:///{path}"
        self._write_engine = create_engine(
            url, connect_args={"check_same_thread": False}, **jsontext.ENGINE_JSON
        )
        self._read_engine = create_engine(
            url, connect_args={"check_same_thread": False}, **jsontext.ENGINE_JSON
        )
        _configure_sqlite(self._write_engine, "BEGIN IMMEDIATE")
        _configure_sqlite(self._read_engine, "BEGIN")
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
        self.notices: list[str] = []  # what opening found and did, for the user
        self._reader = sessionmaker(self._read_engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating or migrating as needed) the database in `data_dir`."""
        if sqlite3.sqlite_version_info < search.MIN_SQLITE:
            raise StoreError(
                tr(
                    "This Python's SQLite is {version}; Mufakat needs {needed} or newer. "
                    "Install a newer Python (3.11 from python.org has it).",
                    version=sqlite3.sqlite_version,
                    needed=".".join(map(str, search.MIN_SQLITE)),
                )
            )
        _ensure_writable_dir(data_dir)
        path = data_dir / DB_FILENAME
        notices = [note] if (note := set_aside_foreign_wal(path)) else []
        current = _inspect_existing(path)
        head = head_revision()
        if current is not None and current != head:
            try:
                backup_database(path, data_dir / BACKUP_DIRNAME, f"before-{head}")
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(
                    tr(
                        "No backup copy of {path} could be made before updating it ({error}); "
                        "nothing was changed. Free some disk space and try again.",
                        path=path,
                        error=exc,
                    )
                ) from exc
        store = cls(path)
        try:
            with store._write_engine.connect() as conn:
                if current != head:
                    migrate(conn)
                    search.ensure_index(conn)
                    conn.commit()
            store._ensure_device()
            with store._write_engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                assert isinstance(raw, sqlite3.Connection)
                mark_copy(raw, path)
        except (DBAPIError, sqlite3.Error) as exc:
            store.close()
            classified = classify(exc, path)
            if classified is not None:
                raise classified from exc
            raise StoreError(
                tr(
                    "The database {path} cannot be written: {error}. "
                    "Check the disk and the folder's permissions, or choose another data folder.",
                    path=path,
                    error=sqlite_error(exc) or exc,
                )
            ) from exc
        store.notices = notices
        return store

    @contextmanager
    def write(self, durable: bool = True) -> Iterator[Session]:
        """One transaction that may write: committed when the block ends, rolled back on error.

        Not `durable`: for sync bookkeeping that the next sync redoes if it is lost (dropping
        acknowledged operations from the outbox). Its commit skips the fsync: in WAL mode it
        stays atomic and consistent, and the next durable commit writes it to disk as well."""
        with self._explained():
            if durable:
                with self._writer() as session, session.begin():
                    yield session
                return
            with self._direct(foreign_keys=True, durable=False) as session:
                yield session

    @contextmanager
    def remote_write(self, durable: bool = False) -> Iterator[Session]:
        """A transaction applying changes made elsewhere (sync): no journal entries, foreign
        keys unchecked (a record may arrive before the parent a later page brings), and unless
        `durable`, no fsync at commit (a page lost to a power cut is pulled again: its
        checkpoint is lost with it)."""
        from desktop.services.journal import REMOTE_APPLY

        with self._explained(), self._direct(foreign_keys=False, durable=durable) as session:
            session.info[REMOTE_APPLY] = True
            yield session

    @contextmanager
    def _direct(self, foreign_keys: bool, durable: bool) -> Iterator[Session]:
        """A write transaction with foreign keys and the fsync at commit as asked."""
        with self._write_engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            if not durable:
                raw.execute("PRAGMA synchronous=NORMAL")
            if not foreign_keys:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                    yield session
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
                raw.execute("PRAGMA synchronous=FULL")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only view (WAL readers never block writers)."""
        with self._explained(), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def _explained(self) -> Iterator[None]:
        """SQLite's failures inside a transaction (a full disk, a read-only disk, a lock held
        too long, an I/O error, damage found while reading) become a `StoreError` that says
        what happened and what to do; anything else is left as it is."""
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            classified = classify(exc, self.path)
            if classified is None:
                raise
            raise classified from exc

    @property
    def engine(self) -> Engine:
        return self._write_engine

    def _ensure_device(self) -> None:
        with self.write() as session:
            if session.get(DeviceState, 1) is None:
                session.add(DeviceState(id=1, device_id=new_id()))

    def device(self) -> DeviceState:
        with self.read() as session:
            state = session.get(DeviceState, 1)
            assert state is not None, "device_state is created when the store opens"
            return state

    def last_stamp(self, device_id: str) -> Stamp | None:
        """The newest clock stamp this device has used or seen, so a restart never repeats one."""
        with self.read() as session:
            ours = session.scalar(select(func.max(AuditEvent.hlc)))
            seen = session.get(DeviceState, 1)
        candidates = [Stamp.decode(s) for s in (ours, seen.last_hlc if seen else "") if s]
        return max(candidates, default=None)

    def close(self) -> None:
        self._write_engine.dispose()
        self._read_engine.dispose()


def _ensure_writable_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise StoreError(
            tr(
                "The data folder {path} cannot be written ({error}). Choose a folder you can "
                "write to with --data-dir or MUFAKAT_DATA_DIR.",
                path=data_dir,
                error=os_reason(exc),
            )
        ) from exc


def _inspect_existing(path: Path) -> str | None:
    """The revision of an existing database, None for a new one; refuses what it must not touch."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        database = is_sqlite(path)
    except OSError as exc:
        raise StoreError(
            tr("The database file {path} cannot be read ({error}).", path=path, error=os_reason(exc))
        ) from exc
    if not database:
        raise StoreError(
            tr(
                "The file {path} is not a Mufakat database (damaged or of another kind). It was left "
                "untouched; restore a copy from the backups folder or choose another data folder.",
                path=path,
            )
        )
    try:
        found = peek(path)
    except sqlite3.DatabaseError as exc:
        classified = classify(exc, path)
        if classified is not None and not is_damage(exc):
            raise classified from exc  # a full or read-only disk is not a damaged database
        raise StoreError(
            tr(
                "The database {path} is damaged ({error}). It was left untouched; restore a copy "
                "from the backups folder or choose another data folder.",
                path=path,
                error=exc,
            )
        ) from exc
    revision = found.revision
    if revision is None:
        if found.tables:
            raise StoreError(
                tr(
                    "The file {path} is a database of another program, not Mufakat. It was left "
                    "untouched; choose another data folder.",
                    path=path,
                )
            )
        return None
    if revision not in known_revisions():
        raise StoreError(
            tr(
                "The database {path} was written by a newer version of Mufakat (schema {revision}). "
                "It was left untouched; install the newer version to open it.",
                path=path,
                revision=revision,
            )
        )
    return revision


def backup_database(path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the database (SQLite's online backup), named with time and label."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"mufakat-{stamp}-{label}.sqlite3"
    copy_database(path, target)  # whole or absent
    return target
