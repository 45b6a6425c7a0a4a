"""Printed documents benchmark (issues #4, #13): the minutes and the follow-up report of a forum
with 300 participants and 200 recommendations, laid out from the forum (target on the 2-core
reference machine: < 1 s each), and the minutes reprinted once the forum is closed and frozen
(target: < 0.2 s). Beside the wall-clock time, the processor time of this process: on a machine
others share, the one that says what the layout itself costs; and the load average while the
figure was taken (the wall-clock time grows with it, the processor time much less).

    .venv/bin/python bench/reports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.documents.printed import forum_minutes_pdf, layout_digest
from desktop.reports.followup import build_followup_report
from desktop.reports.minutes import build_minutes
from desktop.services import agenda, followups, forums, participants
from desktop.services import recommendations as recs
from desktop.services.as_of import forum_report_on
from desktop.services.demo import AGREEMENTS, SUMMARY, ensure_units
from desktop.services.report_data import forum_report

CATEGORIES = [
    "satker",
    "pengguna layanan",
    "pemangku kepentingan",
    "akademisi",
    "media",
    "lsm",
    "tokoh masyarakat",
    "disabilitas",
]


def build_forum(ws: Workspace) -> str:
    ids = ws.write(ensure_units)
    forum = ws.write(
        forums.create_forum,
        unit_id=ids["KPPN-SORONG"],
        title="Forum Konsultasi Publik Besar 2025",
        held_on="2025-03-12",
        starts_at="08:30",
        ends_at="15:00",
        venue="Gedung Serbaguna Sorong",
        theme="Evaluasi standar pelayanan",
        document_number="BA-9/KPN.1701/2025",
        summary=SUMMARY * 3,
        agreements=AGREEMENTS,
    )
    item = ws.write(agenda.add_item, forum, title="Diskusi")
    people = []
    for n in range(300):
        person = ws.write(
            participants.add_participant,
            forum,
            name=f"Peserta Nomor {n:03d}",
            organization=f"Instansi {n % 37}",
            category=CATEGORIES[n % len(CATEGORIES)],
            gender="L" if n % 2 else "P",
            attended=n % 10 != 0,
        )
        people.append(person)
    for n in range(200):
        rec = ws.write(
            recs.add_recommendation,
            forum,
            text=f"Rekomendasi {n}: tingkatkan kualitas layanan dan informasi standar pelayanan "
            "agar pengguna layanan di distrik terpencil terlayani tepat waktu.",
            scope="policy" if n % 3 == 0 else "unit",
            raised_by_id=people[n],
            agenda_item_id=item,
        )
        if n % 3 and n % 2:
            ws.write(recs.accept, rec)
            ws.write(
                followups.assign_follow_up, rec, action="Tindak lanjut yang ditetapkan", owner="Kepala Seksi"
            )
    return forum


def timed(runs: int, build: Callable[[], bytes]) -> tuple[list[float], list[float], bytes]:
    """Wall-clock and processor seconds of each run, and the last document."""
    wall, cpu, made = [], [], b""
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        made = build()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu, made


def load() -> str:
    """The machine's load average over the last minute, as it stands now."""
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    ws = Workspace.open(Path(tempfile.mkdtemp(prefix="mufakat-bench-reports-")), Settings(language="id"))
    forum = build_forum(ws)
    cases: list[tuple[str, Callable[[], bytes]]] = [
        ("minutes", lambda: build_minutes(ws.read(forum_report, forum))),
        (
            "follow-up report",
            lambda: build_followup_report(  # the statuses of its day, from the history (as the app)
                ws.read(forum_report_on, forum, date(2025, 6, 30)), as_of=date(2025, 6, 30), calendar=ws.ctx.calendar
            ),
        ),
    ]
    for name, build in cases:
        wall, cpu, pdf = timed(a.runs, build)
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
        print(
            f"{name}, 300 participants / 200 recommendations ({len(pdf) // 1024} KiB, ~{pages} pages, "
            f"{a.runs} runs, read + layout): median {statistics.median(wall):.3f} s  "
            f"min {min(wall):.3f} s  max {max(wall):.3f} s (processor: median "
            f"{statistics.median(cpu):.3f} s)   target < 1 s   [{load()}]"
        )
    ws.write(forums.start_forum, forum)
    ws.write(forums.close_forum, forum)
    t0 = time.perf_counter()
    layout_digest()  # once per process: the kept file's key (everything that lays it out)
    digest = time.perf_counter() - t0
    t0 = time.perf_counter()
    first = forum_minutes_pdf(ws, forum)  # laid out once from the snapshot, then kept
    laid_out = time.perf_counter() - t0
    reprints = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        again = forum_minutes_pdf(ws, forum)
        reprints.append(time.perf_counter() - t0)
        assert again == first, "a frozen reprint differs from the first print"
    print(
        f"frozen minutes, same forum: first print {laid_out:.3f} s; reprint ({a.runs} runs, read + "
        f"version lookup): median {statistics.median(reprints):.3f} s  max {max(reprints):.3f} s   "
        f"target < 0.2 s (+ {digest:.3f} s once per process: the layout digest)   [{load()}]"
    )
    ws.close()


if __name__ == "__main__":
    main()
