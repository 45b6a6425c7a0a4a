"""The status bar counts the attached files still to travel: a photo added here waits until a
sync sends it; one the server refuses (the office's quota) keeps waiting, and the tooltip says
why; once there is room, the next sync sends it and the count is gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.services import attachments
from desktop.sync.controller import SyncController, SyncState
from desktop.views.attachments_panel import ICON_ROLE, AttachmentsPanel
from desktop.views.look import ICONS
from desktop.views.sync_status import SyncStatusBar
from protocol.vocab import AttachmentOwner
from server_stub.models import FileQuota
from tests.attachments import samples
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


def test_a_file_removed_by_hand_before_it_was_sent_is_named_lost_and_not_counted(
    qtbot: QtBot, device: Device, server: Running, tmp_path: Path
) -> None:
    """"1 file(s) waiting" would never clear: nothing can bring a file that only this laptop had.
    The bar names it as lost with what to do, the panel marks it with its own icon and words, and
    adding the same file again puts it back: it is sent with the next sync."""
    ws = device("a", "KPPN-SORONG")
    controller = SyncController(ws, debounce_ms=60_000)
    bar = SyncStatusBar(controller)
    qtbot.addWidget(bar)
    bar.show()
    try:
        forum = a_forum(ws)
        scan = samples.pdf(tmp_path / "notulen.pdf")
        sha256 = attachments.store_file(ws.files, scan).sha256
        ws.write(attachments.attach, AttachmentOwner.FORUM, forum, attachments.store_file(ws.files, scan))
        controller.local_change()
        assert bar.files_label.text() == "1 file(s) waiting"
        ws.files.path_of(sha256).unlink()  # in the file manager, by hand
        controller.local_change()
        assert not bar.files_label.isVisible() and controller.status().files_waiting == 0
        assert bar.lost_label.isVisible() and bar.lost_label.text() == "⚠ File lost: “notulen.pdf”"
        assert "Put the file back" in bar.lost_label.toolTip()
        panel = AttachmentsPanel(ws, AttachmentOwner.FORUM, forum)
        qtbot.addWidget(panel)
        panel.show()
        assert "lost from the data folder" in panel.list.item(0).text()
        assert panel.list.item(0).data(ICON_ROLE) == "file-lost" and ICONS["file-lost"] != ICONS["file-waiting"]
        assert panel.add_files([scan])  # the same file, added again
        qtbot.waitUntil(lambda: not panel.busy(), timeout=15_000)
        assert ws.files.has(sha256) and "lost" not in panel.list.item(0).text()
        assert panel.message.text() == "1 file(s) saved."
        controller.local_change()
        assert not bar.lost_label.isVisible() and bar.files_label.text() == "1 file(s) waiting"
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.status().state == SyncState.UP_TO_DATE, timeout=15_000)
        assert not bar.files_label.isVisible() and controller.status().pending == 0
    finally:
        controller.shutdown()
