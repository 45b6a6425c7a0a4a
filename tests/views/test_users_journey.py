"""Settings → Users, as the office's administrator does it with keys and clicks: a new user
with a role and a password, a role added, a password reset, and a colleague moving away
(mutasi) deactivated with their open follow-up handed to someone named. An office whose data
predates accounts creates its first administrator there. An operator sees none of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.models import FollowUp, User
from desktop.services import acting, followups, recommendations
from desktop.services.passwords import verify_password
from desktop.views.main_window import SETTINGS, MainWindow
from desktop.views.user_dialog import UserDialog
from desktop.views.users_group import HandOverDialog, UsersGroup
from tests.views.drive import Keyboard, choose, click, click_row, one, press_ok, with_modal
from tests.views.forum_setup import Running, running_forum
from tests.views.staff_setup import ADMIN, KEPALA, OPERATOR, PASSWORD, add_staff


def sign_in(ws: Workspace, nip: str) -> None:
    with ws.store.read() as session:
        acting.sign_in(session, ws.ctx, nip, PASSWORD)


@pytest.fixture
def office_with_staff(ws: Workspace) -> Running:
    """KPPN Sorong, its three users; Yohanis in charge of an open follow-up; Rina (admin)
    signed in (list before `window`)."""
    forum = running_forum(ws)
    add_staff(ws, ADMIN, KEPALA, OPERATOR)
    sign_in(ws, OPERATOR[0])
    rec = ws.write(recommendations.add_recommendation, forum.forum, text="Papan informasi antrean", scope="unit")
    sign_in(ws, KEPALA[0])
    ws.write(recommendations.accept, rec)
    ws.write(followups.assign_follow_up, rec, action="Pasang papan antrean", owner="Yohanis Mambraku")
    sign_in(ws, ADMIN[0])
    return forum


def users_group(qtbot: QtBot, window: MainWindow) -> UsersGroup:
    window.nav.setCurrentRow(SETTINGS)
    group = window.settings.users
    group.table.scrollTo(group.table.model().index(0, 0))
    assert group.isVisible()
    return group


def row_of(group: UsersGroup, name: str) -> int:
    return next(row for row in range(group.table.rowCount()) if group.table.item(row, 0).text() == name)


def test_add_change_reset_and_hand_over(
    qtbot: QtBot, ws: Workspace, office_with_staff: Running, window: MainWindow
) -> None:
    group = users_group(qtbot, window)
    assert [group.table.item(r, 0).text() for r in range(group.table.rowCount())] == [
        "Gandung Triyasmoko",
        "Rina Wulandari",
        "Yohanis Mambraku",
    ]

    def new_user(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog)
        keys = Keyboard(qtbot, dialog)
        keys.type("Sarah Kbarek").tab().type("199505202019022004").tab().type("Pelaksana Seksi Bank")
        click(qtbot, dialog.roles[next(r for r in dialog.roles if r.value == "kepala")])
        dialog.password.setFocus()
        keys.type("sandi-sarah-1").tab().type("sandi-sarah-1")
        press_ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, group.add_button), new_user)
    sarah = one(ws, User, nip="199505202019022004")
    assert (sarah.name, sarah.jabatan, sarah.roles, sarah.active) == (
        "Sarah Kbarek",
        "Pelaksana Seksi Bank",
        ["kepala"],
        True,
    )
    assert sarah.password_hash.startswith("$argon2id$") and verify_password(sarah.password_hash, "sandi-sarah-1")
    assert "Sarah Kbarek added" in group.message.text()

    def add_operator(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog) and dialog.nip.isReadOnly()
        click(qtbot, dialog.roles[next(r for r in dialog.roles if r.value == "operator")])
        press_ok(qtbot, dialog)

    click_row(qtbot, group.table, row_of(group, "Sarah Kbarek"))
    with_modal(qtbot, lambda: click(qtbot, group.edit_button), add_operator)
    assert one(ws, User, nip="199505202019022004").roles == ["operator", "kepala"]

    def new_password(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog)
        Keyboard(qtbot, dialog).type("sandi-baru-22").tab().type("sandi-baru-22")
        press_ok(qtbot, dialog)

    click_row(qtbot, group.table, row_of(group, "Sarah Kbarek"))
    with_modal(qtbot, lambda: click(qtbot, group.password_button), new_password)
    hashed = one(ws, User, nip="199505202019022004").password_hash
    assert verify_password(hashed, "sandi-baru-22") and not verify_password(hashed, "sandi-sarah-1")

    # Yohanis moves to another office (mutasi): his open follow-up goes to Gandung.
    def hand_over(dialog: QDialog) -> None:
        assert isinstance(dialog, HandOverDialog)
        press_ok(qtbot, dialog)  # nobody chosen yet: refused, nothing changes
        assert "take over" in dialog.message.text()
        assert one(ws, User, nip=OPERATOR[0]).active
        choose(qtbot, dialog.successor, "Gandung Triyasmoko — Kepala KPPN Sorong")
        press_ok(qtbot, dialog)

    click_row(qtbot, group.table, row_of(group, "Yohanis Mambraku"))
    with_modal(qtbot, lambda: click(qtbot, group.deactivate_button), hand_over)
    yohanis = one(ws, User, nip=OPERATOR[0])
    assert not yohanis.active and yohanis.deactivated_by == "Rina Wulandari (NIP 198705122010122001)"
    assert one(ws, FollowUp).owner == "Gandung Triyasmoko"
    assert group.table.item(row_of(group, "Yohanis Mambraku"), 4).text() == "deactivated"
    assert "1 open follow-up" in group.message.text()


@pytest.fixture
def operator_signed_in(ws: Workspace) -> Running:
    forum = running_forum(ws)
    add_staff(ws, ADMIN, KEPALA, OPERATOR)
    sign_in(ws, OPERATOR[0])
    return forum


def test_an_operator_sees_no_users_and_no_triage_actions(
    qtbot: QtBot, ws: Workspace, operator_signed_in: Running, window: MainWindow
) -> None:
    window.nav.setCurrentRow(SETTINGS)
    assert not window.settings.users.isVisible()
    assert not window.settings.unit_lines["name"].isEnabled()  # the office's settings: the admin's
    assert window.forums.new_button.isVisibleTo(window.forums)  # an operator plans forums
    assert all(not button.isVisibleTo(window.triage) for button in window.triage.bulk.values())
    assert not window.escalations.answer_button.isVisibleTo(window.escalations)


def test_an_office_from_before_accounts_creates_its_first_administrator(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    ws = office_ws
    assert not window.door_shown() and not window.badge.isVisible()  # works as before accounts
    group = users_group(qtbot, window)
    assert group.first_admin_button.isVisible() and not group.table.isVisible()

    def first_admin(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog)
        admin_box = next(box for role, box in dialog.roles.items() if role.value == "admin")
        assert admin_box.isChecked() and not admin_box.isEnabled()
        assert dialog.name.text() == "Tester"  # the operator of Settings, until now
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        Keyboard(qtbot, dialog).type("Rina Wulandari").tab().type(ADMIN[0])
        dialog.password.setFocus()
        Keyboard(qtbot, dialog).type(PASSWORD).tab().type(PASSWORD).press(Qt.Key.Key_Return)

    with_modal(qtbot, lambda: click(qtbot, group.first_admin_button), first_admin)
    rina = one(ws, User)
    assert rina.roles == ["operator", "admin"] and rina.nip == ADMIN[0]
    assert window.badge.isVisible() and window.badge.name.text() == "Rina Wulandari"
    assert ws.ctx.actor == "Rina Wulandari (NIP 198705122010122001)"


def test_a_signatory_is_picked_from_the_users_and_stays_editable(
    qtbot: QtBot, ws: Workspace, office_with_staff: Running, window: MainWindow
) -> None:
    from desktop.models import Forum
    from tests.views.drive import click_tab, rows

    forum = office_with_staff
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    details = workspace.details
    click_tab(qtbot, workspace.tabs, details)
    picker = details.signatory_user
    assert [picker.itemText(i) for i in range(1, picker.count())] == [
        "Gandung Triyasmoko — Kepala KPPN Sorong",
        "Rina Wulandari — Kepala Subbagian Umum",
        "Yohanis Mambraku — Pelaksana",
    ]  # the office's active users
    click_row(qtbot, details.signatories, 0, column=1)  # the head's row
    choose(qtbot, picker, "Gandung Triyasmoko — Kepala KPPN Sorong", stays=False)
    stored = rows(ws, Forum, id=forum.forum)[0].signatories[0]
    assert (stored["name"], stored["nip"], stored["title"]) == (
        "Gandung Triyasmoko",
        "197801012000031002",
        "Kepala KPPN Sorong",
    )
    assert stored["role"] == "head_of_unit"  # the row's role stays
    # Still editable: the title typed over in the table.
    table = details.signatories
    click_row(qtbot, table, 0, column=3)
    Keyboard(qtbot, window).type("Plt. Kepala KPPN Sorong").press(Qt.Key.Key_Return)
    # (the table commits an edit a moment after Enter)
    qtbot.waitUntil(lambda: rows(ws, Forum, id=forum.forum)[0].signatories[0]["title"] == "Plt. Kepala KPPN Sorong")


@pytest.fixture
def kepala_signed_in(ws: Workspace) -> Running:
    forum = running_forum(ws)
    add_staff(ws, ADMIN, KEPALA)
    sign_in(ws, KEPALA[0])
    return forum


def test_the_head_captures_but_neither_signs_people_in_nor_plans(
    qtbot: QtBot, ws: Workspace, kepala_signed_in: Running, window: MainWindow
) -> None:
    assert not window.forums.new_button.isVisibleTo(window.forums)
    workspace = window.open_forum(kepala_signed_in.forum)
    assert workspace is not None
    assert not workspace.attendance.name.isEnabled() and not workspace.attendance.sign_in_button.isEnabled()
    assert not workspace.agenda.add_button.isEnabled() and workspace.details.lines["venue"].isReadOnly()
    assert workspace.capture.text.isEnabled() and workspace.capture.save_button.isEnabled()
    window.nav.setCurrentRow(window.pages.index(window.escalations))
    assert window.escalations.answer_button.isVisibleTo(window.escalations)  # the head answers


def test_the_sample_forum_is_loaded_under_the_signed_in_name(
    qtbot: QtBot, ws: Workspace, office_with_staff: Running, window: MainWindow
) -> None:
    from desktop.models import AuditEvent, Forum
    from desktop.services import demo
    from tests.views.drive import rows

    ws.change_settings(operator="")  # no operator typed on this laptop: none is asked for
    click(qtbot, window.forums.sample_button)
    sample = ws.read(demo.sample_forum)
    assert sample is not None
    made = rows(ws, AuditEvent, entity="forums", entity_id=rows(ws, Forum, id=sample)[0].id)
    assert {e.actor for e in made} == {"Rina Wulandari (NIP 198705122010122001)"}
