"""The attendance screen counts as the berita acara does (issue #13): the office's own staff sign
in as organisers and are not counted as an element of the public; the screen shows the one PEKPPP
figure (its five-unsur scale with the office's mapping, which the office changes in Settings →
Office) as the berita acara prints it, and the categories as the participants' diversity."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, Role
from desktop.models import Participant, Unit
from desktop.reports.minutes import build_minutes
from desktop.services.report_data import forum_report
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from tests.reports.conftest import all_text


def type_and_enter(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_organisers_apart_and_the_office_mapping_on_screen_and_paper(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow
) -> None:
    ws = demo_ws
    demo_forum = reopened_demo  # closed, nobody could sign in
    workspace = window.open_forum(demo_forum)
    assert workspace is not None
    attendance = workspace.attendance
    workspace.tabs.setCurrentWidget(attendance)
    before = attendance.counts.text()
    assert "12 participant(s) and 0 organiser(s)" in before
    assert "Diversity of the participants: 4 categor(y/ies) of the public" in before
    assert "PEKPPP score, number of unsur (indicator 2): 3 of 5</b>" in attendance.pekppp.text()
    assert "Academic / expert → Experts/practitioners/academics" in attendance.mapping.text()

    # The office's head of section signs in as an organiser (role chosen with the keyboard).
    qtbot.keyClicks(attendance.name, "Kepala Seksi Bank")
    qtbot.keyClicks(attendance.organization, "KPPN Sorong")
    attendance.role.setFocus()
    qtbot.keyClick(attendance.role, Qt.Key.Key_Down)  # Speaker
    qtbot.keyClick(attendance.role, Qt.Key.Key_Down)  # Organizer
    attendance.name.setFocus()
    qtbot.keyClick(attendance.name, Qt.Key.Key_Return)
    [staff] = [p for p in ws.read(lambda s: s.query(Participant).all()) if p.name == "Kepala Seksi Bank"]
    assert staff.attended and staff.role == Role.ORGANIZER and staff.category == Category.SERVICE_USER
    after = attendance.counts.text()
    assert "Present: 13 of 14: 12 participant(s) and 1 organiser(s)" in after
    assert "Diversity of the participants: 4 categor" in after  # the organiser is no element
    assert attendance.role.currentData() == Role.PARTICIPANT  # the next one is a participant again

    # The office does not count academics on PEKPPP's scale: Settings → Office, with the keyboard.
    window.nav.setCurrentRow(mw.SETTINGS)
    combo = window.settings.rules.mapping[Category.ACADEMIC]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # "(not counted)"
    office = ws.ctx.home_unit_id
    assert ws.read(lambda s: s.get(Unit, office).unsur_mapping)["academic"] is None
    window.nav.setCurrentRow(mw.FORUMS)
    workspace = window.open_forum(demo_forum)
    assert workspace is not None
    workspace.tabs.setCurrentWidget(workspace.attendance)
    assert "(indicator 2): 2 of 5</b>" in workspace.attendance.pekppp.text()
    assert "Academic / expert → not counted" in workspace.attendance.mapping.text()

    text = all_text(build_minutes(ws.read(forum_report, demo_forum)))
    assert "dihadiri oleh 12 (dua belas) orang peserta dan 1 (satu) orang panitia penyelenggara" in text
    assert "Keragaman peserta (kategori masyarakat): 4 (empat) kategori" in text
    assert "Nilai jumlah unsur PEKPPP (indikator 2): 2 (dua) dari 5 (lima) unsur hadir" in text
    assert re.search(r"Tidak dihitung Akademisi/pakar -", text)
