"""The administrator and the attached files, end to end with a real server process on SQLite and
PostgreSQL: `backup` copies the file store (only new files each time), `restore` brings lost
files back so laptops fetch them again, `files quota` and `files usage`, and `files sweep`
removes a deleted attachment's file once its grace period is over."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.sync.engine import enroll, sync_once
from protocol.vocab import AttachmentOwner
from tests.server.processes import add_units, admin_cli, new_code, running_server
from tests.sync.attached import a_forum, attach, held, photo_bytes, remove
from tests.sync.conftest import server_db  # noqa: F401 - fixture
from tests.sync.test_backup import home


def _laptop(root: Path, name: str, url: str, db_url: str) -> Workspace:
    ws = Workspace.open(root / name, Settings(language="en", operator=name))
    enroll(ws, url, new_code(db_url, "KPPN-SORONG", allow_http=True))
    sync_once(ws)
    return ws


def _cli(*args: str) -> str:
    done = admin_cli(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def test_backup_and_restore_cover_the_file_store_and_the_sweep_releases_files(
    server_db: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    add_units(server_db)
    files, backups = tmp_path / "server-files", tmp_path / "backups"
    where = ("--db", server_db, "--files", str(files))
    with running_server(server_db, tmp_path / "logs", "--files", str(files)) as server:
        a = _laptop(tmp_path, "a", server.url, server_db)
        forum = a_forum(a)
        _kept, kept_sha = attach(a, AttachmentOwner.FORUM, forum, photo_bytes(40_000))
        gone, gone_sha = attach(a, AttachmentOwner.FORUM, forum, photo_bytes(30_000))
        assert sync_once(a).files.uploaded == 2
        first = _cli("backup", *where, "--to", str(backups))
        assert "files: 2 new (70000 bytes)" in first
        assert "files: 0 new" in _cli("backup", *where, "--to", str(backups))  # files never change
        backup_file = Path(first.splitlines()[0])  # stdout: the copy's name alone
        assert "KPPN-SORONG\t0 MB\t10240 MB" in _cli("files", "usage", *where)
        assert "KPPN-SORONG\t0 MB\t5 MB" in _cli("files", "quota", "KPPN-SORONG", "5", *where)
        remove(a, gone)
        sync_once(a)
        assert "removed 0 file(s)" in _cli("files", "sweep", *where)  # within the grace period
        assert "removed 1 file(s) (30000 bytes)" in _cli("files", "sweep", "--grace-days", "0", *where)
        assert not (files / "objects" / gone_sha[:2] / gone_sha).exists()
        assert (files / "objects" / kept_sha[:2] / kept_sha).exists()
        a.close()
    shutil.rmtree(files)  # the disk holding the files is lost
    restored = _cli("restore", str(backup_file), *where, "--to", str(backups))
    assert "files: 2 copied back (70000 bytes)" in restored
    with running_server(server_db, tmp_path / "logs", "--files", str(files)) as server:
        b = _laptop(tmp_path, "b", server.url, server_db)
        sync_once(b)
        assert held(b, kept_sha) is not None
        assert home(b, "KPPN-SORONG")
        b.close()
