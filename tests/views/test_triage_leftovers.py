"""The triage board from the office head's seat, after the last walk of issue #11: an escalation
made on a laptop with no server says it waits to be synced, not "Terkirim" (the office above has
nothing yet); the bulk actions are offered only for a selection they apply to, and say why not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from desktop.app.workspace import Workspace
from desktop.core.vocab import EscalationStatus, RecStatus
from desktop.models import Escalation, OutboxOp, Recommendation
from desktop.services import recommendations as recs
from desktop.services.office import set_parent_office
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from tests.views.drive import click, click_row, one, rows
from tests.views.forum_setup import Running, running_forum
from tests.views.test_triage_actions import board_with


@pytest.fixture
def forum(ws: Workspace) -> Running:
    made = running_forum(ws)
    ws.write(set_parent_office, made.unit, "Kanwil DJPb Papua Barat Daya")
    return made


def test_an_escalation_in_the_outbox_waits_to_be_synced_until_the_server_has_it(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, answer_questions
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Tambah loket di distrik", scope="policy")
    ws.write(recs.accept, rec)
    board_with(qtbot, window, rec)
    pane = window.triage.pane
    answer_questions(text="Mohon dibahas di tingkat kanwil")
    click(qtbot, pane.buttons["escalate"])
    qtbot.waitUntil(lambda: one(ws, Recommendation, id=rec).status == RecStatus.ESCALATED)
    [sent] = rows(ws, Escalation)
    assert sent.status == EscalationStatus.SENT
    said = pane.escalation.text()
    assert said.startswith("Waiting to sync") and "Sent" not in said, said
    # The server acknowledges the operation: the laptop drops it from its outbox (sync/settle.py).
    with ws.store.write() as session:
        session.execute(delete(OutboxOp).where(OutboxOp.entity_id == sent.id))
    pane.show_recommendation(rec)
    assert pane.escalation.text().startswith("Sent"), pane.escalation.text()


def test_bulk_actions_are_offered_for_the_selections_they_apply_to(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    proposed = ws.write(recs.add_recommendation, forum.forum, text="Jam layanan diperpanjang", scope="policy")
    window.nav.setCurrentRow(mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    escalate, accept = triage.bulk["escalate"], triage.bulk["accept"]
    assert not escalate.isEnabled() and "Select" in escalate.toolTip()  # nothing selected yet
    click_row(qtbot, triage.table, triage.model.row_of(proposed), column=1)
    assert accept.isEnabled() and not escalate.isEnabled()
    assert "accepted, with the scope policy" in escalate.toolTip(), escalate.toolTip()
    click(qtbot, accept)
    qtbot.waitUntil(lambda: one(ws, Recommendation, id=proposed).status == RecStatus.ACCEPTED)
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    click_row(qtbot, triage.table, triage.model.row_of(proposed), column=1)
    assert escalate.isEnabled() and not accept.isEnabled() and escalate.toolTip() == ""
    # A unit-scope one with it: escalate still applies to one of the two, and says nothing against.
    unit = ws.write(recs.add_recommendation, forum.forum, text="Kursi tunggu ditambah", scope="unit")
    ws.write(recs.accept, unit)
    triage.reload()
    qtbot.waitUntil(lambda: triage.model.row_of(unit) >= 0, timeout=5000)
    click_row(qtbot, triage.table, triage.model.row_of(unit), column=1)
    assert not escalate.isEnabled() and not accept.isEnabled()
    click_row(qtbot, triage.table, triage.model.row_of(proposed), Qt.KeyboardModifier.ControlModifier, column=1)
    assert escalate.isEnabled()
