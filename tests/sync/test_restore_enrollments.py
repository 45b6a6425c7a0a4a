"""The server restored from a backup, end to end on SQLite and PostgreSQL: laptops enrolled
after the backup heal (with `restored --previous`) or are told to enroll again and lose
nothing; laptops revoked after the backup stay revoked."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, insert, make_url, select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncRefused
from desktop.sync.engine import enroll, sync_once
from server_stub.__main__ import main as server_main
from server_stub.models import Base
from server_stub.store import ServerStore
from tests.sync.conftest import PG_URL, Running, fresh_pg_database
from tests.sync.test_sync_basics import Device, make_forum


@contextmanager
def spare_database(server: Running, tmp_path: Path) -> Iterator[str]:
    """An empty database of the server's kind (for a backup, or the replaced database)."""
    if make_url(str(server.store.engine.url)).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / f'spare-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    assert PG_URL
    with fresh_pg_database() as url:
        yield url


def copy_database(source: str, target: str) -> None:
    """A consistent copy: SQLite's backup API, or on PostgreSQL a copy of every table."""
    src_url, dst_url = make_url(source), make_url(target)
    if src_url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(src_url.database)) as src, sqlite3.connect(str(dst_url.database)) as dst:
            src.backup(dst)
        return
    ServerStore(target).migrate()  # the same schema, then the same rows
    src_engine, dst_engine = create_engine(src_url), create_engine(dst_url)
    try:
        with src_engine.connect() as src, dst_engine.begin() as dst:
            for table in reversed(Base.metadata.sorted_tables):
                dst.execute(delete(table))
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                if rows:
                    dst.execute(insert(table), rows)
    finally:
        src_engine.dispose()
        dst_engine.dispose()


def live_url(server: Running) -> str:
    return server.store.engine.url.render_as_string(hide_password=False)


def laptop(tmp_path: Path, name: str, server: Running, unit: str) -> Workspace:
    ws = Workspace.open(tmp_path / name, Settings(language="en", operator=name))
    enroll(ws, server.url, server.code(unit))
    sync_once(ws)
    return ws


def revoke(url: str, device_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert server_main(["--db", url, "device", "revoke", device_id]) == 0
    assert device_id in capsys.readouterr().out


@pytest.fixture
def disaster(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[dict[str, object]]:
    """Before the backup: a and c (KPPN Sorong) work. After it: b enrolls, c is revoked, a and b
    sync more. Then the database is replaced by the backup; the old one is kept aside."""
    a, c = device("a", "KPPN-SORONG"), device("c", "KPPN-SORONG")
    forum, rec = make_forum(a)
    sync_once(a)
    with spare_database(server, tmp_path) as backup, spare_database(server, tmp_path) as previous:
        copy_database(live_url(server), backup)  # tonight's backup
        b = laptop(tmp_path, "b", server, "KPPN-SORONG")
        revoke(live_url(server), c.ctx.device_id, capsys)
        later = b.write(
            recs.add_recommendation, forum, text="Usulan dari laptop B sesudah backup", scope="unit"
        )
        sync_once(b)
        a.write(recs.edit_recommendation, rec, text="Perkuat customer service (sesudah backup)")
        sync_once(a)
        sync_once(b)
        offline = b.write(recs.add_recommendation, forum, text="Diketik B tanpa jaringan", scope="unit")
        copy_database(live_url(server), previous)  # the failing database, kept aside
        copy_database(backup, live_url(server))  # the administrator restores the backup
        yield {"a": a, "b": b, "c": c, "previous": previous, "texts": (later, offline)}
        b.close()


def assert_everything_back(a: Workspace, b: Workspace) -> None:
    for ws in (a, b, a):  # what b sends reaches a at its next sync
        assert sync_once(ws).refused == 0
    for ws in (a, b):
        data = ws.read(export_json)
        for text in (
            "Usulan dari laptop B sesudah backup",
            "Diketik B tanpa jaringan",
            "Perkuat customer service (sesudah backup)",
        ):
            assert text in data
    assert a.read(export_json) == b.read(export_json)


def test_restored_with_previous_re_applies_enrollments_and_revocations(
    disaster: dict[str, object], server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = (disaster[k] for k in "abc")
    assert isinstance(a, Workspace) and isinstance(b, Workspace) and isinstance(c, Workspace)
    assert server_main(["--db", live_url(server), "restored", "--previous", str(disaster["previous"])]) == 0
    out = capsys.readouterr().out
    assert f"enrollment re-applied: device {b.ctx.device_id} (KPPN-SORONG" in out
    assert f"revocation re-applied: device {c.ctx.device_id} (KPPN-SORONG" in out
    assert "new epoch" in out
    report = sync_once(b)  # b's token works again; the new epoch sends its whole state
    assert report.requeued > 0
    assert_everything_back(a, b)
    with pytest.raises(SyncRefused) as refused:
        sync_once(c)
    assert refused.value.code == "revoked"


def test_without_previous_a_laptop_enrolled_after_the_backup_is_told_to_enroll_again(
    disaster: dict[str, object], server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = disaster["a"], disaster["b"]
    assert isinstance(a, Workspace) and isinstance(b, Workspace)
    assert server_main(["--db", live_url(server), "restored"]) == 0
    assert "must be enrolled again" in capsys.readouterr().out
    with pytest.raises(SyncRefused) as refused:
        sync_once(b)
    assert refused.value.code == "unknown_token"
    assert (
        "Enroll it again" in refused.value.message
        and "Nothing on this laptop is lost" in refused.value.message
    )
    b.close()
    b = Workspace.open(b.data_dir, Settings(language="id"))
    with pytest.raises(SyncRefused) as refused:
        sync_once(b)
    assert "Daftarkan lagi" in refused.value.message  # in the laptop's language
    disaster["b"] = b
    enroll(b, server.url, server.code("KPPN-SORONG"))
    assert_everything_back(a, b)


def test_restored_refuses_a_previous_database_it_cannot_read(
    server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = f"sqlite:///{tmp_path / 'nowhere.sqlite3'}"
    assert server_main(["--db", live_url(server), "restored", "--previous", missing]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mufakat-server: the previous database") and err.count("\n") == 1
    assert not (tmp_path / "nowhere.sqlite3").exists()
    epoch = server.store.epoch()
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()
    assert server_main(["--db", live_url(server), "restored", "--previous", f"sqlite:///{other}"]) == 2
    assert "is not a Mufakat server database" in capsys.readouterr().err
    assert server.store.epoch() == epoch  # nothing changed
