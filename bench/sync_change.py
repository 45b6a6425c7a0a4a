"""What one change costs the server (issue #18): a push of one operation and a pull that finds
nothing, each sent N times on one kept connection by a laptop of an office, to a real server
(separate process) on 127.0.0.1; prints the median and the 90th percentile of each, and the
server process's CPU time per request (steadier than wall time on a busy machine).

    .venv/bin/python bench/sync_change.py [--db postgresql+psycopg://…] [--runs 300]

A fresh database of its own on SQLite; on PostgreSQL, pass an empty database.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from bench.sync import admin, start_server
from protocol.hlc import HybridClock
from protocol.ids import new_id
from protocol.messages import Op, queued
from protocol.version import PROTOCOL_VERSION
from tests.server.wire import valid_fields  # a create the server accepts


def _cpu_s(pid: int) -> float:
    """The CPU time a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _figures(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p90 = ordered[int(len(ordered) * 0.9)]
    return f"{label}: median {statistics.median(ordered) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms"


def run(db: str, runs: int) -> None:
    admin(db, "init")
    admin(db, "unit", "add", "--code", "KPPN-SORONG", "--name", "KPPN Sorong")
    server, url = start_server(db)
    try:
        device = new_id()
        enrolled = httpx.post(
            f"{url}/enroll",
            json={
                "code": admin(db, "enroll-code", "KPPN-SORONG"),
                "device_id": device,
                "device_name": "bench",
                "device_secret": secrets.token_urlsafe(32),
            },
        ).json()
        clock = HybridClock(device)
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {enrolled['token']}"}) as http:
            pushes, pulls = [], []
            since = http.get("/sync/pull", params={"since": 0, "schema_version": PROTOCOL_VERSION}).json()["next"]
            cpu = _cpu_s(server.pid)
            for n in range(runs):
                fields = valid_fields("forums", enrolled["unit_id"], title=f"FKP {n}")
                op = Op(
                    op_id=new_id(),
                    device_seq=n + 1,
                    entity="forums",
                    entity_id=new_id(),
                    kind="create",
                    fields=fields,
                    hlc=clock.now().encode(),
                )
                body = {"device_id": device, "schema_version": PROTOCOL_VERSION, "device_high": n + 1}
                t0 = time.perf_counter()
                answer = http.post("/sync/push", json={**body, "ops": [queued(op)]})
                pushes.append(time.perf_counter() - t0)
                assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied", answer.text
            push_cpu, cpu = _cpu_s(server.pid) - cpu, _cpu_s(server.pid)
            for _ in range(runs):
                t0 = time.perf_counter()
                page = http.get("/sync/pull", params={"since": since, "schema_version": PROTOCOL_VERSION}).json()
                pulls.append(time.perf_counter() - t0)
                assert not page["records"], page  # its own changes: skipped
                since = page["next"]
            pull_cpu = _cpu_s(server.pid) - cpu
        print(f"{db.split(':')[0]}, {runs} runs (server CPU: its process's user + system time)")
        print(f"  {_figures('push of one operation', pushes)}; server CPU {push_cpu / runs * 1000:.2f} ms each")
        print(f"  {_figures('pull that finds nothing', pulls)}; server CPU {pull_cpu / runs * 1000:.2f} ms each")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="")
    ap.add_argument("--runs", type=int, default=300)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="mufakat-bench-change-") as tmp:
        run(a.db or f"sqlite:///{Path(tmp) / 'server.sqlite3'}", a.runs)


if __name__ == "__main__":
    main()
