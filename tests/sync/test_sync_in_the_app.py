"""Sync as the app does it: the background controller (debounced after local changes, backoff
when the server is away), enrollment from the Settings screen, and the "changed elsewhere"
marker in the triage board."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.sync.controller import SyncController, SyncState
from desktop.sync.engine import sync_once
from desktop.views import main_window as mw
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def on_server(server: Running, record_id: str) -> Record | None:
    with server.store.transaction() as session:
        return session.scalars(select(Record).where(Record.id == record_id)).one_or_none()


def test_a_local_change_is_pushed_shortly_after_without_blocking(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    ws = device("a", "KPPN-SORONG")
    controller = SyncController(ws, debounce_ms=50)
    try:
        assert controller.status().state == SyncState.UP_TO_DATE
        _forum, rec = make_forum(ws)  # the workspace tells the controller: pending, debounce starts
        assert controller.status().pending > 0
        qtbot.waitUntil(
            lambda: controller.status().state == SyncState.UP_TO_DATE and controller.status().pending == 0,
            timeout=10_000,
        )
        assert on_server(server, rec) is not None
        assert controller.status().last_sync_at is not None
        assert controller.status().moved is not None and controller.status().moved.pushed >= 3
    finally:
        controller.shutdown()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_server_means_offline_and_a_jittered_retry(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    ws = device("a", "KPPN-SORONG")
    with ws.store.remote_write() as session:  # the laptop leaves the office network
        from desktop.models import DeviceState

        state = session.get(DeviceState, 1)
        assert state is not None
        state.server_url = f"http://127.0.0.1:{closed_port()}"
    delays: list[float] = []

    def schedule() -> Iterator[float]:
        for delay in (30.0, 60.0):
            delays.append(delay)
            yield delay

    controller = SyncController(ws, debounce_ms=50, retry_delays=schedule)
    try:
        make_forum(ws)
        qtbot.waitUntil(lambda: controller.status().state == SyncState.OFFLINE, timeout=15_000)
        assert controller.status().pending > 0  # nothing lost: still queued
        assert delays == [30.0] and controller._retry.isActive()
        assert 25_000 < controller._retry.remainingTime() <= 31_500  # a coarse timer may run 5% late
    finally:
        controller.shutdown()


def test_enroll_from_settings_then_the_first_sync_runs(qtbot: QtBot, tmp_path: Path, server: Running) -> None:
    ws = Workspace.open(tmp_path / "fresh", Settings(language="en", operator="Fresh"))
    shell = Shell(ws)
    qtbot.addWidget(shell.window)
    try:
        page = shell.window.settings
        shell.window.nav.setCurrentRow(mw.SETTINGS)
        assert page.server_state.text() == "Not enrolled: local only."
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        assert "server address" in page.server_message.text()  # both fields are needed
        qtbot.keyClicks(page.server_url, server.url)
        qtbot.keyClicks(page.enroll_code, server.code("KPPN-SORONG"))
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.UP_TO_DATE, timeout=15_000)
        assert "KPPN-SORONG" in page.server_message.text()
        assert page.server_state.text().startswith("Enrolled with")
        assert shell.window.sync_bar.sync_button.isVisibleTo(shell.window)
    finally:
        shell.close()
        ws.close()


def test_a_bad_enrollment_code_is_explained(qtbot: QtBot, tmp_path: Path, server: Running) -> None:
    ws = Workspace.open(tmp_path / "fresh", Settings(language="en"))
    shell = Shell(ws)
    qtbot.addWidget(shell.window)
    try:
        page = shell.window.settings
        qtbot.keyClicks(page.server_url, server.url)
        qtbot.keyClicks(page.enroll_code, "NOT-A-CODE")
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enroll_button.isEnabled(), timeout=10_000)
        assert page.server_message.text() and "code" in page.server_message.text().lower()
        assert ws.store.device().server_url == ""
    finally:
        shell.close()
        ws.close()


def test_changed_elsewhere_shows_both_values_in_triage(qtbot: QtBot, device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    b.write(recs.edit_recommendation, rec, text="Perkuat layanan pelanggan (B)")
    a.write(recs.edit_recommendation, rec, text="Perkuat customer service (A)")
    for ws in (b, a, b):
        sync_once(ws)
    shell = Shell(b)
    qtbot.addWidget(shell.window)
    try:
        window = shell.window
        window.nav.setCurrentRow(mw.TRIAGE)
        triage = window.triage
        qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
        triage.table.selectRow(triage.model.row_of(rec))
        [marker] = triage.pane.cards
        assert marker.isVisibleTo(window)
        assert "Perkuat customer service (A)" in marker.plain_text()
        assert "Perkuat layanan pelanggan (B)" in marker.plain_text()
    finally:
        shell.close()
