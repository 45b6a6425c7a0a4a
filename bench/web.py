"""The server's web pages (issue 17): the oversight of a Kanwil with 30 KPPN × 5 years of forums
(bench/dataset.py's `kanwil_on_server`: ~66,000 records), and a unit's public page, on SQLite
and on PostgreSQL (MUFAKAT_TEST_PG_URL, when set). Prints the server's time for each: the page
through the app in process (routing, the database, the template), the best of several runs.
Targets: oversight < 1 s, public page < 100 ms.

    .venv/bin/python bench/web.py [--kppns 30] [--years 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select
from starlette.testclient import TestClient

from bench.dataset import kanwil_on_server
from protocol.users import user_id
from server_stub.app import create_app
from server_stub.models import Record, ServerUnit
from server_stub.store import ServerStore
from server_stub.web.oversight import oversight
from server_stub.web.sessions import Kind, Who, open_session
from tests.server.serving import fresh_pg_database


def timed(step: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def run(name: str, url: str, kppns: int, years: int) -> None:
    store = ServerStore(url)
    store.migrate()
    started = time.perf_counter()
    counts = kanwil_on_server(store, kppns, years)
    print(
        f"{name}: {sum(counts.values()):,} records loaded in {time.perf_counter() - started:.1f} s ({counts})"
    )
    with store.transaction() as session:
        kanwil = session.scalars(select(ServerUnit).where(ServerUnit.code == "KANWIL-BENCH")).one()
        kepala = user_id(kanwil.id, "197001011995031002")
        session.add(
            Record(
                entity="users",
                id=kepala,
                unit_id=kanwil.id,
                seq=0,
                data={"nip": "197001011995031002", "name": "Kepala Kanwil", "roles": ["kepala"], "active": True},
                clocks={},
                conflicts=[],
            )
        )
        token = open_session(session, Who(Kind.USER, kepala, kanwil.id, "Kepala Kanwil"))
    client = TestClient(create_app(store), follow_redirects=False)
    client.cookies.set("mufakat_web", token)

    def page(path: str) -> Callable[[], object]:
        def get() -> object:
            answer = client.get(path)
            assert answer.status_code == 200, answer.text[:300]
            return answer

        return get

    def query() -> object:
        with store.transaction() as session:
            return oversight(session, kanwil, datetime.now(UTC).date())

    for label, step, runs in (
        ("oversight, all units and years: data", query, 5),
        ("oversight page, all units and years", page("/web/pengawasan"), 5),
        ("oversight page, one year", page("/web/pengawasan?dari=2024&sampai=2024"), 5),
        ("oversight XLSX, all", page("/web/pengawasan.xlsx"), 3),
        ("public page of one KPPN (5 published forums)", page("/web/publik/KPPN-BENCH-07"), 20),
    ):
        best, median = timed(step, runs)
        print(f"{name}: {label}: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
    client.close()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kppns", type=int, default=30)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.sqlite3", args.kppns, args.years)
    if os.environ.get("MUFAKAT_TEST_PG_URL"):
        with fresh_pg_database() as url:
            run("PostgreSQL", url, args.kppns, args.years)
    else:
        print("PostgreSQL: skipped (set MUFAKAT_TEST_PG_URL)")


if __name__ == "__main__":
    main()
