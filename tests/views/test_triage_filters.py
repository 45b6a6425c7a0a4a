"""The triage board's filters, each chosen with the mouse as the office head does: the rows shown
are exactly those the filter names (issue #11: scope and topic raised AttributeError, the status
filter was ignored)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.i18n import set_language
from desktop.core.vocab import RecCategory, RecStatus, Scope
from desktop.models import Recommendation
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from tests.views.drive import Keyboard, choose, rows


def shown(window: MainWindow) -> list[Recommendation]:
    model = window.triage.model
    return [row for n in range(model.rowCount()) if (row := model.row_at(n)) is not None]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)


@pytest.fixture
def board(qtbot: QtBot, demo_ws: Workspace, window: MainWindow) -> MainWindow:
    window.nav.setCurrentRow(mw.TRIAGE)
    settle(qtbot, window)
    assert len(shown(window)) == 8
    return window


def test_scope_filter(qtbot: QtBot, demo_ws: Workspace, board: MainWindow) -> None:
    choose(qtbot, board.triage.scope, "Policy (escalate)")
    settle(qtbot, board)
    policy = {r.id for r in rows(demo_ws, Recommendation, scope=Scope.POLICY)}
    assert {r.id for r in shown(board)} == policy and len(policy) == 2
    choose(qtbot, board.triage.scope, "Unit scope")
    settle(qtbot, board)
    assert {r.scope for r in shown(board)} == {Scope.UNIT} and len(shown(board)) == 6
    choose(qtbot, board.triage.scope, "Any scope")
    settle(qtbot, board)
    assert len(shown(board)) == 8


def test_status_filter(qtbot: QtBot, demo_ws: Workspace, board: MainWindow) -> None:
    choose(qtbot, board.triage.status, "Rejected")
    settle(qtbot, board)
    assert [r.status for r in shown(board)] == [RecStatus.REJECTED]
    choose(qtbot, board.triage.status, "In progress")
    settle(qtbot, board)
    assert [r.status for r in shown(board)] == [RecStatus.IN_PROGRESS] * 2
    choose(qtbot, board.triage.status, "Open (not settled)")
    settle(qtbot, board)
    assert Counter(r.status for r in shown(board)) == {
        RecStatus.ACCEPTED: 1,
        RecStatus.IN_PROGRESS: 2,
        RecStatus.ESCALATED: 2,
    }


def test_topic_filter(qtbot: QtBot, demo_ws: Workspace, board: MainWindow) -> None:
    choose(qtbot, board.triage.category, "Completion time")
    settle(qtbot, board)
    assert {r.category for r in shown(board)} == {RecCategory.TIME} and len(shown(board)) == 3
    choose(qtbot, board.triage.category, "Service information")
    settle(qtbot, board)
    assert {r.category for r in shown(board)} == {RecCategory.INFORMATION} and len(shown(board)) == 2


def test_filters_combine_and_speak_indonesian(qtbot: QtBot, demo_ws: Workspace, shell) -> None:
    set_language("id")
    shell.switch_language("id")
    window = shell.window
    window.nav.setCurrentRow(mw.TRIAGE)
    settle(qtbot, window)
    choose(qtbot, window.triage.scope, "Ranah unit")
    choose(qtbot, window.triage.category, "Waktu penyelesaian")
    choose(qtbot, window.triage.status, "Ditolak")
    settle(qtbot, window)
    [rejected] = shown(window)
    assert (rejected.scope, rejected.category, rejected.status) == (
        Scope.UNIT,
        RecCategory.TIME,
        RecStatus.REJECTED,
    )


def test_the_any_date_filters_calendar_opens_at_today(qtbot: QtBot, demo_ws: Workspace, board: MainWindow) -> None:
    """"semua" (any) is the field's minimum date: its calendar opened at January 2000, years of
    clicking away from any forum. It opens at today, and opening it changes no filter."""
    field = board.triage.held_from
    arrow = QPoint(field.width() - 6, field.height() // 2)  # the calendar button at the field's end
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert field.text() == field.specialValueText()  # still "any": nothing was picked
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    settle(qtbot, board)
    assert len(shown(board)) == 8
    # The calendar's keys start at today too: Enter picks today, Escape had kept "any".
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    days = QApplication.focusWidget()  # the calendar's table of days has the keyboard
    assert days is not None and calendar.isAncestorOf(days)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.date() == today


def test_a_date_filter_is_typed_into_any_and_set_back_to_any_by_keys(
    qtbot: QtBot, demo_ws: Workspace, board: MainWindow
) -> None:
    """Typing a day into "semua" (any) did nothing, and once a day was picked the filter could
    not be set back: digits typed into "any" start a date from its day; select the field's text
    and press Delete (or Backspace) and it is "any" again, every forum shown."""
    field = board.triage.held_from
    keys = Keyboard(qtbot, board)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(field.hasFocus)
        keys.type("01-01-2030").tab()
        settle(qtbot, board)
        assert field.date() == QDate(2030, 1, 1) and len(shown(board)) == 0, key
        qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(field.hasFocus)
        keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier).press(key).tab()
        settle(qtbot, board)
        assert field.text() == field.specialValueText(), key
        assert len(shown(board)) == 8, key
