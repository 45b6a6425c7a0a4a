"""The documents of issue #13 ("Missing documents") for a forum of 300 participants (37
organisations invited) and 200 recommendations: surat undangan, notulen, laporan pelaksanaan,
laporan tindak lanjut, and the register masukan (XLSX). Read from the store and laid out, as
the app's document dialog does. Figures printed; the minutes' target (< 1 s) is the yardstick.

    .venv/bin/python bench/documents.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.reports import build_forum
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.documents.builders import Options, build_forum_document
from desktop.models import Forum, Participant
from desktop.reports.register_xlsx import register_xlsx
from desktop.services import participants
from desktop.services.lookup import load
from desktop.services.register import register

AS_OF = date(2025, 6, 30)


def timed(runs: int, build: Callable[[], bytes]) -> tuple[list[float], bytes]:
    timings, made = [], b""
    for _ in range(runs):
        t0 = time.perf_counter()
        made = build()
        timings.append(time.perf_counter() - t0)
    return timings, made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    ws = Workspace.open(Path(tempfile.mkdtemp(prefix="mufakat-bench-documents-")), Settings(language="id"))
    forum = build_forum(ws)
    with ws.store.read() as session:
        people = list(session.scalars(select(Participant.id).where(Participant.forum_id == forum)))
    for person in people:  # on the invitation list: 37 organisations, a letter each
        ws.write(participants.update_participant, person, invited=True)
    unit = ws.read(load, Forum, forum, "Forum").unit_id
    options = Options(as_of=AS_OF, letter_date=date(2025, 3, 5))
    cases: list[tuple[str, Callable[[], bytes]]] = [
        (kind, lambda kind=kind: build_forum_document(ws, kind, forum, "a4", options))  # type: ignore[misc]
        for kind in ("invitations", "notes", "implementation-report", "followup-report")
    ]
    cases.append(("register (xlsx)", lambda: register_xlsx(ws.read(register, unit, AS_OF, ws.ctx.calendar))))
    for name, build in cases:
        timings, made = timed(a.runs, build)
        pages = made.count(b"/Type /Page\n") or made.count(b"/Type /Page")
        size = f"{len(made) // 1024} KiB" + (f", ~{pages} pages" if pages else "")
        print(
            f"{name:22} 300 participants / 200 recommendations ({size}, {a.runs} runs, read + layout): "
            f"median {statistics.median(timings):.3f} s  min {min(timings):.3f} s  max {max(timings):.3f} s"
        )
    ws.close()


if __name__ == "__main__":
    main()
