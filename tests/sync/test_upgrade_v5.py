"""An outbox written by the previous release pushes after the upgrade: a laptop of protocol 4
(database revision 0013) with changes still queued opens with this version, which migrates its
database, and its first sync sends every queued operation; the server applies each one, and
the fields added since (protocol 5: a recommendation's response, a follow-up's completion
day, the office's templates…) take their defaults.
None is dropped, none is set aside."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import MetaData, Table, create_engine, insert, select

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.models import OutboxOp
from desktop.store.db import migrate
from desktop.sync.engine import TOKEN_FILENAME, sync_once
from protocol.entities import ENTITIES
from protocol.hlc import HybridClock
from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from tests.server.serving import Running
from tests.server.wire import on_server, valid_fields

# The newest laptop database of protocol 4 (0014 came with protocol 5).
PROTOCOL_4_HEAD = "0013"
WHEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def enrolled_device(server: Running) -> tuple[str, str, str, str]:
    """A device of KPPN Sorong enrolled before the upgrade: its id, token, unit and the epoch."""
    device_id = new_id()
    answer = httpx.post(
        f"{server.url}/enroll",
        json={
            "code": server.code("KPPN-SORONG"),
            "device_id": device_id,
            "device_secret": secrets.token_urlsafe(32),
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return device_id, body["token"], body["unit_id"], body["epoch"]


def as_protocol_4(entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A create as the older app queued it: without the fields added to the entity since."""
    added = {f.name for f in ENTITIES[entity].fields if f.added}
    return {name: value for name, value in fields.items() if name not in added}


def queued_by_protocol_4(unit: str, clock: HybridClock) -> list[dict[str, Any]]:
    """A forum, two recommendations of it (one accepted, one with a follow-up) and an edit of the
    office's letterhead: one user action each, as the old journal queued them, without the fields
    added since (audit events left out: the operations are what must arrive)."""
    forum, policy, local, follow_up = (new_id() for _ in range(4))
    at = WHEN.isoformat()
    stamp = {"status_at": at, "status_by": "Kepala Kantor"}
    actions: list[list[tuple[str, str, str, dict[str, Any]]]] = [
        [("forums", forum, "create", as_protocol_4("forums", valid_fields("forums", unit, title="FKP")))],
        *(
            [("recommendations", rec, "create", as_protocol_4("recommendations", fields))]
            for rec, fields in (
                (policy, valid_fields("recommendations", unit, forum_id=forum, text="Jemput bola", scope="policy")),
                (local, valid_fields("recommendations", unit, forum_id=forum, text="Ruang laktasi", scope="unit")),
            )
        ),
        [
            (
                "recommendations",
                policy,
                "transition",
                {"action": "accept", "from": "proposed", "fields": {"status": "accepted", **stamp}, "base": {}},
            )
        ],
        [
            (
                "follow_ups",
                follow_up,
                "create",
                as_protocol_4(
                    "follow_ups",
                    valid_fields("follow_ups", unit, recommendation_id=local, action="Sediakan", owner="Umum"),
                ),
            )
        ],
        [("units", unit, "update", {"set": {"letterhead": "KEMENTERIAN KEUANGAN"}, "base": {}})],
    ]
    ops: list[dict[str, Any]] = []
    for action in actions:
        action_id = new_id()
        for entity, entity_id, kind, fields in action:
            ops.append(
                {
                    "device_seq": len(ops) + 1,
                    "op_id": new_id(),
                    "action_id": action_id,
                    "entity": entity,
                    "entity_id": entity_id,
                    "kind": kind,
                    "fields": {**fields, "at": at},
                    "hlc": clock.now().encode(),
                    "created_at": WHEN.replace(tzinfo=None),
                }
            )
    return ops


def old_laptop(path: Path, server: Running) -> list[dict[str, Any]]:
    """The laptop's database at the protocol-4 release, enrolled, with operations queued."""
    device_id, token, unit, epoch = enrolled_device(server)
    (path / TOKEN_FILENAME).write_text(token, encoding="utf-8")
    ops = queued_by_protocol_4(unit, HybridClock(device_id))
    engine = create_engine(f"sqlite:///{path / DB_FILENAME}")
    with engine.connect() as conn:
        migrate(conn, PROTOCOL_4_HEAD)
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
                checkpoint=0,
                clock_offset_ms=0,
                refetch_own=False,
                restored_below=0,
            )
        )
        conn.execute(insert(Table("outbox", meta, autoload_with=conn)), ops)
        conn.commit()
    engine.dispose()
    return ops


def test_an_outbox_of_the_previous_release_pushes_after_the_upgrade(tmp_path: Path, server: Running) -> None:
    # Two releases back since protocol 6 (test_upgrade_v6.py: the previous one): still pushes.
    assert PROTOCOL_VERSION == 6
    queued = old_laptop(tmp_path, server)
    ws = Workspace.open(tmp_path, Settings(language="en"), time.time_ns)
    try:
        with ws.store.read() as session:
            kept = session.scalars(select(OutboxOp.op_id).order_by(OutboxOp.device_seq)).all()
        assert kept == [op["op_id"] for op in queued]  # the upgrade kept every one, in order
        report = sync_once(ws)
        assert report.refused == 0
        with ws.store.read() as session:
            assert session.scalars(select(OutboxOp.op_id)).all() == []
    finally:
        ws.close()
    for op in queued:
        record = on_server(server, op["entity"], op["entity_id"])
        assert record is not None, op
    follow_up = on_server(server, "follow_ups", queued[4]["entity_id"])
    rec = on_server(server, "recommendations", queued[1]["entity_id"])
    unit = on_server(server, "units", queued[5]["entity_id"])
    assert follow_up is not None and follow_up.data["completed_on"] is None
    assert rec is not None and rec.data["response"] == "" and rec.data["status"] == "accepted"
    assert unit is not None and unit.data["letterhead"] == "KEMENTERIAN KEUANGAN"
