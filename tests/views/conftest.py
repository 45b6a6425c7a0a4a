"""The app as a user has it: the shell (main window, sync controller, translations) on a
workspace, and answers to the modal questions a test cannot click."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.services import forums
from desktop.views.main_window import MainWindow
from tests.views.forum_setup import Running, running_forum

STUCK_MS = 8000  # a modal dialog no test step answers for this long would wait for ever


@pytest.fixture(autouse=True)
def no_forgotten_dialogs(qapp: QApplication) -> Iterator[None]:
    """A modal dialog nobody answers is closed after a while and fails the test, naming what it
    said, instead of hanging the run (e.g. a question at teardown after a failed step)."""
    seen: dict[int, int] = {}
    stuck: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            seen.clear()
            return
        waited = seen.get(id(dialog), 0) + 500
        seen[id(dialog)] = waited
        if waited >= STUCK_MS:
            stuck.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(500)
    yield
    timer.stop()
    assert not stuck, f"a dialog was left waiting for an answer: {stuck[0]!r}"


@pytest.fixture
def shell(qtbot: QtBot, ws: Workspace) -> Iterator[Shell]:
    made = Shell(ws)
    # With no window manager, show() does not activate the window; without activation, shortcuts
    # and Alt+letter mnemonics do not reach it, as they would not for a user either.
    with qtbot.waitActive(made.window):
        made.window.show()
        made.window.activateWindow()
    yield made
    if shiboken6.isValid(made.window):  # the window of now (a language switch replaces it)
        made.window.retire()  # the test is over: closing asks nothing about what it left typed
        made.window.close()
        made.window.deleteLater()
    made.close()
    made.translations.switch("en")  # a test that switched language leaves none behind


@pytest.fixture
def running(ws: Workspace) -> Running:
    """A forum under way at KPPN Sorong, with its invitation list and agenda; list it before
    `window` or `shell`: a laptop with no office opens on the first-run set-up."""
    return running_forum(ws)


@pytest.fixture
def reopened_demo(demo_ws: Workspace, demo_forum: str) -> str:
    """The demo forum, reopened (it is closed, so nothing could be added to it otherwise)."""
    demo_ws.write(forums.reopen_forum, demo_forum, "Usulan susulan dari peserta")
    return demo_forum


@pytest.fixture
def indonesian(ws: Workspace) -> Workspace:
    """The app in its default language, Indonesian (list it before `window` or `shell`)."""
    ws.settings.language = "id"
    return ws


@pytest.fixture
def window(shell: Shell) -> MainWindow:
    return shell.window


@pytest.fixture
def answer_questions(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """answer_questions(button=Yes, text="…"): every QMessageBox.question gets `button`, every
    text prompt gets `text`; returns the list of questions asked (to assert on)."""

    def install(
        button: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes, text: str = ""
    ) -> list[str]:
        asked: list[str] = []

        def question(_parent: object, _title: str, message: str, *_a: object, **_k: object) -> object:
            asked.append(message)
            return button

        def prompt(_parent: object, _title: str, label: str, *_a: object, **_k: object) -> tuple[str, bool]:
            asked.append(label)
            return text, True

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(prompt))
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(prompt))
        return asked

    return install


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the app showed in warning dialogs (instead of blocking on them)."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, message: str, *_a: object, **_k: object) -> object:
        shown.append(message)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown
