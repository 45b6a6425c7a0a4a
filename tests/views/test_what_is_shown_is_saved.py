"""What a form shows is what is stored (issue #13): the New-forum dialog's times are real values
(a grey "09:00" hint was saved as no time at all), and closing a forum with nobody signed in or
with no venue says so and asks before the berita acara is frozen that way."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus
from desktop.models import Forum
from desktop.services import forums, participants
from desktop.views.close_dialog import CloseForumDialog
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import CTRL, LEFT, Keyboard, click, click_tab, one, press_ok, with_modal
from tests.views.forum_setup import Running, office


@pytest.fixture
def kppn(ws: Workspace) -> str:
    """This laptop's office (list it before `window`: a laptop with none opens on the first run)."""
    return office(ws)


def test_the_new_forums_times_are_the_ones_saved(
    qtbot: QtBot, ws: Workspace, kppn: str, window: MainWindow
) -> None:
    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        assert (dialog.starts_at.text(), dialog.ends_at.text()) == ("09:00", "12:00")  # typed, not a hint
        click(qtbot, dialog.title)
        Keyboard(qtbot, dialog).type("FKP Standar Pelayanan")
        press_ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), plan)
    forum = one(ws, Forum, title="FKP Standar Pelayanan")
    assert (forum.starts_at, forum.ends_at) == (time(9), time(12))

    def without_end(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        click(qtbot, dialog.title)
        keys = Keyboard(qtbot, dialog).type("FKP Tanpa Jam Selesai")
        click(qtbot, dialog.ends_at)
        keys.press(Qt.Key.Key_A, CTRL).press(Qt.Key.Key_Backspace)
        hint = dialog.ends_at.placeholderText()
        assert "12:00" in hint and hint != "12:00"  # an example of an empty field, said as one
        press_ok(qtbot, dialog)

    assert window.workspace is not None  # the new forum opened: its "Forums" button leads back
    click(qtbot, next(b for b in window.workspace.findChildren(QPushButton) if b.text() == "Forums"))
    qtbot.waitUntil(window.forums.new_button.isVisible)
    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), without_end)
    forum = one(ws, Forum, title="FKP Tanpa Jam Selesai")
    assert (forum.starts_at, forum.ends_at) == (time(9), None)


def test_closing_with_nobody_signed_in_and_no_venue_warns_and_asks(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    ws.write(forums.update_forum, running.forum, venue="")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)
    seen: list[str] = []

    def refuse_then_mean_it(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseForumDialog) and dialog.venue is not None
        qtbot.waitUntil(dialog.doubts.isVisible)
        seen.append(dialog.doubts.text())
        assert "empty attendance list" in dialog.doubts.text() and "no venue" in dialog.doubts.text()
        assert dialog.confirm.isVisible() and not dialog.close_button.isEnabled()
        qtbot.mouseClick(dialog.close_button, LEFT)  # a disabled button: nothing happens
        assert dialog.isVisible() and one(ws, Forum).status == ForumStatus.RUNNING
        click(qtbot, dialog.venue)
        Keyboard(qtbot, dialog).type("Aula KPPN Sorong")
        qtbot.waitUntil(lambda: "venue" not in dialog.doubts.text())
        assert "empty attendance list" in dialog.doubts.text() and not dialog.close_button.isEnabled()
        click(qtbot, dialog.confirm)  # the forum really had nobody signed in
        click(qtbot, dialog.close_button)

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), refuse_then_mean_it)
    forum = one(ws, Forum)
    assert forum.status == ForumStatus.CLOSED and forum.venue == "Aula KPPN Sorong"
    assert seen


def test_cancelling_the_doubtful_close_changes_nothing(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseForumDialog)
        assert dialog.venue is None  # the forum has its venue: not asked
        assert "empty attendance list" in dialog.doubts.text() and "venue" not in dialog.doubts.text()
        Keyboard(qtbot, dialog).press(Qt.Key.Key_Escape)

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), cancel)
    assert one(ws, Forum).status == ForumStatus.RUNNING


def test_a_forum_with_its_attendees_and_venue_closes_without_a_doubt(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    ws.write(participants.sign_in, running.people["Martina Rumbiak"])
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)

    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseForumDialog)
        assert not dialog.doubts.isVisible() and not dialog.confirm.isVisible()
        click(qtbot, dialog.close_button)

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), close)
    assert one(ws, Forum).status == ForumStatus.CLOSED
