"""Entering the satisfaction survey (SKM) after the forum, from the user's seat, keys and clicks
only: a new survey period with its dates typed and the number of service users (Tab used to
walk the dates' parts: the users went into the year), questionnaires typed from paper, nine keys
and Enter each. What is stored, the sample check and what the berita acara would print about the
survey are checked. (Set-up through the services: the office and its closed forum.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import Gender
from desktop.models import SurveyPeriod, SurveyResponse
from desktop.services import forums
from desktop.services.report_data import forum_report
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from desktop.views.survey_dialog import NewSurveyDialog
from tests.views.drive import Keyboard, choose, click, click_nav, one, rows, with_modal
from tests.views.forum_setup import Running

PAPER = ("343433323", "444444444", "333333333", "434343434")


def test_a_survey_period_and_its_questionnaires(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    forum = running
    ws.write(forums.close_forum, forum.forum)
    click_nav(qtbot, window.nav, mw.SURVEY)
    page = window.survey

    def new_period(dialog: QDialog) -> None:
        assert isinstance(dialog, NewSurveyDialog)
        keys = Keyboard(qtbot, dialog)
        click(qtbot, dialog.title)
        keys.type("SKM Semester II 2026").tab().type("01.07.2026").tab().type("31.12.2026").tab()
        keys.type("1000")  # service users in the period: not the year of the last day
        choose(qtbot, dialog.forum, "30-11-2026 FKP Standar Pelayanan 2026")
        click(qtbot, dialog.title)
        keys.press(Qt.Key.Key_Return)

    with_modal(qtbot, lambda: click(qtbot, page.new_button), new_period)
    period = one(ws, SurveyPeriod)
    assert (period.title, period.starts_on, period.ends_on, period.service_users, period.forum_id) == (
        "SKM Semester II 2026",
        date(2026, 7, 1),
        date(2026, 12, 31),
        1000,
        forum.forum,
    )

    click(qtbot, page.scores)
    keys = Keyboard(qtbot, window)
    for number, paper in enumerate(PAPER):
        if number == 1:
            choose(qtbot, page.gender, "Female")  # the second respondent ticked "perempuan"
            click(qtbot, page.scores)
        keys.type(paper).press(Qt.Key.Key_Return)
    assert page.message.text() == "Questionnaire 4 saved."

    stored = sorted(rows(ws, SurveyResponse), key=lambda r: r.created_at)
    assert ["".join(str(getattr(r, f"u{n}")) for n in range(1, 10)) for r in stored] == list(PAPER)
    assert [r.gender for r in stored] == [None, Gender.FEMALE, None, None]  # the profile resets
    assert "274 more needed for the minimum sample of 278" in page.sample_label.text()  # Krejcie–Morgan

    survey = ws.read(forum_report, forum.forum).survey  # the minutes of the forum carry it
    assert survey is not None and survey.period.title == "SKM Semester II 2026"
    assert (survey.respondents, survey.required, survey.too_few) == (4, 278, True)
    assert survey.score is not None and page.index_label.text().startswith(
        f"IKM {str(survey.score.index).replace('.', ',')}"
    )
