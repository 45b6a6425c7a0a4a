"""Running slow work off the GUI thread, for an owner (in the spirit of Orange3's `TaskState`
and `ConcurrentMixin`).

A widget (or the sync controller) keeps a `Jobs`: `jobs.run(work, on_done, on_error)` runs
`work` on a thread pool and calls `on_done(result)` or `on_error(exception)` on the GUI thread,
but only while the owner exists: a job whose owner was deleted (a preview whose forum was
closed, a window replaced by a language switch) is cancelled, or its result dropped, and never
reaches a deleted widget ("Internal C++ object already deleted"). A job started in a `slot`
supersedes the one before in the same slot (a newer search, another paper size): the older is
taken off the queue if it has not started, and its result is dropped if it has. Errors go to
`on_error`, which shows them where the user is (a line of the widget or the status bar; never a
dialog from background work).

The signals carry no Python objects across threads (the result waits on the job and is read on
the GUI thread): queued signals with `object` arguments have had reference-counting bugs in
PySide6 that crash the interpreter.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold
is crossed: in a worker thread it can delete Qt objects (a closed window's widgets) there, and
the process dies. `collect_garbage_on_gui_thread` moves that collection to the GUI thread.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.core.config import log_path
from desktop.core.errors import MufakatError
from desktop.core.i18n import tr

T = TypeVar("T")
log = logging.getLogger("mufakat.background")
_alive: set[Job[Any]] = set()  # Python owns a job until its pool thread is done with it


class _Signals(QObject):
    finished = Signal()


class Job(QRunnable, Generic[T]):
    """One piece of work on the pool. `cancelled` once its owner gave it up: if it has not
    started it does not run; if it has, its result is dropped."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (in `_alive`) until its result is read
        self.signals = _Signals()
        self._work = work
        self._cancelled = threading.Event()
        self.result: T | None = None
        self.error: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self) -> None:
        if not self.cancelled:
            try:
                self.result = self._work()
            except Exception as exc:  # delivered to the GUI thread, which decides how to show it
                self.error = exc
        self.signals.finished.emit()


def _release(job: Job[Any]) -> None:
    job.signals.finished.disconnect()  # the connection holds the job: no cycle through Qt
    # Released a moment later: the pool thread may still be returning from `run()`.
    QTimer.singleShot(1000, partial(_alive.discard, job))


_Delivery = tuple[str | None, Callable[[Any], None], Callable[[BaseException], None]]  # slot, done, error


def _give_up(pool: QThreadPool, jobs: dict[Job[Any], _Delivery]) -> None:
    """The owner is gone: what waits in the queue is taken off it, what runs is dropped."""
    for job in list(jobs):
        job.cancel()
        if shiboken6.isValid(pool) and pool.tryTake(job):
            job.signals.finished.disconnect()
            _alive.discard(job)
    jobs.clear()


class Jobs(QObject):
    """The background jobs of one owner; a child of it, so it goes when the owner goes."""

    def __init__(self, owner: QObject, pool: QThreadPool | None = None) -> None:
        super().__init__(owner)
        self._pool = pool or QThreadPool.globalInstance()
        self._pending: dict[Job[Any], _Delivery] = {}
        self._slots: dict[str, Job[Any]] = {}
        # Not a method of self: it runs while this object is being destroyed.
        self.destroyed.connect(partial(_give_up, self._pool, self._pending))

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        *,
        slot: str | None = None,
    ) -> Job[T]:
        """Run `work` off the GUI thread; `on_done(result)` or `on_error(exception)` follow on
        the GUI thread while the owner exists and the job was neither cancelled nor superseded
        by a newer one in the same `slot`."""
        if slot is not None:
            self.cancel(slot)
        job: Job[T] = Job(work)
        self._pending[job] = (slot, on_done, on_error)
        if slot is not None:
            self._slots[slot] = job
        _alive.add(job)
        job.signals.finished.connect(partial(self._finished, job))
        self._pool.start(job)
        return job

    def busy(self, slot: str | None = None) -> bool:
        """Whether a job (of `slot`) is waiting or running."""
        return slot in self._slots if slot is not None else bool(self._pending)

    def cancel(self, slot: str | None = None) -> None:
        """Give up the job of `slot` (all jobs when None): off the queue, or its result dropped."""
        chosen = [j for j, (s, _d, _e) in self._pending.items() if slot is None or s == slot]
        for job in chosen:
            job.cancel()
            self._forget(job)
            if self._pool.tryTake(job):
                job.signals.finished.disconnect()
                _alive.discard(job)

    def _forget(self, job: Job[Any]) -> None:
        slot = self._pending.pop(job, (None,))[0]
        if slot is not None and self._slots.get(slot) is job:
            del self._slots[slot]

    def _finished(self, job: Job[Any]) -> None:
        _release(job)
        if not shiboken6.isValid(self) or job.cancelled or job not in self._pending:
            return
        _slot, on_done, on_error = self._pending[job]
        self._forget(job)
        if job.error is not None:
            on_error(job.error)
        else:
            on_done(job.result)


def explain(error: BaseException, logger: logging.Logger, data_dir: Path) -> str:
    """What to tell the user, on the line they look at, about a job that failed: a
    `MufakatError`'s own message; anything else is a bug, written to the log with its traceback,
    and the message says where."""
    if isinstance(error, MufakatError):
        return error.message
    logger.error("background job failed", exc_info=error)
    return tr("unexpected error; details are in {path}", path=log_path(data_dir))


def while_alive(owner: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """`callback`, called only while `owner` exists (a widget another object's job answers)."""

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)
        else:
            log.debug("a result for a deleted %s was dropped", type(owner).__name__)

    return call


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
