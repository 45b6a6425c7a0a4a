"""The office head's triage after a forum, from the user's seat, keys and clicks only: filter
the board, accept (with a double-click, as hurried people do), escalate a policy matter with a
note, assign a follow-up with its default due date, reject with a reason. What is stored, and
what the berita acara and follow-up report data would print, are checked. (Set-up through the
services: the office under its parent offices, a closed forum with its recommendations.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import EscalationStatus, RecStatus, Scope
from desktop.models import Escalation, FollowUp, Recommendation
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.services.followups import default_due
from desktop.services.report_data import forum_report
from desktop.services.units import set_home_unit, update_unit
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from tests.helpers import Tree, make_tree
from tests.views.drive import (
    HUMAN_MS,
    Keyboard,
    choose,
    click,
    click_nav,
    click_row,
    double_click,
    multiline_answer,
    one,
    with_modal,
)

SAID = {
    "Sediakan kursi roda di ruang layanan": ("unit", "facilities"),
    "Usulkan tarif layanan daring yang seragam": ("policy", "cost"),
    "Buka layanan pada hari Minggu": ("unit", "time"),
    "Tambah loket pada awal bulan": ("unit", "requirements"),
}


def settle(qtbot: QtBot, window: MainWindow) -> None:
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    qtbot.wait(HUMAN_MS)  # the head reads the list before clicking


def pick(qtbot: QtBot, window: MainWindow, text: str) -> None:
    model = window.triage.model
    row = next(n for n in range(model.rowCount()) if (r := model.row_at(n)) is not None and r.text == text)
    click_row(qtbot, window.triage.table, row, column=1)
    qtbot.wait(HUMAN_MS)


def decide(qtbot: QtBot) -> None:
    """A moment between two decisions (longer than a double-click)."""
    qtbot.wait(QApplication.doubleClickInterval() + HUMAN_MS)


@pytest.fixture
def tree(ws: Workspace) -> Tree:
    """KPPN Sorong under Kanwil DJPb Papua Barat Daya under DJPb, set up before the window."""
    made = make_tree(ws)
    ws.write(set_home_unit, made.leaf)
    ws.write(update_unit, made.leaf, follow_up_working_days=10)  # the office's follow-up deadline
    return made


def test_triage_from_the_board(qtbot: QtBot, ws: Workspace, tree: Tree, window: MainWindow) -> None:
    assert ws.ctx.follow_up_working_days == 10
    ids = {
        text: ws.write(recs.add_recommendation, tree.forum, text=text, scope=scope, category=topic)
        for text, (scope, topic) in SAID.items()
    }
    ws.write(forums.start_forum, tree.forum)
    ws.write(forums.close_forum, tree.forum)

    click_nav(qtbot, window.nav, mw.TRIAGE)
    settle(qtbot, window)
    triage, pane = window.triage, window.triage.pane

    # A policy matter: accepted with a hurried double-click, then escalated with a note.
    choose(qtbot, triage.scope, "Policy (escalate)")
    settle(qtbot, window)
    assert triage.model.rowCount() == 1
    pick(qtbot, window, "Usulkan tarif layanan daring yang seragam")
    double_click(window, pane.buttons["accept"])
    assert one(ws, Recommendation, id=ids["Usulkan tarif layanan daring yang seragam"]).status == RecStatus.ACCEPTED
    decide(qtbot)
    note = multiline_answer(qtbot, "Mohon ditinjau sebagai standar tarif nasional")
    with_modal(qtbot, lambda: click(qtbot, pane.buttons["escalate"]), note)

    # What the unit does itself: the proposed ones, by status.
    choose(qtbot, triage.scope, "Any scope")
    choose(qtbot, triage.status, "Proposed")
    settle(qtbot, window)
    assert triage.model.rowCount() == 3
    pick(qtbot, window, "Sediakan kursi roda di ruang layanan")
    double_click(window, pane.buttons["accept"])  # "Start follow-up" appears in the same spot
    wheelchair = one(ws, Recommendation, id=ids["Sediakan kursi roda di ruang layanan"])
    assert wheelchair.status == RecStatus.ACCEPTED
    due = default_due(ws.ctx)
    assert pane.fu_due.date().toPython() == due  # the office's ten working days, shown
    click(qtbot, pane.fu_action)
    Keyboard(qtbot, window).type("Pengadaan dua kursi roda").tab().type("Kasubbag Umum")
    click(qtbot, pane.fu_assign)

    settle(qtbot, window)
    pick(qtbot, window, "Buka layanan pada hari Minggu")
    decide(qtbot)
    reason = multiline_answer(qtbot, "Di luar jam operasional; layanan daring tersedia setiap hari")
    with_modal(qtbot, lambda: click(qtbot, pane.buttons["reject"]), reason)

    # -- what is stored
    status = {text: one(ws, Recommendation, id=rec_id).status for text, rec_id in ids.items()}
    assert status == {
        "Sediakan kursi roda di ruang layanan": RecStatus.IN_PROGRESS,
        "Usulkan tarif layanan daring yang seragam": RecStatus.ESCALATED,
        "Buka layanan pada hari Minggu": RecStatus.REJECTED,
        "Tambah loket pada awal bulan": RecStatus.PROPOSED,
    }
    follow_up = one(ws, FollowUp, recommendation_id=wheelchair.id)
    assert (follow_up.action, follow_up.owner, follow_up.due_on) == ("Pengadaan dua kursi roda", "Kasubbag Umum", due)
    escalation = one(ws, Escalation)
    assert (escalation.to_unit_id, escalation.status, escalation.note) == (
        tree.middle,
        EscalationStatus.SENT,
        "Mohon ditinjau sebagai standar tarif nasional",
    )

    # -- what the documents print
    lines = {line.text: line for line in ws.read(forum_report, tree.forum).recommendations}
    rejected = lines["Buka layanan pada hari Minggu"]
    assert (rejected.status, rejected.status_reason) == (
        RecStatus.REJECTED,
        "Di luar jam operasional; layanan daring tersedia setiap hari",
    )
    [planned] = lines["Sediakan kursi roda di ruang layanan"].follow_ups
    assert (planned.owner, planned.due_on) == ("Kasubbag Umum", due)
    policy = lines["Usulkan tarif layanan daring yang seragam"]
    assert policy.scope == Scope.POLICY
    assert [(e.to_unit, e.note) for e in policy.escalations] == [
        ("Kanwil DJPb Papua Barat Daya", "Mohon ditinjau sebagai standar tarif nasional")
    ]
