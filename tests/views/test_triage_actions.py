"""The office head's actions on the triage board's detail pane, from the user's seat: a
double-click on "Accept" must not also fire "Start follow-up", which appears in the same spot
(issue #11, "Double-click"); a follow-up is due, unless changed, the office's deadline in working
days from today, and a date in the past is asked about first ("Follow-up due date")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus
from desktop.models import FollowUp, Recommendation
from desktop.services import recommendations as recs
from desktop.services.followups import default_due
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from tests.views.drive import (
    HUMAN_MS,
    Keyboard,
    answer,
    click,
    click_row,
    double_click,
    one,
    rows,
    with_modal,
)
from tests.views.forum_setup import Running, running_forum


@pytest.fixture
def forum(ws: Workspace) -> Running:
    return running_forum(ws)


def board_with(qtbot: QtBot, window: MainWindow, rec_id: str) -> None:
    window.nav.setCurrentRow(mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    click_row(qtbot, triage.table, triage.model.row_of(rec_id), column=1)
    assert triage.pane.detail is not None and triage.pane.detail.rec.id == rec_id
    qtbot.wait(HUMAN_MS)  # the office head reads the pane before clicking (its layout settles)


def status(ws: Workspace, rec_id: str) -> RecStatus:
    return one(ws, Recommendation, id=rec_id).status


def test_a_double_click_on_accept_accepts_and_starts_nothing(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Sediakan kursi roda", scope="unit")
    board_with(qtbot, window, rec)
    pane = window.triage.pane
    accept = pane.buttons["accept"]
    spot = accept.mapTo(window, accept.rect().center())
    double_click(window, accept)
    assert status(ws, rec) == RecStatus.ACCEPTED
    start = pane.buttons["start"]  # now in the very spot the double-click was
    assert start.isVisible() and start.geometry().contains(start.parentWidget().mapFrom(window, spot))
    qtbot.wait(QApplication.doubleClickInterval() + HUMAN_MS)  # later, a single click: a decision
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert status(ws, rec) == RecStatus.IN_PROGRESS


def test_a_double_click_on_start_does_not_mark_it_done(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, answer_questions
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Papan informasi diperbarui", scope="unit")
    ws.write(recs.accept, rec)
    board_with(qtbot, window, rec)
    asked = answer_questions(text="Foto papan informasi")  # would mark it done if asked
    double_click(window, window.triage.pane.buttons["start"])
    assert status(ws, rec) == RecStatus.IN_PROGRESS and not asked


def test_a_double_click_on_bulk_accept_accepts_once_without_a_refusal(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, warnings: list[str]
) -> None:
    ids = [ws.write(recs.add_recommendation, forum.forum, text=f"Loket {n}", scope="unit") for n in range(2)]
    board_with(qtbot, window, ids[0])
    click_row(qtbot, window.triage.table, window.triage.model.row_of(ids[1]), Qt.KeyboardModifier.ControlModifier, 1)
    double_click(window, window.triage.bulk["accept"])
    assert [status(ws, i) for i in ids] == [RecStatus.ACCEPTED] * 2 and warnings == []


def test_a_follow_up_is_due_after_the_offices_deadline_in_working_days(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    ws.ctx.follow_up_working_days = 5
    rec = ws.write(recs.add_recommendation, forum.forum, text="Kursi roda di ruang layanan", scope="unit")
    ws.write(recs.accept, rec)
    board_with(qtbot, window, rec)
    pane = window.triage.pane
    expected = default_due(ws.ctx)
    assert expected == ws.ctx.calendar.add_working_days(ws.ctx.today(), 5) and expected > ws.ctx.today()
    assert pane.fu_due.date().toPython() == expected  # shown before anything is typed
    click(qtbot, pane.fu_action)
    Keyboard(qtbot, window).type("Pengadaan kursi roda").tab().type("Kasubbag Umum")
    click(qtbot, pane.fu_assign)
    follow_up = one(ws, FollowUp, recommendation_id=rec)
    assert (follow_up.owner, follow_up.due_on) == ("Kasubbag Umum", expected)


def test_a_due_date_in_the_past_is_asked_about_first(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Antrean daring", scope="unit")
    ws.write(recs.accept, rec)
    board_with(qtbot, window, rec)
    pane = window.triage.pane
    keys = Keyboard(qtbot, window)
    click(qtbot, pane.fu_action)
    keys.type("Aplikasi antrean").tab().type("Tim TI").tab()
    assert keys.focused() is pane.fu_due
    keys.type("01.02.2020")
    assert pane.fu_due.date() == QDate(2020, 2, 1)
    no = answer(qtbot, QMessageBox.StandardButton.No)
    with_modal(qtbot, lambda: click(qtbot, pane.fu_assign), no)
    assert "in the past" in no.asked[0] and "01-02-2020" in no.asked[0]  # type: ignore[attr-defined]
    assert rows(ws, FollowUp) == [] and status(ws, rec) == RecStatus.ACCEPTED
    yes = answer(qtbot, QMessageBox.StandardButton.Yes)
    with_modal(qtbot, lambda: click(qtbot, pane.fu_assign), yes)
    assert one(ws, FollowUp, recommendation_id=rec).due_on.isoformat() == "2020-02-01"


def test_escalating_a_proposed_recommendation_says_why_before_asking_for_a_note(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    """"Escalate…" on a recommendation that is still proposed says at once that it cannot be
    escalated (and what can be done), instead of asking for the note and then throwing it away:
    the button is not offered for it, and its tooltip says which recommendations it is for."""
    rec = ws.write(recs.add_recommendation, forum.forum, text="Usulkan tarif layanan daerah", scope="policy")
    board_with(qtbot, window, rec)
    escalate = window.triage.bulk["escalate"]
    assert not escalate.isEnabled()
    assert "only for recommendations that are accepted" in escalate.toolTip()
    qtbot.mouseClick(escalate, Qt.MouseButton.LeftButton)  # a click on it does nothing, asks nothing
    assert status(ws, rec) == RecStatus.PROPOSED
