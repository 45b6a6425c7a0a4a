"""In the app: a revoked laptop exports its unsent changes from the status bar, another laptop
imports them from Settings and sends them; a laptop the server forgot (a restore) is offered
the enrollment again in Settings and keeps its data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from desktop.app.shell import Shell
from desktop.models import OutboxOp
from desktop.services import recommendations as recs
from desktop.sync.controller import SyncState
from desktop.views import main_window as mw
from server_stub import admin
from server_stub.models import Device as ServerDevice
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def on_server(server: Running, record_id: str) -> bool:
    with server.store.transaction() as session:
        return session.scalars(select(Record).where(Record.id == record_id)).one_or_none() is not None


def test_a_revoked_laptop_hands_its_unsent_changes_to_another(
    qtbot: QtBot, device: Device, server: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c, a = device("c", "KPPN-SORONG"), device("a", "KPPN-SORONG")
    with server.store.transaction() as session:
        admin.revoke(session, c.ctx.device_id)
    _forum, rec = make_forum(c)
    exported = tmp_path / "unsent.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(exported), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(exported), ""))

    shell = Shell(c)
    qtbot.addWidget(shell.window)
    try:
        bar = shell.window.sync_bar
        assert not bar.export_button.isVisibleTo(shell.window)
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.ERROR, timeout=15_000)
        assert "revoked" in bar.state_label.text()
        assert bar.export_button.isVisibleTo(shell.window)
        qtbot.mouseClick(bar.export_button, Qt.MouseButton.LeftButton)
        assert str(exported) in bar.state_label.text()
    finally:
        shell.close()
    with c.store.read() as session:
        assert len(session.scalars(select(OutboxOp)).all()) > 0  # still kept on c

    shell = Shell(a)
    qtbot.addWidget(shell.window)
    try:
        shell.window.nav.setCurrentRow(mw.SETTINGS)
        page = shell.window.settings
        assert page.import_outbox_button.isVisibleTo(shell.window)
        qtbot.mouseClick(page.import_outbox_button, Qt.MouseButton.LeftButton)
        assert "queued" in page.server_message.text()
        qtbot.waitUntil(lambda: on_server(server, rec), timeout=15_000)  # the next sync sent them
    finally:
        shell.close()


def test_a_laptop_the_server_forgot_is_offered_the_enrollment_again(
    qtbot: QtBot, device: Device, server: Running
) -> None:
    a = device("a", "KPPN-SORONG")
    with server.store.transaction() as session:  # the restored database never saw this laptop
        session.execute(delete(ServerDevice).where(ServerDevice.id == a.ctx.device_id))
    forum, _rec = make_forum(a)
    typed = a.write(recs.add_recommendation, forum, text="Diketik sebelum didaftarkan lagi", scope="unit")
    shell = Shell(a)
    qtbot.addWidget(shell.window)
    try:
        window = shell.window
        window.nav.setCurrentRow(mw.SETTINGS)
        page = window.settings
        assert not page.enroll_button.isVisibleTo(window)
        qtbot.mouseClick(window.sync_bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.ERROR, timeout=15_000)
        assert "Enroll it again" in window.sync_bar.state_label.text()
        assert page.enroll_button.isVisibleTo(window) and "no longer knows" in page.server_state.text()
        assert page.server_url.text() == server.url
        qtbot.keyClicks(page.enroll_code, server.code("KPPN-SORONG"))
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: shell.sync.status().state == SyncState.UP_TO_DATE and shell.sync.status().pending == 0,
            timeout=15_000,
        )
        assert on_server(server, typed)
        assert not page.enroll_button.isVisibleTo(window)
    finally:
        shell.close()
