"""The status bar of the real window at 1366×768 with a long reason in it (an unreachable
server, as a laptop away from the office network sees it after F9): the window stays within the
screen, "Sinkronkan sekarang" stays on it, and the reason is cut with "…" and whole in its
tooltip, never cut off without a way to read it."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import DeviceState
from desktop.sync.controller import SyncState
from desktop.sync.engine import enroll, sync_once
from tests.sync.conftest import Running
from tests.sync.test_ca_file_in_the_app import _back_to_english
from tests.sync.test_office_journeys import app_window


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_long_reason_is_cut_with_its_whole_text_in_the_tooltip_and_the_buttons_stay(
    qtbot: QtBot, tmp_path: Path, server: Running
) -> None:
    ws = Workspace.open(tmp_path / "a", Settings(language="id", operator="Rina"))  # the longer words
    enroll(ws, server.url, server.code("KPPN-SORONG"))
    sync_once(ws)
    unreachable = f"http://127.0.0.1:{closed_port()}"
    with ws.store.remote_write() as session:  # the laptop leaves the office network
        state = session.get(DeviceState, 1)
        assert state is not None
        state.server_url = unreachable
    with app_window(qtbot, ws) as shell, _back_to_english(shell):
        window = shell.window
        screen = QApplication.primaryScreen().availableGeometry()
        assert screen.width() == 1366
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.OFFLINE, timeout=15_000)
        bar = window.sync_bar
        label = bar.state_label
        qtbot.waitUntil(lambda: unreachable in label.text(), timeout=5_000)
        whole = label.text()
        assert "tidak dapat dihubungi" in whole
        assert window.frameGeometry().width() <= screen.width()  # not pushed past the screen
        for button in (bar.sync_button,):
            assert button.isVisible()
            right = button.mapTo(window, QPoint(button.width(), 0)).x()
            assert right <= window.width(), (right, window.width())
        shown = label.shown()
        assert shown.endswith("…") and whole.startswith(shown[:-1]), shown
        assert label.toolTip() == whole  # the whole reason, on hovering it
        assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    ws.close()
