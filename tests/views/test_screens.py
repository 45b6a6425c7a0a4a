"""The office head's screens, driven as a user would: the main window and its navigation, the
triage board (every transition, bulk actions, filters), the escalations inbox of the parent
office, follow-up, settings and the language switch."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.vocab import EscalationStatus, Outcome, RecStatus, Scope
from desktop.models import Escalation, FollowUp, Recommendation
from desktop.services import demo
from desktop.services import recommendations as recs
from desktop.services.units import set_home_unit
from desktop.views import main_window as mw
from desktop.views.answer_dialog import AnswerDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import HUMAN_MS, multiline_answer, with_modal


def rec(ws: Workspace, rec_id: str) -> Recommendation:
    with ws.store.read() as session:
        found = session.get(Recommendation, rec_id)
        assert found is not None
        return found


def wait_for_triage(qtbot: QtBot, window: MainWindow) -> None:
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)


def select_in_triage(qtbot: QtBot, window: MainWindow, *rec_ids: str) -> None:
    table, model = window.triage.table, window.triage.model
    table.clearSelection()
    for rec_id in rec_ids:
        row = model.row_of(rec_id)
        assert row >= 0, rec_id
        cell = table.visualRect(model.index(row, 1)).center()
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, cell
        )


def decide(qtbot: QtBot, button: QPushButton) -> None:
    """A click on an action, after a moment to read the screen (a click within the double-click
    interval of the previous action is taken as the rest of a double-click, and ignored)."""
    qtbot.wait(QApplication.doubleClickInterval() + HUMAN_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_main_window_navigation_and_honest_sync_state(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow
) -> None:
    qtbot.waitUntil(window.forums.loaded)
    assert window.forums.model.rowCount() == 1
    assert window.forums.model.index(0, 2).data() == "Forum Konsultasi Publik KPPN Sorong Tahun 2024"
    assert window.sync_bar.state_label.text() == "Local only: not connected to a server"
    assert not window.sync_bar.sync_button.isVisible()
    assert window.nav.item(mw.ESCALATIONS).isHidden()  # KPPN Sorong received none
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.triage
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the third one shown
    follow_up = window.follow_up
    assert window.stack.currentWidget() is follow_up
    assert follow_up.forums_model.rowCount() == 1 and follow_up.forums_model.text(0, 5) == "2"  # escalated


def test_no_forum_yet_says_what_to_do_in_the_app(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    qtbot.waitUntil(window.forums.loaded)
    assert window.forums.model.rowCount() == 0
    hint = window.forums.empty_hint
    assert hint.isVisible() and "New forum" in hint.text() and "mufakat" not in hint.text()
    assert window.forums.demo_button.isVisible()
    qtbot.mouseClick(window.forums.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.forums.loaded() and window.forums.model.rowCount() == 1)
    # The laptop has its office: the demo comes beside it as a sample, marked (demo.load_sample).
    assert window.forums.model.index(0, 2).data() == "CONTOH — Forum Konsultasi Publik KPPN Sorong Tahun 2024"
    assert not window.forums.empty_state.isVisible()


def test_triage_every_transition_from_the_board(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow, answer_questions
) -> None:
    ws = demo_ws
    unit_rec = ws.write(
        recs.add_recommendation, reopened_demo, text="Sediakan kursi roda di ruang layanan", scope="unit"
    )
    policy_rec = ws.write(
        recs.add_recommendation, reopened_demo, text="Usulkan tarif layanan daring", scope="policy"
    )
    rejected = ws.write(recs.add_recommendation, reopened_demo, text="Buka layanan hari Minggu", scope="unit")
    window.nav.setCurrentRow(mw.TRIAGE)
    wait_for_triage(qtbot, window)
    pane = window.triage.pane

    select_in_triage(qtbot, window, unit_rec)
    decide(qtbot, pane.buttons["accept"])
    assert rec(ws, unit_rec).status == RecStatus.ACCEPTED
    qtbot.keyClicks(pane.fu_action, "Pengadaan kursi roda")
    qtbot.keyClicks(pane.fu_owner, "Kasubbag Umum")
    qtbot.mouseClick(pane.fu_assign, Qt.MouseButton.LeftButton)  # assigning starts the follow-up
    assert rec(ws, unit_rec).status == RecStatus.IN_PROGRESS
    typed = multiline_answer(qtbot, "Foto kursi roda terpasang")
    with_modal(qtbot, lambda: decide(qtbot, pane.buttons["complete"]), typed)
    assert rec(ws, unit_rec).status == RecStatus.DONE
    assert "Foto kursi roda" in rec(ws, unit_rec).status_reason

    select_in_triage(qtbot, window, rejected)
    answer_questions(text="Di luar jam operasional kantor")
    decide(qtbot, pane.buttons["reject"])
    assert rec(ws, rejected).status == RecStatus.REJECTED
    assert rec(ws, rejected).status_reason == "Di luar jam operasional kantor"

    select_in_triage(qtbot, window, policy_rec)
    decide(qtbot, pane.buttons["accept"])
    answer_questions(text="Mohon ditinjau")
    decide(qtbot, pane.buttons["escalate"])
    assert rec(ws, policy_rec).status == RecStatus.ESCALATED
    assert "Menunggu" not in pane.escalation.text() and pane.answer_button.isVisible()
    with ws.store.read() as session:
        assert session.scalars(
            select(FollowUp).where(FollowUp.recommendation_id == unit_rec)
        ).one().owner == ("Kasubbag Umum")
    assert any("escalate" in line for line in pane.history.toPlainText().splitlines())


def test_bulk_accept_and_the_text_filter(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow, warnings: list[str]
) -> None:
    ws = demo_ws
    ids = [
        ws.write(recs.add_recommendation, reopened_demo, text=f"Antrean daring loket {n}", scope="unit")
        for n in range(3)
    ]
    window.nav.setCurrentRow(mw.TRIAGE)
    wait_for_triage(qtbot, window)
    qtbot.keyClicks(window.triage.text, "loket")
    wait_for_triage(qtbot, window)
    qtbot.waitUntil(lambda: window.triage.model.total == 3)  # the count follows the page
    assert window.triage.count.text() == "3 recommendation(s)"
    select_in_triage(qtbot, window, *ids)
    decide(qtbot, window.triage.bulk["accept"])
    assert [rec(ws, i).status for i in ids] == [RecStatus.ACCEPTED] * 3
    select_in_triage(qtbot, window, *ids)
    accept = window.triage.bulk["accept"]  # already accepted: not offered, and the tooltip says why
    assert not accept.isEnabled()
    assert accept.toolTip().startswith("“Accept” is only for recommendations that are")
    decide(qtbot, accept)
    assert [rec(ws, i).status for i in ids] == [RecStatus.ACCEPTED] * 3
    assert not warnings


def test_escalation_answered_in_the_parent_inbox(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, window: MainWindow, monkeypatch
) -> None:
    ws = demo_ws
    ws.write(set_home_unit, ws.write(demo.ensure_units)["KANWIL-PBD"])
    window.refresh_all()
    assert not window.nav.item(mw.ESCALATIONS).isHidden()
    window.nav.setCurrentRow(mw.ESCALATIONS)
    inbox = window.escalations
    assert inbox.model.rowCount() == 2
    assert inbox.model.index(0, 0).data() == "KPPN Sorong"

    def answer(dialog: AnswerDialog) -> int:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.ADOPTED))
        qtbot.keyClicks(dialog.text, "Diakomodasi dalam revisi standar pelayanan 2025")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(AnswerDialog, "exec", answer)
    inbox.table.selectRow(0)
    qtbot.mouseClick(inbox.answer_button, Qt.MouseButton.LeftButton)
    with ws.store.read() as session:
        answered = session.scalars(
            select(Escalation).where(Escalation.status == EscalationStatus.ANSWERED)
        ).one()
        origin = session.get(Recommendation, answered.recommendation_id)
    assert answered.answer == "Diakomodasi dalam revisi standar pelayanan 2025"
    assert origin is not None and origin.status == RecStatus.ANSWERED and origin.outcome == Outcome.ADOPTED
    assert "1 waiting" in inbox.summary.text()


def choose_language(qtbot: QtBot, shell: Shell, language: str) -> MainWindow:
    settings = shell.window.settings
    settings.language.setCurrentIndex(settings.language.findData(language))
    settings.language.activated.emit(settings.language.currentIndex())
    qtbot.addWidget(shell.window)
    return shell.window


def test_settings_language_switch_rebuilds_the_window(qtbot: QtBot, demo_ws: Workspace, shell: Shell) -> None:
    english = shell.window
    indonesian = choose_language(qtbot, shell, "id")
    assert indonesian is not english
    assert indonesian.nav.item(mw.TRIAGE).text() == "Pemilahan"
    assert indonesian.forums.model.headerData(0, Qt.Orientation.Horizontal) == "Tanggal"
    assert indonesian.stack.currentWidget() is indonesian.settings
    assert Settings.load(demo_ws.data_dir).language == "id"
    back = choose_language(qtbot, shell, "en")
    assert back.nav.item(mw.TRIAGE).text() == "Triage"
    assert back.sync_bar.state_label.text() == "Local only: not connected to a server"
    assert Settings.load(demo_ws.data_dir).language == "en"


def test_settings_edit_the_office_and_refuse_a_bad_nip(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow
) -> None:
    window.nav.setCurrentRow(mw.SETTINGS)
    page = window.settings
    head = page.unit_lines["head_name"]
    head.setFocus()
    head.selectAll()
    qtbot.keyClicks(head, "Yohanes Mandacan")
    qtbot.keyClick(head, Qt.Key.Key_Return)
    nip = page.unit_lines["head_nip"]
    nip.setFocus()
    nip.selectAll()
    qtbot.keyClicks(nip, "12ab")
    qtbot.keyClick(nip, Qt.Key.Key_Return)
    assert page.office_message.text() and "NIP" in page.office_message.text()
    from desktop.services.units import home_unit

    unit = demo_ws.read(home_unit, demo_ws.ctx.home_unit_id)
    assert unit is not None and unit.head_name == "Yohanes Mandacan" and unit.head_nip != "12ab"


def test_capture_scope_changes_with_f2_on_the_list(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow
) -> None:
    new = demo_ws.write(recs.add_recommendation, reopened_demo, text="Perpanjang jam layanan", scope="unit")
    workspace = window.open_forum(reopened_demo)
    assert workspace is not None
    capture = workspace.capture
    workspace.tabs.setCurrentWidget(capture)
    capture.reload()
    cell = capture.table.visualRect(capture.model.index(capture.model.row_of(new), 0)).center()
    qtbot.mouseClick(capture.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(capture.table, Qt.Key.Key_F2)
    assert rec(demo_ws, new).scope == Scope.POLICY
    qtbot.keyClick(capture.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rec(demo_ws, new).scope == Scope.UNIT
    assert QMessageBox  # the module is used by fixtures


def test_the_calendar_speaks_the_apps_language(qtbot: QtBot, demo_ws: Workspace, shell: Shell) -> None:
    """The calendar that drops from a date field names months and days in Indonesian ("January"
    and "Mon" showed in the Indonesian app)."""
    from desktop.views.common import DateField

    indonesian = choose_language(qtbot, shell, "id")
    field = indonesian.findChildren(DateField)[0]
    calendar = field.calendarWidget()
    assert calendar.locale().monthName(12) == "Desember"
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "Sen"
    english = choose_language(qtbot, shell, "en")
    assert english.findChildren(DateField)[0].calendarWidget().locale().monthName(12) == "December"
