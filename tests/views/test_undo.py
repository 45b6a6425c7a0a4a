"""Undo in live capture, from the keyboard (issue #11, "Undo"): with text typed, Ctrl+Z undoes
the typing; with the line empty, it undoes the last saved action; Ctrl+Y and Ctrl+Shift+Z redo.
An undone save is a tombstone (an audited, synced deletion), a redone one an audited restore of
the same record: nothing is ever hard-deleted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, OutboxOp, Recommendation
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from tests.views.drive import CTRL, SHIFT, Keyboard, click, click_tab, one, rows
from tests.views.forum_setup import Running


@pytest.fixture
def capture_open(qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow) -> ForumWorkspace:
    forum = running
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.capture)
    click(qtbot, workspace.capture.text)
    return workspace


def all_recs(ws: Workspace) -> list[Recommendation]:
    with ws.store.read() as session:
        return list(session.scalars(select(Recommendation)))


def test_ctrl_z_with_text_typed_undoes_the_typing(
    qtbot: QtBot, ws: Workspace, window: MainWindow, capture_open: ForumWorkspace
) -> None:
    keys = Keyboard(qtbot, window).type("Perkuat layanan")
    keys.press(Qt.Key.Key_Z, CTRL)
    assert capture_open.capture.text.text() == ""  # the typing went (one undo step for a burst)
    keys.press(Qt.Key.Key_Y, CTRL)
    assert capture_open.capture.text.text() == "Perkuat layanan"
    assert all_recs(ws) == []


def test_ctrl_z_on_an_empty_line_undoes_the_save_and_redo_brings_it_back(
    qtbot: QtBot, ws: Workspace, window: MainWindow, capture_open: ForumWorkspace
) -> None:
    capture = capture_open.capture
    keys = Keyboard(qtbot, window)
    keys.type("Tambah petugas loket").press(Qt.Key.Key_Return)
    [saved] = rows(ws, Recommendation)
    assert capture.text.text() == ""
    keys.press(Qt.Key.Key_Z, CTRL)  # the line is empty: the save is undone
    assert capture.text.text() == ""  # … and the old text is not recalled into the line
    assert rows(ws, Recommendation) == []
    [tombstone] = all_recs(ws)
    assert tombstone.id == saved.id and tombstone.deleted  # never hard-deleted
    assert one(ws, AuditEvent, entity_id=saved.id, action="delete")
    with ws.store.read() as session:
        kinds = [op.kind for op in session.scalars(select(OutboxOp).where(OutboxOp.entity_id == saved.id))]
    assert kinds == ["create", "delete"]  # the deletion travels to the server
    assert capture.model.rowCount() == 0
    assert capture.message.text() == "Undone: add recommendation"

    keys.press(Qt.Key.Key_Y, CTRL)  # redo: the same record is back
    assert capture.message.text() == "Redone: add recommendation"
    [again] = rows(ws, Recommendation)
    assert again.text == "Tambah petugas loket" and again.id == saved.id and len(all_recs(ws)) == 1
    keys.press(Qt.Key.Key_Z, CTRL)
    keys.press(Qt.Key.Key_Z, CTRL | SHIFT)  # the other redo key
    assert [r.text for r in rows(ws, Recommendation)] == ["Tambah petugas loket"]


def test_steps_after_a_redone_save_follow_the_record(
    qtbot: QtBot, ws: Workspace, window: MainWindow, capture_open: ForumWorkspace
) -> None:
    capture = capture_open.capture
    keys = Keyboard(qtbot, window)
    keys.type("Ruang tunggu ber-AC").press(Qt.Key.Key_Return)
    capture.table.setFocus()
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)  # the saved row is selected: one vote
    assert one(ws, Recommendation).votes == 1
    for _ in range(2):
        qtbot.keyClick(capture.table, Qt.Key.Key_Z, CTRL)  # the vote, then the save
    assert rows(ws, Recommendation) == []
    for _ in range(2):
        qtbot.keyClick(capture.table, Qt.Key.Key_Y, CTRL)  # the save (the same record), then its vote
    again = one(ws, Recommendation)
    assert (again.text, again.votes) == ("Ruang tunggu ber-AC", 1)
