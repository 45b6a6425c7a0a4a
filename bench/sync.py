"""Sync benchmark (issue #5): the shared dataset (--forums 200: 16,206 records) typed on
device A; a real server (SQLite, separate process) on 127.0.0.1.

Prints: time for A to push everything; time for a fresh device B to pull everything; time for
one new change on A to reach B (A syncs, then B syncs), at 1,000 and at 16,206 records; bytes
A sent; the client's peak memory while pushing. Targets on the 2-core reference machine:
push ≤ 2.5 s, pull ≤ 2.5 s, one change ≤ 50 ms, not growing with the database.

    .venv/bin/python bench/sync.py [--forums 200]

Before and after the typed protocol messages (#14, msgspec; measured 2026-12-01 on the shared
2-core machine under a load average of 9 to 11): main at d017f59 against 250fa35, the commit
before the proto14a merge, each run as a whole process with `--forums 60` (4,872 records), in
turn (after, before, after, …), one warm-up each then 4 counted, the same virtual environment.
(The bench at 250fa35 could not run as it was: its dataset left the fields added later null
and the server refused all 4,860 operations, so earlier before/after figures measured refusals;
its copy was given the columns' defaults, as bench/dataset.py does now, and a forum open for
the one-change figure.) Medians:

    whole process, CPU (user + sys)   after 16.8 s   before 16.9 s   after/before 1.01 (0.91–1.05)
    whole process, wall               after 73.0 s   before 72.1 s   after/before 1.02 (0.87–1.50)
    push all from A                   after 3.25 s   before 2.64 s   (after's runs 2.26–4.31 s)
    pull all on fresh B               after 1.98 s   before 2.19 s
    one change A → B                  after 198 ms   before 165 ms   (each 109–285 ms)

The CPU the whole run costs is the same within 1 %: the typed messages made sync no slower.
The wall-clock figures of one phase spread by a factor of two under this load, so no phase's
difference above is a finding; measure them again on a quiet machine. To repeat: two checkouts
side by side, then alternate `/usr/bin/time -v .venv/bin/python bench/sync.py --forums 60` in
each and compare medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from bench.dataset import generate, load
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.sync.client import SyncClient
from desktop.sync.engine import enroll, server_of, sync_once

PYTHON = sys.executable
SERVER = [PYTHON, "-m", "server_stub"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def admin(db: str, *args: str) -> str:
    return subprocess.run(
        [*SERVER, *args, "--db", db], check=True, capture_output=True, text=True
    ).stdout.strip()


def start_server(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [*SERVER, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("bench: the server did not start")


def device(root: Path, name: str, url: str, db: str) -> Workspace:
    ws = Workspace.open(root / name, Settings(language="en", operator=name))
    enroll(ws, url, admin(db, "enroll-code", "KPPN-SORONG"))
    return ws


def client_of(ws: Workspace) -> SyncClient:
    """One client per device, kept open, as the app's background sync keeps it."""
    url, token = server_of(ws)
    return SyncClient(url, token)


def one_change(a: Workspace, b: Workspace, forum: str, runs: int = 15) -> list[float]:
    timings = []
    client_a, client_b = client_of(a), client_of(b)
    for n in range(runs):
        a.write(recs.add_recommendation, forum, text=f"Perubahan kecil nomor {n}", scope="unit")
        t0 = time.perf_counter()
        sync_once(a, client_a)
        sync_once(b, client_b)
        timings.append(time.perf_counter() - t0)
    return timings


def any_forum(ws: Workspace) -> str:
    """A forum still open for typing (the dataset's forums are all closed), made on A and known
    to the server before the timing starts."""
    from desktop.services import forums

    home = ws.store.device().home_unit_id
    assert home is not None
    forum = ws.write(forums.create_forum, unit_id=home, title="FKP pengukuran", held_on="2024-08-21")
    sync_once(ws)
    return forum


def run(forums: int, root: Path) -> None:
    db = f"sqlite:///{root / 'server.sqlite3'}"
    admin(db, "init")
    admin(db, "unit", "add", "--code", "DJPB", "--name", "Direktorat Jenderal Perbendaharaan")
    admin(
        db,
        "unit",
        "add",
        "--code",
        "KANWIL-PBD",
        "--name",
        "Kanwil DJPb Papua Barat Daya",
        "--parent",
        "DJPB",
    )
    admin(db, "unit", "add", "--code", "KPPN-SORONG", "--name", "KPPN Sorong", "--parent", "KANWIL-PBD")
    server, url = start_server(db)
    try:
        a = device(root, "a", url, db)
        sync_once(a)
        counts = load(a, generate(forums), home_unit=a.store.device().home_unit_id)
        total = sum(counts.values()) + 6
        # Timed without tracemalloc: tracing allocations slows this code by a large factor.
        t0 = time.perf_counter()
        report = sync_once(a)
        push = time.perf_counter() - t0
        b = device(root, "b", url, db)
        t0 = time.perf_counter()
        pulled = sync_once(b)
        pull = time.perf_counter() - t0
        change = one_change(a, b, any_forum(a))
        print(f"dataset --forums {forums}: {total} records ({counts})")
        print(
            f"push all from A (a full cycle; its pull skips A's own records): {push:.2f} s  "
            f"({report.pushed} operations, "
            f"{report.bytes_sent / 1e6:.1f} MB sent gzip, client process peak RSS "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, dataset loading included)"
            "   target ≤ 2.5 s"
        )
        print(
            f"pull all on fresh B: {pull:.2f} s  ({pulled.pulled} records, {pulled.pages} pages)"
            "   target ≤ 2.5 s"
        )
        print(
            f"one change A → B at {total} records: median {statistics.median(change) * 1000:.0f} ms  "
            f"max {max(change) * 1000:.0f} ms   target ≤ 50 ms"
        )
        a.close()
        b.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forums", type=int, default=200)
    a = ap.parse_args()
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    for forums in sorted({max(1, round(a.forums * 1000 / 16206)), a.forums}):
        run(forums, Path(tempfile.mkdtemp(prefix="mufakat-bench-sync-")))


if __name__ == "__main__":
    main()
