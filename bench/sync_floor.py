"""The floor a sync could reach on this machine (issue #18): the Python standard library alone,
no authorization, no merging, no clocks. A server (http.server, TCP_NODELAY, SQLite
executemany) takes a push of N records as one JSON body, a fresh client pulls them in pages of
1,000 into its own SQLite file, and one change goes A → server → B.

    .venv/bin/python bench/sync_floor.py [--records 16206]

bench/sync.py prints these figures next to the app's, with the ratios, in the same run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sqlite3
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

PAGE = 1000
SCHEMA = "CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, seq INTEGER, data TEXT)"


@dataclass(frozen=True)
class Floor:
    records: int
    push_s: float
    pull_s: float
    change_ms: float


def _db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(SCHEMA)
    conn.execute("CREATE INDEX IF NOT EXISTS ix_seq ON records (seq)")
    return conn


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, path: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.db = _db(path)
        self.lock = threading.Lock()
        self.seq = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *_args: Any) -> None:
        pass

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        rows = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        srv = self.server
        with srv.lock:
            srv.db.execute("BEGIN IMMEDIATE")
            numbered = [(r["id"], srv.seq + n + 1, json.dumps(r["data"])) for n, r in enumerate(rows)]
            srv.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", numbered)
            srv.db.execute("COMMIT")
            srv.seq += len(rows)
        self._answer(b'{"ok":true}')

    def do_GET(self) -> None:
        since = int(parse_qs(urlsplit(self.path).query)["since"][0])
        rows = self.server.db.execute(
            "SELECT id, seq, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?", (since, PAGE)
        ).fetchall()
        self._answer(json.dumps([{"id": i, "seq": s, "data": json.loads(d)} for i, s, d in rows]).encode())


def _connect(port: int) -> http.client.HTTPConnection:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.connect()
    assert conn.sock is not None
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def _push(conn: http.client.HTTPConnection, rows: list[dict[str, Any]]) -> None:
    conn.request("POST", "/push", json.dumps(rows).encode(), {"Content-Type": "application/json"})
    conn.getresponse().read()


def _pull(conn: http.client.HTTPConnection, db: sqlite3.Connection, since: int) -> int:
    while True:
        conn.request("GET", f"/pull?since={since}")
        page = json.loads(conn.getresponse().read())
        if not page:
            return since
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?)",
            [(r["id"], r["seq"], json.dumps(r["data"])) for r in page],
        )
        db.execute("COMMIT")
        since = page[-1]["seq"]


def measure(records: list[dict[str, Any]], runs: int = 15) -> Floor:
    """The floor for these records (each {"id", "data"})."""
    with tempfile.TemporaryDirectory(prefix="mufakat-floor-") as tmp:
        root = Path(tmp)
        server = _Server(root / "server.sqlite3")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        try:
            a, b = _connect(port), _connect(port)
            t0 = time.perf_counter()
            _push(a, records)
            push = time.perf_counter() - t0
            fresh = _db(root / "b.sqlite3")
            t0 = time.perf_counter()
            since = _pull(b, fresh, 0)
            pull = time.perf_counter() - t0
            changes = []
            for n in range(runs):
                t0 = time.perf_counter()
                _push(a, [{"id": f"change-{n}", "data": {"text": f"Perubahan kecil nomor {n}"}}])
                since = _pull(b, fresh, since)
                changes.append(time.perf_counter() - t0)
            a.close()
            b.close()
        finally:
            server.shutdown()
            server.server_close()
    return Floor(len(records), push, pull, statistics.median(changes) * 1000)


def sample(n: int) -> list[dict[str, Any]]:
    """Records about the size of the dataset's (a recommendation's text and a few fields)."""
    return [
        {
            "id": f"{k:08d}-0000-7000-8000-000000000000",
            "data": {"text": f"Rekomendasi peserta nomor {k} tentang layanan", "status": "proposed", "votes": k % 7},
        }
        for k in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=16206)
    floor = measure(sample(ap.parse_args().records))
    print(
        f"floor at {floor.records} records: push {floor.push_s:.2f} s, pull {floor.pull_s:.2f} s, "
        f"one change {floor.change_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
