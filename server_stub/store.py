"""The server's database: SQLite by default (one file), PostgreSQL for real deployments.
Same models and migrations for both."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from protocol import jsontext
from protocol.ids import new_id
from server_stub.models import Counter, Meta

MIGRATIONS = Path(__file__).parent / "migrations"
SEQ = "seq"
HLC = "hlc"  # the server's hybrid clock: wall ms * 1,000,000 + counter of its last stamp
APPLICATION_NAME = "mufakat-server"  # how PostgreSQL lists the server's connections
MIGRATION_LOCK = 0x4D75664D  # "MufM": an advisory lock held while the schema is migrated


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # the driver issues no BEGIN of its own: see below
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # SQLite ignores FOR UPDATE, and a plain BEGIN takes the write lock only at the first
        # write: two pushes could both read the sequence counter before either wrote it, and
        # hand out the same numbers. IMMEDIATE takes the lock at BEGIN, so every transaction
        # that may write runs after the one before it has committed (as desktop/store/db.py does).
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class ServerStore:
    def __init__(self, url: str) -> None:
        self.url = url
        is_sqlite = url.startswith("sqlite")
        self.engine = create_engine(
            url,
            connect_args={"check_same_thread": False}
            if is_sqlite
            else {"application_name": APPLICATION_NAME},
            pool_pre_ping=not is_sqlite,
            **jsontext.ENGINE_JSON,
        )
        if is_sqlite:
            _sqlite_pragmas(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Server processes starting together (two systemd units at boot) migrate one
                # after the other: the second finds the schema done.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with self.transaction() as session:
            for name in (SEQ, HLC):
                if session.get(Counter, name) is None:
                    session.add(Counter(name=name, value=0))
            if session.get(Meta, "epoch") is None:
                session.add(Meta(key="epoch", value=new_id()))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def epoch(self) -> str:
        """The server's epoch. It changes when the database was restored from a backup (read
        each time, so every worker process sees a change at once; one indexed row)."""
        with self.transaction() as session:
            return current_epoch(session)

    def new_epoch(self) -> str:
        """Mark the database as restored: every device then pulls from the start and sends
        again what the restored copy lacks."""
        with self.transaction() as session:
            return start_new_epoch(session)

    def not_ready(self) -> str:
        """Why this server cannot serve now ("" when it can): its database does not answer, or
        is not at the schema this code needs (another version's `serve` left it, or a restore
        is under way)."""
        try:
            with self.engine.connect() as conn:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            return f"the database does not answer: {reason[0] if reason else type(exc).__name__}"
        expected = head_revision()
        if revision != expected:
            return f"the database is at schema {revision}, this server needs {expected}"
        return ""

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revision() -> str:
    """The schema revision this code's migrations end at."""
    return str(ScriptDirectory.from_config(_alembic_config()).get_current_head())


def known_revision(revision: str) -> bool:
    """A revision among this code's migrations (not one of a newer server)."""
    script = ScriptDirectory.from_config(_alembic_config())
    return any(r.revision == revision for r in script.walk_revisions())


def current_epoch(session: Session) -> str:
    return session.scalars(select(Meta.value).where(Meta.key == "epoch")).one()


def start_new_epoch(session: Session) -> str:
    epoch = new_id()
    meta = session.get(Meta, "epoch", with_for_update=True)
    if meta is None:
        session.add(Meta(key="epoch", value=epoch))
    else:
        meta.value = epoch
    return epoch


def default_url() -> str:
    return f"sqlite:///{Path.cwd() / 'mufakat-server.sqlite3'}"
