"""`mufakat-server backup` and `restore`, end to end on SQLite and PostgreSQL with a real server
process and laptops of three offices: back up while serving, work more (new records, votes, an
escalation answered, a laptop enrolled, one revoked, typing not yet synced), stop, restore,
start again: every laptop heals, nothing typed is lost, the replaced database is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import Recommendation, Unit
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncRefused
from desktop.sync.engine import enroll, sync_once
from tests.server.processes import ServerProcess, add_units, admin_cli, new_code, running_server
from tests.sync.conftest import server_db  # noqa: F401 - fixture


def laptop(root: Path, name: str, server: ServerProcess, db_url: str, unit: str) -> Workspace:
    ws = Workspace.open(root / name, Settings(language="en", operator=name))
    enroll(ws, server.url, new_code(db_url, unit))
    sync_once(ws)
    return ws


def home(ws: Workspace, code: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Unit.id).where(Unit.code == code)).one()


def everyone_syncs(laptops: list[Workspace], rounds: int = 3) -> None:
    for _ in range(rounds):
        for ws in laptops:
            assert sync_once(ws).refused == 0


def test_backup_sync_more_restore_every_laptop_heals(
    server_db: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    add_units(server_db)
    backups = tmp_path / "backups"
    with running_server(server_db, tmp_path / "logs") as server:
        a = laptop(tmp_path, "a", server, server_db, "KPPN-SORONG")
        b = laptop(tmp_path, "b", server, server_db, "KPPN-SORONG")
        m = laptop(tmp_path, "m", server, server_db, "KPPN-MANOKWARI")
        r = laptop(tmp_path, "r", server, server_db, "KPPN-MANOKWARI")
        k = laptop(tmp_path, "k", server, server_db, "KANWIL-PBD")
        forum = a.write(
            forums.create_forum, unit_id=home(a, "KPPN-SORONG"), title="FKP", held_on="2026-03-12"
        )
        first = a.write(recs.add_recommendation, forum, text="Antrean loket dipercepat", scope="policy")
        a.write(recs.accept, first)
        escalation = a.write(escalations.escalate, first, "Mohon arahan Kanwil")
        m_forum = m.write(
            forums.create_forum,
            unit_id=home(m, "KPPN-MANOKWARI"),
            title="FKP Manokwari",
            held_on="2026-03-13",
        )
        m.write(recs.add_recommendation, m_forum, text="Papan informasi diperbarui", scope="unit")
        everyone_syncs([a, b, m, r, k], rounds=2)

        made = admin_cli("backup", "--db", server_db, "--to", str(backups), "--keep", "5")  # while serving
        assert made.returncode == 0, made.stderr
        backup = Path(made.stdout.strip())
        assert backup.parent == backups and backup.exists()

        # After the backup: more work everywhere, a laptop enrolled, another revoked.
        a.write(recs.add_recommendation, forum, text="Sesudah backup: loket prioritas", scope="unit")
        for ws in (a, b, b):
            ws.write(recs.vote, first)
        k.write(escalations.acknowledge, escalation)
        k.write(escalations.answer, escalation, "adopted", "Diterapkan di seluruh KPPN")
        m.write(recs.add_recommendation, m_forum, text="Sesudah backup: ruang laktasi", scope="unit")
        d = laptop(tmp_path, "d", server, server_db, "KPPN-SORONG")
        d.write(recs.add_recommendation, forum, text="Dari laptop D, terdaftar sesudah backup", scope="unit")
        revoked = admin_cli("device", "revoke", r.ctx.device_id, "--db", server_db)
        assert revoked.returncode == 0, revoked.stderr
        everyone_syncs([a, b, m, k, d], rounds=2)
        # Typing the server never got before it failed.
        b.write(recs.add_recommendation, forum, text="Diketik B, belum tersinkron", scope="unit")
        expected_votes = 3  # all cast after the backup
        server.stop()

    # The administrator restores last night's backup (the server is stopped).
    done = admin_cli("restore", "--db", server_db, str(backup), "--to", str(backups))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"enrollment re-applied: device {d.ctx.device_id} (KPPN-SORONG" in out
    assert f"revocation re-applied: device {r.ctx.device_id} (KPPN-MANOKWARI" in out
    assert "new epoch" in out
    kept = [
        p
        for p in backups.iterdir()
        if p.name.startswith("mufakat-server-replaced-") and p.suffix in (".sqlite3", ".dump")
    ]
    assert len(kept) == 1 and f"kept the replaced database as {kept[0]}" in out

    with running_server(server_db, tmp_path / "logs", port=server.port) as server:
        everyone_syncs([a, b, m, k, d, a, b])
        sorong = [ws.read(export_json) for ws in (a, b, d)]
        assert sorong[0] == sorong[1] == sorong[2]
        for text in (
            "Sesudah backup: loket prioritas",
            "Dari laptop D, terdaftar sesudah backup",
            "Diketik B, belum tersinkron",
            "Diterapkan di seluruh KPPN",
        ):
            assert text in sorong[0]
        for ws in (a, b, d):
            with ws.store.read() as session:
                assert session.get_one(Recommendation, first).votes == expected_votes
        assert "Sesudah backup: ruang laktasi" in m.read(export_json)
        assert "Diterapkan di seluruh KPPN" in k.read(export_json)
        with pytest.raises(SyncRefused) as refused:
            sync_once(r)  # revoked after the backup: still revoked
        assert refused.value.code == "revoked"
        with server.client() as http:
            assert http.get("/readyz").json() == {"ready": True}
    for ws in (a, b, m, r, k, d):
        ws.close()


def test_keep_leaves_the_newest_backups(server_db: str, tmp_path: Path) -> None:  # noqa: F811
    add_units(server_db)
    backups = tmp_path / "backups"
    made = []
    for _ in range(3):
        done = admin_cli("backup", "--db", server_db, "--to", str(backups), "--keep", "2")
        assert done.returncode == 0, done.stderr
        made.append(Path(done.stdout.strip()))
    assert sorted(backups.iterdir()) == sorted(made[1:])


def test_keep_counts_two_backups_of_one_second_in_the_order_they_were_made(tmp_path: Path) -> None:
    """`…-000000.sqlite3` then `…-000000-2.sqlite3` (the same second): the second is the newer,
    though by name alone it sorts first."""
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    add_units(url)
    backups = tmp_path / "backups"
    first = admin_cli("backup", "--db", url, "--to", str(backups))
    assert first.returncode == 0, first.stderr
    made = Path(first.stdout.strip())
    older = backups / "mufakat-server-2020-01-01-000000.sqlite3"
    newer = backups / "mufakat-server-2020-01-01-000000-2.sqlite3"
    for path in (older, newer):
        path.write_bytes(made.read_bytes())
    done = admin_cli("backup", "--db", url, "--to", str(backups), "--keep", "3")
    assert done.returncode == 0, done.stderr
    assert sorted(backups.iterdir()) == sorted([newer, made, Path(done.stdout.strip())])
