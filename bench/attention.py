""" "Perlu perhatian" with many items: a laptop holding N refused user actions and M open "changed
elsewhere" markers (an upgraded laptop may bring hundreds of refusals kept by an older Mufakat).
Prints the median time of counting them (done after every sync, for the badge and the status
bar), of reading the list, and of the page's reload, on a real X server.

    xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python bench/attention.py [--refused 300] [--markers 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import Conflict, OutboxOp
from desktop.services import attention, forums, units
from desktop.services import recommendations as recs
from desktop.sync import outbox
from desktop.sync.settle import settle


def median_ms(step: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def laptop(refused: int, markers: int) -> Workspace:
    ws = Workspace.open(Path(tempfile.mkdtemp(prefix="mufakat-attention-")), Settings(language="id"))
    unit = ws.write(units.create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(units.set_home_unit, unit)
    forum = ws.write(forums.create_forum, unit_id=unit, title="FKP 2024", held_on="2024-08-21")
    ids = [
        ws.write(recs.add_recommendation, forum, text=f"Usulan nomor {n}", scope="unit")
        for n in range(refused)
    ]
    with ws.store.remote_write() as session:
        session.execute(OutboxOp.__table__.delete())  # as if they had reached the server
    for rec in ids:
        ws.write(recs.accept, rec)
    with ws.store.remote_write() as session:  # the server refuses every acceptance
        sent = outbox.pending(session, 100_000)
        params = {"entity": "recommendations", "id": "x", "action": "accept", "status": "rejected"}
        results = [
            {"op_id": op.op_id, "status": "rejected", "code": "stale_transition", "params": params}
            for op in sent
        ]
        settle(session, sent, results, ws.ctx.clock)
        for n, rec in enumerate(ids[:markers]):
            session.add(
                Conflict(
                    entity="recommendations",
                    entity_id=rec,
                    register="text",
                    loser_hlc=f"0017000000{n:05d}-000000-elsewhere",
                    winner={"text": f"Usulan nomor {n}"},
                    loser={"text": f"Usulan nomor {n} (versi lain)"},
                    winner_hlc="001800000000000-000000-here",
                )
            )
    return ws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refused", type=int, default=300)
    parser.add_argument("--markers", type=int, default=100)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from desktop.views.attention_page import AttentionPage

    app = QApplication.instance() or QApplication([])
    ws = laptop(args.refused, args.markers)
    count = ws.read(attention.attention_count)
    print(f"{args.refused} refused actions, {args.markers} markers: {count} items")
    print(f"count (badge, after each sync): {median_ms(lambda: ws.read(attention.attention_count)):.1f} ms")
    print(f"refused items read and worded: {median_ms(lambda: ws.read(attention.refused_items)):.1f} ms")
    print(f"markers read and worded: {median_ms(lambda: ws.read(attention.conflict_items)):.1f} ms")
    page = AttentionPage(ws)
    page.resize(1180, 650)
    page.show()
    app.processEvents()
    print(f"page reload: {median_ms(page.reload):.1f} ms")
    ws.close()


if __name__ == "__main__":
    main()
