"""Backups, restore checks and the move file at scale: 2,000 forums / 100,000 recommendations.

Prints the time and size of one online backup, the time a recommendation typed during that
backup waits (the app backs up while people type), the time the checks of a restore take
(integrity_check and the rest), and the time and size of a "Pindahkan ke laptop baru" file.

    .venv/bin/python bench/backup.py [--forums 2000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bench.dataset import generate, load
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.store import backups
from desktop.store.db import known_revisions
from desktop.store.move import export_move


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forums", type=int, default=2000)
    ap.add_argument("--data-dir", type=Path, help="reuse this folder's data when it has some")
    a = ap.parse_args()
    data_dir = a.data_dir or Path(tempfile.mkdtemp(prefix="mufakat-bench-"))
    ws = Workspace.open(data_dir, Settings(language="en", operator="bench"))
    with ws.store.read() as session:
        present = session.scalar(text("SELECT count(*) FROM recommendations"))
    if not present:
        started = time.perf_counter()
        load(ws, generate(a.forums))
        with ws.store.read() as session:
            present = session.scalar(text("SELECT count(*) FROM recommendations"))
        print(f"loaded {present} recommendations in {time.perf_counter() - started:.1f} s into {data_dir}")
    with ws.store.read() as session:
        forum_id, status = session.execute(text("SELECT id, status FROM forums LIMIT 1")).one()
    if status == "closed":
        ws.write(forums.reopen_forum, forum_id, "Masukan susulan (bench)")

    waits: list[float] = []
    done = threading.Event()

    def typing() -> None:  # someone types recommendations while the backup runs
        n = 0
        while not done.is_set():
            t0 = time.perf_counter()
            ws.write(recs.add_recommendation, forum_id, text=f"Diketik saat pencadangan {n}", scope="unit")
            waits.append(time.perf_counter() - t0)
            n += 1

    typist = threading.Thread(target=typing)
    typist.start()
    t0 = time.perf_counter()
    result = backups.back_up(data_dir, backups.MANUAL)
    took = time.perf_counter() - t0
    done.set()
    typist.join()
    print(f"online backup of {present} recommendations: {took:.2f} s, {mb(result.backup.size)}")
    if waits:
        print(
            f"  {len(waits)} recommendations typed meanwhile: median {statistics.median(waits) * 1000:.1f} ms, "
            f"max {max(waits) * 1000:.1f} ms per save"
        )
    t0 = time.perf_counter()
    backups.check_copy(result.backup.path, known_revisions())
    print(f"restore checks (integrity_check, schema): {time.perf_counter() - t0:.2f} s")
    target = data_dir.parent / f"{data_dir.name}-pindah.zip"
    t0 = time.perf_counter()
    export_move(data_dir, target, known_revisions())
    print(f"move file: {time.perf_counter() - t0:.2f} s, {mb(target.stat().st_size)} (zip)")
    target.unlink()
    ws.close()


if __name__ == "__main__":
    main()
