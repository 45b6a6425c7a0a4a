"""Desktop app figures at 100,000 recommendations (issue #3): time from process start to the
main window painted; time from a keystroke in the triage text filter to the table updated; time
to save one live-captured recommendation (Enter → on disk → list refreshed).

xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python bench/ui.py [--forums 2000] [--data-dir DIR]
(`make bench` does this: the figures come from a real X server, as users have it)
Targets on the 2-core reference machine: < 2 s, < 100 ms, < 20 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from sqlalchemy import text

from bench.dataset import generate, load
from desktop.config import Settings
from desktop.models import Forum
from desktop.services import forums
from desktop.vocab import ForumStatus
from desktop.workspace import Workspace


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def prepare(data_dir: Path, forums: int) -> None:
    ws = Workspace.open(data_dir, Settings(language="id", operator="bench"))
    with ws.store.read() as session:
        present = session.scalar(text("SELECT count(*) FROM recommendations"))
    if present:
        print(f"reusing {data_dir} ({present} recommendations)")
    else:
        started = time.perf_counter()
        counts = load(ws, generate(forums), home_unit=None)
        print(f"loaded {counts} in {time.perf_counter() - started:.1f} s into {data_dir}")
    ws.close()


def wait_for(signal: object, timeout_ms: int = 60_000) -> None:
    """Run the event loop (sleeping, as the app does) until `signal` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def child_startup(data_dir: Path) -> None:
    """Runs in a fresh process: open the app on `data_dir`, paint the window once, say so."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import Shell

    app = QApplication([])
    ws = Workspace.open(data_dir, Settings.load(data_dir))
    shell = Shell(ws)
    shell.window.resize(1366, 768)
    shell.window.show()
    shell.window.repaint()  # synchronous paint of everything visible
    app.processEvents()
    print("painted", flush=True)
    if not shell.window.forums.loaded():  # the forum list arrives from its worker thread
        wait_for(shell.window.forums.shown)
    shell.window.repaint()
    print("listed", flush=True)
    shell.close()
    ws.close()


def startup(data_dir: Path, runs: int) -> None:
    painted: list[float] = []
    listed: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, __file__, "--child-startup", str(data_dir)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        for line in child.stdout:
            (painted if line.strip() == "painted" else listed).append(time.perf_counter() - t0)
        assert child.wait(timeout=120) == 0
    for what, timings in (("main window painted", painted), ("forum list filled (2,000 forums)", listed)):
        print(
            f"process start → {what} ({runs} runs): median {statistics.median(timings):.2f} s  "
            f"min {min(timings):.2f} s  max {max(timings):.2f} s   target < 2 s"
        )


def in_process(data_dir: Path, saves: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.app import Shell
    from desktop.views import main_window as mw

    _app = QApplication.instance() or QApplication([])
    ws = Workspace.open(data_dir, Settings.load(data_dir))
    shell = Shell(ws)
    window = shell.window
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(mw.TRIAGE)
    triage = window.triage

    def settle() -> float:
        t0 = time.perf_counter()
        if triage.shown_generation != triage._generation:
            wait_for(triage.shown)
        triage.table.viewport().repaint()
        return time.perf_counter() - t0

    settle()
    for word in ("satelit", "layan", "disabilitas", "customer", "zzzz"):
        triage.text.clear()
        settle()
        QTest.keyClicks(triage.text, word[:-1])
        settle()
        t0 = time.perf_counter()
        QTest.keyClick(triage.text, word[-1])
        settle()
        elapsed = time.perf_counter() - t0
        if triage.model.total < 0:  # the count arrives after the page (not part of the figure)
            wait_for(triage.counted)
        print(
            f"triage filter keystroke → table updated, {word!r:14} ({triage.model.total:6d} matches): "
            f"{ms(elapsed)}   target < 100 ms"
        )

    with ws.store.read() as session:
        forum_id = session.scalar(text("SELECT forum_id FROM recommendations GROUP BY forum_id LIMIT 1"))
    if ws.read(lambda session: session.get(Forum, forum_id).status) == ForumStatus.CLOSED:
        ws.write(forums.reopen_forum, str(forum_id), "bench: live capture needs a running forum")
    workspace = window.open_forum(str(forum_id))
    assert workspace is not None
    capture = workspace.capture
    workspace.tabs.setCurrentWidget(capture)
    timings = []
    for n in range(saves):
        capture.text.setText(f"Usulan langsung nomor {n}: perpanjang jam layanan loket")
        t0 = time.perf_counter()
        QTest.keyClick(capture.text, Qt.Key.Key_Return)
        capture.table.viewport().repaint()
        timings.append(time.perf_counter() - t0)
        assert not capture.text.text(), capture.message.text()
    timings.sort()
    print(
        f"save one live-captured recommendation ({saves} saves, list refreshed): "
        f"median {ms(statistics.median(timings))}  p95 {ms(timings[int(len(timings) * 0.95) - 1])}   target < 20 ms"
    )
    shell.close()
    ws.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forums", type=int, default=2000, help="2000 forums × 50 = 100,000 recommendations")
    ap.add_argument("--data-dir", type=Path, help="reuse this folder's data when it has some")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--saves", type=int, default=40)
    ap.add_argument("--child-startup", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child_startup:
        child_startup(a.child_startup)
        return
    data_dir = a.data_dir or Path(tempfile.mkdtemp(prefix="mufakat-bench-ui-"))
    prepare(data_dir, a.forums)
    startup(data_dir, a.runs)
    in_process(data_dir, a.saves)


if __name__ == "__main__":
    main()
