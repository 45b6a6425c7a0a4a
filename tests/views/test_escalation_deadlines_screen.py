"""SP4N-LAPOR! deadlines on screen: the parent office's inbox shows when each escalation should
be acknowledged (3 working days); the office below sees its escalation's deadlines and, once it
is answered, disputes the answer from the triage board within the window; the dispute reaches
the inbox with its reason, to be answered again."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import EscalationStatus, OfficeZone, Outcome, RecStatus
from desktop.core.zones import screen_time
from desktop.models import Escalation, Recommendation
from desktop.services import demo, escalations
from desktop.services.units import set_home_unit
from desktop.views import main_window as mw
from desktop.views.escalations_page import ACK, COLUMNS
from desktop.views.main_window import MainWindow
from domain import deadlines
from tests.views.test_screens import select_in_triage, wait_for_triage

STATUS = len(COLUMNS) - 1  # the inbox's last column


def test_acknowledgement_due_then_a_dispute_within_the_window(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, answer_questions
) -> None:
    ws = demo_ws
    units = ws.write(demo.ensure_units)
    sent = ws.read(lambda s: s.scalars(select(Escalation).order_by(Escalation.sent_at)).all())
    sent_on = sent[0].sent_at.astimezone(OfficeZone.WIT.tzinfo()).date()  # the demo's 27 August 2024
    ack_due = deadlines.ack_due(sent_on, ws.ctx.calendar)
    assert {e.ack_due_on for e in sent} == {ack_due}

    # The parent office's inbox: when each should be acknowledged.
    ws.write(set_home_unit, units["KANWIL-PBD"])
    window.refresh_all()
    window.nav.setCurrentRow(mw.ESCALATIONS)
    inbox = window.escalations
    assert inbox.model.headerData(ACK, Qt.Orientation.Horizontal) == "Acknowledge by"
    assert {inbox.model.index(row, ACK).data() for row in range(2)} == {ack_due.strftime("%d-%m-%Y")}
    assert "2 not acknowledged within 3 working days" in inbox.summary.text()  # both, long past it
    first = sent[0]
    ws.write(escalations.answer, first.id, Outcome.DECLINED, "Belum dapat diakomodasi tahun ini")

    # The office below sees the answer with its deadlines and disputes it from the board.
    ws.write(set_home_unit, units["KPPN-SORONG"])
    window.refresh_all()
    window.nav.setCurrentRow(mw.TRIAGE)
    wait_for_triage(qtbot, window)
    select_in_triage(qtbot, window, first.recommendation_id)
    pane = window.triage.pane
    until = deadlines.dispute_until(ws.ctx.today(), ws.ctx.calendar)
    shown = pane.escalation.text()
    assert f"acknowledge by {ack_due.strftime('%d-%m-%Y')}" in shown
    assert f"It may be disputed until {until.strftime('%d-%m-%Y')}" in shown
    assert pane.dispute_button.isVisible()
    asked = answer_questions(text="Satker di distrik terpencil tetap belum terlayani")
    qtbot.mouseClick(pane.dispute_button, Qt.MouseButton.LeftButton)
    assert asked and "office above answers again" in asked[0]
    disputed = ws.read(lambda s: s.get(Escalation, first.id))
    assert disputed is not None and disputed.status == EscalationStatus.DISPUTED
    assert disputed.dispute_reason == "Satker di distrik terpencil tetap belum terlayani"
    origin = ws.read(lambda s: s.get(Recommendation, first.recommendation_id))
    assert origin is not None and origin.status == RecStatus.ESCALATED
    assert not pane.dispute_button.isVisible() and "Disputed: Satker di distrik" in pane.escalation.text()

    # Back in the inbox: disputed, waiting for an answer again, with the reason.
    ws.write(set_home_unit, units["KANWIL-PBD"])
    window.refresh_all()
    window.nav.setCurrentRow(mw.ESCALATIONS)
    row = next(r for r in range(inbox.model.rowCount()) if inbox.model.rows[r].id == first.id)
    assert inbox.model.index(row, STATUS).data() == "Disputed: Declined"
    inbox.table.selectRow(row)
    assert (
        inbox.answer_button.isEnabled()
        and "Disputed by the office below: Satker di distrik" in inbox.detail.text()
    )
    assert "2 waiting for an answer" in inbox.summary.text()


@pytest.fixture
def laptop_far_west() -> Iterator[None]:
    """This laptop's clock is set to UTC−12, 21 hours behind Sorong (WIT)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Etc/GMT+12"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_detail_pane_reads_the_office_clock(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, laptop_far_west: None
) -> None:
    """The history beside an escalation's dates is in the office's time, as those dates are
    (it was in the laptop's: a day apart in the same pane)."""
    sent = demo_ws.read(lambda s: s.scalars(select(Escalation).order_by(Escalation.sent_at)).first())
    assert sent is not None
    window.nav.setCurrentRow(mw.TRIAGE)
    wait_for_triage(qtbot, window)
    select_in_triage(qtbot, window, sent.recommendation_id)
    pane = window.triage.pane
    wit = sent.sent_at.astimezone(OfficeZone.WIT.tzinfo())
    assert f"Waiting to sync, made {wit.strftime('%d-%m-%Y')}" in pane.escalation.text()  # no server
    assert pane.detail is not None
    first = pane.detail.history[0].at.astimezone(OfficeZone.WIT.tzinfo())
    assert pane.history.toPlainText().startswith(screen_time(first, OfficeZone.WIT.tzinfo(), weekday=True) + " — ")
    assert first.strftime("%d-%m-%Y %H:%M") in pane.history.toPlainText().splitlines()[0]  # English here
