"""Forged or poisoned data (issue #12): each attack a buggy or malicious laptop could make with
a valid token, refused with a code, leaving every other office's data as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update

from desktop.app.workspace import Workspace
from desktop.core.vocab import Outcome
from desktop.models import AuditEvent, DeviceState, Escalation, Recommendation
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import sync_once
from desktop.sync.repush import restate_op
from protocol.ids import new_id
from protocol.messages import queued
from protocol.version import PROTOCOL_VERSION
from server_stub import sequence
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import NOW, Raw, World, on_server, server_state, valid_fields

Device = Callable[[str, str], Workspace]
MakeRaw = Callable[[Workspace], Raw]


def _rec(unit: str, forum: str, **values: Any) -> dict[str, Any]:
    return valid_fields("recommendations", unit, **{"forum_id": forum, "scope": "unit", **values})


def test_a_create_of_an_existing_id_is_refused_unless_it_is_the_same_operation_retried(
    world: World, raw: MakeRaw, device: Device, server: Running
) -> None:
    kanwil = raw(world.kanwil)
    before = on_server(server, "recommendations", world.policy)
    assert before is not None
    # Kanwil learned the recommendation's id from the escalation; a create would rewrite it.
    forged = kanwil.op(
        "recommendations", world.policy, "create", _rec(kanwil.unit_id, world.forum, text="Ditulis ulang")
    )
    assert kanwil.refusal(forged) == ("id_taken", {"entity": "recommendations", "id": world.policy})
    colleague = raw(device("kppn2", "KPPN-SORONG"))  # not even the office's own other laptop
    again = colleague.op(
        "recommendations", world.policy, "create", _rec(colleague.unit_id, world.forum, text="Kedua")
    )
    assert colleague.refusal(again)[0] == "id_taken"
    after = on_server(server, "recommendations", world.policy)
    assert after is not None and (after.data, after.clocks, after.unit_id) == (
        before.data,
        before.clocks,
        before.unit_id,
    )

    fresh = colleague.op(
        "recommendations", new_id(), "create", _rec(colleague.unit_id, world.forum, text="Baru")
    )
    assert colleague.push(fresh) == [{"op_id": fresh["op_id"], "status": "applied"}]
    assert colleague.push(fresh) == [{"op_id": fresh["op_id"], "status": "duplicate"}]  # retried: once
    twice = colleague.op(
        "recommendations", new_id(), "create", _rec(colleague.unit_id, world.forum, text="Dua kali")
    )
    second = {**twice, "op_id": new_id()}  # the same creation under another operation id
    assert [r["status"] for r in colleague.push(twice, second)] == ["applied", "applied"]
    made = on_server(server, "recommendations", twice["entity_id"])
    assert made is not None and made.data["text"] == "Dua kali"  # one record, taken as already there
    third = {**second, "op_id": new_id(), "hlc": colleague.clock.now().encode()}
    third["fields"] = {**third["fields"], "text": "Dibuat lagi"}  # another creation of that id
    assert colleague.refusal(third)[0] == "id_taken"


def _restate(ws: Workspace, model: Any, record_id: str) -> dict[str, Any]:
    with ws.store.read() as session:
        op = restate_op(model, session.get_one(model, record_id), None)
    assert op is not None
    return queued(op)


def test_state_re_sent_is_taken_when_absent_left_when_identical_and_merged_by_clock_otherwise(
    world: World, raw: MakeRaw, server: Running
) -> None:
    server.store.new_epoch()  # restored from a backup: the laptops re-send their state
    kppn = raw(world.kppn)
    same = _restate(world.kppn, Recommendation, world.local)
    seq = on_server(server, "recommendations", world.local).seq  # type: ignore[union-attr]
    assert (
        kppn.push(kppn.op(same["entity"], world.local, "restate", same["fields"], hlc=same["hlc"]))[0][
            "status"
        ]
        == "applied"
    )
    assert on_server(server, "recommendations", world.local).seq == seq  # type: ignore[union-attr]  # nothing changed

    lost = new_id()  # a record the restored server no longer has comes back whole
    state = {**same["fields"], "data": {**same["fields"]["data"], "text": "Hilang dari cadangan"}}
    assert (
        kppn.push(kppn.op("recommendations", lost, "restate", state, hlc=same["hlc"]))[0]["status"]
        == "applied"
    )
    back = on_server(server, "recommendations", lost)
    assert back is not None and back.data["text"] == "Hilang dari cadangan" and back.clocks == state["clocks"]

    old = same["fields"]["clocks"]["*"]
    world.kppn.write(recs.edit_recommendation, world.local, text="Versi terbaru di server")
    sync_once(world.kppn)
    newer = kppn.clock.now().encode()
    mixed = {
        **same["fields"],
        "data": {**same["fields"]["data"], "text": "Versi lama", "priority": 3, "votes": 999},
        "clocks": {"*": old, "text": old, "priority": newer, "votes": newer},
    }
    assert (
        kppn.push(kppn.op("recommendations", world.local, "restate", mixed, hlc=newer))[0]["status"]
        == "applied"
    )
    merged = on_server(server, "recommendations", world.local)
    assert merged is not None
    assert merged.data["text"] == "Versi terbaru di server"  # the server's register is newer
    assert merged.data["priority"] == 3 and merged.clocks["priority"] == newer  # the device's is newer
    assert merged.data["votes"] == 0  # a counter is not a register: never set by a restate

    theirs = _restate(world.other, Recommendation, world.other_rec)
    before = on_server(server, "recommendations", world.other_rec)
    taken = {**theirs["fields"], "data": {**theirs["fields"]["data"], "text": "Dibajak"}}
    code, _params = kppn.refusal(kppn.op("recommendations", world.other_rec, "restate", taken, hlc=newer))
    assert code == "unknown_record"  # another office's record: not even its existence is told
    after = on_server(server, "recommendations", world.other_rec)
    assert before is not None and after is not None and after.data == before.data


REGISTER = {
    "status": "answered",
    "answer": "Diakomodasi",
    "outcome": "adopted",
    "answered_by": "Kakanwil",
    "answered_at": NOW,
    "forwarded_to_id": None,
}


def _action(raw: Raw, escalation: str, action: str, fields: dict[str, Any]) -> dict[str, Any]:
    return raw.op(
        "escalations", escalation, "transition", {"action": action, "fields": fields, "base": {}, "at": NOW}
    )


def test_a_status_action_carries_exactly_its_fields(world: World, raw: MakeRaw, server: Running) -> None:
    kanwil, kppn = raw(world.kanwil), raw(world.kppn)
    before = on_server(server, "escalations", world.escalation)
    sibling = world.units["KPPN-MANOKWARI"]
    # The parent office's answer may not re-address the escalation to a sibling office, nor
    # rewrite what the recommendation said; its acknowledgement sets no answer.
    for extra in (
        {"to_unit_id": sibling},
        {"rec_text": "Teks yang lain"},
        {"recommendation_id": world.other_rec},
    ):
        code, params = kanwil.refusal(_action(kanwil, world.escalation, "answer", {**REGISTER, **extra}))
        assert (code, params) == ("locked_field", {"entity": "escalations", "field": next(iter(extra))})
    ack = {"status": "acknowledged", "answer": "Dijawab diam-diam"}
    assert kanwil.refusal(_action(kanwil, world.escalation, "acknowledge", ack)) == (
        "locked_field",
        {"entity": "escalations", "field": "answer"},
    )
    # The sender may not re-address its own escalation, nor answer it itself.
    for name, value in (("to_unit_id", sibling), ("rec_text", "Lain"), ("status", "answered")):
        change = kppn.op(
            "escalations", world.escalation, "update", {"set": {name: value}, "base": {}, "at": NOW}
        )
        assert kppn.refusal(change) == ("locked_field", {"entity": "escalations", "field": name})
    assert kppn.refusal(_action(kppn, world.escalation, "answer", REGISTER)) == (
        "not_your_record",
        {"entity": "escalations", "id": world.escalation},
    )
    after = on_server(server, "escalations", world.escalation)
    assert (
        before is not None
        and after is not None
        and after.data == before.data
        and after.to_unit_id == before.to_unit_id
    )
    sync_once(world.other)
    with world.other.store.read() as session:
        assert session.scalars(select(Escalation)).all() == []  # the sibling never received it


def _plant(server: Running, record: Record) -> None:
    """A record stored before the server checked references (as an older server kept it)."""
    with server.store.transaction() as session:
        [record.seq] = sequence.hand_out(session, 1)
        session.add(record)


def test_an_answer_never_marks_another_offices_recommendation(
    world: World, raw: MakeRaw, server: Running
) -> None:
    kppn = raw(world.kppn)
    kanwil_id = world.units["KANWIL-PBD"]
    fields = valid_fields(
        "escalations",
        kppn.unit_id,
        recommendation_id=world.other_rec,
        from_unit_id=kppn.unit_id,
        to_unit_id=kanwil_id,
        rec_text="Ruang laktasi",
        forum_title="FKP",
    )
    forged = new_id()
    assert kppn.refusal(kppn.op("escalations", forged, "create", fields)) == (
        "not_visible",
        {"entity": "recommendations", "id": world.other_rec},
    )
    world.other.write(escalations.escalate, world.other_rec, "Mohon arahan")  # escalated: answerable
    sync_once(world.other)
    data = {k: v for k, v in fields.items() if k not in ("unit_id", "at")} | {"updated_at": NOW}
    _plant(
        server,
        Record(
            entity="escalations", id=forged, unit_id=kppn.unit_id, to_unit_id=kanwil_id, seq=0, deleted=False,
            data=data, clocks={"*": kppn.clock.now().encode()}, conflicts=[], origin=None,
        ),
    )  # fmt: skip
    sync_once(world.kanwil)
    world.kanwil.write(escalations.answer, forged, Outcome.DECLINED, "Tidak relevan")
    assert sync_once(world.kanwil).refused == 0
    answered = on_server(server, "escalations", forged)
    assert answered is not None and answered.data["status"] == "answered"
    theirs = on_server(server, "recommendations", world.other_rec)
    assert theirs is not None and theirs.data["status"] == "escalated"  # Manokwari's waits for its own answer


def test_references_name_records_the_device_may_see(world: World, raw: MakeRaw) -> None:
    kppn = raw(world.kppn)
    u, nobody = kppn.unit_id, new_id()
    of = valid_fields
    other_forum, other_rec, other_period = world.other_forum, world.other_rec, world.other_period
    creates = [
        ("participants", of("participants", u, forum_id=other_forum), "forums", other_forum),
        ("agenda_items", of("agenda_items", u, forum_id=other_forum), "forums", other_forum),
        ("recommendations", _rec(u, other_forum), "forums", other_forum),
        ("recommendations", _rec(u, world.forum, agenda_item_id=other_forum), "agenda_items", other_forum),
        ("recommendations", _rec(u, world.forum, raised_by_id=nobody), "participants", nobody),
        ("follow_ups", of("follow_ups", u, recommendation_id=other_rec), "recommendations", other_rec),
        ("survey_periods", of("survey_periods", u, forum_id=other_forum), "forums", other_forum),
        (
            "survey_responses",
            of("survey_responses", u, period_id=other_period),
            "survey_periods",
            other_period,
        ),
    ]
    for entity, fields, target, target_id in creates:
        code, params = kppn.refusal(kppn.op(entity, new_id(), "create", fields))
        assert (code, params) == ("not_visible", {"entity": target, "id": target_id}), entity
    edit = kppn.op(
        "recommendations", world.local, "update", {"set": {"raised_by_id": nobody}, "base": {}, "at": NOW}
    )
    assert kppn.refusal(edit) == ("not_visible", {"entity": "participants", "id": nobody})
    into = {"status": "merged", "merged_into_id": world.other_rec, "status_reason": "Duplikat"}
    merge = kppn.op(
        "recommendations", world.local, "transition", {"action": "merge", "fields": into, "at": NOW}
    )
    assert kppn.refusal(merge) == ("not_visible", {"entity": "recommendations", "id": world.other_rec})
    elsewhere = world.kppn.write(forums.create_forum, unit_id=u, title="FKP lain", held_on="2026-10-03")
    twin = world.kppn.write(recs.add_recommendation, elsewhere, text="Di forum lain", scope="unit")
    sync_once(world.kppn)
    into = {**into, "merged_into_id": twin}
    merge = kppn.op(
        "recommendations", world.local, "transition", {"action": "merge", "fields": into, "at": NOW}
    )
    assert kppn.refusal(merge) == (
        "invalid_field",
        {"entity": "recommendations", "field": "merged_into_id", "problem": "not_allowed"},
    )


def test_invalid_operations_are_refused_one_by_one_and_the_rest_applies(
    world: World, raw: MakeRaw, device: Device, server: Running
) -> None:
    kppn = raw(world.kppn)
    u = kppn.unit_id
    missing = _rec(u, world.forum)
    del missing["created_at"]

    def new(entity: str, fields: dict[str, Any]) -> dict[str, Any]:
        return kppn.op(entity, new_id(), "create", fields)

    person = valid_fields("participants", u, forum_id=world.forum, name="\x1b[2J")
    nul_key = {**_rec(u, world.forum), "\x00": None}  # stored with its refusal: PostgreSQL takes no NUL
    long_key = {**_rec(u, world.forum), "k" * 100_000: 1}
    bad = [
        (new("recommendations", _rec(u, world.forum, scope="bogus")), "scope", "unknown_value"),
        (new("recommendations", missing), "created_at", "required"),
        (new("forums", valid_fields("forums", u, title="J" * 3_000_000)), "title", "too_long"),
        (new("recommendations", _rec(u, world.forum, votes=10**9)), "votes", "out_of_range"),
        (
            kppn.op(
                "recommendations",
                world.local,
                "counter",
                {"field": "votes", "key": kppn.device_id, "value": 10**9, "at": NOW},
            ),
            "votes",
            "out_of_range",
        ),
        (new("recommendations", _rec(u, world.forum, text="a\x00b")), "text", "control_character"),
        (new("participants", person), "name", "control_character"),
        (new("recommendations", _rec(u, world.forum, priority="2")), "priority", "wrong_type"),
        (
            new("recommendations", _rec(u, world.forum, created_at="2026-11-01T08:30:00")),
            "created_at",
            "malformed",
        ),
        (new("recommendations", nul_key), "\ufffd", "unknown_field"),
        (new("recommendations", long_key), "k" * 200, "unknown_field"),
    ]
    good = new_id()
    fine = kppn.op(
        "recommendations",
        good,
        "create",
        _rec(u, world.forum, text="Usulan sah,\tdengan tab\ndan baris baru"),
    )
    before = server_state(server)
    results = kppn.push(*(op for op, _f, _p in bad), fine)
    for (op, field, problem), result in zip(bad, results, strict=False):
        assert result == {
            "op_id": op["op_id"],
            "status": "rejected",
            "code": "invalid_field",
            "params": {"entity": op["entity"], "field": field, "problem": problem},
        }
    assert results[-1] == {"op_id": fine["op_id"], "status": "applied"}
    assert server_state(server)[0] == before[0] + 1  # only the valid one stored
    local = on_server(server, "recommendations", world.local)
    assert local is not None and local.data["votes"] == 0
    fresh = device("fresh", "KPPN-SORONG")  # a new laptop still syncs, and gets the valid record
    assert sync_once(fresh).refused == 0
    with fresh.store.read() as session:
        assert session.get_one(Recommendation, good).text == "Usulan sah,\tdengan tab\ndan baris baru"
        held = set(session.scalars(select(Recommendation.id)))
    with server.store.transaction() as session:
        stored = session.scalars(
            select(Record.id).where(Record.entity == "recommendations", Record.unit_id == u)
        )
        assert held == set(stored)


def _synced(ws: Workspace) -> Workspace:
    sync_once(ws)
    return ws


def test_audit_events_are_never_changed(world: World, raw: MakeRaw, server: Running) -> None:
    kppn = raw(world.kppn)
    with world.kppn.store.read() as session:
        event = session.scalars(select(AuditEvent.id).where(AuditEvent.entity_id == world.local)).first()
    assert event is not None
    before = on_server(server, "audit_events", event)
    changes = [
        ("update", {"set": {"actor": "Orang lain"}, "base": {}, "at": NOW}),
        ("delete", {"at": NOW}),
        ("transition", {"action": "accept", "fields": {}, "at": NOW}),
        ("counter", {"field": "votes", "key": kppn.device_id, "value": 1, "at": NOW}),
    ]
    for kind, fields in changes:
        assert kppn.refusal(kppn.op("audit_events", event, kind, fields)) == (
            "append_only",
            {"entity": "audit_events"},
        )
    after = on_server(server, "audit_events", event)
    assert (
        before is not None
        and after is not None
        and (after.data, after.deleted) == (before.data, before.deleted)
    )


def test_an_impossible_checkpoint_is_refused_for_that_device_alone(
    world: World, raw: MakeRaw, server: Running
) -> None:
    kppn = raw(world.kppn)
    epoch = server.store.epoch()
    newest = server_state(server)[1]
    answer = kppn.http.get("/sync/pull", params={"since": 10**15, "schema_version": PROTOCOL_VERSION})
    assert answer.status_code == 409
    assert answer.json()["code"] == "checkpoint_ahead"
    assert answer.json()["params"] == {"since": 10**15, "newest": newest}
    beyond = kppn.http.get("/sync/pull", params={"since": 10**30, "schema_version": PROTOCOL_VERSION})
    assert beyond.status_code == 422 and beyond.json()["code"] == "malformed"
    assert server.store.epoch() == epoch  # nobody else starts again
    for ws in (world.other, world.kanwil):
        assert sync_once(ws).requeued == 0


def test_a_laptop_whose_checkpoint_is_ahead_pulls_from_the_start_and_re_sends_its_state(
    world: World, device: Device, server: Running
) -> None:
    epoch = server.store.epoch()
    with server.store.transaction() as session:  # the server lost a record it had acknowledged
        session.execute(update(Record).where(Record.id == world.local).values(entity="lost"))
    with world.kppn.store.remote_write() as session:
        session.execute(update(DeviceState).values(checkpoint=10**9))
    report = sync_once(world.kppn)
    assert report.requeued > 0 and report.refused == 0
    assert on_server(server, "recommendations", world.local) is not None  # back
    assert world.kppn.store.device().checkpoint <= server_state(server)[1]
    assert server.store.epoch() == epoch
    assert sync_once(world.other).requeued == 0
    colleague = device("kppn2", "KPPN-SORONG")
    assert colleague.read(export_json) == _synced(world.kppn).read(export_json)
