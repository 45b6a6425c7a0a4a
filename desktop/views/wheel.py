"""The mouse wheel scrolls the page; it changes a combo box, a number or a date only when that
field has the focus (issue #11: a wheel over Settings changed the language and a deadline, and
saved them).

`guard_wheel(root)` is called where a window, the forum workspace or a dialog is built: each
such field in it stops taking the focus from the wheel (Qt gives it before the field sees the
event) and passes a wheel event on to the page behind it (a scroll area scrolls) unless it has
the focus. The filter sits on those fields only: one on the whole application would run for
every event of every widget (it cost a tenth of a second at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QAbstractSpinBox: numbers, dates, times
NAME = "mufakat-wheel-guard"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # not this field's: Qt offers the event to the widgets behind it
            return True
        return False


def _guard() -> WheelGuard:
    app = QCoreApplication.instance()
    assert app is not None
    guard = app.findChild(WheelGuard, NAME)
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName(NAME)
    return guard


def is_guarded(widget: QWidget) -> bool:
    return bool(widget.property(NAME))


def guard_wheel(root: QWidget) -> None:
    """Every combo box, number and date field under `root` (once each)."""
    guard = _guard()
    for kind in GUARDED:
        for field in root.findChildren(kind):
            if is_guarded(field):
                continue
            if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(guard)
            field.setProperty(NAME, True)
