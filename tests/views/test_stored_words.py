"""What the app says of a record is worded when shown or printed, not stored in the language of
the moment (the last walk of issue #11: the English UI stored "Escalated to …" as the reason, and
the Indonesian recap printed it). An escalation's reason and the proposed signatories' roles are
stored as what they are (the office it went to; a code), shown in the UI's language and printed
in Indonesian; records stored before, in either language, print as Indonesian too."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus
from desktop.models import Forum, Recommendation
from desktop.reports.minutes import build_minutes
from desktop.services import recommendations as recs
from desktop.services.office import set_parent_office
from desktop.services.queries import RecommendationFilter
from desktop.services.recap import recommendations_recap
from desktop.services.report_data import forum_report
from desktop.services.signatory_roles import HEAD_OF_UNIT, PUBLIC_REPRESENTATIVE
from desktop.views.main_window import MainWindow
from tests.reports.conftest import all_text
from tests.views.drive import Keyboard, click, click_tab, one
from tests.views.forum_setup import Running, running_forum
from tests.views.test_triage_actions import board_with

KANWIL = "Kanwil DJPb Papua Barat Daya"


@pytest.fixture
def forum(ws: Workspace) -> Running:
    made = running_forum(ws)
    ws.write(set_parent_office, made.unit, KANWIL)
    return made


def recap_reason(ws: Workspace, rec: str) -> str:
    recap = ws.read(recommendations_recap, RecommendationFilter(), datetime.now(UTC))
    return next(r.status_reason for r in recap.recommendations if r.text == one(ws, Recommendation, id=rec).text)


def test_an_escalation_made_in_english_prints_in_indonesian(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, answer_questions
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Tambah loket di distrik", scope="policy")
    ws.write(recs.accept, rec)
    board_with(qtbot, window, rec)
    answer_questions(text="")
    click(qtbot, window.triage.pane.buttons["escalate"])
    qtbot.waitUntil(lambda: one(ws, Recommendation, id=rec).status == RecStatus.ESCALATED)
    assert one(ws, Recommendation, id=rec).status_reason == ""  # no sentence in a language
    assert f"Escalated to {KANWIL}" in window.triage.pane.meta.text()
    assert recap_reason(ws, rec) == f"Dieskalasi ke {KANWIL}"


@pytest.mark.parametrize("stored", [f"Escalated to {KANWIL}", f"Dieskalasi ke {KANWIL}"])
def test_an_escalation_stored_before_in_either_language_prints_in_indonesian(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, stored: str
) -> None:
    rec = ws.write(recs.add_recommendation, forum.forum, text="Tambah loket di distrik", scope="policy")
    ws.write(recs.accept, rec)
    with ws.store.write() as session:  # as an older version stored it
        session.execute(
            update(Recommendation)
            .where(Recommendation.id == rec)
            .values(status=RecStatus.ESCALATED, status_reason=stored)
        )
    assert recap_reason(ws, rec) == f"Dieskalasi ke {KANWIL}"
    board_with(qtbot, window, rec)
    assert f"Escalated to {KANWIL}" in window.triage.pane.meta.text()  # the English UI's words


def test_the_signatories_roles_are_shown_in_the_uis_language_and_printed_in_indonesian(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow
) -> None:
    assert [p["role"] for p in one(ws, Forum, id=forum.forum).signatories] == [HEAD_OF_UNIT, PUBLIC_REPRESENTATIVE]
    workspace = window.open_forum(forum.forum)
    assert workspace is not None
    details = workspace.details
    click_tab(qtbot, workspace.tabs, details)
    table = details.signatories
    assert [table.item(row, 0).text() for row in range(2)] == ["Head of unit", "Representative of the public"]
    # The representative's name, typed into the table: the role stays what it is.
    cell = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    Keyboard(qtbot, window).type("Yusna Tangdilintin").press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: one(ws, Forum, id=forum.forum).signatories[1]["name"] == "Yusna Tangdilintin")
    assert [p["role"] for p in one(ws, Forum, id=forum.forum).signatories] == [HEAD_OF_UNIT, PUBLIC_REPRESENTATIVE]
    printed = all_text(build_minutes(ws.read(forum_report, forum.forum)))
    assert "Perwakilan masyarakat" in printed and "Representative" not in printed


def test_roles_stored_before_in_english_print_in_indonesian(ws: Workspace, qtbot: QtBot) -> None:
    made = running_forum(ws, started=False)
    stored = [
        {"role": "Head of unit", "name": "Gandung", "nip": "", "title": ""},
        {"role": "Representative of the public", "name": "", "nip": "", "title": ""},
    ]
    with ws.store.write() as session:  # as a version that stored the words of the moment did
        session.execute(update(Forum).where(Forum.id == made.forum).values(signatories=stored))
    printed = all_text(build_minutes(ws.read(forum_report, made.forum)))
    assert "Kepala unit" in printed and "Perwakilan masyarakat" in printed
    assert "Head of unit" not in printed and "Representative" not in printed
