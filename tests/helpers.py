"""Test helpers: building a small hierarchy and comparing database states."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import SYNCED_MODELS, AuditEvent, ExampleUnit, OutboxOp
from desktop.services import forums, units
from desktop.services.export import collect


@dataclass
class Tree:
    top: str
    middle: str
    leaf: str
    forum: str


def make_tree(ws: Workspace) -> Tree:
    top = ws.write(units.create_unit, code="DJPB", name="Direktorat Jenderal Perbendaharaan")
    middle = ws.write(
        units.create_unit, code="KANWIL-PBD", name="Kanwil DJPb Papua Barat Daya", parent_id=top
    )
    leaf = ws.write(units.create_unit, code="KPPN-SORONG", name="KPPN Sorong", parent_id=middle)
    forum = ws.write(forums.create_forum, unit_id=leaf, title="FKP", held_on="2024-08-21")
    return Tree(top, middle, leaf, forum)


@dataclass
class State:
    rows: dict[str, dict[str, dict[str, Any]]]
    outbox: list[dict[str, Any]]
    examples: set[str]  # the sample forum's units: audited, never queued for the server


def state(ws: Workspace) -> State:
    with ws.store.read() as session:
        tables = collect(session)
        outbox = [
            {
                "seq": op.device_seq,
                "op_id": op.op_id,
                "entity": op.entity,
                "entity_id": op.entity_id,
                "kind": op.kind,
                "fields": op.fields,
            }
            for op in session.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))
        ]
        examples = set(session.scalars(select(ExampleUnit.unit_id)))
    return State({name: {row["id"]: row for row in rows} for name, rows in tables.items()}, outbox, examples)


def assert_journaled(before: State, after: State) -> None:
    """Every row that appeared or changed has its audit event and outbox operation, and every
    new audit event travels in the outbox too; the sample forum's rows (of `ExampleUnit`s) have
    their audit event and no operation at all."""
    new_ops = after.outbox[len(before.outbox) :]
    assert after.outbox[: len(before.outbox)] == before.outbox, "outbox entries were changed"
    ops_by_entity: dict[str, set[str]] = {}
    for op in new_ops:
        ops_by_entity.setdefault(op["entity_id"], set()).add(op["entity"])
    audit_name = AuditEvent.__tablename__
    new_audit = {i: r for i, r in after.rows[audit_name].items() if i not in before.rows[audit_name]}
    audited_ids = {r["entity_id"] for r in new_audit.values()}
    for model in SYNCED_MODELS:
        name = model.__tablename__
        if name == audit_name:
            continue
        assert set(before.rows[name]) <= set(after.rows[name]), f"rows vanished from {name}"
        for row_id, row in after.rows[name].items():
            if before.rows[name].get(row_id) != row:
                if row["unit_id"] in after.examples:
                    assert row_id not in ops_by_entity, f"the sample's {name} {row_id} queued for the server"
                else:
                    assert name in ops_by_entity.get(row_id, set()), f"{name} {row_id} changed without outbox op"
                assert row_id in audited_ids, f"{name} {row_id} changed without audit event"
    for audit_id, audit in new_audit.items():
        if audit["unit_id"] in after.examples:
            assert audit_id not in ops_by_entity, "the sample's audit event queued for the server"
        else:
            assert audit_name in ops_by_entity.get(audit_id, set()), "audit event not in outbox"
    assert before.rows[audit_name].items() <= after.rows[audit_name].items(), "audit events changed"
