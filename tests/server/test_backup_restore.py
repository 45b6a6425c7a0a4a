"""`mufakat-server backup` and `restore` as an administrator types them, seen over HTTP by the
devices of a real server process (SQLite and PostgreSQL): a backup taken while serving, more
work, the server stopped, the backup restored, the server started again. The server answers
with a new epoch and what the backup held, a device enrolled since the backup still works, one
revoked since stays revoked, a change it lost is taken again when its device re-sends it, and
the replaced database is kept beside the backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from tests.server.processes import ServerProcess, add_units, admin_cli, new_code, running_server
from tests.server.serving import server_db  # noqa: F401 - fixture
from tests.server.wire import Raw, enroll_over_http, valid_fields


def _epoch(server: ServerProcess) -> str:
    with server.client() as http:
        return str(http.get("/healthz").json()["epoch"])


def _forum(raw: Raw, title: str) -> dict[str, Any]:
    return raw.op("forums", new_id(), "create", valid_fields("forums", raw.unit_id, title=title))


def _titles(raw: Raw) -> set[str]:
    return {r["data"]["title"] for r in raw.pull_all() if r["entity"] == "forums"}


def test_a_backup_restored_serves_what_it_held_and_the_devices_heal(
    server_db: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    add_units(server_db)
    backups = tmp_path / "backups"
    with running_server(server_db, tmp_path, name="before") as server:
        kppn = enroll_over_http(server.url, new_code(server_db, "KPPN-SORONG"), "KPPN-SORONG")
        doomed = enroll_over_http(server.url, new_code(server_db, "KPPN-SORONG"), "KPPN-SORONG")
        kept = _forum(kppn, "FKP sebelum cadangan")
        assert kppn.push(kept)[0]["status"] == "applied"
        made = admin_cli("backup", "--db", server_db, "--to", str(backups))  # while serving
        assert made.returncode == 0, made.stderr
        backup = Path(made.stdout.strip())
        assert backup.parent == backups and backup.stat().st_size > 0
        lost = _forum(kppn, "FKP sesudah cadangan")
        assert kppn.push(lost)[0]["status"] == "applied"
        late = enroll_over_http(server.url, new_code(server_db, "KPPN-SORONG"), "KPPN-SORONG")
        revoked = admin_cli("device", "revoke", "--db", server_db, doomed.device_id)
        assert revoked.returncode == 0, revoked.stderr
        epoch = _epoch(server)
    done = admin_cli("restore", "--db", server_db, str(backup), "--to", str(backups))
    assert done.returncode == 0, done.stderr
    assert "new epoch" in done.stdout and "kept the replaced database as" in done.stdout
    assert len(list(backups.iterdir())) == 2  # the backup and the replaced database
    with running_server(server_db, tmp_path, name="after") as server:
        assert _epoch(server) != epoch  # the devices learn the server lost what it had sent
        for raw in (kppn, late, doomed):
            raw.http = httpx.Client(base_url=server.url, headers=raw.http.headers, timeout=30)
        assert _titles(late) == {"FKP sebelum cadangan"}  # enrolled after the backup: still in (a device
        # is never sent its own records: Sorong's other laptop reads what the server holds)
        push = {"device_id": doomed.device_id, "schema_version": PROTOCOL_VERSION, "ops": []}
        refused = doomed.http.post("/sync/push", json=push)
        assert (refused.status_code, refused.json()["code"]) == (403, "revoked")  # still revoked
        assert kppn.push(lost)[0]["status"] == "applied"  # re-sent: taken again, not a duplicate
        assert kppn.push(kept)[0]["status"] == "duplicate"  # what the backup held, remembered
        assert _titles(late) == {"FKP sebelum cadangan", "FKP sesudah cadangan"}
        for raw in (kppn, late, doomed):
            raw.close()
