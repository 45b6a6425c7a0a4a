"""The documents' own entries from the user's seat, keys and clicks only (issue #13, "Missing
documents"): the office's response typed in live capture (beside the line, or F4 on the list
later), the office's and a forum's document templates with the PEKPPP indicator table, the
survey's follow-up plan (RTL) with its realisation, and the register of inputs saved as Excel.
What is stored is checked; set-up goes through the services."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.models import Forum, Recommendation, SurveyAction, SurveyPeriod, Unit
from desktop.services.register import register
from desktop.services.templates import DEFAULTS
from desktop.views import main_window as mw
from desktop.views import save_file
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from desktop.views.survey_actions_dialog import SurveyActionsDialog
from desktop.views.templates_dialog import TemplatesDialog
from tests.views.drive import (
    CTRL,
    LEFT,
    Keyboard,
    activate,
    choose,
    click,
    click_nav,
    click_row,
    click_tab,
    multiline_answer,
    one,
    press_ok,
    replace_text,
    rows,
    type_file_name,
    with_modal,
)
from tests.views.forum_setup import Running


def opened(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    """The window of `kind` a click has just opened (not modal: found among the top-level ones)."""
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()))
    found = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
    qtbot.addWidget(found)
    activate(qtbot, found)
    return found


@pytest.fixture
def workspace(running: Running, window: MainWindow) -> ForumWorkspace:
    made = window.open_forum(running.forum)
    assert made is not None
    return made


def test_the_offices_response_beside_the_line_and_later_with_f4(
    qtbot: QtBot, ws: Workspace, window: MainWindow, workspace: ForumWorkspace
) -> None:
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    click(qtbot, capture.text)
    Keyboard(qtbot, window).type("Tambah loket prioritas untuk lansia")
    click(qtbot, capture.raised_by)
    keys = Keyboard(qtbot, window).tab()  # Tab walks the lines as laid out, the response last
    assert keys.focused() is capture.agenda
    keys.tab(3)
    assert keys.focused() is capture.response
    keys.type("Disetujui; loket dibuka Januari 2027").press(Qt.Key.Key_Return)
    first = one(ws, Recommendation, text="Tambah loket prioritas untuk lansia")
    assert first.response == "Disetujui; loket dibuka Januari 2027"
    assert capture.response.text() == ""  # the next one starts without an answer

    click(qtbot, capture.text)
    Keyboard(qtbot, window).type("Perpanjang jam layanan hari Jumat").press(Qt.Key.Key_Return)
    assert one(ws, Recommendation, text="Perpanjang jam layanan hari Jumat").response == ""
    row = next(r for r in range(capture.model.rowCount()) if "Jumat" in capture.model.row_at(r).text)
    click_row(qtbot, capture.table, row)
    with_modal(
        qtbot,
        lambda: qtbot.keyClick(capture.table, Qt.Key.Key_F4),
        multiline_answer(qtbot, "Akan dibahas dalam rapat pimpinan"),
    )
    assert one(ws, Recommendation, text="Perpanjang jam layanan hari Jumat").response == (
        "Akan dibahas dalam rapat pimpinan"
    )
    activate(qtbot, window)
    qtbot.keyClick(capture.table, Qt.Key.Key_Z, CTRL)  # the answer was given to the wrong line
    assert one(ws, Recommendation, text="Perpanjang jam layanan hari Jumat").response == ""
    assert first.id == one(ws, Recommendation, text="Tambah loket prioritas untuk lansia").id


def test_the_offices_templates_and_pekppp_table_from_settings(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    click_nav(qtbot, window.nav, mw.SETTINGS)
    click(qtbot, window.settings.templates_button)
    dialog = opened(qtbot, TemplatesDialog)
    assert isinstance(dialog, TemplatesDialog)
    click(qtbot, dialog.fields["invitation_number"])
    Keyboard(qtbot, dialog).type("005/UND/WPB.13/KP.02/2026")
    closing = dialog.fields["report_closing"]
    assert isinstance(closing, QPlainTextEdit) and closing.toPlainText() == DEFAULTS["report_closing"]
    click(qtbot, closing.viewport())  # the wording that prints, to edit in place
    Keyboard(qtbot, dialog).press(Qt.Key.Key_End, CTRL).type(" Terima kasih.")
    click(qtbot, dialog.indicators["register"])
    Keyboard(qtbot, dialog).type("27, 28, x")
    press_ok(qtbot, dialog)
    assert "'x' is not an indicator number" in dialog.message.text() and dialog.isVisible()
    unit = one(ws, Unit, id=running.unit)
    assert unit.invitation_number == "" and unit.pekppp_indicators == {}  # nothing of it stored

    replace_text(qtbot, dialog.indicators["register"], "27-28, 30")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    unit = one(ws, Unit, id=running.unit)
    assert unit.invitation_number == "005/UND/WPB.13/KP.02/2026"
    assert unit.report_closing == DEFAULTS["report_closing"] + " Terima kasih."
    assert unit.report_basis == "" and unit.invitation_subject == ""  # left as shown: Mufakat's wording
    assert unit.pekppp_indicators == {"register": [27, 28, 30]}
    assert ws.read(register, running.unit, date(2026, 12, 1), ws.ctx.calendar).indicators == (27, 28, 30)


def test_a_forums_own_invitation_subject_and_date(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, workspace: ForumWorkspace
) -> None:
    details = workspace.details
    click_tab(qtbot, workspace.tabs, details)
    click(qtbot, details.templates_button)
    dialog = opened(qtbot, TemplatesDialog)
    assert isinstance(dialog, TemplatesDialog) and not dialog.indicators  # the table is the office's
    subject = dialog.fields["invitation_subject"]
    assert isinstance(subject, QLineEdit) and subject.text() == DEFAULTS["invitation_subject"]
    click(qtbot, subject)
    Keyboard(qtbot, dialog).press(Qt.Key.Key_End).type(" Standar Pelayanan")
    click(qtbot, dialog.fixed_date)
    assert dialog.letter_date.isEnabled()
    field = dialog.letter_date
    qtbot.mouseClick(field, LEFT, pos=QPoint(6, field.height() // 2))  # on the day
    Keyboard(qtbot, dialog).type("23.11.2026")  # a week before the forum
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    forum = one(ws, Forum, id=running.forum)
    assert forum.invitation_subject == DEFAULTS["invitation_subject"] + " Standar Pelayanan"
    assert forum.report_closing == ""  # left as the office's: follows the office's
    assert forum.invitation_date == date(2026, 11, 23)
    assert one(ws, Unit, id=running.unit).invitation_subject == ""  # the office's stays as it was


def test_the_surveys_follow_up_plan_and_its_realisation(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow
) -> None:
    ws = demo_ws
    period = next(p for p in rows(ws, SurveyPeriod) if p.title == "SKM Semester I 2024")
    click_nav(qtbot, window.nav, mw.SURVEY)
    page = window.survey
    row = next(r for r in range(page.periods.count()) if "SKM Semester I 2024" in page.periods.item(r).text())
    click_row(qtbot, page.periods, row)
    assert page.period_id() == period.id
    click(qtbot, page.plan_button)
    dialog = opened(qtbot, SurveyActionsDialog)
    assert isinstance(dialog, SurveyActionsDialog)
    first_choice = dialog.element.itemText(0)
    assert "(priority)" in first_choice  # the elements to improve are offered first
    choose(qtbot, dialog.element, first_choice)
    click(qtbot, dialog.action)
    Keyboard(qtbot, dialog).type("Tambah kursi tunggu dan pendingin ruangan").tab().type("Kasubbag Umum")
    click(qtbot, dialog.add_button)
    before = {a.id for a in rows(ws, SurveyAction, period_id=period.id)}
    action = one(ws, SurveyAction, action="Tambah kursi tunggu dan pendingin ruangan")
    assert (action.element, action.action, action.owner, action.progress) == (
        dialog.element.itemData(0),
        "Tambah kursi tunggu dan pendingin ruangan",
        "Kasubbag Umum",
        0,
    )
    assert action.due_on == QDate.currentDate().addMonths(3).toPython()

    replace_text(qtbot, dialog.progress, "100")
    click(qtbot, dialog.save_button)  # done, but what was done is not said
    assert "Describe what was done" in dialog.message.text()
    assert one(ws, SurveyAction, id=action.id).progress == 0

    click(qtbot, dialog.realisation)
    Keyboard(qtbot, dialog).type("20 kursi dan 2 AC dipasang")
    click(qtbot, dialog.save_button)
    done = one(ws, SurveyAction, id=action.id)
    assert (done.progress, done.realisation) == (100, "20 kursi dan 2 AC dipasang")
    assert done.completed_on == QDate.currentDate().toPython()
    shown = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == done.action)
    assert dialog.table.item(shown, 4).text() == "100 %"
    assert {a.id for a in rows(ws, SurveyAction, period_id=period.id)} == before  # one changed, none added


def test_the_register_of_inputs_saved_as_excel(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    ws = demo_ws
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(save_file, "_last_folder", [tmp_path])
    click_nav(qtbot, window.nav, mw.FOLLOW_UP)
    page = window.follow_up
    target = tmp_path / "register.xlsx"
    asked = type_file_name(qtbot, target)
    click(qtbot, page.register_button)
    qtbot.waitUntil(
        lambda: bool(asked) and target.exists() and "register.xlsx" in page.notice.text.text(), timeout=15_000
    )

    sheet = openpyxl.load_workbook(target)["Register masukan"]
    lines = [row for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    stored = [r for r in rows(ws, Recommendation) if r.status != "merged"]
    assert len(lines) == len(stored) > 0
    assert {line[4] for line in lines} == {r.text for r in stored}
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "No.")
    assert header[1:5] == ("Tanggal diterima", "Saluran", "Forum", "Pokok masukan")
