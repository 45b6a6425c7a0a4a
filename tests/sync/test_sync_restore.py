"""The server's database restored from an older backup: the changes it had acknowledged since
are back on it after the devices' next sync, and every device ends with the same data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import make_url

from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import sync_once
from server_stub.__main__ import main as server_main
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def on_server(server: Running, rec_id: str) -> Record | None:
    with server.store.transaction() as session:
        return session.get(Record, ("recommendations", rec_id))


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the backup API), either direction."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def server_file(server: Running) -> Path:
    url = make_url(str(server.store.engine.url))
    if url.get_backend_name() != "sqlite":
        pytest.skip("restoring a backup is simulated with SQLite's backup API")
    return Path(str(url.database))


def test_changes_lost_in_a_restore_come_back_from_the_devices(
    device: Device, server: Running, tmp_path: Path
) -> None:
    live = server_file(server)
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    backup = tmp_path / "backup.sqlite3"
    copy_database(live, backup)  # tonight's backup

    a.write(recs.edit_recommendation, rec, text="Perkuat customer service (sesudah backup)")
    later = a.write(recs.add_recommendation, forum, text="Usulan baru sesudah backup", scope="unit")
    a.write(recs.vote, later)
    sync_once(a)
    sync_once(b)
    assert b.read(export_json) == a.read(export_json)

    copy_database(backup, live)  # the disk failed; the administrator restores last night's copy
    assert on_server(server, later) is None
    report = sync_once(b)  # b is ahead of the restored server: a new epoch starts
    assert report.requeued > 0
    sync_once(a)
    sync_once(b)
    for ws in (a, b):
        data = ws.read(export_json)
        assert "Perkuat customer service (sesudah backup)" in data
        assert "Usulan baru sesudah backup" in data
    assert a.read(export_json) == b.read(export_json)
    restored = on_server(server, later)
    assert restored is not None and restored.data["votes"] == 1


def test_the_administrator_can_mark_a_restore(device: Device, server: Running, capsys) -> None:
    live = server_file(server)
    a = device("a", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    assert server_main(["restored", "--db", f"sqlite:///{live}"]) == 0
    assert "new epoch" in capsys.readouterr().out
    report = sync_once(a)
    assert report.requeued > 0 and report.refused == 0
    assert rec in a.read(export_json)


def test_a_deletion_undone_after_the_backup_stands_once_the_devices_resend(
    device: Device, server: Running, tmp_path: Path
) -> None:
    """Deleted before the backup, restored (Ctrl+Z) after it: the restored server holds the
    tombstone, the laptops re-send the record as they hold it, and the later restore wins."""
    live = server_file(server)
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    a.write(recs.delete_recommendation, rec)
    sync_once(a)
    sync_once(b)
    backup = tmp_path / "backup.sqlite3"
    copy_database(live, backup)
    a.write(recs.restore_recommendation, rec)
    sync_once(a)
    sync_once(b)
    copy_database(backup, live)
    held = on_server(server, rec)
    assert held is not None and held.deleted  # the backup's tombstone
    sync_once(b)  # b is ahead of the restored server: a new epoch starts, the laptops re-send
    sync_once(a)
    sync_once(b)
    held = on_server(server, rec)
    assert held is not None and not held.deleted
    assert a.read(export_json) == b.read(export_json)
    assert "Perkuat customer service" in b.read(export_json)
