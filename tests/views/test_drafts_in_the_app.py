"""A draft lives only while its typing is unsaved: gone when the line is saved, when the person
chooses to discard it, and after a normal close (drafts found at start come from a crash)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.store.drafts import DRAFTS_FILENAME
from tests.views.drive import Keyboard, answer, click_tab, with_modal
from tests.views.forum_setup import Running


def file_text(ws: Workspace) -> str:
    path = ws.data_dir / DRAFTS_FILENAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_draft_goes_when_saved_or_discarded_and_none_is_left_by_a_normal_close(
    qtbot: QtBot, ws: Workspace, running: Running, shell: Shell
) -> None:
    forum = running
    window = shell.window
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.attendance)
    keys = Keyboard(qtbot, window).type("Pak Kornelis")  # at the door, not signed in yet
    click_tab(qtbot, workspace.tabs, workspace.capture)
    keys.type("Antrean daring")
    qtbot.waitUntil(lambda: shell.drafts.flush(0) and "Antrean daring" in file_text(ws), timeout=5000)
    assert "Pak Kornelis" in file_text(ws)
    keys.press(Qt.Key.Key_Return)  # saved: its draft goes, the one at the door stays
    qtbot.waitUntil(lambda: shell.drafts.flush(0) and "Antrean daring" not in file_text(ws), timeout=5000)
    assert "Pak Kornelis" in file_text(ws)

    keys.type("Salah ketik")
    qtbot.waitUntil(lambda: shell.drafts.flush(0) and "Salah ketik" in file_text(ws), timeout=5000)
    discard = answer(qtbot, QMessageBox.StandardButton.Discard)
    with_modal(qtbot, window.close, discard)  # closing asks; the person drops the line
    assert shell.drafts.of(forum.forum, "capture") is None
    shell.close()  # the app's normal end
    assert not (ws.data_dir / DRAFTS_FILENAME).exists()
