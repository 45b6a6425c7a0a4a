"""SP4N-LAPOR! as each side reads it (issue #13's walk): the parent office's inbox says when an
answer was given and until when the office below may dispute it, or that it stands; the unit's
escalation box names the day it was *sent* as that ("Selesai 27-08-2024" read as the day it was
settled) and, once the dispute window has passed, that it is settled (selesai) and why."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import EscalationStatus
from desktop.models import Escalation
from desktop.services import demo, escalations
from desktop.services.units import set_home_unit
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from domain import deadlines
from tests.views.drive import click_nav, one
from tests.views.test_screens import select_in_triage, wait_for_triage

ANSWERED = date(2024, 9, 5)  # the Kanwil's answer to the demo's first escalation


def _answered_long_ago(ws: Workspace) -> Escalation:
    """The demo's escalation sent first, acknowledged and answered by the Kanwil in September 2024."""
    first = ws.read(lambda s: s.scalars(select(Escalation).order_by(Escalation.sent_at)).first())
    assert first is not None

    def on(day: str, action, *args):  # type: ignore[no-untyped-def]
        return ws.write(lambda session, ctx: action(session, demo.dated(ctx).on(day, "10:00"), *args))

    on("2024-08-29", escalations.acknowledge, first.id)
    on(ANSWERED.isoformat(), escalations.answer, first.id, "declined", "Belum dapat diakomodasi tahun ini")
    return first


@pytest.fixture
def at_the_kanwil(demo_ws: Workspace) -> Escalation:
    """This laptop is the parent office's (list it before `window`)."""
    first = _answered_long_ago(demo_ws)
    demo_ws.write(set_home_unit, demo_ws.write(demo.ensure_units)["KANWIL-PBD"])
    return first


@pytest.fixture
def at_the_kppn(demo_ws: Workspace) -> Escalation:
    """This laptop is the office below's, started after the dispute window passed (the app closes
    settled escalations when it starts)."""
    first = _answered_long_ago(demo_ws)
    demo_ws.settle_office()  # what `Workspace.open` does when the app starts
    return first


def _choose_in_inbox(qtbot: QtBot, window: MainWindow, escalation_id: str) -> str:
    click_nav(qtbot, window.nav, mw.ESCALATIONS)
    inbox = window.escalations
    row = next(r for r in range(inbox.model.rowCount()) if inbox.model.rows[r].id == escalation_id)
    cell = inbox.table.visualRect(inbox.model.index(row, 1)).center()
    qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(inbox.detail.isVisible)
    return inbox.detail.text()


def test_the_parents_inbox_says_until_when_an_answer_may_be_disputed(
    qtbot: QtBot, demo_ws: Workspace, at_the_kanwil: Escalation, window: MainWindow
) -> None:
    until = deadlines.dispute_until(ANSWERED, demo_ws.ctx.calendar)
    shown = _choose_in_inbox(qtbot, window, at_the_kanwil.id)
    assert f"Answered on {ANSWERED:%d-%m-%Y}; not disputed by {until:%d-%m-%Y}: the answer stands" in shown
    other = demo_ws.read(
        lambda s: s.scalars(select(Escalation).where(Escalation.id != at_the_kanwil.id)).one()
    )
    demo_ws.write(
        escalations.answer, other.id, "adopted", "Diakomodasi dalam revisi standar"
    )  # answered today
    window.refresh_all()
    today = demo_ws.ctx.today()
    shown = _choose_in_inbox(qtbot, window, other.id)
    until = deadlines.dispute_until(today, demo_ws.ctx.calendar)
    assert (
        f"Answered on {today:%d-%m-%Y}; KPPN Sorong may dispute the answer until {until:%d-%m-%Y}." in shown
    )


def test_the_units_view_says_it_was_sent_and_why_it_is_settled(
    qtbot: QtBot, demo_ws: Workspace, at_the_kppn: Escalation, window: MainWindow
) -> None:
    assert one(demo_ws, Escalation, id=at_the_kppn.id).status == EscalationStatus.DONE  # closed at start
    click_nav(qtbot, window.nav, mw.TRIAGE)
    wait_for_triage(qtbot, window)
    select_in_triage(qtbot, window, at_the_kppn.recommendation_id)
    shown = window.triage.pane.escalation.text()
    sent = at_the_kppn.sent_at.astimezone(demo_ws.ctx.zone)
    until = deadlines.dispute_until(ANSWERED, demo_ws.ctx.calendar)
    assert f"Done, sent {sent:%d-%m-%Y};" in shown  # not "Done 27-08-2024": that was the day it was sent
    assert f"Settled (selesai): not disputed by {until:%d-%m-%Y}." in shown
    assert not window.triage.pane.dispute_button.isVisible()
