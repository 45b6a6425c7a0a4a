"""Screens that hold still under the user's hand (issue #11): a primary button stays where the
pointer is when a message appears or a text wraps, so that a second click lands on the same
button; an inline error goes as soon as the input is right, and a notice ("Saved.", "Undone: …")
fades after a few seconds or at the next action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.models import Forum, Recommendation
from desktop.services import recommendations as recs
from desktop.views import common
from desktop.views import main_window as mw
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import (
    CTRL,
    HUMAN_MS,
    Keyboard,
    click,
    click_at,
    click_nav,
    click_row,
    click_tab,
    rows,
    widget_at,
    with_modal,
)
from tests.views.forum_setup import Running


def centre(button: QPushButton) -> QPoint:
    return button.mapToGlobal(button.rect().center())


def test_the_new_forum_dialogs_ok_stays_under_the_pointer_when_a_message_appears(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        where = centre(ok)
        click_at(qtbot, dialog, where)  # no title: refused, said under the form
        assert dialog.message.shown() and dialog.message.text()
        assert widget_at(dialog, where) is ok and centre(ok) == where  # OK did not move
        click(qtbot, dialog.title)
        Keyboard(qtbot, dialog).type("F")
        assert not dialog.message.shown()  # the title is there: the error has gone
        Keyboard(qtbot, dialog).type("KP Standar Pelayanan")
        assert widget_at(dialog, where) is ok
        click(qtbot, dialog.starts_at)
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type("25.99").tab()  # refused there and then
        assert dialog.message.shown() and widget_at(dialog, where) is ok
        click(qtbot, dialog.starts_at)
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type("9").tab()
        assert not dialog.message.shown() and widget_at(dialog, where) is ok
        click_at(qtbot, dialog, where)  # the second click lands on OK

    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), drive)
    assert [f.title for f in rows(ws, Forum) if f.title == "FKP Standar Pelayanan"] == ["FKP Standar Pelayanan"]


def test_the_empty_recommendation_error_goes_once_typing_starts(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    click(qtbot, capture.text)
    keys = Keyboard(qtbot, window).press(Qt.Key.Key_Return)
    assert capture.message.shown() and "Recommendation" in capture.message.text()
    keys.type(" ")
    assert capture.message.shown()  # a space is still no recommendation
    keys.type("S")
    assert not capture.message.shown()
    keys.type("ediakan kursi roda").press(Qt.Key.Key_Return)
    assert [r.text for r in rows(ws, Recommendation)] == ["Sediakan kursi roda"]


def test_the_undo_notice_goes_at_the_next_action_or_after_a_while(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.write(recs.add_recommendation, running.forum, text="Perpanjang jam layanan", scope="unit")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    click(qtbot, capture.text)
    keys = Keyboard(qtbot, window).type("Tambah loket").press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Z, CTRL)  # the line is empty: the save is undone
    assert capture.message.shown() and capture.message.text().startswith("Undone")
    keys.type("T")  # the next action
    assert not capture.message.shown()
    monkeypatch.setattr(common, "NOTICE_MS", 200)
    keys.press(Qt.Key.Key_Backspace).press(Qt.Key.Key_Y, CTRL)  # the line is empty: the save is redone
    assert capture.message.shown() and capture.message.text().startswith("Redone")
    assert [r.text for r in rows(ws, Recommendation)] == ["Perpanjang jam layanan", "Tambah loket"]
    qtbot.waitUntil(lambda: not capture.message.shown())  # it fades on its own


def test_the_triage_buttons_stay_put_when_the_next_text_wraps(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    short = ws.write(recs.add_recommendation, running.forum, text="Tambah loket", scope="unit")
    long = ws.write(
        recs.add_recommendation,
        running.forum,
        text="Perbarui papan informasi standar pelayanan dan maklumat pelayanan di ruang layanan, "
        "lengkap dengan jadwal, biaya dan kontak pengaduan yang dapat dihubungi setiap hari kerja",
        scope="unit",
    )
    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    click_row(qtbot, triage.table, triage.model.row_of(short), column=1)
    accept = triage.pane.buttons["accept"]
    qtbot.waitUntil(accept.isVisible)
    where = centre(accept)
    text_height = triage.pane.text.height()
    click_row(qtbot, triage.table, triage.model.row_of(long), column=1)
    qtbot.waitUntil(lambda: triage.pane.detail is not None and triage.pane.detail.rec.id == long)
    qtbot.waitUntil(lambda: triage.pane.text.height() > text_height)  # its text wraps to more lines
    assert widget_at(window, where) is accept
    qtbot.wait(HUMAN_MS)
    click_at(qtbot, window, where)  # the second click, where the first one was
    assert [r.status for r in rows(ws, Recommendation, id=long)] == ["accepted"]
    assert [r.status for r in rows(ws, Recommendation, id=short)] == ["proposed"]


def test_the_triage_boards_undo_notice_fades(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = ws.write(recs.add_recommendation, running.forum, text="Tambah loket pada awal bulna", scope="unit")
    monkeypatch.setattr(common, "NOTICE_MS", 300)
    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    click_row(qtbot, triage.table, triage.model.row_of(typo), column=1)
    qtbot.waitUntil(triage.pane.delete_button.isVisible)
    qtbot.wait(HUMAN_MS)
    click(qtbot, triage.pane.delete_button)
    bar = triage.undo_bar
    click(qtbot, bar.undo_button)
    assert bar.text.text().startswith("Undone")
    qtbot.waitUntil(lambda: bar.text.text() == "")  # it fades; the buttons stay for a redo
    assert bar.isVisible() and bar.redo_button.isEnabled()
