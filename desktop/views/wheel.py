"""The mouse wheel scrolls the page; it changes a combo box, a number or a date only when that
field has the focus (issue #11: a wheel over Settings changed the language and a deadline, and
saved them).

One event filter on the application does it for every form: such fields no longer take the
focus from the wheel (Qt gives it before any filter sees the event), and a wheel event over one
without the focus is passed on to the page behind it (a scroll area scrolls)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

GUARDED = (QComboBox, QAbstractSpinBox)  # QAbstractSpinBox: numbers, dates, times
NAME = "mufakat-wheel-guard"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) and not watched.hasFocus():
            event.ignore()  # not this field's: Qt offers the event to the widgets behind it
            return True
        return False


def install_wheel_guard(app: QApplication) -> None:
    """Once per application (the window is rebuilt when the language changes)."""
    if app.findChild(WheelGuard, NAME) is None:
        guard = WheelGuard(app)
        guard.setObjectName(NAME)
        app.installEventFilter(guard)
