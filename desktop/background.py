"""Running slow work off the GUI thread: a function on a thread pool, its result delivered
back to the GUI thread by a queued signal.

The signals carry no Python objects across threads (the result waits on the job and is read on
the GUI thread): queued signals with `object` arguments have had reference-counting bugs in
PySide6 that crash the interpreter.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold
is crossed: in a worker thread it can delete Qt objects (a closed window's widgets) there, and
the process dies. `collect_garbage_on_gui_thread` moves that collection to the GUI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

_running: set[Job] = set()


class _Signals(QObject):
    finished = Signal()


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (in `_running`) until its result is read
        self.signals = _Signals()
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            self.error = exc
        self.signals.finished.emit()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> Job:
    job = Job(work)
    _running.add(job)

    def deliver() -> None:
        # Released a moment later: the pool thread may still be returning from `run()`.
        QTimer.singleShot(1000, lambda: _running.discard(job))
        if job.error is not None:
            on_error(job.error)
        else:
            on_done(job.result)

    job.signals.finished.connect(deliver)
    (pool or QThreadPool.globalInstance()).start(job)
    return job


class _GuiThreadCollector(QObject):
    """Automatic collection off; the GUI thread collects on a timer, generation by generation,
    when the allocation counts pass the thresholds the automatic collector would have used."""

    NAME = "mufakat-gui-thread-gc"

    def __init__(self, app: QCoreApplication, interval_ms: int) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        first, second, third = gc.get_count()
        if first > self._threshold[0]:
            gc.collect(0)
            if second > self._threshold[1]:
                gc.collect(1)
                if third > self._threshold[2]:
                    gc.collect(2)


def collect_garbage_on_gui_thread(app: QCoreApplication, interval_ms: int = 500) -> None:
    """Once per application: cyclic garbage (Qt objects among it) is collected on its thread."""
    if app.findChild(_GuiThreadCollector, _GuiThreadCollector.NAME) is None:
        _GuiThreadCollector(app, interval_ms)
