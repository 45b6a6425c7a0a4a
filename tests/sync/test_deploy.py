"""The server as an administrator installs it (deploy/): the systemd unit passes
`systemd-analyze verify`; two `mufakat-server serve` processes over one PostgreSQL, one of them
with two workers, behind nginx with the repository's site file, serve laptops of three offices
spread over both processes and the proxy, all syncing at once: no sequence number given twice or
skipped, every vote counted, the laptops of an office end with byte-identical exports, and
every process counts the same devices."""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import SYNCED_MODELS, Escalation, Recommendation
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import SyncReport, enroll, sync_once
from server_stub import sequence
from server_stub.models import Record
from server_stub.store import ServerStore
from tests.server.deploy import running_nginx, units_for_this_checkout
from tests.server.processes import add_units, make_certs, new_code, running_server
from tests.sync.conftest import fresh_pg_database, require_pg

SHARED = 2  # recommendations every laptop of a KPPN holds and votes on
VOTES_EACH = 2


def verify(folder: Path, *units: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemd-analyze", "verify", *units],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
        env={"SYSTEMD_UNIT_PATH": f"{folder}:", "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"},
        check=False,
    )


def test_the_systemd_units_verify(tmp_path: Path) -> None:
    """The server's unit (as a template and as an instance), the backup service and its timer:
    no error and no warning."""
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is missing: install Debian's systemd package (.ci/run does)")
    units = units_for_this_checkout(tmp_path)
    assert {unit.name for unit in units} == {
        "mufakat-server@.service",
        "mufakat-backup.service",
        "mufakat-backup.timer",
    }
    for target in [str(unit) for unit in units] + ["mufakat-server@8765.service"]:
        done = verify(tmp_path, target)
        assert done.returncode == 0 and "mufakat" not in done.stderr, done.stderr


def test_a_broken_unit_is_caught_by_the_check(tmp_path: Path) -> None:
    """The check above can fail: a unit whose program is missing, or with a misspelt setting."""
    [unit] = [u for u in units_for_this_checkout(tmp_path) if u.name == "mufakat-server@.service"]
    text = unit.read_text(encoding="utf-8")
    unit.write_text(re.sub(r"ExecStart=\S+", "ExecStart=/nowhere/mufakat-server", text), encoding="utf-8")
    done = verify(tmp_path, str(unit))
    assert done.returncode != 0 and "/nowhere/mufakat-server" in done.stderr
    unit.write_text(text.replace("TimeoutStopSec=", "TimeoutStopSecs="), encoding="utf-8")
    assert "TimeoutStopSecs" in verify(tmp_path, str(unit)).stderr


def _home(ws: Workspace) -> str:
    unit = ws.store.device().home_unit_id
    assert unit is not None
    return unit


def _held(ws: Workspace) -> dict[str, set[str]]:
    with ws.store.read() as session:
        held = {m.__tablename__: set(session.scalars(select(m.id))) for m in SYNCED_MODELS}
    return {entity: ids for entity, ids in held.items() if ids}


def _on_server(store: ServerStore, unit: str) -> dict[str, set[str]]:
    visible: dict[str, set[str]] = {}
    with store.transaction() as session:
        for entity, record_id, owner, addressed in session.execute(
            select(Record.entity, Record.id, Record.unit_id, Record.to_unit_id)
        ):
            if entity == "units" or unit in (owner, addressed):
                visible.setdefault(entity, set()).add(record_id)
    return visible


def _devices(metrics: str) -> str:
    found = re.search(r'^mufakat_devices\{state="active"\} (\S+)$', metrics, re.M)
    assert found, metrics[:2000]
    return found.group(1)


def test_two_server_processes_behind_nginx_serve_three_offices_consistently(tmp_path: Path) -> None:
    require_pg()
    if shutil.which("nginx") is None:
        pytest.fail("nginx is missing: install Debian's nginx package (.ci/run does)")
    certs = make_certs(tmp_path / "tls")
    with fresh_pg_database() as url:
        add_units(url)
        store = ServerStore(url)
        logs = tmp_path / "logs"
        with (
            running_server(url, logs, name="a") as a,
            running_server(url, logs, "--workers", "2", name="b") as b,
            running_nginx(tmp_path / "nginx", [a.port, b.port], certs) as proxy,
        ):
            # Which way each laptop reaches the server: one process, the other, or the proxy
            # (which hands each request to either).
            ways = [proxy.url, a.url, b.url]
            offices = {"KPPN-SORONG": 5, "KPPN-MANOKWARI": 5, "KANWIL-PBD": 3}
            laptops: dict[str, list[Workspace]] = {}
            n = 0
            for code, count in offices.items():
                for _ in range(count):
                    ws = Workspace.open(tmp_path / f"laptop{n}", Settings(language="en", operator=f"p{n}"))
                    way = ways[n % len(ways)]
                    enroll(ws, way, new_code(url, code), ca_file=certs.ca_file if way == proxy.url else None)
                    sync_once(ws)
                    laptops.setdefault(code, []).append(ws)
                    n += 1
            everyone = [ws for group in laptops.values() for ws in group]
            epoch = store.epoch()

            shared: dict[str, list[str]] = {}
            for code in ("KPPN-SORONG", "KPPN-MANOKWARI"):
                first = laptops[code][0]
                forum = first.write(
                    forums.create_forum, unit_id=_home(first), title="FKP bersama", held_on="2026-03-12"
                )
                shared[code] = [
                    first.write(recs.add_recommendation, forum, text=f"Usulan bersama {k}", scope="policy")
                    for k in range(SHARED)
                ]
                first.write(recs.accept, shared[code][0])
                first.write(escalations.escalate, shared[code][0], "Mohon arahan Kanwil")
                for ws in laptops[code]:
                    sync_once(ws)
            for k, ws in enumerate(everyone):  # offline work on every laptop
                forum = ws.write(
                    forums.create_forum, unit_id=_home(ws), title=f"FKP perangkat {k}", held_on="2026-03-13"
                )
                for j in range(3):
                    ws.write(
                        recs.add_recommendation, forum, text=f"Usulan {j} dari perangkat {k}", scope="unit"
                    )
            for code, ids in shared.items():
                for ws in laptops[code]:
                    for rec in ids:
                        for _ in range(VOTES_EACH):
                            ws.write(recs.vote, rec)

            with ThreadPoolExecutor(max_workers=len(everyone)) as pool:  # everyone at once
                reports: list[SyncReport] = list(pool.map(sync_once, everyone))
            for _ in range(2):
                reports += [sync_once(ws) for ws in everyone]

            assert sum(r.refused for r in reports) == 0
            assert sum(r.requeued for r in reports) == 0 and store.epoch() == epoch
            with store.transaction() as session:
                given, distinct = session.execute(
                    select(func.count(Record.seq), func.count(Record.seq.distinct()))
                ).one()
                newest = sequence.newest(session)
                highest = session.scalar(select(func.max(Record.seq)))
            assert given == distinct  # no number handed out twice
            assert highest is not None and highest <= newest  # every number was handed out once
            for code, ids in shared.items():  # every vote counted, on every laptop of the office
                cast = len(laptops[code]) * VOTES_EACH
                for ws in laptops[code]:
                    with ws.store.read() as session:
                        assert [session.get_one(Recommendation, rec).votes for rec in ids] == [cast] * SHARED
            for code, group in laptops.items():  # nothing skipped: each holds all it may see
                expected = _on_server(store, _home(group[0]))
                for ws in group:
                    assert _held(ws) == expected
                exports = {ws.read(export_json) for ws in group}
                assert len(exports) == 1, f"the laptops of {code} differ"
            # The Kanwil sees both escalations, whichever process each came through.
            for ws in laptops["KANWIL-PBD"]:
                with ws.store.read() as session:
                    assert session.scalar(select(func.count(Escalation.id))) == 2

            # Every process counts the same devices (read from the database, not from memory).
            seen = set()
            for way in (a, b):
                with way.client() as http:
                    seen.add(_devices(http.get("/metrics").text))
            with proxy.client() as http:
                seen.add(_devices(http.get("/metrics").text))
            assert seen == {str(float(len(everyone)))}
        for ws in everyone:
            ws.close()
        store.close()


def test_http_to_nginx_s_https_port_says_to_use_https(tmp_path: Path) -> None:
    """nginx answers a plain HTTP request on its TLS port with a 400 page ("The plain HTTP request
    was sent to HTTPS port"): the laptop says to use https://, not that the server refused."""
    from desktop.sync.client import HttpsOnly

    if shutil.which("nginx") is None:
        pytest.fail("nginx is missing: install Debian's nginx package (.ci/run does)")
    certs = make_certs(tmp_path / "tls")
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    add_units(url)
    with (
        running_server(url, tmp_path / "logs") as a,
        running_nginx(tmp_path / "nginx", [a.port], certs) as proxy,
    ):
        plain = proxy.url.replace("https://", "http://")
        ws = Workspace.open(tmp_path / "laptop", Settings(language="en", operator="Rina"))
        try:
            with pytest.raises(HttpsOnly) as failed:
                enroll(ws, plain, new_code(url, "KPPN-SORONG"))
            assert f"use the address {proxy.url} (https://, not http://)" in failed.value.message
            assert ws.store.device().server_url == ""
        finally:
            ws.close()
