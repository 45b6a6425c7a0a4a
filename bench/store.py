"""Local store benchmark (issue #2): 2,000 forums / 100,000 recommendations on disk.

Prints the p50/p95 time of one "add recommendation" service call (transaction + audit event
+ outbox, synchronous=FULL on disk) and the time to list open recommendations filtered by a
word, as the triage table asks for it: the total number that match and the first page of
200. Targets on the 2-core reference machine: p95 < 5 ms per add; < 100 ms per filtered list.

    .venv/bin/python bench/store.py [--forums 2000] [--adds 500] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bench.dataset import generate, load
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.services.queries import RecommendationFilter, list_recommendations


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forums", type=int, default=2000)
    ap.add_argument("--adds", type=int, default=500)
    ap.add_argument("--lists", type=int, default=20)
    ap.add_argument("--data-dir", type=Path, help="reuse this folder's data when it has some")
    a = ap.parse_args()
    data_dir = a.data_dir or Path(tempfile.mkdtemp(prefix="mufakat-bench-"))
    ws = Workspace.open(data_dir, Settings(language="en", operator="bench"))

    with ws.store.read() as session:
        present = session.scalar(text("SELECT count(*) FROM recommendations"))
    if present:
        print(f"reusing {data_dir} ({present} recommendations)")
    else:
        started = time.perf_counter()
        counts = load(ws, generate(a.forums))
        print(f"loaded {counts} in {time.perf_counter() - started:.1f} s into {data_dir}")

    with ws.store.read() as session:
        forum_id, person_id = session.execute(text("SELECT forum_id, id FROM participants LIMIT 1")).one()
    durations = []
    for n in range(a.adds):
        t0 = time.perf_counter()
        ws.write(
            recs.add_recommendation,
            forum_id,
            text=f"Masukan tambahan nomor {n} tentang antrean loket",
            scope="unit" if n % 3 else "policy",
            raised_by_id=person_id,
        )
        durations.append(time.perf_counter() - t0)
    print(
        f"add recommendation ({a.adds} calls): p50 {ms(statistics.median(durations))}  "
        f"p95 {ms(percentile(durations, 0.95))}  max {ms(max(durations))}   target p95 < 5 ms"
    )

    cases = [
        ("", "no text filter"),
        ("disabilitas", "one word"),
        ("satelit", "one word"),
        ("layan", "part of a word"),
        ("customer service", "two words"),
        ("zzzz", "no match"),
    ]
    for words, what in cases:
        flt = RecommendationFilter(text=words, open_only=True, limit=200)
        timings, page = [], None
        for _ in range(a.lists):
            t0 = time.perf_counter()
            page = ws.read(list_recommendations, flt)
            timings.append(time.perf_counter() - t0)
        assert page is not None
        print(
            f"open recommendations matching {words!r:20} ({what}): total {page.total:6d}, first page "
            f"{len(page.rows):3d} rows: p50 {ms(statistics.median(timings))}  "
            f"p95 {ms(percentile(timings, 0.95))}"
            "   target < 100 ms"
        )
    ws.close()


if __name__ == "__main__":
    main()
