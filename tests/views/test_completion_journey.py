"""Marking a recommendation done from the triage board ("Tandai selesai…", issue 16): the dialog
takes its evidence as a text and as files (dropped into it), the office's "completion needs an
attached file" is ticked in Settings and refuses a text alone (the dialog stays open and says
why), and once done the action under it reads 100 % (done), not 0 % (planned)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import FollowUpStatus, RecStatus
from desktop.models import Attachment, FollowUp, Recommendation, Unit
from desktop.services import followups
from desktop.services import recommendations as recs
from desktop.services.units import update_unit
from desktop.views import main_window as mw
from desktop.views.complete_dialog import CompleteDialog
from desktop.views.main_window import MainWindow
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.views.drive import CTRL, Keyboard, click, click_nav, one, rows, with_modal
from tests.views.forum_setup import Running
from tests.views.test_attachments_journey import _drop
from tests.views.test_edit_delete import board


def _assigned(ws: Workspace, running: Running) -> tuple[str, str]:
    rid = ws.write(recs.add_recommendation, running.forum, text="Tambah kursi ruang tunggu", scope="unit")
    ws.write(recs.accept, rid)
    fid = ws.write(followups.assign_follow_up, rid, action="Beli 20 kursi", owner="Kasubag Umum")
    return rid, fid


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_marking_done_with_a_text_shows_the_action_done(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    rid, fid = _assigned(ws, running)
    board(qtbot, window, rid)
    pane = window.triage.pane
    assert "0% (Planned)" in pane.follow_ups.item(0).text()

    def evidence(dialog: QDialog) -> None:
        assert isinstance(dialog, CompleteDialog)
        box = dialog.findChild(QPlainTextEdit)
        assert box is not None
        click(qtbot, box)
        Keyboard(qtbot, dialog).type("BAST 20 kursi")
        _ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, pane.buttons["complete"]), evidence)
    assert one(ws, Recommendation, id=rid).status == RecStatus.DONE
    action = one(ws, FollowUp, id=fid)
    assert (action.progress, action.status) == (100, FollowUpStatus.DONE)
    assert "BAST 20 kursi" in one(ws, Recommendation, id=rid).status_reason
    assert "100% (Done)" in pane.follow_ups.item(0).text()
    assert pane.fu_progress.value() == 100  # the selected action's progress, not 0 %


def test_the_office_asks_for_a_file_and_the_dialog_takes_one(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    rid, fid = _assigned(ws, running)
    click_nav(qtbot, window.nav, mw.SETTINGS)
    box = window.settings.rules.needs_file
    assert box.isVisibleTo(window.settings) and not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, " ")  # ticked with the space bar, as a keyboard user does
    assert one(ws, Unit, id=running.unit).completion_needs_file is True
    board(qtbot, window, rid)
    pane = window.triage.pane
    photo = samples.phone_photo(tmp_path / "kursi baru.jpg", (1200, 900))
    said: list[str] = []

    def text_then_file(dialog: QDialog) -> None:
        assert isinstance(dialog, CompleteDialog)
        assert "required by the office" in dialog.intro.text()
        click(qtbot, dialog.evidence)
        Keyboard(qtbot, dialog).type("Kursi sudah dipasang")
        _ok(qtbot, dialog)
        said.append(dialog.message.text())
        assert dialog.isVisible()  # refused: it stays, with what is wrong
        assert one(ws, Recommendation, id=rid).status == RecStatus.IN_PROGRESS
        _drop(qtbot, dialog.files, [photo])
        _ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, pane.buttons["complete"]), text_then_file)
    assert "asks for an attached photo or file" in said[0]
    assert one(ws, Recommendation, id=rid).status == RecStatus.DONE
    files = rows(ws, Attachment, owner_id=rid)
    assert [(f.owner_entity, f.file_name) for f in files] == [
        (AttachmentOwner.RECOMMENDATION, "kursi baru.jpg")
    ]
    assert one(ws, FollowUp, id=fid).status == FollowUpStatus.DONE


def test_an_action_at_100_percent_asks_for_its_file_where_it_is_attached(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, tmp_path: Path
) -> None:
    rid, fid = _assigned(ws, running)
    ws.write(update_unit, running.unit, completion_needs_file=True)  # set on another laptop, synced
    board(qtbot, window, rid)
    pane = window.triage.pane
    assert not pane.fu_files.isVisible()
    pane.fu_progress.setFocus()
    Keyboard(qtbot, pane.fu_progress).press(Qt.Key.Key_A, CTRL).type("100")
    click(qtbot, pane.fu_update)
    assert "asks for an attached photo or file" in pane.message.text()
    assert one(ws, FollowUp, id=fid).progress == 0  # nothing changed
    assert pane.fu_files.isVisible()  # opened where the file goes
    _drop(qtbot, pane.fu_files, [samples.phone_photo(tmp_path / "kursi.jpg", (1200, 900))])
    Keyboard(qtbot, pane.fu_progress).press(Qt.Key.Key_A, CTRL).type("100")
    click(qtbot, pane.fu_update)
    action = one(ws, FollowUp, id=fid)
    assert (action.progress, action.status) == (100, FollowUpStatus.DONE)
    assert "100% (Done)" in pane.follow_ups.item(0).text()
