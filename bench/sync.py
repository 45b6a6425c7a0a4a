"""Sync benchmark (issues #5, #18): the shared dataset (--forums 200: 16,206 records) typed on
device A; a real server (SQLite, separate process) on 127.0.0.1. Every sync goes the app's
way: a cycle of the background sync controller (`desktop.sync.controller`), on its worker
thread, with whatever HTTP client the controller keeps from one cycle to the next.

Prints, at about 1,000 and 16,206 records (and 100k with --forums 12,200,1240): time for A to
push everything; time for a fresh device B to pull everything; time for one new change on A to
reach B (from the start of A's cycle to the end of B's); bytes A sent; the client's peak memory;
and the Python floor for as many records (bench/sync_floor.py: stdlib HTTP + SQLite
executemany, TCP_NODELAY), with the app's ratio to it. Targets (issue #18) on the 2-core
reference machine: push ≤ 0.6 s and pull ≤ 0.5 s at 16k, one change ≤ 15 ms, time per record
at 100k within 1.2× of that at 16k.

    .venv/bin/python bench/sync.py [--forums 12,200[,1240]]

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
from PySide6.QtCore import QCoreApplication, QEventLoop

from bench import sync_floor
from bench.dataset import generate, load
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.sync.controller import SyncController, SyncState, SyncStatus
from desktop.sync.engine import SyncReport, enroll

PYTHON = sys.executable
SERVER = [PYTHON, "-m", "server_stub"]
FORUMS_100K = 1240


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


class App:
    """A laptop's background sync as the app runs it: its controller (no timers firing during
    the bench: the debounce and the period are an hour)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.controller = SyncController(ws, debounce_ms=3_600_000, period_ms=3_600_000)
        self._loop = QEventLoop()
        self.controller.status_changed.connect(self._on_status)

    def _on_status(self, status: SyncStatus) -> None:
        if status.state != SyncState.SYNCING:
            self._loop.quit()

    def cycle(self) -> SyncReport:
        """One cycle, as "Sync now" starts it; its report once it is done."""
        self.controller.sync_now()
        if self.controller.status().state == SyncState.SYNCING:
            self._loop.exec()
        status = self.controller.status()
        if status.state != SyncState.UP_TO_DATE or status.moved is None:
            sys.exit(f"bench: the sync failed: {status.message}")
        return status.moved

    def close(self) -> None:
        self.controller.shutdown()
        self.ws.close()


def one_change(a: App, b: App, forum: str, runs: int = 15) -> list[float]:
    timings = []
    for n in range(runs):
        a.ws.write(recs.add_recommendation, forum, text=f"Perubahan kecil nomor {n}", scope="unit")
        t0 = time.perf_counter()
        a.cycle()
        b.cycle()
        timings.append(time.perf_counter() - t0)
    return timings


def any_forum(a: App) -> str:
    """A forum still open for typing (the dataset's forums are all closed), made on A and known
    to the server before the timing starts."""
    from desktop.services import forums

    home = a.ws.store.device().home_unit_id
    assert home is not None
    forum = a.ws.write(forums.create_forum, unit_id=home, title="FKP pengukuran", held_on="2024-08-21")
    a.cycle()
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
        a = App(device(root, "a", url, db))
        a.cycle()
        counts = load(a.ws, generate(forums), home_unit=a.ws.store.device().home_unit_id)
        total = sum(counts.values()) + 6
        # Timed without tracemalloc: tracing allocations slows this code by a large factor.
        t0 = time.perf_counter()
        report = a.cycle()
        push = time.perf_counter() - t0
        b = App(device(root, "b", url, db))
        t0 = time.perf_counter()
        pulled = b.cycle()
        pull = time.perf_counter() - t0
        change = statistics.median(one_change(a, b, any_forum(a)))
        floor = sync_floor.measure(sync_floor.sample(total))
        print(f"dataset --forums {forums}: {total} records ({counts})")
        print(
            f"  push all from A (a controller cycle; its pull skips A's own records): {push:.2f} s "
            f"= {push / floor.push_s:.1f}× the floor ({floor.push_s:.2f} s); {push / total * 1e6:.0f} µs "
            f"per record; {report.pushed} operations, {report.bytes_sent / 1e6:.1f} MB sent gzip, "
            f"client peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        print(
            f"  pull all on fresh B: {pull:.2f} s = {pull / floor.pull_s:.1f}× the floor "
            f"({floor.pull_s:.2f} s); {pull / total * 1e6:.0f} µs per record; "
            f"{pulled.pulled} records, {pulled.pages} pages"
        )
        print(
            f"  one change A → B (start of A's cycle to the end of B's), median of 15: "
            f"{change * 1000:.1f} ms = {change * 1000 / floor.change_ms:.1f}× the floor "
            f"({floor.change_ms:.1f} ms)"
        )
        a.close()
        b.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--forums",
        default="12,200",
        help=f"dataset sizes, comma-separated (12: ~1k records, 200: 16,206, {FORUMS_100K}: ~100k)",
    )
    sizes = sorted({int(n) for n in ap.parse_args().forums.split(",") if n.strip()})
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    QCoreApplication.instance() or QCoreApplication([])
    for forums in sizes:
        run(forums, Path(tempfile.mkdtemp(prefix="mufakat-bench-sync-")))


if __name__ == "__main__":
    main()
