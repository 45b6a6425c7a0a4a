"""Driving the real widgets as a person does: keys and mouse clicks only (pytest-qt sends them
through the X server's event path of the application), readers of what is stored, and what a
test cannot reach before it opens: a modal dialog (a file dialog, a question, a form) or a popup
menu is answered with key and mouse events once it is on screen, while the code under test waits
in its own event loop, as it does for a user."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
HUMAN_MS = 150  # how long a person's press lasts, and the least time between two of their actions


def rows(ws: Workspace, model: type, **where: object) -> list[Any]:
    """Live (not tombstoned) rows of `model` matching `where`."""
    with ws.store.read() as session:
        query = select(model).where(model.deleted.is_(False))
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(session.scalars(query))


def one(ws: Workspace, model: type, **where: object) -> Any:
    found = rows(ws, model, **where)
    assert len(found) == 1, found
    return found[0]


def click(qtbot: QtBot, widget: QWidget, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, LEFT, modifier)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClicks(widget, text)


def type_and_enter(qtbot: QtBot, widget: QWidget, text: str) -> None:
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into a line, select everything (Ctrl+A) and type over it."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str, *, stays: bool = True) -> None:
    """Open the combo box with a click and click the entry that reads `text`, at a person's pace:
    the press lasts a moment, and the list is read before an entry is clicked (Qt ignores a
    release on the list within the double-click interval of its opening). `stays=False`: the
    choice may be undone or the combo box rebuilt by what the choice starts."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    view = combo.view()
    qtbot.mousePress(combo, LEFT)
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(HUMAN_MS)
    qtbot.mouseRelease(combo, LEFT)
    qtbot.wait(QApplication.doubleClickInterval())
    entry = view.model().index(index, combo.modelColumn())
    view.scrollTo(entry)
    point = view.visualRect(entry).intersected(view.viewport().rect()).center()
    qtbot.mouseMove(view.viewport(), point)
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    qtbot.waitUntil(lambda: not shiboken6.isValid(view) or not view.isVisible())
    if stays:
        assert combo.currentText() == text


def click_row(
    qtbot: QtBot,
    table: QAbstractItemView,
    row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    column: int = 0,
) -> None:
    model = table.model()
    table.scrollTo(model.index(row, column))
    cell = table.visualRect(model.index(row, column)).center()
    qtbot.mouseClick(table.viewport(), LEFT, modifier, cell)


def widget_at(window: QWidget, global_pos: QPoint) -> QWidget:
    """The widget a click at this point of the screen lands on (as the X server would route it)."""
    found = QApplication.widgetAt(global_pos)
    assert found is not None and found.window() is window.window(), found
    return found


def click_at(qtbot: QtBot, window: QWidget, global_pos: QPoint, double: bool = False) -> None:
    """A click at a fixed point of the screen: whatever is under the pointer now receives it."""
    target = widget_at(window, global_pos)
    local = target.mapFromGlobal(global_pos)
    if double:
        qtbot.mouseDClick(target, LEFT, pos=local)
    else:
        qtbot.mouseClick(target, LEFT, pos=local)


class Keyboard:
    """Keys as a real keyboard sends them: to whichever widget of `window` has the focus now
    (so Tab, mnemonics and auto-advancing fields decide where the next key lands)."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window

    def focused(self) -> QWidget:
        """Where a key goes now: an open popup (a suggestion list) holds the keyboard."""
        widget = QApplication.activePopupWidget() or self.window.focusWidget()
        assert widget is not None, f"nothing in {self.window} has the focus"
        return widget

    def type(self, text: str) -> Keyboard:
        for char in text:
            self.qtbot.keyClicks(self.focused(), char)
        return self

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Keyboard:
        self.qtbot.keyClick(self.focused(), key, modifier)
        return self

    def tab(self, times: int = 1) -> Keyboard:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)
        return self


def with_modal(qtbot: QtBot, open_it: Callable[[], object], drive: Callable[[QDialog], None]) -> None:
    """Do `open_it` (a click that opens a modal dialog) and, while the dialog runs, `drive` it
    (type into it, click its buttons). Fails if no dialog opened, if driving it failed, or if
    it is still open afterwards (then it is closed, so that a failing test never hangs)."""
    driven: list[QDialog] = []
    errors: list[BaseException] = []
    left_open: list[str] = []

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, when_open)
            return
        driven.append(dialog)
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            drive(dialog)
        except BaseException as exc:  # re-raised below, once the dialog is closed
            errors.append(exc)
        finally:
            if dialog.isVisible():
                left_open.append(" ".join(w.text() for w in dialog.findChildren(QLabel) if w.isVisible()))
                dialog.reject()

    behind = QApplication.activeWindow()
    QTimer.singleShot(0, when_open)
    open_it()
    if behind is not None and shiboken6.isValid(behind) and behind.isVisible():
        behind.activateWindow()  # as a window manager does when a dialog closes
        qtbot.waitUntil(behind.isActiveWindow)
    assert driven, "no dialog opened"
    if errors:
        raise errors[0]
    assert not left_open, f"the dialog was still open, saying: {left_open[0]}"


def click_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    """Click the tab of `page` in the tab bar."""
    index = tabs.indexOf(page)
    assert index >= 0, page
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentWidget() is page


def answer(qtbot: QtBot, button: QMessageBox.StandardButton) -> Callable[[QDialog], None]:
    """A `with_modal` driver that clicks `button` of the message box that opened."""

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox), dialog
        asked.append(dialog.text())
        click(qtbot, dialog.button(button))

    asked: list[str] = []
    drive.asked = asked  # type: ignore[attr-defined]
    return drive


def click_nav(qtbot: QtBot, nav: QListWidget, row: int) -> None:
    """Click an entry of the window's navigation list."""
    item = nav.item(row)
    assert item is not None and not item.isHidden()
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())


def file_chosen(qtbot: QtBot, path: Path) -> Callable[[QDialog], None]:
    """A `with_modal` driver for Qt's own file dialog: the path typed into its name line, Enter."""

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        click(qtbot, name)
        keys = Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type(str(path))
        if QApplication.activePopupWidget() is not None:  # the path completer's list
            keys.press(Qt.Key.Key_Escape)
        keys.press(Qt.Key.Key_Return)

    return drive


def double_click(window: QWidget, widget: QWidget) -> None:
    """A double-click where `widget` is now, through the window system: each of its two clicks
    goes to whatever is under the pointer when it arrives (a button replaced after the first)."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.mouseDClick(handle, LEFT, Qt.KeyboardModifier.NoModifier, widget.mapTo(window, widget.rect().center()))


def multiline_answer(qtbot: QtBot, typed: str) -> Callable[[QDialog], None]:
    """A `with_modal` driver for a question with a text box (a reason, a note): type, then OK."""

    def drive(dialog: QDialog) -> None:
        box = dialog.findChild(QPlainTextEdit)
        assert box is not None, dialog
        click(qtbot, box)
        Keyboard(qtbot, dialog).type(typed)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))

    return drive


# -- watching for what opens later (dialogs, popups) ----------------------------------------
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


W = TypeVar("W", bound=QWidget)


class Opened(Generic[W]):
    """The visible top-level widgets of a kind shown after this was made. It holds the earlier
    top-level widgets themselves, not their id(): the Python wrapper of a widget Qt made is
    freed after use, and a new widget's wrapper may get the same id (a test then took the new
    document for an old one and waited in vain)."""

    def __init__(self, kind: type[W]) -> None:
        self.kind = kind
        self.earlier = QApplication.topLevelWidgets()

    def new(self) -> list[W]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, self.kind) and w.isVisible() and not any(w is e for e in self.earlier)
        ]


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


def closing(qtbot: QtBot, number: str = "", names: Sequence[str] = ()) -> Callable[[QDialog], None]:
    """A `with_modal` driver for the dialog that closes a forum (desktop.views.close_dialog):
    type the minutes' number and the signatories' names given (clicking into each field), tick
    "close it anyway" where the forum has nobody signed in or no venue, then click "Close the
    forum"."""

    def drive(dialog: QDialog) -> None:
        from desktop.views.close_dialog import CloseForumDialog

        assert isinstance(dialog, CloseForumDialog), dialog
        if number:
            click(qtbot, dialog.number)
            Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type(number)
        for field, name in zip(dialog.names, names, strict=False):
            if name:
                click(qtbot, field)
                Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type(name)
        if dialog.confirm.isVisible():  # nobody signed in (or no venue): closed knowingly
            click(qtbot, dialog.confirm)
        click(qtbot, dialog.close_button)

    return drive
