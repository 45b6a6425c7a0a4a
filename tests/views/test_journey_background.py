"""Background work has an owner (issue #14): a document preview still being made when the user
switches to another forum never reaches the closed forum's preview ("Internal C++ object already
deleted" reached the user), and the next forum's preview is that forum's. Keys and clicks only;
set-up through the services. The berita acara's builder is held at a gate (and then run as it
is) so that the switch surely comes before the preview is ready, whatever the machine's speed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from io import BytesIO

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.documents import printed
from desktop.services import forums
from desktop.views.document_dialog import DocumentDialog
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from tests.views.drive import CTRL, Keyboard, Opened, activate, click, when_popup
from tests.views.forum_setup import Running

OTHER_TITLE = "FKP Layanan Pencairan Dana 2026"
GATE_S = 30  # bounded: a test that fails never leaves a pool thread waiting for ever


class Gate:
    """Holds each call of a function until `open()`; counts the calls that went through."""

    def __init__(self, real: Callable[..., bytes]) -> None:
        self.real = real
        self.entered = threading.Event()
        self._open = threading.Event()
        self.returned = 0

    def __call__(self, *args: object, **kwargs: object) -> bytes:
        self.entered.set()
        self._open.wait(GATE_S)
        try:
            return self.real(*args, **kwargs)
        finally:
            self.returned += 1

    def open(self) -> None:
        self._open.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate(printed.forum_minutes_pdf)
    monkeypatch.setattr(printed, "forum_minutes_pdf", held)
    yield held
    held.open()


def open_forum_by_search(qtbot: QtBot, window: MainWindow, words: str) -> ForumWorkspace:
    """Back to the list (the open forum's "Forums" button), Ctrl+F to the search, type part of
    the title, Enter opens the forum found."""
    activate(qtbot, window)
    if window.workspace is not None and window.stack.currentWidget() is window.workspace:
        click(qtbot, next(b for b in window.workspace.findChildren(QPushButton) if b.text() == "Forums"))
    page = window.forums
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: page.search.hasFocus())
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_A, CTRL).type(words)
    qtbot.waitUntil(page.loaded)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None and window.stack.currentWidget() is window.workspace)
    assert window.workspace is not None
    return window.workspace


def open_minutes_preview(qtbot: QtBot, workspace: ForumWorkspace) -> DocumentDialog:
    """The workspace's Documents button, down its menu to the berita acara, Enter."""
    documents = Opened(DocumentDialog)

    def the_minutes(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        for _ in range(len(menu.actions())):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and menu.activeAction().text() == "Minutes (berita acara)":
                break
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    button = next(b for b in workspace.findChildren(QToolButton) if b.text() == "Documents")
    shown = when_popup(the_minutes)
    click(qtbot, button)
    qtbot.waitUntil(lambda: bool(shown))

    qtbot.waitUntil(lambda: bool(documents.new()), timeout=15_000)
    dialog = documents.new()[0]
    return dialog


def test_a_preview_being_made_when_the_forum_is_switched_never_reaches_the_user(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, gate: Gate
) -> None:
    other = ws.write(
        forums.create_forum,
        unit_id=running.unit,
        title=OTHER_TITLE,
        held_on="2026-12-07",
        starts_at="09:00",
        ends_at="11:00",
        venue="Aula KPPN Sorong",
    )
    first = open_forum_by_search(qtbot, window, "Standar Pelayanan")
    assert first.forum_id == running.forum
    preview = open_minutes_preview(qtbot, first)
    assert gate.entered.wait(GATE_S)  # the berita acara is being made…
    assert not preview.save_button.isEnabled()

    # …and the user goes back to the list and opens the other forum: the first one's workspace,
    # and the preview it owns, go.
    second = open_forum_by_search(qtbot, window, "Pencairan")
    assert second.forum_id == other
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview))

    gate.open()  # the first berita acara is finished now
    qtbot.waitUntil(lambda: gate.returned >= 1 or not gate.entered.is_set(), timeout=GATE_S * 1000)

    # The second forum's preview, opened after the first one's result was handed back (results
    # come back in the order they were finished): its own berita acara, ready to save.
    own = open_minutes_preview(qtbot, second)
    qtbot.waitUntil(lambda: own.save_button.isEnabled(), timeout=GATE_S * 1000)
    assert own.pdf is not None
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(own.pdf)).pages)
    assert OTHER_TITLE.upper() in text.upper() and "STANDAR PELAYANAN" not in text.upper()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert window.workspace is second
