"""No two Alt+letter keys collide on one screen, in Indonesian or in English (issue #11: "Forum
&baru" and "&Buka" both answered Alt+B, "Catat &hadir" and the tab "Daftar &hadir" both Alt+H;
three junk forums were created by ordinary typing). Every page of the window, every tab of an
open forum and every dialog class in desktop/views is built and checked: the dialogs are found
by importing the package, so a new one without a way to build it here fails this test."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.services import forums
from tests.views.screens import dialogs, screens


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

    for name, dialog in dialogs(qtbot, demo_ws, reopened_demo, window):
        found += collisions(name, dialog)
    assert not found, "\n".join(found)
