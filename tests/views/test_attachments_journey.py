"""Photos and files from the user's seat (issue #16): on a forum's "Photos and files" tab a
photo is added with the button and the file dialog, another dropped from the file manager (a
synthesised QDropEvent carrying file addresses), a scan pasted; a caption typed; one removed and
brought back with Ctrl+Z; the signed attendance scan marked; a file that has not arrived shows
who holds it. On a recommendation and its follow-up action the same panel takes evidence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.models import Attachment, AuditEvent
from desktop.services import attachments, followups
from desktop.services import recommendations as recs
from desktop.views.attachments_panel import ICON_ROLE, AttachmentsPanel
from desktop.views.main_window import MainWindow
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.attachments import samples
from tests.views.drive import CTRL, LEFT, click, click_tab, file_chosen, one, rows, with_modal
from tests.views.forum_setup import Running
from tests.views.test_edit_delete import board


def _drop(qtbot: QtBot, panel: AttachmentsPanel, paths: list[Path]) -> None:
    """What a file manager's drag does: enter with the files' addresses, then drop them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPointF(panel.list.geometry().center())
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    saved(qtbot, panel)


def saved(qtbot: QtBot, panel: AttachmentsPanel) -> None:
    """Wait until the files being stored off the GUI thread are recorded."""
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20_000)


def _click_item(qtbot: QtBot, panel: AttachmentsPanel, row: int) -> None:
    item = panel.list.item(row)
    qtbot.mouseClick(panel.list.viewport(), LEFT, pos=panel.list.visualItemRect(item).center())


def live(ws: Workspace) -> list[Attachment]:
    return [a for a in rows(ws, Attachment) if not a.deleted]


def test_photos_and_files_on_a_forum(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    photo = samples.phone_photo(tmp_path / "Pembukaan FKP.jpg", (4000, 3000))
    dropped = samples.phone_photo(tmp_path / "Sesi diskusi – Sorong.jpg", (3000, 4000), orientation=1)
    scan = samples.pdf(tmp_path / "daftar hadir.pdf")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    panel = workspace.files
    click_tab(qtbot, workspace.tabs, panel)

    with_modal(qtbot, lambda: click(qtbot, panel.add_button), file_chosen(qtbot, photo))
    saved(qtbot, panel)
    assert [(a.kind, a.file_name, a.width, a.height) for a in live(ws)] == [
        (AttachmentKind.PHOTO, "Pembukaan FKP.jpg", 1536, 2048)
    ]
    assert ws.files.has(live(ws)[0].sha256) and panel.list.count() == 1
    assert not panel.list.item(0).icon().isNull()

    _drop(qtbot, panel, [dropped])
    assert [a.file_name for a in live(ws)] == ["Pembukaan FKP.jpg", "Sesi diskusi – Sorong.jpg"]

    mime = QMimeData()  # copied in the file manager, pasted here
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    QGuiApplication.clipboard().setMimeData(mime)
    _click_item(qtbot, panel, 0)
    qtbot.keyClick(panel.list, Qt.Key.Key_V, CTRL)
    saved(qtbot, panel)
    assert [a.file_name for a in live(ws)][-1] == "daftar hadir.pdf"
    assert "MB" in panel.disk.text()

    _click_item(qtbot, panel, 2)  # the scan: marked as the signed attendance list
    qtbot.mouseClick(panel.scan_box, LEFT, pos=QPoint(8, panel.scan_box.height() // 2))
    assert ws.read(attachments.has_attendance_scan, running.forum)

    _click_item(qtbot, panel, 0)  # a caption
    click(qtbot, panel.caption)
    qtbot.keyClicks(panel.caption, "Pembukaan oleh Kepala Kantor")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    assert live(ws)[0].caption == "Pembukaan oleh Kepala Kantor"

    _click_item(qtbot, panel, 1)  # removed, then brought back
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [a.file_name for a in live(ws)] == ["Pembukaan FKP.jpg", "daftar hadir.pdf"]
    assert panel.list.count() == 2 and panel.undo_bar.isVisible()
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert [a.file_name for a in live(ws)] == ["Pembukaan FKP.jpg", "Sesi diskusi – Sorong.jpg", "daftar hadir.pdf"]
    assert panel.list.count() == 3


def test_a_refused_file_says_why_and_changes_nothing(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    fake = samples.pdf(tmp_path / "foto.jpg")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.files)
    _drop(qtbot, workspace.files, [fake])
    assert "is not what its name says" in workspace.files.message.text()
    assert live(ws) == [] and not (ws.files.root.exists() and any(ws.files.root.rglob("*")))


def test_a_file_not_received_yet_shows_who_holds_it(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    stored = attachments.store_file(ws.files, samples.pdf(tmp_path / "notulen.pdf"))
    aid = ws.write(attachments.attach, AttachmentOwner.FORUM, running.forum, stored)
    ws.files.path_of(stored.sha256).unlink()
    assert one(ws, Attachment, id=aid).device_name == ws.ctx.device_name != ""  # this laptop's name
    with ws.store.write() as session:  # as if it came from another laptop (an outbox file), added by Siti there
        session.execute(
            update(AuditEvent).where(AuditEvent.entity_id == aid).values(device_id="other-laptop", actor="Siti")
        )
        session.execute(update(Attachment).where(Attachment.id == aid).values(device_name="PC-LOKET-2"))
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.files)
    assert "on laptop “PC-LOKET-2”" in workspace.files.list.item(0).text()  # named as the office knows it
    assert workspace.files.list.item(0).data(ICON_ROLE) == "file-waiting"
    _click_item(qtbot, workspace.files, 0)
    qtbot.keyClick(workspace.files.list, Qt.Key.Key_Return)  # opening it says the same, no error
    assert "it is on laptop “PC-LOKET-2”" in workspace.files.message.text()


def test_evidence_on_a_recommendation_and_its_follow_up(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    rid = ws.write(recs.add_recommendation, running.forum, text="Tambah kursi ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Beli 20 kursi", owner="Kasubag Umum")
    board(qtbot, window, rid)
    pane = window.triage.pane
    assert pane.files_button.text() == "Photos and files (0)" and not pane.files.isVisible()
    click(qtbot, pane.files_button)
    _drop(qtbot, pane.files, [samples.pdf(tmp_path / "usulan.pdf")])
    assert pane.files_button.text() == "Photos and files (1)"
    click(qtbot, pane.fu_files_button)
    _drop(qtbot, pane.fu_files, [samples.phone_photo(tmp_path / "kursi baru.jpg", (1200, 900))])
    assert pane.fu_files_button.text() == "Evidence of the selected follow-up (1)"
    by_owner = {(a.owner_entity, a.owner_id): a.file_name for a in live(ws)}
    assert by_owner == {
        (AttachmentOwner.RECOMMENDATION, rid): "usulan.pdf",
        (AttachmentOwner.FOLLOW_UP, fid): "kursi baru.jpg",
    }


def test_a_pasted_picture_becomes_a_photo(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    """A screenshot or a picture copied from another program, pasted with Ctrl+V."""
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    panel = workspace.files
    click_tab(qtbot, workspace.tabs, panel)
    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(picture)
    qtbot.mouseClick(panel.list.viewport(), LEFT, pos=QPoint(20, 20))  # the (empty) list has the focus
    qtbot.keyClick(panel.list, Qt.Key.Key_V, CTRL)
    saved(qtbot, panel)
    assert [(a.kind, a.file_name, a.width, a.height) for a in live(ws)] == [
        (AttachmentKind.PHOTO, "pasted picture.jpg", 640, 480)
    ]
