"""The server's side of a fresh laptop's pull (issue #18): N records of one office in the
server's database, and every page of 1,000 a new laptop of that office asks for, from the
start, built by the server's own code (`server_stub.pull.pull_page`, no HTTP). Prints the time
(wall and CPU) per record at each size: a page must cost what it holds, so the time per record
stays flat as the office's records grow (target: 100k within 1.2× of 16k).

    .venv/bin/python bench/sync_pull_server.py [--sizes 16000,100000] [--db postgresql+psycopg://…]

On PostgreSQL, pass an empty database (it is filled, and emptied between sizes).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, delete, text, update

from protocol.ids import new_id
from server_stub import admin
from server_stub.authorize import Caller
from server_stub.models import Counter, Record
from server_stub.pull import pull_page
from server_stub.store import SEQ, ServerStore
from storage import bulk

PAGE = 1000


def _fill(store: ServerStore, unit: str, size: int) -> None:
    with store.transaction() as session:
        session.execute(delete(Record).where(Record.entity != "units"))
        rows: list[dict[str, Any]] = [
            {
                "entity": "recommendations",
                "id": new_id(),
                "unit_id": unit,
                "to_unit_id": None,
                "seq": 1000 + n,
                "deleted": False,
                "data": {"text": f"Rekomendasi nomor {n}", "status": "proposed", "votes": n % 7},
                "clocks": {"*": "001700000000000-000000-bench"},
                "conflicts": [],
                "origin": None,
            }
            for n in range(size)
        ]
        bulk.insert_rows(session, cast(Table, Record.__table__), rows)
        last = 1000 + size
        session.execute(update(Counter).where(Counter.name == SEQ).values(value=last))
        postgresql = session.get_bind().dialect.name == "postgresql"
        if postgresql and session.scalar(text("SELECT to_regclass('record_seq') IS NOT NULL")):
            session.execute(text("SELECT setval('record_seq', :last)"), {"last": last})
    with store.engine.begin() as conn:  # the planner's statistics, as autovacuum keeps them
        conn.execute(text("ANALYZE"))


def _pull_all(store: ServerStore, caller: Caller) -> int:
    since, pages = 0, 0
    while True:
        with store.transaction() as session:
            page = pull_page(session, caller, since, PAGE)
        pages += 1
        tail = page[page.rindex(b'"next":') :]
        since = int(tail[7 : tail.index(b",")])
        if b'"more":false' in tail:
            return pages


def run(url: str, sizes: list[int]) -> None:
    store = ServerStore(url)
    store.migrate()
    with store.transaction() as session:
        unit = admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong").id
    caller = Caller(device_id=new_id(), unit_id=unit, ops_high=0, may_restate=False)
    figures = []
    for size in sizes:
        _fill(store, unit, size)
        _pull_all(store, caller)  # warm
        wall, cpu = time.perf_counter(), time.process_time()
        pages = _pull_all(store, caller)
        assert pages == size // PAGE + 1, f"{pages} pages for {size} records"
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        figures.append((size, wall / size))
        print(
            f"{store.engine.dialect.name}, {size} records: {pages} pages in {wall:.2f} s "
            f"({wall / size * 1e6:.1f} µs per record wall, {cpu / size * 1e6:.1f} µs CPU in this process)"
        )
    if len(figures) > 1:
        (small, per_small), (large, per_large) = figures[0], figures[-1]
        print(f"time per record at {large} / at {small}: {per_large / per_small:.2f}×   target ≤ 1.2×")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="16000,100000")
    ap.add_argument("--db", default="")
    a = ap.parse_args()
    sizes = [int(n) for n in a.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="mufakat-bench-pull-") as tmp:
        run(a.db or f"sqlite:///{Path(tmp) / 'server.sqlite3'}", sizes)


if __name__ == "__main__":
    main()
