"""The app's background sync: when to sync, off the GUI thread, and what the status bar shows.

A cycle starts a few seconds after local changes (debounced), on a timer, when the network
comes back, and on "Sync now". A failed cycle is retried after an exponentially growing,
jittered delay (`desktop.sync.retry`), so a hundred laptops that lose the same server do not all
come back at the same second. The cycles run as jobs this controller owns (`desktop.app.background`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.app.background import Jobs, while_alive
from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_BACKGROUND, log_path
from desktop.core.errors import MufakatError
from desktop.core.i18n import tr
from desktop.services.attention import attention_count
from desktop.sync import files, outbox
from desktop.sync.client import SyncRefused, SyncUnavailable
from desktop.sync.engine import SyncReport, enroll, is_enrolled, sync_once
from desktop.sync.kept_client import KeptClient
from desktop.sync.refusals import DEVICE_MOVED
from desktop.sync.refusals import describe as describe_refusal
from desktop.sync.retry import retry_delays

log = logging.getLogger("mufakat.sync")


class SyncState(StrEnum):
    LOCAL_ONLY = "local_only"  # not enrolled with a server
    OFFLINE = "offline"  # enrolled, server not reachable
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    ERROR = "error"  # the server refused (e.g. revoked device); needs a person


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    pending: int = 0
    last_sync_at: datetime | None = None
    message: str = ""  # why, for OFFLINE and ERROR
    code: str = ""  # the server's refusal code for ERROR (e.g. "revoked", "unknown_token")
    moved: SyncReport | None = None  # running totals while syncing, or the last cycle's
    clock_offset_ms: int = 0  # what this laptop's clock is corrected by (the server's minus its own)
    attention: int = 0  # refused changes and "changed elsewhere" markers waiting for a person
    files_waiting: int = 0  # attached files still to go to the server or to come from it
    files_refused: str = ""  # why the server refused a file of the last sync (worded), if it did
    files_lost: tuple[str, ...] = ()  # names of files added here, not sent, removed from the data folder


def _file_refusal(report: SyncReport) -> str:
    """The server's refusal of a file this sync sent, in the user's words ("" if none)."""
    refused = report.files.refused
    if not refused:
        return ""
    return describe_refusal(next(iter(refused.values())), report.files.refusal_params)


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    _progress = Signal()  # from the worker thread; the totals wait in `_latest`

    def __init__(
        self,
        ws: Workspace,
        parent: QObject | None = None,
        *,
        debounce_ms: int = 3000,
        period_ms: int = 5 * 60_000,
        retry_delays: Callable[[], Iterator[float]] = retry_delays,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs = Jobs(self, self._pool)
        self._client = KeptClient(ws)  # used on the pool's one thread, a cycle at a time
        self._running = False
        self._again = False
        self._lock = threading.Lock()
        self._latest: SyncReport | None = None
        self._retry_delays = retry_delays
        self._delays: Iterator[float] | None = None
        self._last_delay_s = 600.0
        self._debounce = self._timer(debounce_ms)
        self._periodic = self._timer(period_ms)
        self._retry = self._timer(0)
        self._progress.connect(self._on_progress)
        device = ws.store.device()
        self._status = SyncStatus(
            SyncState.UP_TO_DATE if is_enrolled(ws) else SyncState.LOCAL_ONLY,
            pending=self._pending(),
            last_sync_at=device.last_sync_at,
            clock_offset_ms=device.clock_offset_ms,
            attention=self._attention(),
            **self._files(),
        )
        ws.listeners.append(self.local_change)
        self._watch_network()
        if is_enrolled(ws):
            self._periodic.start()

    def _timer(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.sync_now)
        return timer

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if QNetworkInformation.loadDefaultBackend() and (info := QNetworkInformation.instance()):
            info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if (
            reachability == QNetworkInformation.Reachability.Online
            and self._status.state == SyncState.OFFLINE
        ):
            self.sync_now()

    # -- what the status bar reads -------------------------------------------------------
    @property
    def workspace(self) -> Workspace:
        return self._ws

    def status(self) -> SyncStatus:
        return self._status

    def _pending(self) -> int:
        return self._ws.read(outbox.pending_count)

    def _attention(self) -> int:
        return self._ws.read(attention_count)

    def _files(self) -> dict[str, Any]:
        """The files still to travel, and those lost on the way (removed by hand before they went)."""
        fetching = self._ws.settings.fetch_files == FETCH_BACKGROUND
        data_dir = self._ws.data_dir
        return {
            "files_waiting": self._ws.read(lambda session: files.waiting(session, data_dir, fetching)),
            "files_lost": tuple(item.file_name for item in self._ws.read(files.lost, data_dir)),
        }

    def refresh_attention(self) -> None:
        """Count again what needs a person (after the user dealt with some of it)."""
        self._publish(replace(self._status, attention=self._attention(), pending=self._pending()))

    def _publish(self, status: SyncStatus) -> None:
        self._status = status
        self.status_changed.emit(status)

    # -- triggers --------------------------------------------------------------------------
    def local_change(self) -> None:
        self._publish(replace(self._status, pending=self._pending(), **self._files()))
        if self._status.state != SyncState.LOCAL_ONLY and self._status.code != DEVICE_MOVED:
            self._debounce.start()

    def sync_now(self) -> None:
        if not is_enrolled(self._ws):
            self._publish(replace(self._status, state=SyncState.LOCAL_ONLY))
            return
        if self._running:
            self._again = True  # one more cycle right after this one
            return
        for timer in (self._debounce, self._periodic, self._retry):
            timer.stop()
        self._running = True
        self._publish(replace(self._status, state=SyncState.SYNCING, message="", code="", moved=SyncReport()))
        self._jobs.run(self._cycle, self._on_done, self._on_failed)

    def _cycle(self) -> SyncReport:
        """One cycle on the pool's thread, with the client kept from the cycle before."""
        return self._client.use(lambda client: sync_once(self._ws, client, progress=self._report_progress))

    def enroll(
        self,
        server_url: str,
        code: str,
        on_done: Callable[[str], None],
        on_error: Callable[[BaseException], None],
        owner: QObject,
        ca_file: Path | None = None,
    ) -> None:
        """Enroll off the GUI thread, then sync at once; `on_done` and `on_error` are called
        while `owner` (the form that asked) still exists. `ca_file`: the office's certificate
        authority, trusted for this server from now on (the system's store otherwise)."""

        def done(unit_code: object) -> None:
            while_alive(owner, on_done)(str(unit_code))
            self._periodic.start()
            self.sync_now()

        self._jobs.run(
            lambda: enroll(self._ws, server_url, code, ca_file=ca_file), done, while_alive(owner, on_error)
        )

    # -- results ---------------------------------------------------------------------------
    def _report_progress(self, report: SyncReport) -> None:
        """Called on the worker thread: hand a copy of the totals to the GUI thread."""
        with self._lock:
            self._latest = replace(report)
        self._progress.emit()

    def _on_progress(self) -> None:
        with self._lock:
            report = self._latest
        if report is not None and self._running:
            self._publish(replace(self._status, moved=report))

    def _on_done(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self._running = False
        self._delays = None
        device = self._ws.store.device()
        self._publish(
            SyncStatus(
                SyncState.UP_TO_DATE,
                self._pending(),
                device.last_sync_at,
                moved=report,
                clock_offset_ms=device.clock_offset_ms,
                attention=self._attention(),
                **self._files(),
                files_refused=_file_refusal(report),
            )
        )
        self._next()

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, SyncUnavailable):
            state = SyncState.OFFLINE
        else:
            state = SyncState.ERROR
            if not isinstance(exc, SyncRefused | MufakatError):
                log.error("sync failed", exc_info=exc)
        message = (
            exc.message
            if isinstance(exc, MufakatError)
            else tr("unexpected error; details are in {path}", path=log_path(self._ws.data_dir))
        )
        code = exc.code if isinstance(exc, SyncRefused) else ""
        # Retry first: whatever happens while the failure is shown, the next attempt is on its way
        # (not for a laptop whose data moved to another one: it syncs no more).
        if code != DEVICE_MOVED:
            self._retry.start(self._next_delay_ms())
        self._publish(
            replace(
                self._status,
                state=state,
                pending=self._pending(),
                message=message,
                code=code,
                attention=self._attention(),
                **self._files(),
            )
        )

    def _next_delay_ms(self) -> int:
        """The wait before the next attempt; the schedule's last step once it has run out."""
        if self._delays is None:
            self._delays = self._retry_delays()
        self._last_delay_s = next(self._delays, self._last_delay_s)
        return int(self._last_delay_s * 1000)

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()
        else:
            self._periodic.start()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop the timers and let a running cycle finish (its every step is transactional)."""
        for timer in (self._debounce, self._periodic, self._retry):
            timer.stop()
        if self.local_change in self._ws.listeners:
            self._ws.listeners.remove(self.local_change)
        self._pool.waitForDone(timeout_ms)
        self._client.close()
