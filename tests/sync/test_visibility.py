"""What a pull hands a device: its own unit's records, the unit tree, the escalations addressed
to its unit with their history, and the answers to its own; nothing else, whatever `since` and
`limit` it asks."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desktop.services import escalations
from desktop.sync.engine import sync_once
from desktop.vocab import Outcome
from desktop.workspace import Workspace
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World, server_state

MakeRaw = Callable[[Workspace], Raw]
Key = tuple[str, str]


def _records(server: Running) -> list[Record]:
    with server.store.transaction() as session:
        return list(session.scalars(select(Record)))


def test_a_device_sees_its_own_what_is_addressed_to_it_and_the_answers_to_its_own(
    world: World, raw: MakeRaw, server: Running
) -> None:
    world.other.write(escalations.escalate, world.other_rec, "Mohon arahan")
    sync_once(world.other)
    sync_once(world.kanwil)
    world.kanwil.write(escalations.answer, world.escalation, Outcome.ADOPTED, "Diakomodasi")
    assert sync_once(world.kanwil).refused == 0
    newest = server_state(server)[1]
    everything = _records(server)
    for ws in (world.kppn, world.kanwil, world.other):
        device = raw(ws)
        unit = device.unit_id
        addressed = {r.id for r in everything if r.entity == "escalations" and r.to_unit_id == unit}
        allowed = {
            (r.entity, r.id)
            for r in everything
            if r.entity == "units"
            or r.unit_id == unit
            or r.id in addressed
            # the history of an escalation addressed to it, whoever recorded it
            or (r.entity == "audit_events" and r.data.get("entity_id") in addressed)
        }
        own_echo = {(r.entity, r.id) for r in everything if r.origin == device.device_id}
        for since in (0, 1, newest // 2, newest - 1, newest):
            for limit in (1, 3, 1000):
                pulled = device.pull_all(since, limit)
                keys = {(r["entity"], r["id"]) for r in pulled}
                assert keys <= allowed, f"{ws.settings.operator} saw {sorted(keys - allowed)}"
                assert all(r["seq"] > since for r in pulled)
                assert len(keys) == len(pulled)  # each record once
                if since == 0:
                    assert keys | own_echo >= allowed  # and everything it may see (its own echo aside)

    kppn, kanwil, other = (raw(ws).pull_all() for ws in (world.kppn, world.kanwil, world.other))
    by_entity = {
        name: {(r["entity"], r["id"]) for r in pulled}
        for name, pulled in (("kppn", kppn), ("kanwil", kanwil), ("m", other))
    }
    sorong_forum, manokwari_forum = ("forums", world.forum), ("forums", world.other_forum)
    assert sorong_forum not in by_entity["kanwil"] and sorong_forum not in by_entity["m"]
    assert manokwari_forum not in by_entity["kanwil"] and manokwari_forum not in by_entity["kppn"]
    assert ("escalations", world.escalation) in by_entity["kanwil"]  # addressed to it
    assert ("escalations", world.escalation) not in by_entity["m"]
    answered = next(r for r in kppn if r["id"] == world.escalation)  # the answer to its own
    assert answered["data"]["status"] == "answered" and answered["data"]["answer"] == "Diakomodasi"
    journal = [
        r for r in kppn if r["entity"] == "audit_events" and r["data"]["entity_id"] == world.escalation
    ]
    assert any(r["data"]["action"] == "answer" for r in journal)  # Kanwil's journal of it, filed at KPPN
    # The Kanwil is handed that history too (its other laptops hold what one of them answered;
    # the one that answered has it already), with the sending office's entry of the escalation;
    # never the history of the KPPN's other records.
    at_kanwil = [r for r in kanwil if r["entity"] == "audit_events"]
    answering = raw(world.kanwil).device_id
    assert {r["id"] for r in journal if r["data"]["device_id"] != answering} <= {r["id"] for r in at_kanwil}
    assert any(r["data"]["action"] == "create" for r in at_kanwil)
    assert all(r["data"]["entity"] == "escalations" for r in at_kanwil if r["unit_id"] != raw(world.kanwil).unit_id)
    assert not any(r["entity"] == "participants" for r in kanwil + other)  # never the attendance list
