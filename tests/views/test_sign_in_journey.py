"""Signing in on a laptop whose office has users (offline: the users came by sync), with keys
and clicks only: the door refuses a wrong password, a deactivated user and a user of another
office, each with words; the person signed in sets a PIN, shows at the foot of the navigation,
and what they type is recorded under their name; "Kunci" locks, five wrong PINs ask for the
password; "Keluar" signs out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, Forum
from desktop.services import acting, users
from desktop.store.pins import MAX_MISSES, PINS_FILENAME
from desktop.views.main_window import MainWindow
from tests.views.drive import Keyboard, click, rows, when_modal
from tests.views.staff_setup import ADMIN, KEPALA, OPERATOR, PASSWORD, Person, add_staff, other_office_user


@pytest.fixture
def staff(office_ws: Workspace) -> dict[str, Person]:
    """KPPN Sorong's users; a user of another office on the same laptop (list before `shell`)."""
    other_office_user(office_ws)
    made = add_staff(office_ws, ADMIN, KEPALA, OPERATOR)
    with office_ws.store.read() as session:  # the operator moved away (mutasi) before today
        acting.sign_in(session, office_ws.ctx, ADMIN[0], PASSWORD)
    office_ws.write(users.deactivate_user, made[OPERATOR[1]].id, made[KEPALA[1]].id)
    acting.sign_out(office_ws.ctx)
    return made


def sign_in_with(qtbot: QtBot, window: MainWindow, typed: str, password: str) -> None:
    door = window.door
    door.identity.setFocus()
    door.identity.selectAll()
    Keyboard(qtbot, window).type(typed).press(Qt.Key.Key_Tab).type(password).press(Qt.Key.Key_Return)


def test_sign_in_pin_lock_and_sign_out(
    qtbot: QtBot, office_ws: Workspace, staff: dict[str, Person], shell: Shell
) -> None:
    ws, window = office_ws, shell.window
    door = window.door
    assert window.door_shown() and not window.sidebar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # nothing else to reach
    assert window.door_shown()

    sign_in_with(qtbot, window, ADMIN[0], "salah-sandi")
    assert "wrong" in door.message.text() and acting.current_user(ws.ctx) is None
    sign_in_with(qtbot, window, OPERATOR[0], PASSWORD)  # deactivated (mutasi)
    assert "deactivated" in door.message.text() and acting.current_user(ws.ctx) is None
    sign_in_with(qtbot, window, "1980 0101 2005 0110 01", PASSWORD)  # KPPN Manokwari's
    assert "KPPN Manokwari" in door.message.text() and acting.current_user(ws.ctx) is None

    # The name stands for the NIP; then a PIN for this laptop.
    sign_in_with(qtbot, window, "rina  wulandari", PASSWORD)
    user = acting.current_user(ws.ctx)
    assert user is not None and user.nip == ADMIN[0]
    keys = Keyboard(qtbot, window)
    keys.type("48291").press(Qt.Key.Key_Tab).type("48290").press(Qt.Key.Key_Return)
    assert "differ" in door.message.text()
    keys.type("48291").press(Qt.Key.Key_Return)
    stored = (ws.data_dir / PINS_FILENAME).read_text(encoding="utf-8")
    assert "48291" not in stored and "$argon2id$" in stored and user.id in stored

    assert not window.door_shown() and window.sidebar.isVisible()
    assert window.badge.isVisible() and window.badge.name.text() == "Rina Wulandari"
    # What they do names them: a forum made with keys and clicks.
    from desktop.views.forum_dialog import NewForumDialog
    from tests.views.drive import press_ok

    def fill(dialog: object) -> None:
        assert isinstance(dialog, NewForumDialog)
        qtbot.keyClicks(dialog.title, "FKP Maklumat Pelayanan")
        press_ok(qtbot, dialog)

    asked = when_modal(fill)
    click(qtbot, window.forums.new_button)
    assert asked
    forum = rows(ws, Forum, title="FKP Maklumat Pelayanan")[0]
    made = rows(ws, AuditEvent, entity="forums", entity_id=forum.id)
    assert {e.actor for e in made} == {"Rina Wulandari (NIP 198705122010122001)"}

    # "Kunci": five wrong PINs, then only the password opens.
    click(qtbot, window.badge.lock_button)
    assert window.door_shown() and door.pin.isVisible() and not window.sidebar.isVisible()
    for miss in range(1, MAX_MISSES + 1):
        keys.type("11111").press(Qt.Key.Key_Return)
        if miss < MAX_MISSES:
            assert f"{MAX_MISSES - miss} tries left" in door.message.text()
    assert "password" in door.message.text() and door.unlock_password.isVisible() and not door.pin.isVisible()
    assert window.door_shown()
    keys.type("48291").press(Qt.Key.Key_Return)  # the PIN is no use now: it is typed as a password
    assert window.door_shown() and "wrong" in door.message.text()
    keys.type(PASSWORD).press(Qt.Key.Key_Return)
    # After the password, a new PIN may be set (or not now).
    assert door.new_pin.isVisible()
    click(qtbot, door.skip_pin_button)
    assert not window.door_shown() and window.stack.currentWidget() is window.workspace  # where it was
    assert acting.current_user(ws.ctx) is not None

    # "Keluar": nobody acts; the door again.
    click(qtbot, window.badge.sign_out_button)
    assert window.door_shown() and acting.current_user(ws.ctx) is None and not window.badge.isVisible()


@pytest.fixture
def operator_signed_in(office_ws: Workspace) -> dict[str, Person]:
    made = add_staff(office_ws, ADMIN, OPERATOR)
    with office_ws.store.read() as session:
        acting.sign_in(session, office_ws.ctx, OPERATOR[0], PASSWORD)
    return made


def test_a_deactivation_pulled_by_sync_signs_the_person_out(
    qtbot: QtBot, office_ws: Workspace, operator_signed_in: dict[str, Person], shell: Shell
) -> None:
    ws, window = office_ws, shell.window
    assert not window.door_shown() and window.badge.name.text() == "Yohanis Mambraku"
    # The administrator deactivated Yohanis on another laptop; this laptop's sync brings it.
    yohanis = acting.current_user(ws.ctx)
    with ws.store.read() as session:
        acting.sign_in(session, ws.ctx, ADMIN[0], PASSWORD)
    ws.write(users.deactivate_user, operator_signed_in[OPERATOR[1]].id, operator_signed_in[ADMIN[1]].id)
    assert yohanis is not None
    acting.sign_in_user(ws.ctx, yohanis)  # what this laptop knew before the sync
    window.refresh_all()  # what the window does after a sync that pulled changes
    assert window.door_shown() and acting.current_user(ws.ctx) is None
    assert "Yohanis Mambraku was deactivated" in window.door.message.text()
    sign_in_with(qtbot, window, OPERATOR[0], PASSWORD)
    assert "deactivated" in window.door.message.text() and acting.current_user(ws.ctx) is None
