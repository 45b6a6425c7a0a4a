"""'Pindahkan ke laptop baru' with a real server (SQLite and PostgreSQL): the new laptop gets the
data and the outbox (same operation ids) under a device id of its own and enrolls naming the old
device; the old laptop's unsent changes reach the server exactly once, and the old laptop is
refused with `device_moved` from then on."""

from __future__ import annotations

import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.cli import main
from desktop.config import Settings
from desktop.models import OutboxOp
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncRefused
from desktop.sync.engine import enroll, is_enrolled, sync_once
from desktop.workspace import Workspace
from server_stub.models import Device as ServerDevice
from tests.sync.conftest import Running
from tests.sync.test_actions import two_recs
from tests.sync.test_votes import server_votes

Device = Callable[..., Workspace]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def queued(ws: Workspace) -> list[str]:
    with ws.store.read() as session:
        return list(session.scalars(select(OutboxOp.op_id).order_by(OutboxOp.device_seq)))


def open_new(folder: Path) -> Workspace:
    return Workspace.open(folder, Settings(language="en", operator="baru"))


@pytest.mark.parametrize("old_syncs_after_export", [False, True])
def test_the_data_moves_and_the_old_laptop_stops_syncing(
    device: Device,
    server: Running,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old_syncs_after_export: bool,
) -> None:
    old, b = device("old", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec, other = two_recs(old)  # rec has 5 votes from old
    sync_once(old)
    sync_once(b)
    unsent = old.write(recs.add_recommendation, forum, text="Belum terkirim saat dipindahkan", scope="unit")
    old.write(recs.edit_recommendation, other, text="Diubah sebelum dipindahkan")
    old.write(recs.vote, rec)
    waiting = queued(old)
    assert waiting
    moved = tmp_path / "pindah.zip"
    code, out, err = cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))
    assert code == 0 and out.strip() == str(moved), err
    if old_syncs_after_export:  # the old laptop sends the same changes before the new one enrolls
        sync_once(old)

    target = tmp_path / "new"
    code, out, err = cli(capsys, "--data-dir", str(target), "move", "import", str(moved))
    assert code == 0 and "Enroll this laptop" in out, err
    new = open_new(target)
    try:
        assert new.ctx.device_id != old.ctx.device_id
        assert not is_enrolled(new)
        assert queued(new) == waiting  # the outbox, with its operations' ids
        assert new.read(export_json) == old.read(export_json)
        enroll(new, server.url, server.code("KPPN-SORONG"))
        report = sync_once(new)
        assert report.refused == 0
        with server.store.transaction() as session:
            retired = session.get(ServerDevice, old.ctx.device_id)
            assert retired is not None and retired.moved_to == new.ctx.device_id
            assert retired.revoked_at is not None
            fresh = session.get(ServerDevice, new.ctx.device_id)
            assert fresh is not None and fresh.moved_from == old.ctx.device_id
        assert server_votes(server, rec)[0] == 6  # the vote counted once, whoever sent it
        with pytest.raises(SyncRefused) as refused:
            sync_once(old)
        assert refused.value.code == "device_moved" and "moved to a new laptop" in refused.value.message
        sync_once(b)
        data = b.read(export_json)
        assert unsent in data and "Diubah sebelum dipindahkan" in data
        later = new.write(recs.add_recommendation, forum, text="Dari laptop baru", scope="unit")
        sync_once(new)
        sync_once(b)
        assert later in b.read(export_json)
        assert new.read(export_json) == b.read(export_json)
    finally:
        new.close()


def test_a_laptop_with_data_of_its_own_is_not_replaced_unasked(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, other = device("old", "KPPN-SORONG"), device("other", "KPPN-MANOKWARI")
    two_recs(old)
    moved = tmp_path / "pindah.zip"
    assert cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))[0] == 0
    before = other.read(export_json)
    other.close()
    code, out, err = cli(capsys, "--data-dir", str(other.data_dir), "move", "import", str(moved))
    assert code == 2 and err.count("\n") == 1 and "--replace" in err and out == ""
    damaged = tmp_path / "rusak.zip"
    with zipfile.ZipFile(moved) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "mufakat.sqlite3":
                data = data[:5000] + bytes([data[5000] ^ 0xFF]) + data[5001:]
            dst.writestr(item, data)
    code, _, err = cli(capsys, "--data-dir", str(other.data_dir), "move", "import", str(damaged), "--replace")
    assert code == 2 and "checksum" in err
    again = open_new(other.data_dir)
    try:
        assert again.read(export_json) == before
        assert is_enrolled(again)
    finally:
        again.close()
    code, out, err = cli(capsys, "--data-dir", str(other.data_dir), "move", "import", str(moved), "--replace")
    assert code == 0 and "kept as" in out, err
    taken = open_new(other.data_dir)
    try:
        assert taken.read(export_json) == old.read(export_json)
        assert not is_enrolled(taken)
    finally:
        taken.close()


def test_a_device_cannot_retire_a_device_of_another_office(device: Device, server: Running) -> None:
    from desktop.sync.client import SyncClient
    from protocol.ids import new_id

    sorong = device("sorong", "KPPN-SORONG")
    with SyncClient(server.url) as client:  # a buggy or malicious laptop of another office
        secret = secrets.token_urlsafe(32)
        client.enroll(server.code("KPPN-MANOKWARI"), new_id(), "x", secret, moved_from=sorong.ctx.device_id)
        with pytest.raises(SyncRefused) as refused:  # a name that is no device id is refused
            client.enroll(server.code("KPPN-MANOKWARI"), new_id(), "x", secret, moved_from="bad")
    assert refused.value.code == "malformed"
    with server.store.transaction() as session:
        kept = session.get(ServerDevice, sorong.ctx.device_id)
        assert kept is not None and kept.revoked_at is None and kept.moved_to is None
    assert sync_once(sorong).refused == 0


def test_the_old_laptop_in_the_app_says_its_data_moved_and_stops_trying(
    qtbot: QtBot, device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.app import Shell
    from desktop.sync.controller import SyncState
    from desktop.views import main_window as mw

    old = device("old", "KPPN-SORONG")
    two_recs(old)
    moved = tmp_path / "pindah.zip"
    assert cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))[0] == 0
    assert cli(capsys, "--data-dir", str(tmp_path / "new"), "move", "import", str(moved))[0] == 0
    new = open_new(tmp_path / "new")
    try:
        enroll(new, server.url, server.code("KPPN-SORONG"))
    finally:
        new.close()
    shell = Shell(old)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    try:
        shell.window.nav.setCurrentRow(mw.SETTINGS)
        qtbot.mouseClick(shell.window.sync_bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.ERROR, timeout=15_000)
        assert shell.sync.status().code == "device_moved"
        assert "moved to a new laptop" in shell.window.sync_bar.state_label.text()
        assert "moved to a new laptop" in shell.window.settings.server_state.text()
        assert shell.window.sync_bar.export_button.isVisible()  # what was typed since has a way out
        assert not shell.sync._retry.isActive()  # it does not try again and again
    finally:
        shell.close()
