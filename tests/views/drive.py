"""Driving what a test cannot reach before it opens: a modal dialog (a file dialog, a question,
a form) or a popup menu is answered with key and mouse events once it is on screen, while the
code under test waits in its own event loop, as it does for a user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

POLL_MS = 20
GIVE_UP_AFTER = 500  # polls (10 s): a test that waits for a dialog that never comes fails


class _Watch:
    """Polls for a widget with a timer of its own (no closure refers to itself, so nothing is
    left for the garbage collector to free on another thread)."""

    def __init__(self, find: Callable[[], QWidget | None], handle: Callable[[QWidget], None]) -> None:
        self.find, self.handle, self.left = find, handle, GIVE_UP_AFTER
        self.seen: list[QWidget] = []
        self.timer = QTimer(QApplication.instance())  # Qt's to delete, on the main thread
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        widget = self.find()
        self.left -= 1
        if widget is not None and widget.isVisible():
            self._done()
            self.seen.append(widget)
            self.handle(widget)
        elif self.left <= 0:
            self._done()

    def _done(self) -> None:
        self.timer.stop()
        self.timer.deleteLater()
        _watches.remove(self)


_watches: list[_Watch] = []  # the watches still polling


def when_shown(find: Callable[[], QWidget | None], handle: Callable[[QWidget], None]) -> list[QWidget]:
    """Call `handle` with the widget `find` returns, once there is one (handled once); the
    list returned holds it then."""
    watch = _Watch(find, handle)
    _watches.append(watch)
    return watch.seen


def when_modal(handle: Callable[[QWidget], None]) -> list[QWidget]:
    return when_shown(QApplication.activeModalWidget, handle)


def when_popup(handle: Callable[[QWidget], None]) -> list[QWidget]:
    return when_shown(QApplication.activePopupWidget, handle)


def type_file_name(qtbot: QtBot, path: Path) -> list[QWidget]:
    """The next file dialog, opened in `path`'s folder (tests point HOME there), gets the file's
    name typed into its name field, then a click on Open (or Save)."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        assert Path(dialog.directory().absolutePath()) == path.parent
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert name is not None and box is not None
        name.selectAll()
        qtbot.keyClicks(name, path.name)
        accept = box.button(QDialogButtonBox.StandardButton.Open) or box.button(
            QDialogButtonBox.StandardButton.Save
        )
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)

    return when_modal(handle)


def press_ok(qtbot: QtBot, dialog: QWidget) -> None:
    """Click the dialog's OK button with the mouse."""
    assert isinstance(dialog, QDialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Give the window the keyboard again after a popup or a dialog closed: a window manager
    does it for a user; the test's X server has none."""
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
