"""An outbox written by the previous release (protocol 5, database revision 0027: operations
without a user) pushes after the upgrade to protocol 6, even though another laptop of the office
has created its users meanwhile: the upgrade keeps every queued operation, the server accepts
each one once and marks it `before_accounts`, none is dropped or set aside. From then on the
laptop knows the office's users: nobody signed in may change anything protected."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, Table, create_engine, insert, select

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.models import OutboxOp
from desktop.services import acting, users
from desktop.services.acting import NotAllowed
from desktop.store.db import migrate
from desktop.sync.engine import TOKEN_FILENAME, sync_once
from protocol.hlc import HybridClock
from protocol.ids import new_id
from server_stub import sequence
from server_stub.models import AppliedOp
from tests.server.serving import Running
from tests.server.wire import on_server, valid_fields
from tests.sync.test_upgrade_v5 import enrolled_device

PROTOCOL_5_HEAD = "0027"  # the newest laptop database of protocol 5 (0028 came with protocol 6)
WHEN = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def queued_by_protocol_5(unit: str, clock: HybridClock) -> list[dict[str, Any]]:
    """A forum, a recommendation accepted (the kepala's act) and the office's letterhead (the
    admin's): one user action each, as the protocol-5 journal queued them (no user)."""
    forum, rec = new_id(), new_id()
    at = WHEN.isoformat()
    accepted = {"status": "accepted", "status_reason": "", "status_at": at, "status_by": "Kepala Kantor"}
    actions = [
        ("forums", forum, "create", valid_fields("forums", unit, title="FKP sebelum akun")),
        (
            "recommendations",
            rec,
            "create",
            valid_fields("recommendations", unit, forum_id=forum, text="Usul", scope="unit"),
        ),
        (
            "recommendations",
            rec,
            "transition",
            {"action": "accept", "from": "proposed", "fields": accepted, "base": {}},
        ),
        ("units", unit, "update", {"set": {"letterhead": "KEMENTERIAN KEUANGAN"}, "base": {}}),
    ]
    return [
        {
            "device_seq": n,
            "op_id": new_id(),
            "action_id": new_id(),
            "entity": entity,
            "entity_id": entity_id,
            "kind": kind,
            "fields": {**fields, "at": at},
            "hlc": clock.now().encode(),
            "created_at": WHEN.replace(tzinfo=None),
        }
        for n, (entity, entity_id, kind, fields) in enumerate(actions, start=1)
    ]


def old_laptop(path: Path, server: Running, checkpoint: int = 0) -> list[dict[str, Any]]:
    """The laptop's database at the protocol-5 release, enrolled, with operations queued, having
    pulled up to `checkpoint`."""
    path.mkdir()
    device_id, token, unit, epoch = enrolled_device(server)
    (path / TOKEN_FILENAME).write_text(token, encoding="utf-8")
    ops = queued_by_protocol_5(unit, HybridClock(device_id))
    engine = create_engine(f"sqlite:///{path / DB_FILENAME}")
    with engine.connect() as conn:
        migrate(conn, PROTOCOL_5_HEAD)
        meta = MetaData()
        conn.execute(
            insert(Table("device_state", meta, autoload_with=conn)).values(
                id=1,
                device_id=device_id,
                home_unit_id=unit,
                last_hlc="",
                created_at=WHEN.replace(tzinfo=None),
                server_url=server.url,
                server_epoch=epoch,
                checkpoint=checkpoint,
                clock_offset_ms=0,
                refetch_own=False,
                restored_below=0,
            )
        )
        conn.execute(insert(Table("outbox", meta, autoload_with=conn)), ops)
        conn.commit()
    engine.dispose()
    return ops


def test_an_outbox_of_protocol_5_pushes_after_the_office_got_users(
    tmp_path: Path, server: Running, device: Callable[..., Workspace]
) -> None:
    other = device("other", "KPPN-SORONG")  # upgraded first: it creates the office's users
    other.write(
        users.create_user, nip="198705122010121001", name="Rina", roles=["admin"], password="rahasia-1"
    )
    assert sync_once(other).refused == 0
    queued = old_laptop(tmp_path / "old", server)
    ws = Workspace.open(tmp_path / "old", Settings(language="en"), time.time_ns)
    try:
        with ws.store.read() as session:
            kept = session.execute(
                select(OutboxOp.op_id, OutboxOp.user_id, OutboxOp.seen).order_by(OutboxOp.device_seq)
            )
            assert [tuple(row) for row in kept] == [(op["op_id"], None, 0) for op in queued]
        report = sync_once(ws)
        assert report.refused == 0 and report.pushed == len(queued)
        with ws.store.read() as session:
            assert session.scalars(select(OutboxOp.op_id)).all() == []
        with pytest.raises(NotAllowed, match="Sign in first"):  # it knows the office's users now
            ws.write(users.create_user, nip="199203152015032003", name="Sari", roles=["operator"])
        ws.write(acting.sign_in, "198705122010121001", "rahasia-1")
    finally:
        ws.close()
    rec = on_server(server, "recommendations", queued[1]["entity_id"])
    assert rec is not None and rec.data["status"] == "accepted"
    with server.store.transaction() as session:
        marks = {
            row.op_id: (row.status, row.user_id, row.before_accounts)
            for row in session.scalars(select(AppliedOp))
        }
    assert [marks[op["op_id"]] for op in queued] == [("applied", None, True)] * len(queued)


def test_users_a_laptop_pulled_before_its_upgrade_arrive_after_it(
    tmp_path: Path, server: Running, device: Callable[..., Workspace]
) -> None:
    """The previous release pulled the office's users and could not hold them, its checkpoint
    past them: the upgrade pulls again, so the laptop knows the office's users (seen in a walk:
    it never got them, and every later change was refused `unknown_user`)."""
    other = device("other", "KPPN-SORONG")
    other.write(
        users.create_user, nip="198705122010121001", name="Rina", roles=["admin"], password="rahasia-1"
    )
    assert sync_once(other).refused == 0
    with server.store.transaction() as session:
        pulled_past_the_users = sequence.newest(session)
    old_laptop(tmp_path / "old", server, checkpoint=pulled_past_the_users)
    ws = Workspace.open(tmp_path / "old", Settings(language="en"), time.time_ns)
    try:
        assert sync_once(ws).refused == 0
        with ws.store.read() as session:
            assert [u.name for u in users.list_users(session, ws.ctx.home_unit_id)] == ["Rina"]
        ws.write(acting.sign_in, "198705122010121001", "rahasia-1")
    finally:
        ws.close()
