"""The server under test: a real server on 127.0.0.1 (uvicorn in a thread) on SQLite or on the
real PostgreSQL (MUFAKAT_TEST_PG_URL), with the unit tree of the tests. Imports nothing of the
desktop: the server's own tests (here) and the end-to-end ones (tests/sync) share it."""

from __future__ import annotations

import os
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import URL, create_engine, make_url
from sqlalchemy.exc import DBAPIError

from server_stub import admin, auth
from server_stub.app import create_app
from server_stub.filestore import FileStore
from server_stub.store import ServerStore


@dataclass
class Running:
    url: str
    store: ServerStore
    files: FileStore | None = None  # its attached files' folder

    def code(self, unit_code: str) -> str:
        with self.store.transaction() as session:
            return auth.new_enroll_code(session, unit_code)


PG_URL = os.environ.get("MUFAKAT_TEST_PG_URL", "")


def require_pg() -> None:
    """Skip a PostgreSQL variant without a test PostgreSQL, except on CI (CI=true), where it
    fails: "tested on both databases" must never pass with one of them left out."""
    if PG_URL:
        return
    message = "MUFAKAT_TEST_PG_URL is not set: no PostgreSQL to test against"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: .ci/run must start PostgreSQL)")
    pytest.skip(message)


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A database of its own on the test PostgreSQL, dropped afterwards."""
    name = f"mufakat_test_{uuid.uuid4().hex[:12]}"
    admin_url = make_url(PG_URL)
    with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin_url, name)


def _drop(admin_url: URL, name: str) -> None:
    """DROP … WITH (FORCE) cannot end an autovacuum worker that just started on the new
    database (it runs as the superuser): wait for it to finish and try again."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(40):
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except DBAPIError:
                if attempt == 39:
                    raise
                time.sleep(0.25)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh server database: a SQLite file, or a database of its own on the real PostgreSQL
    that .ci/run starts (MUFAKAT_TEST_PG_URL; locally these variants skip without it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return
    require_pg()
    with fresh_pg_database() as url:
        yield url


def prepared_store(server_db: str) -> ServerStore:
    """The server's database, migrated, with the unit tree of the tests."""
    store = ServerStore(server_db)
    store.migrate()
    with store.transaction() as session:
        admin.add_unit(session, "DJPB", "Direktorat Jenderal Perbendaharaan")
        admin.add_unit(session, "KANWIL-PBD", "Kanwil DJPb Provinsi Papua Barat Daya", "DJPB")
        admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong", "KANWIL-PBD")
        admin.add_unit(session, "KPPN-MANOKWARI", "KPPN Manokwari", "KANWIL-PBD")
    return store


@contextmanager
def serving(store: ServerStore, pem: Path | None = None, files: FileStore | None = None) -> Iterator[str]:
    """The server on 127.0.0.1 in a thread; its URL. `pem`: its key and certificate chain
    (then https://); `files`: its attached files' folder (one of its own otherwise)."""
    tls = {"ssl_keyfile": str(pem), "ssl_certfile": str(pem)} if pem is not None else {}
    with tempfile.TemporaryDirectory(prefix="mufakat-files-") as own:
        app = create_app(store, files or FileStore(Path(own)))
        with _serving_app(app, tls) as url:
            yield url


@contextmanager
def _serving_app(app: Any, tls: dict[str, str]) -> Iterator[str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off", **tls)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = running.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(server_db: str, tmp_path: Path) -> Iterator[Running]:
    store = prepared_store(server_db)
    files = FileStore(tmp_path / "server-files")
    with serving(store, files=files) as url:
        yield Running(url, store, files)
    store.close()
