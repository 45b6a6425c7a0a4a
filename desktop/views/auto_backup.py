"""The app's automatic backup: a look at start and every hour, a backup when none was taken today
(the laptop's date), off the GUI thread. What went wrong (no space, a USB stick not plugged in)
is a line in the status bar, never a dialog: the backup is background work."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.app.background import Jobs
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.store import backups

log = logging.getLogger("mufakat.backup")
FIRST_LOOK_MS = 15_000  # after start, once the window is up and the first sync has begun
EVERY_MS = 60 * 60_000


class AutoBackup(QObject):
    noted = Signal(str)  # a problem to show in the status bar; "" clears it
    done = Signal(object)  # the Backup taken

    def __init__(
        self, ws: Workspace, clock: Callable[[], datetime] = backups.now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._clock = clock
        self._busy = False
        self._jobs = Jobs(self)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.check)
        self._timer = QTimer(self)
        self._timer.setInterval(EVERY_MS)
        self._timer.timeout.connect(self.check)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, first_look_ms: int = FIRST_LOOK_MS) -> None:
        self._first.start(first_look_ms)
        self._timer.start()

    def stop(self) -> None:
        self._first.stop()
        self._timer.stop()

    def check(self) -> None:
        """Take the day's backup if it is due."""
        if self._busy or not backups.is_due(backups.backup_dir(self._ws.data_dir), self._clock()):
            return
        self._busy = True
        data_dir, second, now = self._ws.data_dir, self._ws.settings.second_backup_folder, self._clock()
        self._jobs.run(lambda: backups.back_up(data_dir, backups.DAILY, second, now), self._taken, self._failed)

    def _taken(self, result: object) -> None:
        self._busy = False
        assert isinstance(result, backups.BackupResult)
        self.noted.emit(result.note or "")
        self.done.emit(result.backup)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, MufakatError):
            self.noted.emit(exc.message)
        else:
            log.error("automatic backup failed", exc_info=exc)
            self.noted.emit(self.tr("The automatic backup failed; details are in the log."))
