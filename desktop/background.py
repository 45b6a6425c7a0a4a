"""Running slow work off the GUI thread: a function on a thread pool, its result delivered
back to the GUI thread by a queued signal.

The signals carry no Python objects across threads (the result waits on the job and is read on
the GUI thread): queued signals with `object` arguments have had reference-counting bugs in
PySide6 that crash the interpreter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

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
