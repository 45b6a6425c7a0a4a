"""Latency of one request to `mufakat-server serve` with 1 and with 2 workers (issue #12).

Each run starts a real server (a fresh SQLite database; with --db, that PostgreSQL database,
which more than one worker needs) in its own process on 127.0.0.1 and
sends sequential requests over one kept-alive connection: GET /healthz, and a push of one
operation (POST, gzip body). Prints the median and 90th percentile in milliseconds.

Without TCP_NODELAY on the sockets uvicorn shares with its worker processes, a response
written in two pieces waits for the client's delayed ACK (~40 ms) before its second piece.

    .venv/bin/python bench/workers.py [--requests 200] [--db postgresql+psycopg://…/empty_db]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SERVER = [sys.executable, "-m", "server_stub"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def timings(client: httpx.Client, count: int, request: dict[str, object]) -> list[float]:
    found = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.request(**request)  # type: ignore[arg-type]
        response.read()
        found.append((time.perf_counter() - start) * 1000)
    return found


def run(workers: int, count: int, pg_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = pg_url or f"sqlite:///{Path(folder) / 'server.sqlite3'}"
        port = free_port()
        env = {**os.environ, "MUFAKAT_SERVER_DB": db}
        subprocess.run([*SERVER, "init"], env=env, check=True, capture_output=True)
        subprocess.run(
            [*SERVER, "unit", "add", "--code", f"X{workers}", "--name", "X"],
            env=env,
            check=True,
            capture_output=True,
        )
        code = subprocess.run(
            [*SERVER, "enroll-code", f"X{workers}"], env=env, check=True, capture_output=True, text=True
        ).stdout.strip()
        server = subprocess.Popen(
            [*SERVER, "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(f"{base}/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            with httpx.Client(base_url=base, timeout=10) as client:
                device = "bench-device-0001"
                token = client.post("/enroll", json={"code": code, "device_id": device}).json()["token"]
                client.headers["Authorization"] = f"Bearer {token}"
                push = {
                    "method": "POST",
                    "url": "/sync/push",
                    "json": {"device_id": device, "schema_version": _schema(), "ops": []},
                }
                timings(client, 20, {"method": "GET", "url": "/healthz"})  # warm both workers
                for name, request in (
                    ("GET /healthz", {"method": "GET", "url": "/healthz"}),
                    ("POST /sync/push", push),
                ):
                    found = timings(client, count, request)
                    p90 = statistics.quantiles(found, n=10)[-1]
                    print(
                        f"workers={workers}  {name:16s} median {statistics.median(found):6.2f} ms   "
                        f"p90 {p90:6.2f} ms   ({count} requests)"
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)


def _schema() -> int:
    from protocol.version import PROTOCOL_VERSION

    return PROTOCOL_VERSION


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", help="an empty PostgreSQL database (needed for 2 workers)")
    args = parser.parse_args()
    for workers in (1, 2):
        if workers > 1 and not args.db:
            print(f"workers={workers}  skipped: a SQLite database takes one server process; give --db")
            continue
        run(workers, args.requests, args.db)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
