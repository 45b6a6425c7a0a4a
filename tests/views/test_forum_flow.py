"""A whole forum as a facilitator runs it in the app: plan it, sign people in, run the agenda,
capture recommendations live (with undo/redo and a merge), write the agreements, start and
close it; the database is checked after each step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, ForumStatus, RecStatus, Scope
from desktop.models import AgendaItem, Forum, Participant, Recommendation
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import closing, with_modal


def rows(ws: Workspace, model: type, **where: object) -> list:
    with ws.store.read() as session:
        query = select(model).where(model.deleted.is_(False))
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(session.scalars(query))


def type_and_enter(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def click_row(qtbot: QtBot, table: object, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    cell = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, cell)


def plan_forum(qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch) -> str:
    created: list[NewForumDialog] = []

    def fill_and_ok(dialog: NewForumDialog) -> int:
        created.append(dialog)
        qtbot.keyClicks(dialog.title, "FKP Standar Pelayanan 2026")  # 09:00–12:00 as the dialog shows
        qtbot.keyClicks(dialog.venue, "Aula KPPN Sorong")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(NewForumDialog, "exec", fill_and_ok)
    qtbot.mouseClick(window.forums.new_button, Qt.MouseButton.LeftButton)
    forum_id = created[0].forum_id
    assert forum_id is not None
    return forum_id


def test_a_forum_from_planning_to_close(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow, monkeypatch, answer_questions, tmp_path: Path
) -> None:
    ws = office_ws
    forum_id = plan_forum(qtbot, ws, window, monkeypatch)
    [forum] = rows(ws, Forum)
    assert (forum.title, forum.venue, forum.starts_at.hour, forum.status) == (
        "FKP Standar Pelayanan 2026",
        "Aula KPPN Sorong",
        9,
        ForumStatus.PLANNED,
    )
    workspace = window.workspace
    assert workspace is not None and workspace.forum_id == forum_id
    qtbot.waitUntil(window.forums.loaded)
    assert window.forums.model.rowCount() == 1

    # Start, with a confirmation.
    asked = answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(workspace.details.start_button, Qt.MouseButton.LeftButton)
    assert asked and rows(ws, Forum)[0].status == ForumStatus.RUNNING

    # Attendance: the invitation list, then sign-in at the door.
    invitations = tmp_path / "undangan.csv"
    invitations.write_text(
        "Nama;Instansi;Unsur;Jenis Kelamin\n"
        "Martina Rumbiak;Satker Dinas Pendidikan;Satker;P\n"
        "Firman Arwanto;Universitas Muhammadiyah Sorong;Akademisi;L\n",
        encoding="utf-8",
    )
    attendance = workspace.attendance
    workspace.tabs.setCurrentWidget(attendance)
    assert attendance.import_file(invitations)
    type_and_enter(qtbot, attendance.name, "martina rumbiak")  # invited: signed in, details kept
    attendance.category.setCurrentIndex(attendance.category.findData(Category.MEDIA))
    qtbot.keyClicks(attendance.organization, "Radio Sorong")
    type_and_enter(qtbot, attendance.name, "Yohanis Kambu")  # walk-in
    people = {p.name: p for p in rows(ws, Participant, forum_id=forum_id)}
    assert people["Martina Rumbiak"].attended and people["Martina Rumbiak"].category == Category.CLIENT_OFFICE
    assert people["Yohanis Kambu"].attended and people["Yohanis Kambu"].category == Category.MEDIA
    assert people["Yohanis Kambu"].organization == "Radio Sorong"
    assert not people["Firman Arwanto"].attended
    assert attendance.warning.isVisibleTo(workspace) and "2" in attendance.warning.text()

    # Agenda: two items, the second made current.
    agenda = workspace.agenda
    workspace.tabs.setCurrentWidget(agenda)
    type_and_enter(qtbot, agenda.title, "Pembukaan")
    qtbot.keyClicks(agenda.title, "Paparan standar pelayanan")
    agenda.minutes.setValue(30)
    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)
    agenda.list.setCurrentRow(1)
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    items = sorted(rows(ws, AgendaItem, forum_id=forum_id), key=lambda i: i.position)
    assert [i.title for i in items] == ["Pembukaan", "Paparan standar pelayanan"]
    assert items[1].started_at is not None and items[1].planned_minutes == 30
    assert "Paparan standar pelayanan" in agenda.current.text()

    # Live capture: typed, attributed, scope toggled with F2, saved with Enter.
    capture = workspace.capture
    workspace.tabs.setCurrentWidget(capture)
    capture.reload()
    qtbot.keyClicks(capture.text, "Perkuat customer service pada jam sibuk")
    qtbot.keyClicks(capture.raised_by, "Martina Rumbiak")
    type_and_enter(qtbot, capture.text, "")
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Usulkan layanan jemput bola ke distrik terpencil")
    qtbot.keyClick(capture.text, Qt.Key.Key_F2)
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    qtbot.keyClicks(capture.text, "Tambah petugas customer service")  # F2 held for one line only
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    recs = {r.text: r for r in rows(ws, Recommendation, forum_id=forum_id)}
    service = recs["Perkuat customer service pada jam sibuk"]
    assert service.scope == Scope.UNIT and service.raised_by_id == people["Martina Rumbiak"].id
    assert service.agenda_item_id == items[1].id  # the running item is preselected
    assert recs["Usulkan layanan jemput bola ke distrik terpencil"].scope == Scope.POLICY
    assert recs["Tambah petugas customer service"].scope == Scope.UNIT
    assert capture.model.rowCount() == 3

    # Votes with + on the list, then undo and redo them.
    click_row(qtbot, capture.table, capture.model.row_of(service.id))
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    assert rows(ws, Recommendation, id=service.id)[0].votes == 2
    qtbot.keyClick(capture.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(ws, Recommendation, id=service.id)[0].votes == 1
    qtbot.keyClick(
        capture.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert rows(ws, Recommendation, id=service.id)[0].votes == 2

    # Undo reaches back to the saved line: the last recommendation disappears, redo brings it back.
    capture.undo_stack.undo()
    capture.undo_stack.undo()
    capture.undo_stack.undo()
    texts = {r.text for r in rows(ws, Recommendation, forum_id=forum_id)}
    assert "Tambah petugas customer service" not in texts
    capture.undo_stack.redo()
    texts = {r.text for r in rows(ws, Recommendation, forum_id=forum_id)}
    assert "Tambah petugas customer service" in texts

    # Merge the duplicate into the one with more votes.
    duplicate = next(r for r in rows(ws, Recommendation, forum_id=forum_id) if r.text.startswith("Tambah"))
    click_row(qtbot, capture.table, capture.model.row_of(service.id))
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)  # the undo above took its votes back
    assert rows(ws, Recommendation, id=service.id)[0].votes == 1
    capture.table.clearSelection()
    for rec_id in (service.id, duplicate.id):  # Ctrl+click on each
        click_row(qtbot, capture.table, capture.model.row_of(rec_id), Qt.KeyboardModifier.ControlModifier)
    assert sorted(capture.selected_ids()) == sorted([service.id, duplicate.id])
    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(capture.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert capture.message.text() == "Merged.", capture.message.text()
    merged = rows(ws, Recommendation, id=duplicate.id)[0]
    assert merged.status == RecStatus.MERGED and merged.merged_into_id == service.id
    assert not capture.undo_button.isEnabled()  # a merge cannot be undone

    # Agreements: typed text is saved without pressing anything.
    summary = workspace.summary
    workspace.tabs.setCurrentWidget(summary)
    summary.agreements.setFocus()
    qtbot.keyClicks(summary.agreements, "Layanan konsultasi dibuka setiap Senin")
    qtbot.waitUntil(
        lambda: rows(ws, Forum)[0].agreements == "Layanan konsultasi dibuka setiap Senin", timeout=3000
    )

    # Close: the dialog asks for what the minutes lack, then they are final.
    workspace.tabs.setCurrentWidget(workspace.details)
    close = workspace.details.close_button
    with_modal(qtbot, lambda: qtbot.mouseClick(close, Qt.MouseButton.LeftButton), closing(qtbot))
    assert rows(ws, Forum)[0].status == ForumStatus.CLOSED
    assert not workspace.details.close_button.isEnabled()


def test_bad_input_is_explained_inline_and_changes_nothing(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    ws = office_ws
    forum_id = plan_forum(qtbot, ws, window, monkeypatch)
    workspace = window.workspace
    assert workspace is not None
    capture = workspace.capture
    qtbot.keyClicks(capture.raised_by, "Nobody Listed")
    qtbot.keyClicks(capture.text, "Sebuah usulan")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    assert "Nobody Listed" in capture.message.text()
    capture.raised_by.clear()
    capture.text.clear()
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)  # empty text
    assert capture.message.text() and not rows(ws, Recommendation, forum_id=forum_id)

    details = workspace.details
    details.lines["ends_at"].setFocus()
    details.lines["ends_at"].selectAll()
    qtbot.keyClicks(details.lines["ends_at"], "08:00")  # before the 09:00 start
    qtbot.keyClick(details.lines["ends_at"], Qt.Key.Key_Return)
    assert "08:00" in details.message.text()
    assert rows(ws, Forum)[0].ends_at.hour == 12


def test_closing_with_a_typed_unsaved_recommendation_asks(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow, monkeypatch, answer_questions
) -> None:
    ws = office_ws
    forum_id = plan_forum(qtbot, ws, window, monkeypatch)
    workspace = window.workspace
    assert workspace is not None
    qtbot.keyClicks(workspace.capture.text, "Usulan yang belum disimpan")
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    assert not window.close()  # the user chose to stay
    assert asked and "Usulan yang belum disimpan" in asked[0]
    answer_questions(QMessageBox.StandardButton.Save)
    assert window.close()
    [rec] = rows(ws, Recommendation, forum_id=forum_id)
    assert rec.text == "Usulan yang belum disimpan"
