"""The widget tests run where users run the app: on a real X server, not Qt's offscreen stand-in."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


def test_widgets_run_on_a_real_x_server_at_laptop_size(qtbot: QtBot) -> None:
    assert QGuiApplication.platformName() == "xcb"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    screen = app.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
