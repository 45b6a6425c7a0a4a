"""Many laptops of three offices push at once into a server, on SQLite (one process: more are
refused) and on PostgreSQL (2 worker processes), pulling while the others commit. Sequence
numbers must be handed out once each and become visible in commit order: a number given twice,
or seen before a smaller one committed, makes a laptop skip records for ever (or, on SQLite,
lose votes and start false "server restored" epochs). Every vote must count and every laptop of
an office must end with exactly the same data as the others."""

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
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import SYNCED_MODELS, Recommendation
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import SyncReport, enroll, sync_once
from server_stub import admin, auth, sequence
from server_stub.models import Record
from server_stub.store import ServerStore
from tests.sync.conftest import fresh_pg_database, require_pg

# laptops per office: two offices below a parent office, as in the field
OFFICES = {"KPPN-SORONG": 7, "KPPN-MANOKWARI": 7, "KANWIL-PBD": 4}
SHARED = 3  # recommendations every laptop of a KPPN holds and votes on
VOTES_EACH = 2


@pytest.fixture(params=["sqlite", "postgresql"])
def two_workers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, ServerStore]]:
    """`mufakat-server serve` on a fresh database of either kind: `--workers 2` on PostgreSQL,
    one process on SQLite (which takes one writer; `serve` refuses more)."""
    if request.param == "sqlite":
        yield from _serve(f"sqlite:///{tmp_path / 'server.sqlite3'}", workers=1)
        return
    require_pg()
    with fresh_pg_database() as url:
        yield from _serve(url, workers=2)


def _serve(url: str, workers: int) -> Iterator[tuple[str, ServerStore]]:
    store = ServerStore(url)
    store.migrate()
    with store.transaction() as session:
        admin.add_unit(session, "KANWIL-PBD", "Kanwil DJPb Provinsi Papua Barat Daya")
        admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong", "KANWIL-PBD")
        admin.add_unit(session, "KPPN-MANOKWARI", "KPPN Manokwari", "KANWIL-PBD")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server_stub",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
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


def _laptops(url: str, store: ServerStore, root: Path) -> dict[str, list[Workspace]]:
    offices: dict[str, list[Workspace]] = {}
    for code, count in OFFICES.items():
        for n in range(count):
            ws = Workspace.open(root / f"{code}-{n}", Settings(language="en", operator=f"{code}-{n}"))
            with store.transaction() as session:
                enroll_code = auth.new_enroll_code(session, code)
            enroll(ws, url, enroll_code)
            sync_once(ws)
            offices.setdefault(code, []).append(ws)
    return offices


def _home(ws: Workspace) -> str:
    unit = ws.store.device().home_unit_id
    assert unit is not None
    return unit


def _shared_recommendations(laptops: list[Workspace]) -> list[str]:
    """A forum with recommendations typed on the first laptop, escalated to the parent office
    and held by every laptop of the office before the rush."""
    first = laptops[0]
    forum = first.write(forums.create_forum, unit_id=_home(first), title="FKP bersama", held_on="2025-03-12")
    shared = [
        first.write(recs.add_recommendation, forum, text=f"Usulan bersama {k}", scope="policy")
        for k in range(SHARED)
    ]
    first.write(recs.accept, shared[0])
    first.write(escalations.escalate, shared[0], "Mohon arahan")
    for ws in laptops:
        sync_once(ws)
    return shared


def _on_server(store: ServerStore, unit: str) -> dict[str, set[str]]:
    """The ids of every record a laptop of `unit` may see, by entity."""
    visible: dict[str, set[str]] = {}
    with store.transaction() as session:
        for entity, record_id, owner, addressed in session.execute(
            select(Record.entity, Record.id, Record.unit_id, Record.to_unit_id)
        ):
            if entity == "units" or unit in (owner, addressed):
                visible.setdefault(entity, set()).add(record_id)
    return visible


def _held(ws: Workspace) -> dict[str, set[str]]:
    with ws.store.read() as session:
        held = {m.__tablename__: set(session.scalars(select(m.id))) for m in SYNCED_MODELS}
    return {entity: ids for entity, ids in held.items() if ids}


def test_many_laptops_of_three_offices_at_once_on_two_workers(
    two_workers: tuple[str, ServerStore], tmp_path: Path
) -> None:
    url, store = two_workers
    offices = _laptops(url, store, tmp_path)
    epoch = store.epoch()
    shared = {code: _shared_recommendations(ws) for code, ws in offices.items() if code.startswith("KPPN")}
    everyone = [ws for laptops in offices.values() for ws in laptops]
    for n, ws in enumerate(everyone):  # offline work on every laptop
        forum = ws.write(
            forums.create_forum, unit_id=_home(ws), title=f"FKP perangkat {n}", held_on="2025-03-12"
        )
        for k in range(5):
            ws.write(recs.add_recommendation, forum, text=f"Usulan {k} dari perangkat {n}", scope="unit")
    for code, ids in shared.items():
        for ws in offices[code]:
            for rec in ids:
                for _ in range(VOTES_EACH):
                    ws.write(recs.vote, rec)

    with ThreadPoolExecutor(max_workers=len(everyone)) as pool:  # everyone pushes and pulls at once
        reports: list[SyncReport] = list(pool.map(sync_once, everyone))
    for _ in range(2):
        reports += [sync_once(ws) for ws in everyone]

    assert sum(r.refused for r in reports) == 0
    assert sum(r.requeued for r in reports) == 0 and store.epoch() == epoch  # no false "restored"
    with store.transaction() as session:
        numbers = session.execute(select(func.count(Record.seq), func.count(Record.seq.distinct()))).one()
        newest = sequence.newest(session)
        highest = session.scalar(select(func.max(Record.seq)))
        votes = {
            rec: session.get_one(Record, ("recommendations", rec)).data["votes"]
            for ids in shared.values()
            for rec in ids
        }
    assert numbers[0] == numbers[1]  # no number handed out twice
    assert highest is not None and highest <= newest  # every number was handed out once
    for code, ids in shared.items():  # every vote counted
        cast = len(offices[code]) * VOTES_EACH
        assert [votes[rec] for rec in ids] == [cast] * len(ids)
    for code, laptops in offices.items():  # every laptop of an office holds exactly the same data
        expected = _on_server(store, _home(laptops[0]))
        for ws in laptops:
            assert _held(ws) == expected
            assert ws.store.device().checkpoint <= newest
        assert len({ws.read(export_json) for ws in laptops}) == 1, f"the laptops of {code} differ"
    for ws in everyone:
        ws.close()


def test_every_laptop_shows_every_vote(two_workers: tuple[str, ServerStore], tmp_path: Path) -> None:
    url, store = two_workers
    laptops = [
        Workspace.open(tmp_path / f"v{n}", Settings(language="en", operator=f"v{n}")) for n in range(3)
    ]
    for ws in laptops:
        with store.transaction() as session:
            enroll_code = auth.new_enroll_code(session, "KPPN-SORONG")
        enroll(ws, url, enroll_code)
        sync_once(ws)
    [rec, *_] = _shared_recommendations(laptops)
    for ws in laptops:
        ws.write(recs.vote, rec)
    with ThreadPoolExecutor(max_workers=len(laptops)) as pool:
        list(pool.map(sync_once, laptops))
    for ws in laptops:
        sync_once(ws)
    try:
        for ws in laptops:
            with ws.store.read() as session:
                assert session.get_one(Recommendation, rec).votes == len(laptops)
    finally:
        for ws in laptops:
            ws.close()
