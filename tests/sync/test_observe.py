"""What an administrator watches, on a real `serve --workers 2` over TLS and PostgreSQL: every
log line is one JSON object (a line per request, with the device and a push's counts); /metrics
adds up both worker processes (requests, push and pull latency, operations applied, refusals by
code, devices); /livez answers while the process runs, /readyz only while the database answers."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, make_url, text

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.sync.engine import enroll, sync_once
from tests.server.processes import ServerProcess, add_units, make_certs, new_code, running_server
from tests.sync.conftest import PG_URL, fresh_pg_database, require_pg


def samples(server: ServerProcess) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with server.client() as http:
        page = http.get("/metrics")
    assert page.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(page.text)
        for sample in family.samples
    }


def total(found: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return sum(
        value
        for (sample, have), value in found.items()
        if sample == name and all((k, v) in have for k, v in labels.items())
    )


def test_logs_metrics_and_health_of_two_workers_over_tls(tmp_path: Path) -> None:
    require_pg()
    certs = make_certs(tmp_path / "tls")
    with fresh_pg_database() as url:
        add_units(url)
        with running_server(url, tmp_path / "logs", "--workers", "2", certs=certs) as server:
            laptops = []
            pushed = 0
            for n in range(3):
                ws = Workspace.open(tmp_path / f"l{n}", Settings(language="en", operator=f"l{n}"))
                enroll(ws, server.url, new_code(url, "KPPN-SORONG"), ca_file=certs.ca_file)
                sync_once(ws)
                forum = ws.write(
                    forums.create_forum,
                    unit_id=ws.store.device().home_unit_id,
                    title=f"FKP {n}",
                    held_on="2026-03-12",
                )
                ws.write(recs.add_recommendation, forum, text=f"Usulan {n}", scope="unit")
                pushed += sync_once(ws).pushed
                laptops.append(ws)
            with server.client() as http:  # a device with a forged token
                forged = http.post("/sync/push", json={}, headers={"Authorization": "Bearer forged"})
            assert forged.status_code == 401
            code = forged.json()["code"]

            found = samples(server)
            pushes = [line for line in server.lines() if line.get("route") == "/sync/push"]
            assert total(found, "mufakat_requests_total", route="/sync/push") == len(pushes) > 3
            assert total(found, "mufakat_request_seconds_count", route="/sync/pull") >= 6
            assert total(found, "mufakat_ops_total", result="applied") == pushed > 0
            assert total(found, "mufakat_refusals_total", code=code, of="request") == 1
            assert total(found, "mufakat_devices", state="active") == 3
            assert total(found, "mufakat_devices_seen", within="1h") == 3
            ok = [line for line in pushes if line["status"] == 200]
            assert all(line["device"] and "applied" in line for line in ok)
            assert sum(line["applied"] for line in ok) == pushed
            assert [line["code"] for line in pushes if line["status"] == 401] == [code]

            # The database stops answering: still alive, not ready; then ready again.
            name = make_url(url).database
            admin = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                    conn.execute(
                        text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                        {"d": name},
                    )
                    with server.client() as http:
                        assert http.get("/livez").status_code == 200
                        for _ in range(2):  # new connections: either worker may answer
                            down = http.get("/readyz", headers={"Connection": "close"})
                            assert down.status_code == 503 and down.json()["ready"] is False
                            assert down.json()["problem"]
                    conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
                with server.client() as http:
                    assert http.get("/readyz").json() == {"ready": True}
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
                admin.dispose()
            for ws in laptops:
                ws.close()
            assert server.stop() in (0, -15)
        # Every line the server wrote is one JSON object (ServerProcess.lines parses each).
        assert all(isinstance(line["message"], str) for line in server.lines())


def test_a_forged_request_is_not_a_server_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    add_units(url)
    with running_server(url, tmp_path) as server, httpx.Client(base_url=server.url) as http:
        assert http.get("/sync/pull", headers={"Authorization": "Bearer x"}).status_code == 401
        assert http.get("/nowhere").status_code == 404
    statuses = [line["status"] for line in server.lines() if line.get("route")]
    assert 500 not in statuses and statuses.count(401) == 1
