"""Settings → About says which Mufakat this is (pyproject.toml's version), for a user telling
support what they run."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_settings_show_the_version(qtbot: QtBot, demo_ws: Workspace, window: MainWindow) -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.settings
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.about.isVisible())
    assert page.about.title() == "About"
    assert page.about.version.text() == f"Mufakat version {version}"
