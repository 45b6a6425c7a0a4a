"""20 devices push at once into a server with 2 workers on PostgreSQL, pulling while the others
commit. If a sequence number became visible before a smaller one committed, a device would
skip that record for ever; every device must end with exactly the server's records."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desktop.config import Settings
from desktop.models import Recommendation
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import enroll, sync_once
from desktop.workspace import Workspace
from server_stub import admin, auth
from server_stub.models import Counter, Record
from server_stub.store import SEQ, ServerStore
from tests.sync.conftest import fresh_pg_database, require_pg

DEVICES = 20


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[tuple[str, ServerStore]]:
    require_pg()
    with fresh_pg_database() as url:
        yield from _serve(url, tmp_path)


def _serve(url: str, tmp_path: Path) -> Iterator[tuple[str, ServerStore]]:
    store = ServerStore(url)
    store.migrate()
    with store.transaction() as session:
        admin.add_unit(session, "KANWIL-PBD", "Kanwil DJPb Provinsi Papua Barat Daya")
        admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong", "KANWIL-PBD")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--db", url, "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(
                    f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            time.sleep(0.2)
        yield base, store
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        store.close()


def test_twenty_devices_at_once_on_two_workers(pg_server: tuple[str, ServerStore], tmp_path: Path) -> None:
    url, store = pg_server
    devices = []
    for n in range(DEVICES):
        ws = Workspace.open(tmp_path / f"d{n}", Settings(language="en", operator=f"d{n}"))
        with store.transaction() as session:
            code = auth.new_enroll_code(session, "KPPN-SORONG")
        enroll(ws, url, code)
        sync_once(ws)
        devices.append(ws)
    unit = devices[0].store.device().home_unit_id
    for n, ws in enumerate(devices):  # offline work on every laptop
        forum = ws.write(forums.create_forum, unit_id=unit, title=f"FKP perangkat {n}", held_on="2025-03-12")
        for k in range(8):
            ws.write(recs.add_recommendation, forum, text=f"Usulan {k} dari perangkat {n}", scope="unit")

    with ThreadPoolExecutor(max_workers=DEVICES) as pool:  # everyone pushes (and pulls) at once
        reports = list(pool.map(sync_once, devices))
    assert sum(r.refused for r in reports) == 0
    for ws in devices:
        sync_once(ws)

    with store.transaction() as session:
        server_ids = set(session.scalars(select(Record.id).where(Record.entity == "recommendations")))
        top = session.scalars(select(Counter.value).where(Counter.name == SEQ)).one()
    assert len(server_ids) == DEVICES * 8
    for ws in devices:
        with ws.store.read() as session:
            assert set(session.scalars(select(Recommendation.id))) == server_ids
        assert ws.store.device().checkpoint <= top
    exports = {ws.read(export_json) for ws in devices}
    assert len(exports) == 1  # every laptop holds exactly the same data
    for ws in devices:
        ws.close()
