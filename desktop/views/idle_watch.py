"""Idle: no key, click, wheel or pointer move reached any window of the app for a while. The
main window locks then (the signed-in person unlocks it with the PIN or the password)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# What a person at the keyboard does; a repaint, a timer or a sync is not them.
USER_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Count from now (after a sign-in or an unlock)."""
        self._timer.start()

    def stop(self) -> None:
        """Nothing to lock (signed out, or already locked)."""
        self._timer.stop()

    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_EVENTS and self._timer.isActive():
            self._timer.start()
        return False

    def close(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)
