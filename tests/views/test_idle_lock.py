"""The idle lock: with no key nor click for the minutes of Settings, the window locks; a
recommendation half typed in live capture is still there (on the screen and in drafts.json)
after the PIN unlocks it, and is saved under the name of the person signed in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import AuditEvent, Recommendation
from desktop.services import acting
from desktop.store.drafts import DRAFTS_FILENAME
from desktop.store.pins import PinStore
from desktop.views.main_window import MainWindow
from tests.views.drive import Keyboard, click, click_tab, rows
from tests.views.forum_setup import Running, running_forum
from tests.views.staff_setup import ADMIN, PASSWORD, add_staff

LOCK_MS = 300  # the test's "10 minutes"


@pytest.fixture
def signed_in(ws: Workspace) -> Running:
    """A forum under way; Rina signed in at the door earlier today, her PIN set (list before `shell`)."""
    forum = running_forum(ws)
    rina = add_staff(ws, ADMIN)[ADMIN[1]]
    with ws.store.read() as session:
        acting.sign_in(session, ws.ctx, ADMIN[0], PASSWORD)
    PinStore(ws.data_dir).set_pin(rina.id, "4829")
    return forum


def test_idle_lock_keeps_the_typing_and_the_pin_unlocks(
    qtbot: QtBot, ws: Workspace, signed_in: Running, shell: Shell
) -> None:
    forum = signed_in
    window: MainWindow = shell.window
    assert not window.door_shown() and window.idle.active()

    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.capture)
    keys = Keyboard(qtbot, window).type("Loket prioritas untuk lansia")
    window.idle.set_timeout(LOCK_MS)  # then nobody touches the laptop
    qtbot.waitUntil(window.door_shown, timeout=5000)
    assert not window.sidebar.isVisible() and window.door.pin.hasFocus()
    assert workspace.capture.text.text() == "Loket prioritas untuk lansia"  # kept, behind the lock
    qtbot.waitUntil(
        lambda: shell.drafts.flush(0) and "Loket prioritas" in (ws.data_dir / DRAFTS_FILENAME).read_text("utf-8"),
        timeout=5000,
    )
    assert not rows(ws, Recommendation, forum_id=forum.forum)

    keys.type("4829").press(Qt.Key.Key_Return)
    assert not window.door_shown() and window.stack.currentWidget() is workspace
    assert workspace.tabs.currentWidget() is workspace.capture
    click(qtbot, workspace.capture.text)
    keys.press(Qt.Key.Key_End).type(" dan disabilitas").press(Qt.Key.Key_Return)
    saved = rows(ws, Recommendation, forum_id=forum.forum)
    assert [r.text for r in saved] == ["Loket prioritas untuk lansia dan disabilitas"]
    logged = rows(ws, AuditEvent, entity="recommendations", entity_id=saved[0].id)
    assert {e.actor for e in logged} == {"Rina Wulandari (NIP 198705122010122001)"}


def test_the_lock_minutes_are_a_setting_of_this_laptop(
    qtbot: QtBot, ws: Workspace, signed_in: Running, window: MainWindow
) -> None:
    window.nav.setCurrentRow(window.pages.index(window.settings))
    box = window.settings.lock_minutes
    assert box.value() == 10  # the default
    box.setFocus()
    Keyboard(qtbot, window).press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier).type("25").press(Qt.Key.Key_Tab)
    assert Settings.load(ws.data_dir).lock_minutes == 25
    assert window.idle._timer.interval() == 25 * 60_000
