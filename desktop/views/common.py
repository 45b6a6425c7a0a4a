"""Small pieces every screen uses: running a service call with its refusal shown to the user,
an inline message line, and combo boxes over the domain vocabularies."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.errors import MufakatError
from desktop.vocab import label
from desktop.workspace import Workspace

T = TypeVar("T")
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
E = TypeVar("E", bound=StrEnum)


def app_title() -> str:
    return QCoreApplication.translate("Common", "Mufakat")


def attempt(
    parent: QWidget, ws: Workspace, action: Callable[..., T], /, *args: object, **kwargs: object
) -> T | None:
    """Run one service call as one transaction; if the rules refuse it, say why in a dialog and
    return None (nothing was changed). Anything else is a bug and goes to the app's error hook."""
    try:
        return ws.write(action, *args, **kwargs)
    except MufakatError as exc:
        QMessageBox.warning(parent, app_title(), exc.message)
        return None


class InlineMessage(QLabel):
    """A line under a form that says what to fix (red) or what just happened (green)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.setText(text)
        self.show()

    def info(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class EnumCombo(QComboBox, Generic[E]):
    """A combo box of `enum`'s labels; `blank` (e.g. "All") adds a first entry meaning none.

    Every combo box over a vocabulary is one of these: Qt hands item data back as a plain `str`
    (PySide6 6.11 converts a StrEnum member to a QString), so `value()` converts it back through
    the enum, and a code that is not one of the enum's is a bug, not a silent "no filter"."""

    def __init__(self, enum: type[E], blank: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum
        if blank is not None:
            self.addItem(blank, None)
        for member in enum:
            self.addItem(label(member), member.value)

    def value(self) -> E | None:
        data = self.currentData()
        return None if data is None else self._enum(data)

    def set_value(self, value: E | str | None) -> None:
        """Show `value` (a member or its code); None shows the blank entry, if there is one."""
        index = self.findData(None if value is None else self._enum(value).value)
        if index >= 0:
            self.setCurrentIndex(index)


def select_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class AutosaveText(QPlainTextEdit):
    """A text area that saves itself shortly after the typing stops, when it loses focus, and
    on `flush()` (the window calls it before closing), so nothing typed is dropped."""

    def __init__(
        self, save: Callable[[str], bool], delay_ms: int = 800, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._saved_text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def load(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._saved_text = text

    def dirty(self) -> bool:
        return self.toPlainText() != self._saved_text

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved_text and self._save(text):
            self._saved_text = text

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


def date_edit(value: QDate | None = None) -> QDateEdit:
    """A date field as Indonesian offices write dates (dd-mm-yyyy), with a calendar to pick from."""
    edit = QDateEdit(value or QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit
