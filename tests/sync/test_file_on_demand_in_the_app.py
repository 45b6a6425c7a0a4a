"""A laptop that fetches files on demand (`"fetch_files": "on_demand"`) shows a pulled photo as a
placeholder (and the status bar does not count it as waiting); opening it (Enter on it) fetches
it from the server in the background and shows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_ON_DEMAND, Settings
from desktop.services import attachments
from desktop.sync.controller import SyncController
from desktop.sync.engine import sync_once
from desktop.views.attachment_viewer import AttachmentViewer
from desktop.views.attachments_panel import ICON_ROLE, AttachmentsPanel
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.sync.attached import a_forum

Device = Callable[..., Workspace]


def test_opening_a_photo_not_received_yet_fetches_it(qtbot: QtBot, device: Device, tmp_path: Path) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    b.settings = Settings(language="en", operator="b", fetch_files=FETCH_ON_DEMAND)
    forum = a_forum(a)
    stored = attachments.store_file(a.files, samples.phone_photo(tmp_path / "Pembukaan.jpg", (1200, 900)))
    a.write(attachments.attach, AttachmentOwner.FORUM, forum, stored)
    sync_once(a)
    sync_once(b)
    assert not b.files.has(stored.sha256)
    controller = SyncController(b, debounce_ms=60_000)
    assert controller.status().files_waiting == 0  # fetched when opened: not "waiting"
    controller.shutdown()
    panel = AttachmentsPanel(b, AttachmentOwner.FORUM, forum)
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    assert "on the server: open to fetch" in panel.list.item(0).text()  # not "not received": it can be
    assert panel.list.item(0).data(ICON_ROLE) == "file-fetch"
    item = panel.list.item(0)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center())
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: b.files.has(stored.sha256), timeout=15_000)
    qtbot.waitUntil(lambda: bool(panel.findChildren(AttachmentViewer)), timeout=15_000)
    assert b.files.path_of(stored.sha256).read_bytes() == a.files.path_of(stored.sha256).read_bytes()
    assert "on the server" not in panel.list.item(0).text()
    for viewer in panel.findChildren(AttachmentViewer):
        viewer.close()
