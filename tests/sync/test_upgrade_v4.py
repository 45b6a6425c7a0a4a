"""Upgrading to sync protocol 4 keeps every vote and every queued change: a laptop's database
(migration 0013) and the server's (s0004) each turn a recommendation's votes into one
contribution, "carried", so no total changes; what the laptop still had queued becomes its own
contribution (or a merge's share) and is sent as such."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import MetaData, Table, create_engine, insert, select

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.models import OutboxOp, Recommendation
from desktop.store.db import migrate
from desktop.sync import outbox
from server_stub.apply import Caller, apply_push
from server_stub.models import Record
from server_stub.store import ServerStore

WHEN = datetime(2024, 8, 21, 10, 0)
DEVICE = "01900000-0000-7000-8000-00000000dev1"


def stamp(n: int) -> str:
    return f"{1724234400000 + n:015d}-000000-{DEVICE}"


def _blank(column: Any) -> Any:
    """What the old app stored in a column it was given nothing for."""
    kind = column.type.__class__.__name__.upper()
    if "INT" in kind:
        return 0
    if "BOOL" in kind:
        return False
    if "JSON" in kind:
        return {}
    return ""


def _row(table: Table, **values: Any) -> dict[str, Any]:
    """A row of `table` as the old app wrote it: `values`, blanks in the other required columns."""
    base = {"created_at": WHEN, "updated_at": WHEN, "deleted": False, "clocks": {"*": stamp(0)}}
    row = {k: v for k, v in {**base, **values}.items() if k in table.c}
    blanks = {c.name: _blank(c) for c in table.c if c.name not in row and not c.nullable}
    return {**blanks, **row}


def _rec(table: Table, rec_id: str, votes: int, **values: Any) -> dict[str, Any]:
    given = {
        "id": rec_id,
        "unit_id": "u1",
        "forum_id": "f1",
        "text": f"Usulan {rec_id}",
        "scope": "unit",
        "priority": 2,
        "votes": votes,
        "status": "proposed",
    }
    return _row(table, **{**given, **values})


def _queued(
    n: int, entity_id: str, kind: str, fields: dict[str, Any], action: str
) -> list[tuple[str, dict[str, Any]]]:
    """An operation as the old journal queued it, with its audit event."""
    op = {
        "device_seq": n,
        "op_id": f"op-{n}",
        "entity": "recommendations",
        "entity_id": entity_id,
        "kind": kind,
        "fields": {**fields, "at": "2024-08-21T10:00:00+00:00"},
        "hlc": stamp(n),
        "created_at": WHEN,
    }
    audit = {
        "id": f"audit-{n}",
        "unit_id": "u1",
        "at": WHEN,
        "actor": "Operator",
        "device_id": DEVICE,
        "hlc": stamp(n),
        "entity": "recommendations",
        "entity_id": entity_id,
        "action": action,
        "before": {},
        "after": {},
    }
    return [("outbox", op), ("audit_events", audit)]


def old_laptop(path: Path) -> None:
    """A laptop database at revision 0008 (protocol 3): recommendation R has 3 votes the server
    knows and 2 queued increments; S has 6 known plus 4 from duplicate D, whose merge is queued."""
    engine = create_engine(f"sqlite:///{path / DB_FILENAME}")
    with engine.connect() as conn:
        migrate(conn, "0008")
        meta = MetaData()
        tables = {
            name: Table(name, meta, autoload_with=conn) for name in ("units", "forums", "recommendations")
        }
        tables["audit_events"] = Table("audit_events", meta, autoload_with=conn)
        tables["outbox"] = Table("outbox", meta, autoload_with=conn)
        tables["device_state"] = Table("device_state", meta, autoload_with=conn)
        conn.execute(
            insert(tables["device_state"]).values(
                id=1,
                device_id=DEVICE,
                last_hlc="",
                created_at=WHEN,
                server_url="",
                server_epoch="",
                checkpoint=42,
            )
        )
        units = tables["units"]
        conn.execute(
            insert(units).values(_row(units, id="u1", unit_id="u1", code="KPPN-SORONG", name="KPPN Sorong"))
        )
        conn.execute(
            insert(tables["forums"]).values(
                _row(
                    tables["forums"],
                    id="f1",
                    unit_id="u1",
                    title="FKP",
                    held_on=date(2024, 8, 21),
                    mode="face_to_face",
                )
                | {"signatories": [], "status": "closed"}
            )
        )
        recs = tables["recommendations"]
        conn.execute(insert(recs), [_rec(recs, "R", 5), _rec(recs, "S", 10)])
        conn.execute(
            insert(recs),
            [
                _rec(recs, "D", 4, status="merged", merged_into_id="S")
                | {"clocks": {"*": stamp(0), "status": stamp(4)}}
            ],
        )
        rows = [
            *_queued(1, "R", "increment", {"votes": 1}, "vote"),
            *_queued(2, "R", "increment", {"votes": 1}, "vote"),
            *_queued(3, "S", "increment", {"votes": 4}, "merge_votes"),
            *_queued(
                4,
                "D",
                "transition",
                {
                    "action": "merge",
                    "from": "proposed",
                    "fields": {"status": "merged", "merged_into_id": "S"},
                },
                "merge",
            ),
        ]
        for audit_or_op in ("audit_events", "outbox"):
            table = tables[audit_or_op]
            values = [row for name, row in rows if name == audit_or_op]
            if audit_or_op == "audit_events":
                values = [_row(table, **v) | {"clocks": {"*": v["hlc"]}} for v in values]
            conn.execute(insert(table), values)
        conn.commit()
    engine.dispose()


def test_a_laptops_votes_and_queued_increments_become_contributions(tmp_path: Path) -> None:
    old_laptop(tmp_path)
    ws = Workspace.open(tmp_path, Settings(language="en"))
    try:
        with ws.store.read() as session:
            counts = {r.id: (r.votes, r.vote_counts) for r in session.scalars(select(Recommendation))}
            # the recommendations' operations (a forum closed before the upgrade also gets its
            # minutes frozen at this first start: desktop.services.frozen)
            ops = session.scalars(
                select(OutboxOp).where(OutboxOp.entity == "recommendations").order_by(OutboxOp.device_seq)
            ).all()
        assert counts == {
            "R": (5, {"carried": 3, DEVICE: 2}),
            "S": (10, {"carried": 6, "merge:D": 4}),
            "D": (4, {"carried": 4}),
        }
        assert [(op.kind, op.fields.get("key"), op.fields.get("value")) for op in ops] == [
            ("counter", DEVICE, 1),
            ("counter", DEVICE, 2),
            ("counter", "merge:D", 4),
            ("transition", None, None),
        ]
        assert all(op.action_id == op.op_id for op in ops)  # each an action of its own
        device = ws.store.device()
        assert device.checkpoint == 0  # everything is pulled again once
        with ws.store.read() as session:
            every = session.scalars(select(OutboxOp)).all()
            # numbering continues after the recommendations' 4, never repeats
            assert outbox.device_high(session) == max(op.device_seq for op in every) >= 4
            assert len({op.device_seq for op in every}) == len(every)
    finally:
        ws.close()


def test_the_servers_votes_become_one_carried_contribution(server_db: str) -> None:
    store = ServerStore(server_db)
    from server_stub.store import MIGRATIONS

    with store.engine.begin() as conn:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "s0002")
        meta = MetaData()
        records = Table("records", meta, autoload_with=conn)
        applied = Table("applied_ops", meta, autoload_with=conn)
        conn.execute(
            insert(records),
            [
                {
                    "entity": "recommendations",
                    "id": "R",
                    "unit_id": "u1",
                    "seq": 1,
                    "deleted": False,
                    "data": {"text": "Usulan", "votes": 7},
                    "clocks": {"*": stamp(0)},
                    "conflicts": [],
                },
                {
                    "entity": "recommendations",
                    "id": "Z",
                    "unit_id": "u1",
                    "seq": 2,
                    "deleted": False,
                    "data": {"text": "Tanpa suara", "votes": 0},
                    "clocks": {"*": stamp(0)},
                    "conflicts": [],
                },
            ],
        )
        conn.execute(
            insert(applied).values(
                op_id="old-refused-op", device_id=DEVICE, status="rejected", reason="Cannot x", at=WHEN
            )
        )
    store.migrate()
    try:
        with store.transaction() as session:
            held = {r.id: r.data for r in session.scalars(select(Record))}
        assert (held["R"]["votes"], held["R"]["vote_counts"]) == (7, {"carried": 7})
        assert (held["Z"]["votes"], held["Z"]["vote_counts"]) == (0, {})
        with store.transaction() as session:  # a refusal remembered before codes: still a refusal
            [again] = apply_push(
                session,
                Caller(DEVICE, "u1"),
                [{"op_id": "old-refused-op", "action_id": "action-1", "device_seq": 1, "entity": "forums"}],
            )
        assert again["status"] == "duplicate" and again["code"] == "refused_earlier"
        # A device's contribution adds to the carried votes.
        with store.transaction() as session:
            [result] = apply_push(
                session,
                Caller(DEVICE, "u1"),
                [
                    {
                        "op_id": "new-vote",
                        "action_id": "action-2",
                        "device_seq": 2,
                        "entity": "recommendations",
                        "entity_id": "R",
                        "kind": "counter",
                        "fields": {
                            "field": "votes",
                            "key": DEVICE,
                            "value": 2,
                            "at": "2024-08-22T00:00:00+00:00",
                        },
                        "hlc": stamp(9),
                    }
                ],
            )
        assert result["status"] == "applied"
        with store.transaction() as session:
            record = session.get(Record, ("recommendations", "R"))
            assert record is not None
            assert (record.data["votes"], record.data["vote_counts"]) == (9, {"carried": 7, DEVICE: 2})
    finally:
        store.close()


def test_json_of_the_migration_is_plain(tmp_path: Path) -> None:
    """The converted operations are stored as JSON objects the push splices in as they are."""
    old_laptop(tmp_path)
    ws = Workspace.open(tmp_path, Settings(language="en"))
    ws.close()
    import sqlite3

    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        fields = [json.loads(f) for (f,) in conn.execute("SELECT fields FROM outbox WHERE kind = 'counter'")]
    assert all(set(f) == {"field", "key", "value", "at"} for f in fields)
