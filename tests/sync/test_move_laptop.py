"""'Pindahkan ke laptop baru' with a real server (SQLite and PostgreSQL): the new laptop gets the
data and the outbox (same operation ids) under a device id of its own and enrolls naming the old
device; the old laptop's unsent changes reach the server exactly once, and the old laptop is
refused with `device_moved` from then on."""

from __future__ import annotations

import json
import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.models import OutboxOp
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncRefused
from desktop.sync.engine import enroll, is_enrolled, sync_once
from server_stub import admin
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
    target.mkdir()
    (target / "device-secret").write_text(secrets.token_urlsafe(32))  # this laptop's earlier own
    code, out, err = cli(capsys, "--data-dir", str(target), "move", "import", str(moved))
    assert code == 0 and "Enroll this laptop" in out, err
    old_secret = (old.data_dir / "device-secret").read_text()
    assert (target / "moved-from-secret").read_text() == old_secret  # the proof, kept apart
    assert (target / "moved-from-secret").stat().st_mode & 0o077 == 0
    assert not (target / "device-secret").exists()  # the replaced device's is not kept
    new = open_new(target)
    try:
        assert new.ctx.device_id != old.ctx.device_id
        assert not is_enrolled(new)
        assert queued(new) == waiting  # the outbox, with its operations' ids
        assert new.read(export_json) == old.read(export_json)
        enroll(new, server.url, server.code("KPPN-SORONG"))
        assert not (target / "moved-from-secret").exists()  # used once, then deleted
        assert (target / "device-secret").read_text() != old_secret  # a secret of its own
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
    proof = (sorong.data_dir / "device-secret").read_text()
    with SyncClient(server.url) as client:  # a buggy or malicious laptop of another office
        secret = secrets.token_urlsafe(32)
        code = server.code("KPPN-MANOKWARI")
        for forged in ("", secrets.token_urlsafe(32)):
            with pytest.raises(SyncRefused) as refused:
                client.enroll(code, new_id(), "x", secret, moved_from=sorong.ctx.device_id, moved_from_secret=forged)
            assert refused.value.code == "move_unproven"
        with pytest.raises(SyncRefused) as refused:  # even with the proof: not with another office's code
            client.enroll(code, new_id(), "x", secret, moved_from=sorong.ctx.device_id, moved_from_secret=proof)
        assert refused.value.code == "move_other_unit"
        assert "another office" in refused.value.message
        with pytest.raises(SyncRefused) as refused:  # a name that is no device id is refused
            client.enroll(code, new_id(), "x", secret, moved_from="bad")
        assert refused.value.code == "malformed"
        client.enroll(code, new_id(), "x", secret)  # the code was not spent by the refusals
    with server.store.transaction() as session:
        kept = session.get(ServerDevice, sorong.ctx.device_id)
        assert kept is not None and kept.revoked_at is None and kept.moved_to is None
    assert sync_once(sorong).refused == 0


def test_the_old_laptop_in_the_app_says_its_data_moved_and_stops_trying(
    qtbot: QtBot, device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.app.shell import Shell
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


def _enrolled_ids(server: Running) -> set[str]:
    with server.store.transaction() as session:
        return set(session.scalars(select(ServerDevice.id)))


def test_a_fresh_code_of_the_unit_alone_never_retires_a_colleague(device: Device, server: Running) -> None:
    """A laptop of the same office with a fresh code, naming an active colleague's device with
    no secret, a made-up one, or another laptop's own, is refused (`move_unproven`), nothing is
    recorded (its code stays unspent), and the colleague keeps syncing."""
    from desktop.sync.client import SyncClient
    from protocol.ids import new_id

    colleague, other = device("colleague", "KPPN-SORONG"), device("other", "KPPN-SORONG")
    _forum, rec, _ = two_recs(colleague)
    sync_once(colleague)
    before = _enrolled_ids(server)
    code = server.code("KPPN-SORONG")
    wrong = ("", secrets.token_urlsafe(32), (other.data_dir / "device-secret").read_text())
    with SyncClient(server.url) as client:
        for forged in wrong:
            with pytest.raises(SyncRefused) as refused:
                client.enroll(
                    code,
                    new_id(),
                    "pengganti",
                    secrets.token_urlsafe(32),
                    moved_from=colleague.ctx.device_id,
                    moved_from_secret=forged,
                )
            assert refused.value.status == 409 and refused.value.code == "move_unproven"
            assert "does not prove" in refused.value.message
    assert _enrolled_ids(server) == before
    with server.store.transaction() as session:
        kept = session.get_one(ServerDevice, colleague.ctx.device_id)
        assert kept.revoked_at is None and kept.moved_to is None
    colleague.write(recs.vote, rec)
    assert sync_once(colleague).refused == 0
    assert sync_once(other).refused == 0
    assert server_votes(server, rec)[0] == 6
    third = Workspace.open(other.data_dir.parent / "third", Settings(language="en", operator="x"))
    try:
        assert enroll(third, server.url, code) == "KPPN-SORONG"  # the code is still good
    finally:
        third.close()


def test_a_move_file_works_once(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The honest move retires the old laptop; the same move file taken in again on another
    laptop (or again on the new one) is refused with `move_used`, worded, and changes nothing."""
    old = device("old", "KPPN-SORONG")
    two_recs(old)
    sync_once(old)
    moved = tmp_path / "pindah.zip"
    assert cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))[0] == 0
    with zipfile.ZipFile(moved) as zf:
        assert zf.read("device-secret").decode() == (old.data_dir / "device-secret").read_text()
        assert "device-token" not in zf.namelist()
    assert cli(capsys, "--data-dir", str(tmp_path / "new"), "move", "import", str(moved))[0] == 0
    new = open_new(tmp_path / "new")
    try:
        enroll(new, server.url, server.code("KPPN-SORONG"))
        assert sync_once(new).refused == 0
        before = _enrolled_ids(server)
        assert cli(capsys, "--data-dir", str(tmp_path / "replay"), "move", "import", str(moved))[0] == 0
        replay = open_new(tmp_path / "replay")
        try:
            with pytest.raises(SyncRefused) as refused:
                enroll(replay, server.url, server.code("KPPN-SORONG"))
            assert refused.value.code == "move_used"
            assert "already moved" in refused.value.message
            assert not is_enrolled(replay)
            assert (tmp_path / "replay" / "moved-from-secret").exists()  # kept until it is used
        finally:
            replay.close()
        assert _enrolled_ids(server) == before
        with server.store.transaction() as session:
            assert session.get_one(ServerDevice, old.ctx.device_id).moved_to == new.ctx.device_id
        assert sync_once(new).refused == 0
    finally:
        new.close()


def test_a_move_file_without_the_old_laptops_secret_is_refused_and_worded(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A move file made by an older version (no secret in it) cannot retire the enrolled old
    laptop: the new laptop is told what to do; once the administrator revoked the old laptop,
    it enrolls (nothing to retire)."""
    old = device("old", "KPPN-SORONG")
    two_recs(old)
    moved = tmp_path / "pindah.zip"
    assert cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))[0] == 0
    older = tmp_path / "lama.zip"
    with zipfile.ZipFile(moved) as src, zipfile.ZipFile(older, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        del manifest["files"]["device-secret"]
        dst.writestr("manifest.json", json.dumps(manifest))
        for item in src.infolist():
            if item.filename not in ("manifest.json", "device-secret"):
                dst.writestr(item, src.read(item))
    assert cli(capsys, "--data-dir", str(tmp_path / "new"), "move", "import", str(older))[0] == 0
    new = open_new(tmp_path / "new")
    try:
        code = server.code("KPPN-SORONG")
        with pytest.raises(SyncRefused) as refused:
            enroll(new, server.url, code)
        assert refused.value.code == "move_unproven" and "ask the administrator to revoke" in refused.value.message
        assert sync_once(old).refused == 0  # the old laptop still syncs
        with server.store.transaction() as session:
            admin.revoke(session, old.ctx.device_id)
        assert enroll(new, server.url, code) == "KPPN-SORONG"
        assert sync_once(new).refused == 0
        with server.store.transaction() as session:
            kept = session.get_one(ServerDevice, old.ctx.device_id)
            assert kept.moved_to is None and kept.revoked_at is not None
    finally:
        new.close()
