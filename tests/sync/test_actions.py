"""A user action is one unit on the server (DESIGN.md 6b): the operations of one local
transaction are applied all or none, the life cycle is checked for every register they touch,
and the first action to reach the server wins; the other is refused, kept on its laptop with
the refusal's code, and that laptop ends with the server's state (issue #12)."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Escalation, OutboxOp, Recommendation, RejectedOp
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync import engine
from desktop.sync.engine import server_of, sync_once
from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import valid_fields
from tests.sync.test_sync_basics import refused_on, unit_id

Device = Callable[[str, str], Workspace]


def on_server(server: Running, entity: str, record_id: str) -> Record | None:
    with server.store.transaction() as session:
        return session.get(Record, (entity, record_id))


def escalations_on_server(server: Running) -> list[Record]:
    with server.store.transaction() as session:
        return list(session.scalars(select(Record).where(Record.entity == "escalations")))


def two_recs(a: Workspace, scope: str = "unit") -> tuple[str, str, str]:
    """A forum with two recommendations typed on `a`: (forum, first, second)."""
    forum = a.write(forums.create_forum, unit_id=unit_id(a, "KPPN-SORONG"), title="FKP", held_on="2024-08-21")
    first = a.write(recs.add_recommendation, forum, text="Tambah petugas CS", scope=scope, votes=5)
    second = a.write(recs.add_recommendation, forum, text="Petugas CS pada jam sibuk", scope=scope, votes=2)
    return forum, first, second


def synced(*laptops: Workspace) -> None:
    for ws in laptops:
        sync_once(ws)


def assert_same(*laptops: Workspace) -> None:
    exports = [ws.read(export_json) for ws in laptops]
    assert all(e == exports[0] for e in exports), "the laptops' exports differ"


def test_a_refused_merge_adds_no_votes(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, survivor, duplicate = two_recs(a)
    synced(a, b)
    a.write(recs.reject, duplicate, "Bukan usulan layanan")
    sync_once(a)
    b.write(recs.merge, duplicate, survivor)  # b has not seen the rejection
    report = sync_once(b)
    assert report.refused == 1
    kept = on_server(server, "recommendations", survivor)
    assert kept is not None and kept.data["votes"] == 5 and kept.data["vote_counts"] == {a.ctx.device_id: 5}
    refused = refused_on(b)
    assert (refused.entity_id, refused.code) == (duplicate, "stale_transition")
    with b.store.read() as session:
        assert session.get(Recommendation, survivor).votes == 5  # type: ignore[union-attr]
        assert session.get(Recommendation, duplicate).status == RecStatus.REJECTED  # type: ignore[union-attr]
    sync_once(a)
    assert_same(a, b)


def test_a_merge_into_a_recommendation_rejected_elsewhere_is_refused_whole(
    device: Device, server: Running
) -> None:
    """The survivor's life cycle belongs to the merge too: merging into one that another laptop
    rejected is refused, and the duplicate stays proposed."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, survivor, duplicate = two_recs(a)
    synced(a, b)
    a.write(recs.reject, survivor, "Di luar kewenangan")
    sync_once(a)
    b.write(recs.merge, duplicate, survivor)
    assert sync_once(b).refused == 1
    refused = refused_on(b)
    assert refused.code == "stale_transition"
    assert refused.params == {
        "entity": "recommendations",
        "id": survivor,
        "action": "merge",
        "status": "rejected",
    }
    dup = on_server(server, "recommendations", duplicate)
    assert dup is not None and dup.data["status"] == "proposed"
    sync_once(a)
    assert_same(a, b)


def accepted_policy(a: Workspace, b: Workspace) -> str:
    forum = a.write(forums.create_forum, unit_id=unit_id(a, "KPPN-SORONG"), title="FKP", held_on="2024-08-21")
    rec = a.write(recs.add_recommendation, forum, text="Layanan jemput bola", scope="policy")
    a.write(recs.accept, rec)
    synced(a, b)
    return rec


def test_two_laptops_escalating_the_same_recommendation_reach_the_parent_once(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    kanwil = device("kanwil", "KANWIL-PBD")
    rec = accepted_policy(a, b)
    a.write(escalations.escalate, rec, "Mohon arahan")
    b.write(escalations.escalate, rec, "Mohon arahan juga")
    sync_once(a)
    assert sync_once(b).refused == 1  # the second to reach the server
    assert len(escalations_on_server(server)) == 1
    sync_once(kanwil)
    with kanwil.store.read() as session:
        [received] = session.scalars(select(Escalation)).all()
        assert received.note == "Mohon arahan"
    with b.store.read() as session:  # b's own escalation does not stay as if it had gone out
        assert [e.note for e in session.scalars(select(Escalation))] == ["Mohon arahan"]
        created = session.scalars(
            select(RejectedOp).where(RejectedOp.entity == "escalations", RejectedOp.kind == "create")
        ).one()
        assert created.fields["note"] == "Mohon arahan juga" and created.code == "action_refused"
    sync_once(a)
    assert_same(a, b)


def test_no_escalation_goes_out_for_a_recommendation_rejected_elsewhere(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    kanwil = device("kanwil", "KANWIL-PBD")
    forum = a.write(forums.create_forum, unit_id=unit_id(a, "KPPN-SORONG"), title="FKP", held_on="2024-08-21")
    rec = a.write(recs.add_recommendation, forum, text="Layanan jemput bola", scope="policy")
    synced(a, b)
    a.write(recs.reject, rec, "Sudah diatur kantor pusat")
    sync_once(a)
    b.write(recs.accept, rec)  # offline: b has not seen the rejection
    b.write(escalations.escalate, rec, "Mohon arahan")
    report = sync_once(b)
    assert report.refused == 2  # the acceptance, then the escalation (both stale)
    assert escalations_on_server(server) == []
    sync_once(kanwil)
    with kanwil.store.read() as session:
        assert session.scalars(select(Escalation)).all() == []
    with b.store.read() as session:
        assert session.scalars(select(Escalation)).all() == []
        assert session.get(Recommendation, rec).status == RecStatus.REJECTED  # type: ignore[union-attr]
    sync_once(a)
    assert_same(a, b)


@pytest.mark.parametrize("first", ["escalate", "change_scope"])
def test_a_scope_change_concurrent_with_an_escalation_is_refused(
    device: Device, server: Running, first: str
) -> None:
    """Whichever reaches the server first wins: never an escalated (or answered)
    recommendation of scope "unit"."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    rec = accepted_policy(a, b)
    a.write(escalations.escalate, rec, "Mohon arahan")
    b.write(recs.change_scope, rec, "unit")
    winner, loser = (a, b) if first == "escalate" else (b, a)
    sync_once(winner)
    assert sync_once(loser).refused == 1
    held = on_server(server, "recommendations", rec)
    assert held is not None
    if first == "escalate":
        assert (held.data["status"], held.data["scope"]) == ("escalated", "policy")
        assert refused_on(b).params["action"] == "change_scope"
    else:
        assert (held.data["status"], held.data["scope"]) == ("accepted", "unit")
        assert escalations_on_server(server) == []
    sync_once(winner)
    assert_same(a, b)
    with a.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None and not (row.status == RecStatus.ESCALATED and row.scope == Scope.UNIT)


def _op(
    entity: str, entity_id: str, kind: str, fields: dict[str, object], hlc: str, action: str
) -> dict[str, object]:
    return {
        "op_id": new_id(),
        "action_id": action,
        "device_seq": 1,
        "entity": entity,
        "entity_id": entity_id,
        "kind": kind,
        "fields": fields,
        "hlc": hlc,
    }


def test_an_action_refused_midway_leaves_nothing_of_its_earlier_operations(
    device: Device, server: Running
) -> None:
    """As a buggy or malicious device could send it: an edit, a new record and a stale status
    change in one action. The edit and the new record are undone; the others of the action are
    refused with `action_refused` naming the refused one."""
    a = device("a", "KPPN-SORONG")
    forum, rec, _other = two_recs(a)
    a.write(recs.accept, rec)
    sync_once(a)
    with a.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None
        clocks = dict(row.clocks)
    stamp = a.ctx.clock.now().encode()
    action = new_id()
    fresh = new_id()
    when = "2024-08-22T00:00:00+00:00"
    unit = unit_id(a, "KPPN-SORONG")
    created = valid_fields("recommendations", unit, forum_id=forum, text="Baru", vote_counts={}, votes=0)
    rejection = {"status": "rejected", "status_reason": "Ganda", "status_at": when, "status_by": "a"}
    ops = [
        _op(
            "recommendations",
            rec,
            "update",
            {"set": {"text": "Diubah"}, "base": {}, "at": when},
            stamp,
            action,
        ),
        _op("recommendations", fresh, "create", created, stamp, action),
        _op(
            "recommendations",
            rec,
            "transition",
            {"action": "reject", "from": "proposed", "fields": rejection, "base": clocks, "at": when},
            stamp,
            action,
        ),
    ]
    _url, token = server_of(a)
    body = {"device_id": a.ctx.device_id, "schema_version": PROTOCOL_VERSION, "device_high": 10**6, "ops": ops}
    with httpx.Client(base_url=server.url, timeout=10) as http:
        answer = http.post("/sync/push", json=body, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert results[2]["code"] == "stale_transition"
    refused_id = ops[2]["op_id"]
    assert results[0]["code"] == results[1]["code"] == "action_refused"
    assert results[0]["params"] == {"op_id": refused_id, "code": "stale_transition"}
    held = on_server(server, "recommendations", rec)
    assert held is not None and held.data["text"] == "Tambah petugas CS" and held.data["status"] == "accepted"
    assert held.clocks == clocks
    assert on_server(server, "recommendations", fresh) is None


def test_a_push_batch_never_splits_an_action(device: Device, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 3 operations, actions of 4 (a merge: status change, votes, two audit events):
    each push carries whole actions."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, survivor, duplicate = two_recs(a)
    a.write(recs.merge, duplicate, survivor)
    with a.store.read() as session:
        queued = {op.op_id: op.action_id for op in session.scalars(select(OutboxOp))}
    monkeypatch.setattr(engine, "PUSH_BATCH", 3)
    sent: list[list[str]] = []

    class Spy(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path == "/sync/push":
                import gzip

                ops = json.loads(gzip.decompress(request.content))["ops"]
                sent.append([op["op_id"] for op in ops])
            return super().handle_request(request)

    url, token = server_of(a)
    from desktop.sync.client import SyncClient

    client = SyncClient(url, token, transport=Spy())
    try:
        assert sync_once(a, client).refused == 0
    finally:
        client.close()
    assert sorted(op for batch in sent for op in batch) == sorted(queued)
    for batch in sent:
        actions = {queued[op] for op in batch}
        for action in actions:  # every operation of each action it carries
            assert {op for op, act in queued.items() if act == action} <= set(batch)
    sync_once(b)
    with b.store.read() as session:
        assert session.get(Recommendation, survivor).votes == 7  # type: ignore[union-attr]
    assert_same(a, b)
