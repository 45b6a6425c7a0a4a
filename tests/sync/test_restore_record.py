"""Undoing a deletion travels as a restore of the same record (issue #11): a laptop deletes,
syncs, undoes, syncs, and every other laptop shows the record once, under its id, with its votes
and its whole history. The tombstone is a register: the later of a delete and a restore wins,
whichever reaches the server first; a device may restore only its own office's records."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, Participant, Recommendation
from desktop.services import participants
from desktop.services import recommendations as recs
from desktop.sync.engine import server_of
from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_actions import assert_same, on_server, synced, two_recs

Device = Callable[[str, str], Workspace]


def held(ws: Workspace, rec: str) -> tuple[bool, int, int, list[str]]:
    """(deleted, votes, rows of recommendations, the record's history) as the laptop has them."""
    with ws.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None
        count = session.scalar(select(func.count()).select_from(Recommendation))
        history = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == rec).order_by(AuditEvent.hlc)
        ).all()
        return row.deleted, row.votes, int(count or 0), list(history)


def test_a_deletion_undone_reaches_the_other_laptop_as_the_same_record(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec, _other = two_recs(a)  # 5 votes counted on a
    synced(a, b)
    b.write(recs.vote, rec)
    synced(b, a)
    a.write(recs.delete_recommendation, rec)
    synced(a, b)
    assert held(b, rec)[0] is True  # the deletion travelled
    a.write(recs.restore_recommendation, rec)  # Ctrl+Z
    synced(a, b)
    stored = on_server(server, "recommendations", rec)
    assert stored is not None and not stored.deleted and stored.data["votes"] == 6
    history = ["create", "vote", "delete", "restore"]
    assert held(b, rec) == (False, 6, 2, history)  # once, the same id, its votes, its history
    assert held(a, rec) == (False, 6, 2, history)
    assert_same(a, b)
    a.write(recs.delete_recommendation, rec)  # redo: deleted again, everywhere
    synced(a, b)
    assert held(b, rec)[0] is True and held(b, rec)[2] == 2
    assert_same(a, b)


def test_the_later_of_a_deletion_and_a_restore_wins_whichever_arrives_first(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec, other = two_recs(a)
    synced(a, b)
    b.write(recs.delete_recommendation, rec)  # b deletes while a does the same and undoes it
    a.write(recs.delete_recommendation, rec)
    a.write(recs.restore_recommendation, rec)
    synced(a, b, a)  # a's restore is later than b's deletion, which arrives after it
    assert on_server(server, "recommendations", rec).deleted is False  # type: ignore[union-attr]
    assert held(a, rec)[0] is False and held(b, rec)[0] is False
    assert_same(a, b)
    a.write(recs.delete_recommendation, other)  # a restore older than a deletion loses
    b.write(recs.delete_recommendation, other)
    synced(b)
    a.write(recs.restore_recommendation, other)
    b.write(recs.restore_recommendation, other)
    b.write(recs.delete_recommendation, other)  # b's deletion is the last word
    synced(b, a, b)
    assert on_server(server, "recommendations", other).deleted is True  # type: ignore[union-attr]
    assert held(a, other)[0] is True and held(b, other)[0] is True
    assert_same(a, b)


def test_a_participant_removed_and_brought_back_is_the_same_person_on_the_other_laptop(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, _rec, _other = two_recs(a)
    person = a.write(participants.add_participant, forum, name="Salah Ketik", category="satker")
    synced(a, b)
    a.write(participants.remove_participant, person)
    synced(a)
    a.write(participants.restore_participant, person)
    synced(a, b)
    with b.store.read() as session:
        people = session.scalars(select(Participant).where(Participant.name == "Salah Ketik")).all()
    assert [(p.id, p.deleted) for p in people] == [(person, False)]


def push(ws: Workspace, server: Running, ops: list[dict[str, object]]) -> list[dict[str, object]]:
    _url, token = server_of(ws)
    body = {"device_id": ws.ctx.device_id, "schema_version": PROTOCOL_VERSION, "device_high": 10**6, "ops": ops}
    with httpx.Client(base_url=server.url, timeout=10) as http:
        answer = http.post("/sync/push", json=body, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    results: list[dict[str, object]] = answer.json()["results"]
    return results


def restore_op(ws: Workspace, entity: str, record_id: str, fields: dict[str, object]) -> dict[str, object]:
    return {
        "op_id": new_id(),
        "action_id": new_id(),
        "device_seq": 1,
        "entity": entity,
        "entity_id": record_id,
        "kind": "restore",
        "fields": fields,
        "hlc": ws.ctx.clock.now().encode(),
    }


def test_a_device_restores_only_what_it_may_delete(device: Device, server: Running) -> None:
    """As a buggy or malicious device could send it: a restore of another office's record, of a
    record that is never deleted (an audit event), or with fields it does not carry."""
    a, other = device("a", "KPPN-SORONG"), device("m", "KPPN-MANOKWARI")
    _forum, rec, _second = two_recs(a)
    a.write(recs.delete_recommendation, rec)
    synced(a)
    at = {"at": "2024-08-22T00:00:00+00:00"}
    with server.store.transaction() as session:
        event = session.scalars(select(Record).where(Record.entity == "audit_events")).first()
        assert event is not None
        event_id = event.id
    (foreign,) = push(other, server, [restore_op(other, "recommendations", rec, at)])
    assert (foreign["status"], foreign["code"]) == ("rejected", "unknown_record")  # not even named to it
    results = push(
        a,
        server,
        [
            restore_op(a, "recommendations", rec, {**at, "deleted": False}),
            restore_op(a, "audit_events", event_id, at),
        ],
    )
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "invalid_field"), ("rejected", "append_only")]
    stored = on_server(server, "recommendations", rec)
    assert stored is not None and stored.deleted  # nothing changed
