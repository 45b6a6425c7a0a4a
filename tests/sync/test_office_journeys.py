"""Journeys of the office hierarchy through a real server on 127.0.0.1, driven in the app's
window: the parent office receives an escalation (the Escalations entry appears), marks it
received and answers it, and the answer reaches the unit's recommendation; a laptop used before
its office was on the server names its parent office, escalates (the escalation waits), and at
enrollment the server's parent office takes it, with the user told that the names differ."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.vocab import EscalationStatus, Outcome, RecStatus
from desktop.models import Escalation, Recommendation, RejectedOp, Unit
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.units import home_unit
from desktop.services.users import update_user
from desktop.sync.controller import SyncState
from desktop.sync.engine import sync_once
from desktop.views import main_window as mw
from desktop.views.answer_dialog import AnswerDialog
from tests.sync.conftest import Running
from tests.views.drive import activate, press_ok, when_modal

Device = Callable[[str, str], Workspace]


@contextmanager
def app_window(qtbot: QtBot, ws: Workspace) -> Iterator[Shell]:
    """The app on `ws`, its window shown and active as a user's is."""
    shell = Shell(ws)
    qtbot.addWidget(shell.window)
    with qtbot.waitActive(shell.window):
        shell.window.show()
        shell.window.activateWindow()
    try:
        yield shell
    finally:
        shell.close()


def synced(shell: Shell) -> bool:
    status = shell.sync.status()
    return status.state == SyncState.UP_TO_DATE and status.pending == 0


def policy_recommendation(ws: Workspace, unit_id: str, text: str) -> str:
    forum = ws.write(forums.create_forum, unit_id=unit_id, title="FKP 2026", held_on="2026-03-02")
    rec = ws.write(recs.add_recommendation, forum, text=text, scope="policy")
    ws.write(recs.accept, rec)
    return rec


def click_row(qtbot: QtBot, table: object, row: int, column: int = 1) -> None:
    cell = table.visualRect(table.model().index(row, column)).center()  # type: ignore[attr-defined]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # type: ignore[attr-defined]


def test_the_parent_office_receives_acknowledges_and_answers(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    kanwil = device("kanwil", "KANWIL-PBD")
    kppn = device("kppn", "KPPN-SORONG")
    rec = policy_recommendation(kppn, kppn.ctx.home_unit_id or "", "Layanan jemput bola bagi satker terpencil")
    with app_window(qtbot, kanwil) as shell:
        window = shell.window
        assert window.nav.item(mw.ESCALATIONS).isHidden()  # nothing received yet
        kppn.write(escalations.escalate, rec, "Mohon arahan")
        sync_once(kppn)

        qtbot.keyClick(window, Qt.Key.Key_F9)  # "Sync now"
        qtbot.waitUntil(lambda: not window.nav.item(mw.ESCALATIONS).isHidden(), timeout=15_000)
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        inbox = window.escalations
        assert window.stack.currentWidget() is inbox and inbox.model.rowCount() == 1
        assert inbox.model.index(0, 0).data() == "KPPN Sorong"
        assert "1 waiting" in inbox.summary.text()

        click_row(qtbot, inbox.table, 0)
        first = inbox.selected()
        assert first is not None

        # Meanwhile another escalation arrives: the one the user selected stays selected.
        other = policy_recommendation(kppn, kppn.ctx.home_unit_id or "", "Penyesuaian standar waktu layanan")
        kppn.write(escalations.escalate, other)
        sync_once(kppn)
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=15_000)
        chosen = inbox.selected()
        assert chosen is not None and chosen.id == first.id and inbox.acknowledge_button.isEnabled()

        qtbot.mouseClick(inbox.acknowledge_button, Qt.MouseButton.LeftButton)
        with kanwil.store.read() as session:
            received = session.get(Escalation, first.id)
        assert received is not None and received.status == EscalationStatus.ACKNOWLEDGED
        assert inbox.answer_button.isEnabled() and not inbox.acknowledge_button.isEnabled()

        def answer(dialog: QWidget) -> None:
            assert isinstance(dialog, AnswerDialog)
            qtbot.mouseClick(dialog.outcome, Qt.MouseButton.LeftButton)
            qtbot.keyClick(dialog.outcome.view(), Qt.Key.Key_Home)  # Adopted
            qtbot.keyClick(dialog.outcome.view(), Qt.Key.Key_Return)
            qtbot.mouseClick(dialog.text.viewport(), Qt.MouseButton.LeftButton)
            qtbot.keyClicks(dialog.text, "Diakomodasi dalam standar layanan 2027")
            press_ok(qtbot, dialog)

        asked = when_modal(answer)
        qtbot.mouseClick(inbox.answer_button, Qt.MouseButton.LeftButton)
        assert asked
        with kanwil.store.read() as session:
            assert session.get(Escalation, received.id).status == EscalationStatus.ANSWERED  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: synced(shell), timeout=15_000)  # sent by itself, shortly after

    sync_once(kppn)
    with kppn.store.read() as session:
        answered = session.get(Recommendation, rec)
        assert answered is not None and answered.status == RecStatus.ANSWERED
        assert answered.outcome == Outcome.ADOPTED
        assert answered.status_reason == "Diakomodasi dalam standar layanan 2027"


def test_the_sending_office_is_not_offered_to_answer_its_own_escalation(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    """The office that escalated a recommendation waits for the answer of the office above: its
    triage pane shows the escalation waiting, with no way to record an answer itself."""
    from tests.views.test_screens import select_in_triage, wait_for_triage

    device("kanwil", "KANWIL-PBD")
    kppn = device("kppn", "KPPN-SORONG")
    rec = policy_recommendation(kppn, kppn.ctx.home_unit_id or "", "Layanan jemput bola bagi satker terpencil")
    kppn.write(escalations.escalate, rec, "Mohon arahan")
    assert sync_once(kppn).refused == 0
    with app_window(qtbot, kppn) as shell:
        window = shell.window
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # triage
        wait_for_triage(qtbot, window)
        select_in_triage(qtbot, window, rec)
        pane = window.triage.pane
        qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.rec.id == rec, timeout=5000)
        assert pane.escalation_box.isVisible() and "acknowledge by" in pane.escalation.text()
        assert not pane.answer_button.isVisible()
    assert kppn.read(lambda s: s.get_one(Recommendation, rec).status) == RecStatus.ESCALATED


def test_an_escalation_before_the_server_waits_and_goes_to_the_servers_parent(
    qtbot: QtBot, tmp_path: Path, server: Running, device: Device
) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en", operator="Rina"))
    try:
        with app_window(qtbot, ws) as shell:
            window = shell.window
            page = window.first_run
            assert page is not None
            typed = (
                (page.name, "KPPN Sorong"),
                (page.parent_office, "Kanwil Papua Barat"),
                (page.nip, "198705122010122001"),  # the first administrator (her name: Settings')
                (page.password, "rahasia-kppn-1"),
                (page.password_again, "rahasia-kppn-1"),
            )
            for field, text in typed:
                qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
                qtbot.keyClicks(field, text)
            qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
            assert window.first_run is None, page.message.text()
            # A small office: its first administrator is its head too (Settings → Users).
            admin = ws.ctx.user
            assert admin is not None and admin.name == "Rina"
            ws.write(update_user, admin.id, roles=["operator", "admin", "kepala"])
            rec = policy_recommendation(ws, ws.ctx.home_unit_id or "", "Usulkan tarif layanan daring")

            # Escalated from the triage board with no server: it waits on this laptop.
            qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
            triage = window.triage
            assert window.stack.currentWidget() is triage
            qtbot.waitUntil(lambda: triage.shown_generation == triage._generation and triage.model.row_of(rec) >= 0)
            click_row(qtbot, triage.table, triage.model.row_of(rec))

            def note(dialog: QWidget) -> None:
                text = dialog.findChild(QPlainTextEdit)
                assert text is not None
                qtbot.keyClicks(text, "Mohon ditinjau")
                press_ok(qtbot, dialog)

            asked = when_modal(note)
            qtbot.mouseClick(triage.pane.buttons["escalate"], Qt.MouseButton.LeftButton)
            assert asked
            with ws.store.read() as session:
                [waiting] = session.scalars(select(Escalation)).all()
                local_parent = session.get(Unit, waiting.to_unit_id)
            assert local_parent is not None and local_parent.name == "Kanwil Papua Barat"
            assert shell.sync.status().state == SyncState.LOCAL_ONLY and shell.sync.status().pending > 0

            # Enrolled from Settings: the server's hierarchy wins, and the user is told.
            activate(qtbot, window)
            qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
            settings = window.settings
            assert window.stack.currentWidget() is settings
            qtbot.mouseClick(settings.server_url, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(settings.server_url, server.url)
            qtbot.mouseClick(settings.enroll_code, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(settings.enroll_code, server.code("KPPN-SORONG"))
            told: list[str] = []

            def read_and_close(box: QWidget) -> None:
                assert isinstance(box, QMessageBox)
                told.append(box.text())
                qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

            when_modal(read_and_close)
            qtbot.mouseClick(settings.enroll_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: bool(told) and synced(shell), timeout=20_000)
            assert "Kanwil DJPb Provinsi Papua Barat Daya" in told[0] and "Kanwil Papua Barat" in told[0]
            assert "1 escalation(s) waiting to be sent will go to Kanwil DJPb Provinsi Papua Barat Daya" in told[0]
            assert told[0] in settings.server_message.text() and settings.server_message.isVisible()
            assert not settings.server_url.isVisible()
            assert not settings.parent_office.isEnabled()  # the server's administrator keeps it now
            assert settings.parent_office.currentText() == "Kanwil DJPb Provinsi Papua Barat Daya"

        with ws.store.read() as session:
            [sent] = session.scalars(select(Escalation)).all()
            server_parent = session.scalars(select(Unit).where(Unit.code == "KANWIL-PBD")).one()
            assert sent.to_unit_id == server_parent.id
            assert session.scalars(select(RejectedOp)).all() == []  # nothing was refused
            assert session.scalars(select(Unit).where(Unit.name == "Kanwil Papua Barat")).all() == []
            office = home_unit(session, ws.ctx.home_unit_id)
            assert office is not None and office.parent_id == server_parent.id
        kanwil = device("kanwil", "KANWIL-PBD")
        with kanwil.store.read() as session:
            [arrived] = session.scalars(select(Escalation)).all()
            assert arrived.rec_text == "Usulkan tarif layanan daring" and arrived.note == "Mohon ditinjau"
    finally:
        ws.close()
