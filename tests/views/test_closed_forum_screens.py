"""A closed forum, from the facilitator's seat: every tab shows it and none accepts a change
(issue #11: a closed forum still took recommendations, so its signed minutes changed); "Reopen"
asks why, and the forum is open to corrections again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus
from desktop.models import AgendaItem, AuditEvent, Forum, Participant, Recommendation
from desktop.services.export import export_json
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from tests.views.drive import Keyboard, click, click_tab, closing, one, rows, with_modal
from tests.views.forum_setup import Running


def close_it(qtbot: QtBot, workspace: ForumWorkspace) -> None:
    click_tab(qtbot, workspace.tabs, workspace.details)
    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), closing(qtbot))


def reason_typed(qtbot: QtBot, reason: str):
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        text = dialog.findChild(QPlainTextEdit)
        assert text is not None
        click(qtbot, text)
        Keyboard(qtbot, dialog).type(reason)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    return drive


def test_a_closed_forum_is_read_only_in_every_tab_until_reopened(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    forum = running
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    close_it(qtbot, workspace)
    assert one(ws, Forum).status == ForumStatus.CLOSED
    assert workspace.closed_banner.isVisibleTo(window) and "reopen" in workspace.closed_banner.text()
    before = ws.read(export_json)

    details = workspace.details
    assert all(edit.isReadOnly() for edit in details.lines.values()) and details.held_on.isReadOnly()
    assert details.theme.isReadOnly() and not details.mode.isEnabled()
    click(qtbot, details.lines["venue"])
    Keyboard(qtbot, window).type("Aula lain").tab()
    attendance = workspace.attendance
    click_tab(qtbot, workspace.tabs, attendance)
    assert not any(w.isEnabled() for w in (attendance.name, attendance.sign_in_button, attendance.import_button))
    agenda = workspace.agenda
    click_tab(qtbot, workspace.tabs, agenda)
    assert not any(w.isEnabled() for w in (agenda.title, agenda.add_button, agenda.start_button))
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    assert not capture.text.isEnabled() and not capture.save_button.isEnabled()
    assert not any(button.isEnabled() for button in capture.list_buttons)
    capture.table.setFocus()
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_F2, Qt.Key.Key_F3):
        qtbot.keyClick(capture.table, key)
    qtbot.keyClick(capture.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    summary = workspace.summary
    click_tab(qtbot, workspace.tabs, summary)
    assert summary.agreements.isReadOnly() and summary.summary.isReadOnly()
    click(qtbot, summary.agreements)
    Keyboard(qtbot, window).type("Kesepakatan susulan")
    qtbot.wait(1000)  # longer than the autosave's pause
    assert ws.read(export_json) == before  # nothing at all changed

    click_tab(qtbot, workspace.tabs, details)
    assert details.reopen_button.isVisibleTo(window)
    with_modal(qtbot, lambda: click(qtbot, details.reopen_button), reason_typed(qtbot, "Nama peserta salah ketik"))
    assert one(ws, Forum).status == ForumStatus.RUNNING
    event = one(ws, AuditEvent, entity_id=forum.forum, action="reopen")
    assert event.after["reason"] == "Nama peserta salah ketik"
    assert not workspace.closed_banner.isVisibleTo(window) and not details.reopen_button.isVisibleTo(window)
    click_tab(qtbot, workspace.tabs, capture)
    click(qtbot, capture.text)
    Keyboard(qtbot, window).type("Usulan susulan setelah dibuka kembali").press(Qt.Key.Key_Return)
    assert one(ws, Recommendation).text == "Usulan susulan setelah dibuka kembali"
    assert rows(ws, Participant) and rows(ws, AgendaItem)


def test_cancelling_the_reopen_leaves_it_closed(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    forum = running
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    close_it(qtbot, workspace)

    def cancel(dialog: QDialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Cancel))

    with_modal(qtbot, lambda: click(qtbot, workspace.details.reopen_button), cancel)
    assert one(ws, Forum).status == ForumStatus.CLOSED and workspace.closed_banner.isVisibleTo(window)
