from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import StoreError
from desktop.models import Base
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.store.db import Store, head_revision, known_revisions, migrate
from desktop.store.search import is_search_table
from tests.helpers import make_tree


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_device_identity_survives_reopening(tmp_path: Path) -> None:
    first = Store.open(tmp_path)
    device = first.device().device_id
    first.close()
    again = Store.open(tmp_path)
    assert again.device().device_id == device
    again.close()


def test_clock_never_repeats_after_restart(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path, Settings())
    make_tree(ws)
    last = ws.ctx.clock.last
    ws.close()
    reopened = Workspace.open(tmp_path, Settings())
    assert reopened.ctx.clock.now() > last
    reopened.close()


def test_corrupt_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"\x00garbage that is not sqlite" * 100)
    before = _digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path)
    assert str(path) in err.value.message
    assert _digest(path) == before


def test_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path, Settings())
    make_tree(ws)
    ws.close()
    path = tmp_path / DB_FILENAME
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path)
    assert str(path) in err.value.message
    assert _digest(path) == before


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    before = _digest(path)
    with pytest.raises(StoreError, match="another program"):
        Store.open(tmp_path)
    assert _digest(path) == before


def test_database_from_a_newer_version_is_refused_and_unmodified(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    with pytest.raises(StoreError, match="newer version") as err:
        Store.open(tmp_path)
    assert "9999_future" in err.value.message
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()


@pytest.fixture
def immutable_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "readonly"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        folder.chmod(0o555)
        probe = folder / "probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("cannot make a read-only folder here (no chattr, running as root)")
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_read_only_data_folder_gives_a_clear_message(immutable_dir: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(immutable_dir / "mufakat")
    assert "cannot be written" in err.value.message
    assert "--data-dir" in err.value.message


def test_data_folder_below_a_file_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be written"):
        Store.open(blocker / "data")


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.connect() as conn:
        migrate(conn)
        conn.commit()
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _p: not (kind == "table" and is_search_table(name)),
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.connect() as conn:
        migrate(conn)
        migrate(conn, known_revisions()[0])
        migrate(conn)
        conn.commit()
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()


def test_upgrade_from_first_revision_keeps_data_and_takes_a_backup(tmp_path: Path) -> None:
    """A database written at the first revision, holding a forum, opens at head with its data,
    after a backup copy of the old file was taken."""
    first = known_revisions()[0]
    path = tmp_path / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        migrate(conn, first)
        conn.exec_driver_sql(
            "INSERT INTO units (id, unit_id, code, name, letterhead, address, city, phone, email, website, "
            "head_title, head_name, head_nip, created_at, updated_at, deleted, clocks) VALUES "
            "('u1','u1','KPPN-SORONG','KPPN Sorong','','','Sorong','','','','','','', "
            "'2024-08-01 00:00:00','2024-08-01 00:00:00',0,'{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO forums (id, unit_id, title, theme, held_on, venue, mode, facilitator, moderator, "
            "note_taker, document_number, summary, agreements, signatories, status, status_by, created_at, "
            "updated_at, deleted, clocks) VALUES ('f1','u1','FKP 2024','', '2024-08-21','Aula',"
            "'face_to_face','','','','','','','[]','running','', "
            "'2024-08-01 00:00:00','2024-08-01 00:00:00',0,'{}')"
        )
        conn.commit()
    engine.dispose()

    ws = Workspace.open(tmp_path, Settings())
    exported = ws.read(export_json)
    assert '"title": "FKP 2024"' in exported and '"code": "KPPN-SORONG"' in exported
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first
        assert conn.execute("SELECT title FROM forums").fetchone()[0] == "FKP 2024"
    # The migrated store works for new changes.
    rec = ws.write(recs.add_recommendation, "f1", text="Tambah loket", scope="unit")
    assert rec
    ws.close()


def test_the_quick_revision_list_agrees_with_alembic() -> None:
    """known_revisions() reads the migration files without Alembic (start-up time); it must
    list exactly what Alembic's own walk finds, in order."""
    from alembic.script import ScriptDirectory

    from desktop.store.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert known_revisions() == [rev.revision for rev in reversed(list(script.walk_revisions()))]
