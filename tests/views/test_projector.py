"""The projector view (tampilan layar) as a note-taker uses it: opened from the forum, it shows
what is typed in live capture — saves, votes, scope changes, edits, merges, undone saves — and
the agenda item being discussed, in its own window; never a name or a phone number."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Forum, Recommendation
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.services.lookup import load
from desktop.services.units import create_unit, set_home_unit
from desktop.views import projector as projector_module
from desktop.views.main_window import MainWindow
from desktop.views.projector import ProjectorWindow, RecommendationCard, other_screen
from protocol.ids import new_id
from tests.views.drive import CTRL, Keyboard, click, with_modal

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = {"Martina Rumbiak": "081234567890", "Yohanis Kambu": "085299887766"}


def running_forum(ws: Workspace) -> tuple[str, list[str]]:
    unit = ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(set_home_unit, unit)
    forum = ws.write(forums.create_forum, unit_id=unit, title="FKP Standar Pelayanan 2026", held_on="2026-11-30")
    ws.write(forums.start_forum, forum)
    for name, phone in PEOPLE.items():
        ws.write(participants.add_participant, forum, name=name, phone=phone, category="satker", attended=True)
    items = [ws.write(agenda.add_item, forum, title=title) for title in ("Pembukaan", "Paparan standar pelayanan")]
    ws.write(agenda.start_item, items[1])
    return forum, items


def card_of(projector: ProjectorWindow, text: str) -> RecommendationCard | None:
    return next((card for card in projector.cards.values() if card.text.text() == text), None)


def shows(projector: ProjectorWindow, text: str, scope: str | None, votes: str) -> bool:
    """The card of `text` is on the projector with this scope (None: either) and votes."""
    card = card_of(projector, text)
    return (
        card is not None
        and card.isVisibleTo(projector)
        and scope in (None, card.scope.text())
        and card.votes.text() == votes
    )


def click_row(qtbot: QtBot, table: Any, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    cell = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, cell)


def test_the_projector_follows_live_capture_and_shows_no_names(
    qtbot: QtBot, ws: Workspace, window: MainWindow, answer_questions, monkeypatch: pytest.MonkeyPatch
) -> None:
    forum_id, _items = running_forum(ws)
    whole_list_reads: list[object] = []
    read = projector_module.screen_recommendations

    def counted(session: Any, forum: str, ids: Any = None) -> Any:
        if ids is None:
            whole_list_reads.append(forum)
        return read(session, forum, ids)

    monkeypatch.setattr(projector_module, "screen_recommendations", counted)
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    capture = workspace.capture
    workspace.tabs.setCurrentWidget(capture)

    qtbot.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    projector = workspace.projector
    assert projector is not None and projector.isWindow() and projector.isVisible()
    assert projector.agenda.text() == "Now discussing: 2. Paparan standar pelayanan"
    assert projector.empty.isVisibleTo(projector)

    # Typed and saved on the laptop: on the projector, with its scope and votes.
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Perkuat customer service pada jam sibuk")
    qtbot.keyClicks(capture.raised_by, "Martina Rumbiak")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    service = "Perkuat customer service pada jam sibuk"
    qtbot.waitUntil(lambda: shows(projector, service, "Unit scope", "0 vote(s)"))
    qtbot.keyClicks(capture.text, "Usulkan layanan jemput bola ke distrik")
    qtbot.keyClick(capture.text, Qt.Key.Key_F2)  # policy
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    pickup = "Usulkan layanan jemput bola ke distrik"
    qtbot.waitUntil(lambda: shows(projector, pickup, "Policy (escalate)", "0 vote(s)"))
    assert projector.count.text() == "2 recommendation(s)" and not projector.empty.isVisibleTo(projector)
    assert [card.number.text() for card in sorted(projector.cards.values(), key=lambda c: c.y())] == ["2.", "1."]

    # Votes and a scope change on the list.
    click_row(qtbot, capture.table, 1)  # the older one (the list is newest first)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: shows(projector, service, "Unit scope", "2 vote(s)"))
    qtbot.keyClick(capture.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: shows(projector, service, "Policy (escalate)", "2 vote(s)"))

    # An edit of the text (F3).
    def correct(dialog: QDialog) -> None:
        click(qtbot, dialog.findChild(QPlainTextEdit))
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type("Perkuat customer service pada jam sibuk awal bulan")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    with_modal(qtbot, lambda: qtbot.keyClick(capture.table, Qt.Key.Key_F3), correct)
    service = "Perkuat customer service pada jam sibuk awal bulan"
    qtbot.waitUntil(lambda: shows(projector, service, "Policy (escalate)", "2 vote(s)"))
    assert card_of(projector, "Perkuat customer service pada jam sibuk") is None

    # A duplicate typed, voted, merged: it leaves the projector, its vote moves over.
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Tambah petugas customer service")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    duplicate = "Tambah petugas customer service"
    qtbot.waitUntil(lambda: shows(projector, duplicate, None, "0 vote(s)"))
    click_row(qtbot, capture.table, 0)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: shows(projector, duplicate, None, "1 vote(s)"))
    capture.table.clearSelection()
    for row in (0, 2):  # the duplicate (newest) and the one it repeats
        click_row(qtbot, capture.table, row, Qt.KeyboardModifier.ControlModifier)
    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(capture.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card_of(projector, duplicate) is None)
    assert shows(projector, service, "Policy (escalate)", "3 vote(s)")

    # A save undone: gone from the projector too.
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Salah ketik")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card_of(projector, "Salah ketik") is not None)
    qtbot.mouseClick(capture.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card_of(projector, "Salah ketik") is None)
    assert projector.count.text() == "2 recommendation(s)"

    # The agenda moves on: the projector says which item is discussed now.
    agenda_tab = workspace.agenda
    workspace.tabs.setCurrentWidget(agenda_tab)
    first = agenda_tab.list.visualItemRect(agenda_tab.list.item(0)).center()
    qtbot.mouseClick(agenda_tab.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(agenda_tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: projector.agenda.text() == "Now discussing: 1. Pembukaan")

    # What the room can read: recommendations, never who raised them nor their numbers.
    shown = " ".join(projector.texts())
    assert service in shown and pickup in shown
    for name, phone in PEOPLE.items():
        assert name not in shown and phone not in shown
    assert whole_list_reads == [forum_id]  # read whole once, when opened; then only what changed


def test_f11_toggles_full_screen_and_the_button_brings_back_the_same_window(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    forum_id, _items = running_forum(ws)
    ws.write(recs.add_recommendation, forum_id, text="Perpanjang jam layanan loket", scope="unit")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Projector view
    qtbot.waitUntil(lambda: workspace.projector is not None)
    projector = workspace.projector
    assert projector is not None
    assert card_of(projector, "Perpanjang jam layanan loket") is not None
    qtbot.waitExposed(projector)
    projector.activateWindow()  # as a click on it would (there is no window manager here)
    qtbot.waitUntil(projector.isActiveWindow)
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    qtbot.waitUntil(projector.isFullScreen)
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not projector.isFullScreen())
    qtbot.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    assert workspace.projector is projector  # one projector window per forum
    projector.close()
    qtbot.waitUntil(lambda: workspace.projector is None)
    assert not ws.change_listeners  # a closed projector follows nothing


def test_what_a_sync_brings_reaches_the_projector_whatever_page_is_open(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    forum_id, _items = running_forum(ws)
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    projector = workspace.projector
    assert projector is not None
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the board, meanwhile
    assert window.stack.currentWidget() is window.triage
    with ws.store.remote_write() as session:  # typed on the other laptop in the room, then pulled
        rec = Recommendation(
            id=new_id(), unit_id=ws.read(load, Forum, forum_id, "Forum").unit_id, forum_id=forum_id,
            text="Dari laptop kedua", scope=Scope.UNIT, status=RecStatus.PROPOSED, votes=4,
            created_at=datetime.now(UTC), updated_at=datetime.now(UTC), deleted=False, clocks={},
        )
        session.add(rec)
    window.refresh_all()  # what the window does when a sync brought changes
    qtbot.waitUntil(lambda: shows(projector, "Dari laptop kedua", "Unit scope", "4 vote(s)"))


def test_with_a_second_screen_it_opens_full_screen_there_and_the_laptop_keeps_the_keyboard(
    ws: Workspace, tmp_path: Path
) -> None:
    """A real X server with two screens (1366x768 for the laptop, 1024x768 for the projector),
    the app in its own process, as a facilitator has them."""
    forum_id, _items = running_forum(ws)
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1366x768x24", "-screen", "1", "1024x768x24"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert xvfb.stdout is not None
        display = xvfb.stdout.readline().strip()
        child = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("two_screens_child.py")), str(ws.data_dir), forum_id],
            env={**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    assert child.returncode == 0, child.stderr[-2000:]
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["screens"] == [[0, 0, 1366, 768], [0, 0, 1024, 768]]
    assert seen["laptop"] == [0, 0, 1366, 768]
    assert seen["projector"] == [0, 0, 1024, 768] and seen["full_screen"]
    assert seen["active"] == "MainWindow"  # the note-taker goes on typing


def test_the_projector_goes_to_the_other_screen_when_there_is_one() -> None:
    laptop, beamer = SimpleNamespace(name="laptop"), SimpleNamespace(name="beamer")
    assert other_screen([laptop], laptop) is None  # type: ignore[list-item]
    assert other_screen([laptop, beamer], laptop) is beamer  # type: ignore[list-item]
    assert other_screen([beamer, laptop], laptop) is beamer  # type: ignore[list-item]


def test_a_recommendation_rejected_in_the_forum_leaves_the_projector(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    """Rejected on the board (a duplicate, out of place): the room no longer sees it listed as
    if it stood, with its votes."""
    forum_id, _items = running_forum(ws)
    rec = ws.write(recs.add_recommendation, forum_id, text="Usulan yang ditolak", scope="unit")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    projector = workspace.projector
    assert projector is not None
    qtbot.waitUntil(lambda: shows(projector, "Usulan yang ditolak", None, "0 vote(s)"))
    ws.write(recs.reject, rec, "Sudah tercakup usulan lain")
    window.refresh_all()
    qtbot.waitUntil(lambda: not shows(projector, "Usulan yang ditolak", None, "0 vote(s)"))


def test_the_projector_says_dukungan_for_votes_as_every_other_screen(
    qtbot: QtBot, ws: Workspace, indonesian: Workspace, window: MainWindow
) -> None:
    """One word for one thing: the room read "suara" on the projector, "Dukungan" on the
    laptop and in the berita acara."""
    forum_id, _items = running_forum(ws)
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    capture = workspace.capture
    workspace.tabs.setCurrentWidget(capture)
    qtbot.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    projector = workspace.projector
    assert projector is not None
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Perkuat customer service pada jam sibuk")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    click_row(qtbot, capture.table, 0)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.keyClick(capture.table, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: shows(projector, "Perkuat customer service pada jam sibuk", "Ranah unit", "2 dukungan"))
    model = capture.table.model()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert "Dukungan" in headers  # the laptop's word for the same number
    assert not any("suara" in text.lower() for text in projector.texts())
