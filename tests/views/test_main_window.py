from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.i18n import set_language
from desktop.views.main_window import MainWindow
from desktop.workspace import Workspace


def test_main_window_lists_the_demo_forum_and_is_honest_about_sync(qtbot: QtBot, demo_ws: Workspace) -> None:
    set_language("id")
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "Forum Konsultasi Publik KPPN Sorong Tahun 2024"
    assert model.index(0, 3).data() == "Ditutup"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Tanggal"
    assert window.statusBar().currentMessage() == "Hanya lokal: tidak terhubung ke server"
    assert not window.empty_hint.isVisible()


def test_empty_database_shows_how_to_start(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    assert window.table.model().rowCount() == 0
    assert window.empty_hint.isVisible() and "mufakat demo" in window.empty_hint.text()
