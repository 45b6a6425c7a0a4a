"""Running slow work off the GUI thread: a function on the thread pool, its result delivered
back to the GUI thread by a queued signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> Job:
    job = Job(work)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_error)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
