"""Dates and times typed as people type them (issue #11, "Dates"): Tab leaves a date field, `.`
`/` `-` or a complete part moves to the next part of it, ← and → move between its parts; a
time is 9, 9.00, 09.00, 9:00, 0900 or 21.30, and anything else is refused where it is typed.
What is stored, and what the berita acara would print, are checked."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.zones import zone_name
from desktop.models import Forum, SurveyPeriod
from desktop.reports import indonesian
from desktop.reports.parts import time_span
from desktop.services.forums import create_forum
from desktop.services.report_data import forum_report
from desktop.services.units import create_unit, set_home_unit
from desktop.views import main_window as mw
from desktop.views.common import date_edit
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from desktop.views.survey_dialog import NewSurveyDialog
from tests.views.drive import Keyboard, click, one, rows, with_modal


@pytest.fixture
def office(ws: Workspace) -> str:
    unit = ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(set_home_unit, unit)
    return unit


def press_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))


def test_nine_oclock_typed_after_the_date_goes_into_the_start_time(
    qtbot: QtBot, ws: Workspace, office: str, window: MainWindow
) -> None:
    """The issue's case: the date set to 30-11, then Tab, Tab and "9.00" for the start time
    (Tab used to walk the date's parts: 9 became the month, the forum was held in September)."""
    year = QDate.currentDate().year()

    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        keys = Keyboard(qtbot, dialog)
        dialog.title.setFocus(Qt.FocusReason.MouseFocusReason)
        keys.type("FKP Standar Pelayanan").tab()
        assert keys.focused() is dialog.held_on
        keys.type("30.11")  # the year is this year's already
        assert dialog.held_on.date() == QDate(year, 11, 30)
        keys.tab()  # leaves the date
        assert keys.focused() is dialog.starts_at
        keys.type("9.00").tab().type("12.00").tab().type("Aula KPPN Sorong")
        press_ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), plan)
    forum = one(ws, Forum)
    assert (forum.held_on, forum.starts_at, forum.ends_at) == (date(year, 11, 30), time(9), time(12))
    report = ws.read(forum_report, forum.id)  # what the berita acara prints
    assert indonesian.date_in_words(report.held_on).startswith("hari ")
    assert "tanggal tiga puluh bulan November" in indonesian.date_in_words(report.held_on)
    assert time_span(report) == f"pukul 09.00 sampai dengan 12.00 {zone_name(report.unit.time_zone)}"


def test_tab_tab_from_the_title_keeps_the_date_and_fills_the_start_time(
    qtbot: QtBot, ws: Workspace, office: str, window: MainWindow
) -> None:
    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewForumDialog)
        dialog.held_on.setDate(QDate(2026, 11, 30))  # picked from the calendar
        keys = Keyboard(qtbot, dialog)
        dialog.title.setFocus(Qt.FocusReason.MouseFocusReason)
        keys.type("FKP Tab Tab").tab().tab().type("9.00")
        press_ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, window.forums.new_button), plan)
    forum = one(ws, Forum)
    assert (forum.held_on, forum.starts_at) == (date(2026, 11, 30), time(9))


def test_service_users_typed_after_two_dates_are_not_the_year(
    qtbot: QtBot, ws: Workspace, office: str, window: MainWindow
) -> None:
    window.nav.setCurrentRow(mw.SURVEY)

    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewSurveyDialog)
        first, last = dialog.starts_on.date(), dialog.ends_on.date()
        keys = Keyboard(qtbot, dialog)
        dialog.title.setFocus(Qt.FocusReason.MouseFocusReason)
        keys.type("SKM Semester II").tab().tab().tab()
        assert keys.focused() is dialog.service_users
        keys.type("1000")
        assert (dialog.starts_on.date(), dialog.ends_on.date()) == (first, last)
        press_ok(qtbot, dialog)

    with_modal(qtbot, lambda: click(qtbot, window.survey.new_button), plan)
    period = one(ws, SurveyPeriod)
    assert period.service_users == 1000
    assert period.starts_on.year == period.ends_on.year == date.today().year


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.before = QLineEdit()
        self.day = date_edit(QDate(2026, 12, 31))
        self.after = QLineEdit()
        layout = QVBoxLayout(self)
        for widget in (self.before, self.day, self.after):
            layout.addWidget(widget)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    made = Form()
    qtbot.addWidget(made)
    with qtbot.waitActive(made):
        made.show()
        made.activateWindow()
    made.before.setFocus()
    return made


@pytest.mark.parametrize("typed", ["30.11.2027", "30/11/2027", "30-11-2027", "30112027", "3.11.2027"])
def test_every_way_of_typing_a_date(qtbot: QtBot, form: Form, typed: str) -> None:
    keys = Keyboard(qtbot, form).tab()
    assert keys.focused() is form.day
    keys.type(typed).tab()
    assert keys.focused() is form.after
    day = 3 if typed.startswith("3.") else 30
    assert form.day.date() == QDate(2027, 11, day)


def test_arrows_move_between_the_parts_and_shift_tab_enters_at_the_day(qtbot: QtBot, form: Form) -> None:
    keys = Keyboard(qtbot, form).tab()
    keys.press(Qt.Key.Key_Right).press(Qt.Key.Key_Right).type("2028")  # straight to the year
    keys.press(Qt.Key.Key_Left).type("12")
    keys.press(Qt.Key.Key_Left).press(Qt.Key.Key_Left).press(Qt.Key.Key_Left)  # stays in the field
    assert keys.focused() is form.day
    keys.type("01")
    assert form.day.date() == QDate(2028, 12, 1)
    form.after.setFocus()
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert keys.focused() is form.day
    keys.type("05")  # arriving backwards selects the day, not the year
    assert form.day.date() == QDate(2028, 12, 5)


def test_times_in_every_usual_form_and_refused_otherwise(
    qtbot: QtBot, ws: Workspace, office: str, window: MainWindow
) -> None:
    forum_id = ws.write(create_forum, unit_id=office, title="FKP", held_on="2026-11-30")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    details = workspace.details
    keys = Keyboard(qtbot, window)
    for typed, stored in (
        ("9", time(9)),
        ("9.00", time(9)),
        ("09.00", time(9)),
        ("9:00", time(9)),
        ("0900", time(9)),
    ):
        starts = details.lines["starts_at"]
        starts.setFocus(Qt.FocusReason.MouseFocusReason)
        keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier).type(typed).press(Qt.Key.Key_Return)
        assert one(ws, Forum).starts_at == stored, typed
        assert starts.text() == "09:00"
    ends = details.lines["ends_at"]
    ends.setFocus(Qt.FocusReason.MouseFocusReason)
    keys.type("21.30").tab()
    assert one(ws, Forum).ends_at == time(21, 30) and ends.text() == "21:30"
    for wrong in ("25.00", "9.5", "jam 9", "12345"):
        ends.setFocus(Qt.FocusReason.MouseFocusReason)
        keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier).type(wrong).tab()
        assert "is not a time of day" in details.message.text() and wrong in details.message.text()
        assert details.message.isVisibleTo(window)
        assert one(ws, Forum).ends_at == time(21, 30)  # unchanged
    assert len(rows(ws, Forum)) == 1


def _click_at(qtbot: QtBot, field: QDateEdit, char: int) -> None:
    """A click as the window system delivers it: to the widget under the pointer, the field's
    line of text."""
    line = field.findChild(QLineEdit)
    assert line is not None
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.mapFrom(field, _point_in(field, char)))


def _point_in(field: QDateEdit, char: int) -> QPoint:
    """A point over the field's text at character `char` of "dd-mm-yyyy" (1: the day, 4: the
    month, 8: the year; 10: the empty room after it), in the field's coordinates."""
    line = field.findChild(QLineEdit)
    assert line is not None
    text = line.text()
    if char >= len(text):
        return line.mapTo(field, QPoint(line.width() * 2 // 3, line.height() // 2))
    x = (
        line.fontMetrics().horizontalAdvance(text[:char])
        + line.fontMetrics().horizontalAdvance(text[char]) // 2
    )
    return line.mapTo(field, QPoint(line.textMargins().left() + 2 + x, line.height() // 2))


@pytest.mark.parametrize("where", [1, 4, 8, 10])
def test_a_date_typed_after_clicking_into_the_field_is_the_date_typed(
    qtbot: QtBot, form: Form, where: int
) -> None:
    """Clicking into the field (from elsewhere) and typing a whole date stores that date,
    wherever the click landed (it stored 01-12-2026 for 05-12-2026 typed, or 31-01-5012)."""
    _click_at(qtbot, form.day, where)
    assert form.day.hasFocus()
    Keyboard(qtbot, form).type("05-12-2026")
    assert form.day.date() == QDate(2026, 12, 5)


def test_select_all_then_a_date_typed_replaces_the_date(qtbot: QtBot, form: Form) -> None:
    keys = Keyboard(qtbot, form).tab()
    keys.press(Qt.Key.Key_Right)  # somewhere inside it
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier).type("15-01-2027")
    assert form.day.date() == QDate(2027, 1, 15)


def test_a_click_on_a_part_of_a_focused_field_replaces_that_part(qtbot: QtBot, form: Form) -> None:
    """Once in the field, a click on the year and "2031" changes the year only."""
    keys = Keyboard(qtbot, form).tab().type("30-11-2027")
    _click_at(qtbot, form.day, 8)
    keys.type("2031")
    assert form.day.date() == QDate(2031, 11, 30)


def test_a_new_forum_is_dated_today_where_the_office_is(qtbot: QtBot, ws: Workspace, office: str) -> None:
    """At 06.00 WIT the laptop's clock (UTC, or WIB) still says yesterday: the new forum's date
    is the office's today (it defaulted to the laptop's)."""
    utc_hour = datetime.now(UTC).hour
    ws.ctx.zone = ZoneInfo("Etc/GMT-14" if utc_hour >= 12 else "Etc/GMT+12")  # a day off UTC's
    office_day = ws.ctx.today()
    assert office_day != datetime.now(UTC).date()
    dialog = NewForumDialog(ws)
    qtbot.addWidget(dialog)
    assert dialog.held_on.date() == QDate(office_day.year, office_day.month, office_day.day)
