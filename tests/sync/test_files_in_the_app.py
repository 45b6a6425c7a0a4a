"""The status bar counts the attached files still to travel: a photo added here waits until a
sync sends it; one the server refuses (the office's quota) keeps waiting, and the tooltip says
why; once there is room, the next sync sends it and the count is gone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.sync.controller import SyncController, SyncState
from desktop.views.sync_status import SyncStatusBar
from protocol.vocab import AttachmentOwner
from server_stub.models import FileQuota
from tests.sync.attached import a_forum, attach, photo_bytes
from tests.sync.conftest import Running

Device = Callable[..., Workspace]


def test_the_status_bar_shows_files_waiting_and_why_the_server_refused_one(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    ws = device("a", "KPPN-SORONG")
    controller = SyncController(ws, debounce_ms=60_000)
    bar = SyncStatusBar(controller)
    qtbot.addWidget(bar)
    bar.show()
    try:
        assert not bar.files_label.isVisible()
        forum = a_forum(ws)
        attach(ws, AttachmentOwner.FORUM, forum, photo_bytes(20_000))
        controller.local_change()  # what the app's write tells it
        assert bar.files_label.isVisible() and bar.files_label.text() == "1 file(s) waiting"
        home = ws.store.device().home_unit_id
        with server.store.transaction() as session:
            session.add(FileQuota(unit_id=str(home), quota=10_000))

        def synced() -> None:
            qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: controller.status().state == SyncState.UP_TO_DATE, timeout=15_000)

        synced()
        assert bar.files_label.text() == "1 file(s) waiting"
        assert "quota" in bar.files_label.toolTip() and "0.0 MB" in bar.files_label.toolTip()
        with server.store.transaction() as session:
            quota = session.get(FileQuota, str(home))
            assert quota is not None
            quota.quota = 10**9
        synced()
        assert not bar.files_label.isVisible()
        assert controller.status().pending == 0
    finally:
        controller.shutdown()
