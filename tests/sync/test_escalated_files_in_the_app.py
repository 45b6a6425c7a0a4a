"""The office above reads an escalation with the files the office below attached to its
recommendation (issue 16): in its inbox, under the escalation's detail, each a placeholder until
it is fetched (this laptop fetches files when they are opened), named as being on the server;
opening it fetches it and shows it. It can read them, not change them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.config import FETCH_ON_DEMAND, Settings
from desktop.services import attachments
from desktop.sync.engine import sync_once
from desktop.views.attachment_viewer import AttachmentViewer
from desktop.views.attachments_panel import ICON_ROLE
from desktop.views.escalations_page import EscalationsPage
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.sync.crafted import World

LEFT = Qt.MouseButton.LeftButton


def test_the_office_above_sees_and_fetches_the_escalated_recommendations_files(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    kppn, kanwil = world.kppn, world.kanwil
    kanwil.settings = Settings(language="en", operator="kanwil", fetch_files=FETCH_ON_DEMAND)
    ramp = attachments.store_file(kppn.files, samples.phone_photo(tmp_path / "ramp rusak.jpg", (1600, 1200)))
    kppn.write(attachments.attach, AttachmentOwner.RECOMMENDATION, world.policy, ramp, caption="Ramp rusak")
    other = attachments.store_file(kppn.files, samples.pdf(tmp_path / "lain.pdf"))
    kppn.write(attachments.attach, AttachmentOwner.RECOMMENDATION, world.local, other)  # not escalated
    sync_once(kppn)
    sync_once(kanwil)
    assert not kanwil.files.has(ramp.sha256)
    page = EscalationsPage(kanwil)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert not page.files_button.isVisible()  # nothing chosen yet
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=page.table.visualRect(page.model.index(0, 1)).center())
    assert page.files_button.isVisible() and page.files_button.text() == "Photos and files from the office below (1)"
    qtbot.mouseClick(page.files_button, LEFT)
    panel = page.files
    assert panel.isVisible() and panel.list.count() == 1
    entry = panel.list.item(0)
    assert "on the server: open to fetch" in entry.text() and "Ramp rusak" in entry.text()
    assert entry.data(ICON_ROLE) == "file-fetch"
    assert not panel.add_button.isVisible() and not panel.remove_button.isVisible()  # read, never changed
    assert not panel.caption.isVisible()
    qtbot.mouseClick(panel.list.viewport(), LEFT, pos=panel.list.visualItemRect(entry).center())
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kanwil.files.has(ramp.sha256), timeout=15_000)
    qtbot.waitUntil(lambda: bool(panel.findChildren(AttachmentViewer)), timeout=15_000)
    assert "on the server" not in panel.list.item(0).text()
    for viewer in panel.findChildren(AttachmentViewer):
        viewer.close()
