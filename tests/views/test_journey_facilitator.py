"""The facilitator's day, from the user's seat, keys and clicks only: plan the forum, open it,
import the invitation list and sign people in at the door, run the agenda, capture what the
public recommends, write the agreements, close the forum. What is stored, and what the berita
acara would print, are checked at the end. (Set-up through the services: the office exists.)"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, ForumStatus, Scope
from desktop.core.zones import zone_name
from desktop.models import AgendaItem, Forum, Participant, Recommendation
from desktop.reports import indonesian
from desktop.reports.parts import time_span
from desktop.services import frozen
from desktop.services.report_data import forum_report
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from protocol.vocab import FreezeCause
from tests.views.drive import (
    ALT,
    HUMAN_MS,
    Keyboard,
    answer,
    choose,
    click,
    click_row,
    closing,
    file_chosen,
    one,
    rows,
    with_modal,
)
from tests.views.forum_setup import office

INVITATIONS = (
    "Nama;Instansi;Unsur;Jenis Kelamin\n"
    "Martina Rumbiak;Satker Dinas Pendidikan;Satker;P\n"
    "Firman Arwanto;Universitas Muhammadiyah Sorong;Akademisi;L\n"
    "Agustinus Wambrauw;LSM Papua Lestari;LSM;L\n"
)


@pytest.fixture
def set_up(ws: Workspace) -> Workspace:
    """The office exists before the window opens (no first-run set-up)."""
    office(ws)
    return ws


def test_a_forum_from_plan_to_signed_minutes(
    qtbot: QtBot, set_up: Workspace, window: MainWindow, tmp_path: Path
) -> None:
    ws = set_up
    keys = Keyboard(qtbot, window)

    # -- plan it: the New forum dialog, typed as people type
    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        typing = Keyboard(qtbot, dialog)
        click(qtbot, dialog.title)
        typing.type("FKP Standar Pelayanan KPPN Sorong 2026").tab().type("30.11.2026").tab()
        typing.type("9.00").tab().type("12").tab().type("Aula KPPN Sorong").press(Qt.Key.Key_Return)

    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), plan)
    workspace = window.workspace
    assert workspace is not None and window.windowTitle().startswith("FKP Standar Pelayanan KPPN Sorong 2026")
    yes = answer(qtbot, QMessageBox.StandardButton.Yes)
    with_modal(qtbot, lambda: click(qtbot, workspace.details.start_button), yes)

    # -- the door: the invitation list, then sign-in by name
    invitations = tmp_path / "undangan.csv"
    invitations.write_text(INVITATIONS, encoding="utf-8")
    qtbot.keyClick(window, Qt.Key.Key_A, ALT)  # Alt+A: Attendance
    attendance = workspace.attendance
    assert workspace.tabs.currentWidget() is attendance
    with_modal(qtbot, lambda: click(qtbot, attendance.import_button), file_chosen(qtbot, invitations))
    assert "3 imported" in attendance.message.text()
    click(qtbot, attendance.name)
    keys.type("martina").press(Qt.Key.Key_Escape).press(Qt.Key.Key_Return)  # one invitee has it
    keys.type("agustinus").press(Qt.Key.Key_Escape).press(Qt.Key.Key_Return)
    keys.type("Yohanis Kambu").tab().type("Radio Sorong")  # a walk-in from the press
    choose(qtbot, attendance.category, "Media")
    click(qtbot, attendance.sign_in_button)

    # -- the agenda: two items, the second one under way
    qtbot.keyClick(window, Qt.Key.Key_G, ALT)  # Alt+G: Agenda
    agenda = workspace.agenda
    click(qtbot, agenda.title)
    keys.type("Pembukaan").press(Qt.Key.Key_Return)
    keys.type("Paparan standar pelayanan").tab().type("Kepala KPPN").press(Qt.Key.Key_Return)
    click_row(qtbot, agenda.list, 1)
    click(qtbot, agenda.start_button)
    assert "Paparan standar pelayanan" in agenda.current.text()

    # -- live capture: what the public says, each under its scope
    qtbot.keyClick(window, Qt.Key.Key_R, ALT)  # Alt+R: Recommendations; the cursor is in the line
    capture = workspace.capture
    assert QApplication.focusWidget() is capture.text
    keys.type("Perkuat customer service pada jam sibuk awal bulan").tab().type("Martina Rumbiak")
    keys.press(Qt.Key.Key_Escape).press(Qt.Key.Key_Return)
    click(qtbot, capture.text)
    keys.type("Usulkan layanan jemput bola ke distrik terpencil").press(Qt.Key.Key_F2).press(Qt.Key.Key_Return)
    keys.type("Sediakan ruang laktasi").press(Qt.Key.Key_Return)  # the unit's scope again
    click_row(qtbot, capture.table, capture.model.row_of(one(ws, Recommendation, text="Sediakan ruang laktasi").id))
    for _ in range(3):
        qtbot.keyClick(capture.table, Qt.Key.Key_Plus)  # three hands up

    # -- the agreements, saved as they are typed
    qtbot.keyClick(window, Qt.Key.Key_S, ALT)  # Alt+S: Agreements and summary
    click(qtbot, workspace.summary.agreements)
    keys.type("Layanan konsultasi dibuka setiap Senin pagi")
    qtbot.waitUntil(lambda: one(ws, Forum).agreements == "Layanan konsultasi dibuka setiap Senin pagi", timeout=5000)

    # -- close it: the minutes are frozen; closing asks for their number and the public's signatory
    qtbot.keyClick(window, Qt.Key.Key_D, ALT)  # Alt+D: Details
    qtbot.wait(HUMAN_MS)
    closed = closing(qtbot, number="BA-4/KPN.1701/2026", names=["", "Martina Rumbiak"])
    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), closed)

    # -- what is stored
    forum = one(ws, Forum)
    assert (forum.title, forum.held_on, forum.starts_at, forum.ends_at, forum.venue, forum.status) == (
        "FKP Standar Pelayanan KPPN Sorong 2026",
        date(2026, 11, 30),
        time(9),
        time(12),
        "Aula KPPN Sorong",
        ForumStatus.CLOSED,
    )
    people = {p.name: p for p in rows(ws, Participant)}
    assert sorted(people) == ["Agustinus Wambrauw", "Firman Arwanto", "Martina Rumbiak", "Yohanis Kambu"]
    assert [name for name, p in sorted(people.items()) if p.attended] == [
        "Agustinus Wambrauw",
        "Martina Rumbiak",
        "Yohanis Kambu",
    ]
    assert (people["Yohanis Kambu"].organization, people["Yohanis Kambu"].category) == ("Radio Sorong", Category.MEDIA)
    items = sorted(rows(ws, AgendaItem), key=lambda i: i.position)
    assert [(i.title, i.presenter) for i in items] == [("Pembukaan", ""), ("Paparan standar pelayanan", "Kepala KPPN")]
    recs = {r.text: r for r in rows(ws, Recommendation)}
    service = recs["Perkuat customer service pada jam sibuk awal bulan"]
    assert (service.scope, service.raised_by_id, service.agenda_item_id) == (
        Scope.UNIT,
        people["Martina Rumbiak"].id,
        items[1].id,
    )
    assert recs["Usulkan layanan jemput bola ke distrik terpencil"].scope == Scope.POLICY
    assert (recs["Sediakan ruang laktasi"].scope, recs["Sediakan ruang laktasi"].votes) == (Scope.UNIT, 3)

    # -- what the berita acara prints
    report = ws.read(forum_report, forum.id)
    assert indonesian.date_in_words(report.held_on) == (
        "hari Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam"
    )
    assert time_span(report) == f"pukul 09.00 sampai dengan 12.00 {zone_name(report.unit.time_zone)}"
    assert report.venue == "Aula KPPN Sorong"
    assert [p.name for p in report.attendees] == ["Agustinus Wambrauw", "Martina Rumbiak", "Yohanis Kambu"]
    assert [a.title for a in report.agenda] == ["Pembukaan", "Paparan standar pelayanan"]
    assert [(r.number, r.text, r.scope, r.raised_by, r.votes) for r in report.recommendations] == [
        (1, "Perkuat customer service pada jam sibuk awal bulan", Scope.UNIT, "Martina Rumbiak", 0),
        (2, "Usulkan layanan jemput bola ke distrik terpencil", Scope.POLICY, "", 0),
        (3, "Sediakan ruang laktasi", Scope.UNIT, "", 3),
    ]
    assert report.agreements == "Layanan konsultasi dibuka setiap Senin pagi"
    assert report.status == ForumStatus.CLOSED  # final: no DRAFT mark
    assert forum.document_number == "BA-4/KPN.1701/2026"
    assert [s["name"] for s in forum.signatories][1] == "Martina Rumbiak"
    [version] = ws.read(frozen.versions, forum.id)  # frozen as it was closed
    assert version.cause == FreezeCause.CLOSING
