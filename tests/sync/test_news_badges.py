"""News in the navigation (issue #11): when escalations arrive for this office, the Eskalasi
entry shows how many, until the page has been on the screen; when an answer comes back to one of
ours, the Triase entry (where the answered recommendation is) shows it the same way. Through a
real server on 127.0.0.1 (SQLite and PostgreSQL), driven with keys in the app's window. Seeing
is this laptop's own: it changes no record and sends nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Outcome
from desktop.models import OutboxOp, SeenNews
from desktop.services import escalations
from desktop.sync.engine import sync_once
from desktop.views import main_window as mw
from desktop.views.escalations_page import NOTE
from desktop.views.main_window import MainWindow
from desktop.views.nav_badge import badge_of
from tests.sync.conftest import Running
from tests.sync.test_office_journeys import app_window, policy_recommendation

Device = Callable[[str, str], Workspace]
CTRL = Qt.KeyboardModifier.ControlModifier


def badge(window: MainWindow, row: int) -> int:
    return badge_of(window.nav.item(row))


def outbox_size(ws: Workspace) -> int:
    with ws.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def escalate(kppn: Workspace, text: str, note: str = "") -> str:
    rec = policy_recommendation(kppn, kppn.ctx.home_unit_id or "", text)
    escalation = kppn.write(escalations.escalate, rec, note)
    sync_once(kppn)
    return escalation


def test_arrived_escalations_and_returned_answers_are_counted_until_seen(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    kanwil = device("kanwil", "KANWIL-PBD")
    kppn = device("kppn", "KPPN-SORONG")
    first = escalate(kppn, "Layanan jemput bola bagi satker terpencil", "Mohon arahan sebelum Desember")
    escalate(kppn, "Penyesuaian standar waktu layanan")
    with app_window(qtbot, kanwil) as shell:
        window = shell.window
        qtbot.keyClick(window, Qt.Key.Key_F9)  # "Sync now": two arrive
        qtbot.waitUntil(lambda: badge(window, mw.ESCALATIONS) == 2, timeout=15_000)
        assert not window.nav.item(mw.ESCALATIONS).isHidden()
        assert "2" in window.nav.item(mw.ESCALATIONS).toolTip()
        sent = outbox_size(kanwil)

        qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # the Eskalasi page: they are seen
        inbox = window.escalations
        assert window.stack.currentWidget() is inbox and inbox.model.rowCount() == 2
        assert badge(window, mw.ESCALATIONS) == 0
        notes = [inbox.model.index(row, NOTE).data() for row in range(2)]
        assert "Mohon arahan sebelum Desember" in notes  # the sending unit's note
        assert outbox_size(kanwil) == sent  # seeing sends nothing

        qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # elsewhere, a third one arrives
        escalate(kppn, "Papan informasi layanan di setiap loket")
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: badge(window, mw.ESCALATIONS) == 1, timeout=15_000)
        qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
        assert badge(window, mw.ESCALATIONS) == 0 and inbox.model.rowCount() == 3
    with kanwil.store.read() as session:
        assert session.scalar(select(func.count()).select_from(SeenNews)) == 3

    kanwil.write(escalations.answer, first, Outcome.ADOPTED, "Diakomodasi dalam standar layanan 2027")
    sync_once(kanwil)
    with app_window(qtbot, kppn) as shell:
        window = shell.window
        assert badge(window, mw.TRIAGE) == 0  # nothing has come back yet
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: badge(window, mw.TRIAGE) == 1, timeout=15_000)
        assert badge(window, mw.ESCALATIONS) == 0  # ours went up: none arrived for us
        qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # Triase: the answered recommendation is there
        assert window.stack.currentWidget() is window.triage and badge(window, mw.TRIAGE) == 0
        qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
        assert badge(window, mw.TRIAGE) == 0  # seen stays seen
