"""Sign-in at the door, from the facilitator's seat (issue #11, "Sign-in"): picking an invitee
from the suggestions leaves nothing behind for the next person; a part of a name and Enter never
adds a junk walk-in; a walk-in inherits nothing; people are edited and removed in the app, with
undo, and a removal is an audited tombstone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, Gender
from desktop.models import AuditEvent, OutboxOp, Participant
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.views.attendance_tab import AttendanceTab
from desktop.views.main_window import MainWindow
from desktop.views.participant_dialog import ParticipantDialog
from tests.views.drive import CTRL, Keyboard, choose, click, click_row, click_tab, one, rows, with_modal
from tests.views.forum_setup import Running, running_forum


@pytest.fixture
def forum(ws: Workspace) -> Running:
    return running_forum(ws)


@pytest.fixture
def door(qtbot: QtBot, forum: Running, window: MainWindow) -> AttendanceTab:
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.attendance)
    click(qtbot, workspace.attendance.name)
    return workspace.attendance


def person(ws: Workspace, name: str) -> Participant:
    return one(ws, Participant, name=name)


def entry_is_empty(tab: AttendanceTab) -> bool:
    return (
        tab.name.text() == ""
        and tab.organization.text() == ""
        and tab.category.currentIndex() == 0
        and tab.gender.value() is None
        and not tab.vulnerable.isChecked()
    )


def test_picking_an_invitee_from_the_suggestions_leaves_nothing_for_the_next_person(
    qtbot: QtBot, ws: Workspace, window: MainWindow, door: AttendanceTab
) -> None:
    keys = Keyboard(qtbot, window).type("mart")
    assert QApplication.activePopupWidget() is door.suggestions  # Martin Kambu, Martina Rumbiak
    keys.press(Qt.Key.Key_Down).press(Qt.Key.Key_Down).press(Qt.Key.Key_Return)
    assert person(ws, "Martina Rumbiak").attended and not person(ws, "Martin Kambu").attended
    assert entry_is_empty(door)  # "mart" used to come back here, and the next name was appended
    keys.type("Yohanis Kambu").tab().type("Radio Sorong")
    choose(qtbot, door.category, "Media")
    click(qtbot, door.organization)
    keys.press(Qt.Key.Key_Return)
    walk_in = person(ws, "Yohanis Kambu")
    assert (walk_in.organization, walk_in.category, walk_in.gender) == ("Radio Sorong", Category.MEDIA, None)
    assert len(rows(ws, Participant)) == 5  # the four invited and Yohanis: no "martYohanis"


def test_part_of_a_name_that_one_person_has_signs_that_person_in(
    qtbot: QtBot, ws: Workspace, window: MainWindow, door: AttendanceTab
) -> None:
    Keyboard(qtbot, window).type("firm").press(Qt.Key.Key_Escape).press(Qt.Key.Key_Return)
    assert person(ws, "Firman Arwanto").attended
    assert "Firman Arwanto signed in" in door.message.text()
    assert len(rows(ws, Participant)) == 4 and entry_is_empty(door)


def which_one(qtbot: QtBot, answer: str | None):
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        if answer is None:
            click(qtbot, box.button(QDialogButtonBox.StandardButton.Cancel))
            return
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        choose(qtbot, combo, answer)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    return drive


def test_part_of_a_name_that_several_people_have_asks_who(
    qtbot: QtBot, ws: Workspace, window: MainWindow, door: AttendanceTab
) -> None:
    keys = Keyboard(qtbot, window).type("mart").press(Qt.Key.Key_Escape)
    with_modal(qtbot, lambda: keys.press(Qt.Key.Key_Return), which_one(qtbot, None))
    assert door.name.text() == "mart" and not [p for p in rows(ws, Participant) if p.attended]
    martin = which_one(qtbot, "Martin Kambu — Radio Republik Indonesia Sorong")
    with_modal(qtbot, lambda: keys.press(Qt.Key.Key_Return), martin)
    assert person(ws, "Martin Kambu").attended and not person(ws, "Martina Rumbiak").attended
    assert len(rows(ws, Participant)) == 4 and entry_is_empty(door)


def test_a_walk_in_whose_name_is_part_of_an_invitees_can_be_added(
    qtbot: QtBot, ws: Workspace, window: MainWindow, door: AttendanceTab
) -> None:
    keys = Keyboard(qtbot, window).type("Siti").press(Qt.Key.Key_Escape).tab().type("Dinas Sosial")
    with_modal(qtbot, lambda: keys.press(Qt.Key.Key_Return), which_one(qtbot, "Someone new: “Siti”"))
    assert person(ws, "Siti").organization == "Dinas Sosial" and not person(ws, "Siti Rahayu").attended


def test_a_walk_in_inherits_nothing(qtbot: QtBot, ws: Workspace, window: MainWindow, door: AttendanceTab) -> None:
    keys = Keyboard(qtbot, window)
    keys.type("Martina Rumbiak").press(Qt.Key.Key_Escape).press(Qt.Key.Key_Return)  # invited: female, satker
    keys.type("Pak Kornelis").press(Qt.Key.Key_Return)
    walk_in = person(ws, "Pak Kornelis")
    assert walk_in.attended
    assert (walk_in.organization, walk_in.category, walk_in.gender, walk_in.vulnerable) == (
        "",
        Category.SERVICE_USER,
        None,
        False,
    )


def edit_name(qtbot: QtBot, new_name: str):
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, ParticipantDialog)
        line = dialog.name
        assert isinstance(line, QLineEdit)
        click(qtbot, line)
        keys = Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type(new_name)
        choose(qtbot, dialog.gender, "Female")
        keys.press(Qt.Key.Key_Return)

    return drive


def test_a_participant_is_edited_and_the_edit_undone(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, door: AttendanceTab
) -> None:
    row = next(n for n, p in enumerate(door._people) if p.name == "Siti Rahayu")
    click_row(qtbot, door.table, row)
    with_modal(qtbot, lambda: click(qtbot, door.edit_button), edit_name(qtbot, "Siti Rahayu Wambrauw"))
    edited = one(ws, Participant, id=forum.people["Siti Rahayu"])
    assert (edited.name, edited.gender) == ("Siti Rahayu Wambrauw", Gender.FEMALE)
    click(qtbot, door.name)
    Keyboard(qtbot, window).press(Qt.Key.Key_Z, CTRL)  # the entry line is empty: the edit is undone
    assert one(ws, Participant, id=forum.people["Siti Rahayu"]).name == "Siti Rahayu"


def test_removing_is_an_audited_tombstone_and_undo_brings_them_back(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, door: AttendanceTab
) -> None:
    keys = Keyboard(qtbot, window).type("Salah Ketik Nama").press(Qt.Key.Key_Return)
    junk = person(ws, "Salah Ketik Nama")
    signed_at = junk.signed_in_at
    click_row(qtbot, door.table, next(n for n, p in enumerate(door._people) if p.id == junk.id))
    click(qtbot, door.remove_button)
    assert not rows(ws, Participant, name="Salah Ketik Nama")
    with ws.store.read() as session:
        tombstone = session.get(Participant, junk.id)
        assert tombstone is not None and tombstone.deleted  # not hard-deleted
        ops = [op.kind for op in session.scalars(select(OutboxOp).where(OutboxOp.entity_id == junk.id))]
    assert ops[-1] == "delete" and one(ws, AuditEvent, entity_id=junk.id, action="delete")
    click(qtbot, door.name)
    keys.press(Qt.Key.Key_Z, CTRL)  # brought back as they were: signed in at the same time
    assert door.message.text() == "Undone: remove participant"
    back = person(ws, "Salah Ketik Nama")
    assert back.id == junk.id and back.attended and back.signed_in_at == signed_at  # the same record
    assert one(ws, AuditEvent, entity_id=junk.id, action="restore")


def test_someone_who_raised_a_recommendation_stays_on_the_list(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, door: AttendanceTab
) -> None:
    ws.write(
        recs.add_recommendation,
        forum.forum,
        text="Tambah loket",
        scope="unit",
        raised_by_id=forum.people["Firman Arwanto"],
    )
    door.reload()
    click_row(qtbot, door.table, next(n for n, p in enumerate(door._people) if p.name == "Firman Arwanto"))
    click(qtbot, door.remove_button)
    assert "raised 1 recommendation" in door.message.text()
    assert person(ws, "Firman Arwanto")


def test_a_sign_in_on_another_day_than_the_forums_shows_its_date(
    qtbot: QtBot, ws: Workspace, indonesian: Workspace, window: MainWindow
) -> None:
    """"09.12" alone read as the forum day's morning for someone signed in two days later: a
    sign-in on another day shows its date, in the office's zone, as Indonesian writes it."""
    forum = running_forum(ws)
    two_days_ago = ws.ctx.today() - timedelta(days=2)
    ws.write(forums.update_forum, forum.forum, held_on=two_days_ago.isoformat())
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.attendance)
    door = workspace.attendance
    click(qtbot, door.name)
    Keyboard(qtbot, window).type("Siti Rahayu").press(Qt.Key.Key_Return)
    signed = person(ws, "Siti Rahayu").signed_in_at
    assert signed is not None
    local = signed.astimezone(ws.ctx.zone)
    row = next(r for r in range(door.table.rowCount()) if door.table.item(r, 0).text() == "Siti Rahayu")
    assert door.table.item(row, 5).text() == "✓ " + local.strftime("%d-%m-%Y %H.%M")


def test_a_time_is_said_against_the_forums_day_in_the_offices_zone() -> None:
    from desktop.core import i18n

    at = datetime(2024, 8, 21, 0, 12, tzinfo=UTC)  # 09.12 in Sorong (WIT, UTC+9)
    wit = ZoneInfo("Asia/Jayapura")
    i18n.set_language("id")
    assert i18n.time_on(at, date(2024, 8, 21), wit) == "09.12"
    assert i18n.time_on(at, date(2024, 8, 19), wit) == "21-08-2024 09.12"
    late = datetime(2024, 8, 21, 16, 30, tzinfo=UTC)  # 01.30 on the 22nd in Sorong, 23.30 on the 21st in Jakarta
    assert i18n.time_on(late, date(2024, 8, 21), wit) == "22-08-2024 01.30"
    assert i18n.time_on(late, date(2024, 8, 21), ZoneInfo("Asia/Jakarta")) == "23.30"
    i18n.set_language("en")
    assert i18n.time_on(at, date(2024, 8, 21), wit) == "09:12"
    assert i18n.time_on(at, date(2024, 8, 23), wit) == "21-08-2024 09:12"
