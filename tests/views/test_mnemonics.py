"""No two Alt+letter keys collide on one screen, in Indonesian or in English (issue #11: "Forum
&baru" and "&Buka" both answered Alt+B, "Catat &hadir" and the tab "Daftar &hadir" both Alt+H;
three junk forums were created by ordinary typing). Every page of the window, every tab of an
open forum and every dialog class in desktop/views is built and checked: the dialogs are found
by importing the package, so a new one without a way to build it here fails this test."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import desktop.views
from desktop.app import Shell
from desktop.models import Escalation, Participant
from desktop.services import forums
from desktop.views.document_dialog import forum_document
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from desktop.workspace import Workspace

Builder = Callable[[Workspace, str, QWidget], QDialog]


def first(ws: Workspace, model: type) -> str:
    with ws.store.read() as session:
        found = session.scalars(select(model.id)).first()
    assert found is not None
    return str(found)


def participant(ws: Workspace) -> Participant:
    with ws.store.read() as session:
        found = session.scalars(select(Participant)).first()
        assert found is not None
        return found


BUILDERS: dict[str, Builder] = {
    "NewForumDialog": lambda ws, _forum, parent: _cls("forum_dialog", "NewForumDialog")(ws, parent),
    "NewSurveyDialog": lambda ws, _forum, parent: _cls("survey_dialog", "NewSurveyDialog")(ws, parent),
    "AnswerDialog": lambda ws, _forum, parent: _cls("answer_dialog", "AnswerDialog")(
        ws, first(ws, Escalation), parent
    ),
    "DocumentDialog": lambda ws, forum, parent: _cls("document_dialog", "DocumentDialog")(
        forum_document(ws, forum, "minutes"), parent
    ),
    "ParticipantDialog": lambda ws, _forum, parent: _cls("participant_dialog", "ParticipantDialog")(
        ws, participant(ws), parent
    ),
}


def _cls(module: str, name: str) -> type[QDialog]:
    found = getattr(importlib.import_module(f"desktop.views.{module}"), name)
    assert issubclass(found, QDialog)
    return found


def dialog_classes() -> list[type[QDialog]]:
    """Every QDialog subclass defined in desktop/views."""
    found: dict[str, type[QDialog]] = {}
    for module in pkgutil.iter_modules(desktop.views.__path__):
        loaded = importlib.import_module(f"desktop.views.{module.name}")
        for _name, obj in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == loaded.__name__:
                found[obj.__name__] = obj
    return sorted(found.values(), key=lambda c: c.__name__)


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter → the visible texts (buttons, labels of fields, tabs, group titles) or
    shortcuts that answer it, in this window now."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str, where: QWidget) -> None:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            keys[key].append(f"{text!r} ({type(where).__name__})")

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), widget)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        text = shortcut.key().toString()
        shown = isinstance(parent, QWidget) and (parent is window or parent.isVisibleTo(window))
        if shown and text.startswith("Alt+") and text[4:].isalpha():
            keys[text].append(f"shortcut {text} on {type(parent).__name__}")
    return keys


def collisions(where: str, window: QWidget) -> list[str]:
    return [f"{where}: {key} answers {', '.join(texts)}" for key, texts in mnemonics(window).items() if len(texts) > 1]


def screens(qtbot: QtBot, window: MainWindow, forum: str) -> Iterator[tuple[str, QWidget]]:
    """(name, top-level widget) for every page and every tab of the open forum, each shown."""
    for index, page in enumerate(window.pages):
        window.nav.setCurrentRow(index)
        qtbot.waitUntil(lambda page=page: window.stack.currentWidget() is page)
        yield type(page).__name__, window
    workspace = window.open_forum(forum)
    assert isinstance(workspace, ForumWorkspace)
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        yield f"forum tab {workspace.tabs.tabText(index)!r}", window


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_two_alt_keys_collide_on_any_screen_or_dialog(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, shell: Shell, language: str
) -> None:
    shell.switch_language(language)
    window = shell.window
    found: list[str] = []
    for name, top in screens(qtbot, window, reopened_demo):
        found += collisions(name, top)
    demo_ws.write(forums.close_forum, reopened_demo)  # a closed forum shows other buttons
    assert window.workspace is not None
    window.workspace.refresh()
    for index in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(index)
        found += collisions(f"closed forum tab {index + 1}", window)

    classes = dialog_classes()
    unbuildable = sorted({c.__name__ for c in classes} - set(BUILDERS))
    assert not unbuildable, f"add a builder for {unbuildable} to BUILDERS"
    assert len(classes) >= 5
    for cls in classes:
        dialog = BUILDERS[cls.__name__](demo_ws, reopened_demo, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        found += collisions(f"dialog {cls.__name__}", dialog)
        dialog.close()
    assert not found, "\n".join(found)
